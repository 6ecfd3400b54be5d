package domain

import (
	"strings"
	"testing"
)

func TestMayPerformFollowsAGRoles(t *testing.T) {
	cases := []struct {
		role   Role
		action Action
		ok     bool
	}{
		{RoleDataScientist, ActionStopTrainingJob, true},
		{RoleDataScientist, ActionStartPipeline, true},
		{RoleDataScientist, ActionApproveModel, false},
		{RoleDataScientist, ActionStartRestore, false},
		{RoleMLOpsEngineer, ActionApproveModel, true},
		{RoleMLOpsEngineer, ActionRejectModel, true},
		{RoleMLOpsEngineer, ActionStartRestore, false},
		{RoleProjectAdmin, ActionStartRestore, true},
		{RoleProjectAdmin, ActionApproveModel, true},
		{RoleOnCall, ActionInvokeEndpoint, true},
		{RoleOnCall, ActionStopTrainingJob, false},
		{RoleOnCall, ActionApproveModel, false},
		// A caller agdash cannot place is left to IAM.
		{RoleUnknown, ActionStartRestore, true},
	}
	for _, c := range cases {
		ok, why := Identity{Role: c.role}.MayPerform(c.action)
		if ok != c.ok {
			t.Errorf("%s %s: allowed=%v, want %v (%s)", c.role.Label(), c.action, ok, c.ok, why)
		}
		if !ok && !strings.Contains(why, c.role.Label()) {
			t.Errorf("%s %s: reason %q does not name the role", c.role.Label(), c.action, why)
		}
	}
}

func TestReadOnlyRefusesMutationsButNotInvoke(t *testing.T) {
	id := Identity{Role: RoleProjectAdmin, ReadOnly: true}
	if ok, why := id.MayPerform(ActionStartRestore); ok || !strings.Contains(why, "read-only") {
		t.Fatalf("read-only restore: ok=%v why=%q", ok, why)
	}
	if ok, _ := id.MayPerform(ActionInvokeEndpoint); !ok {
		t.Fatal("read-only mode refused a smoke invoke, which changes nothing")
	}
}
