package kit

import (
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
)

func TestStatusFamily(t *testing.T) {
	cases := map[string]themes.Family{
		domain.JobInProgress: themes.FamilyRunning, domain.ExecExecuting: themes.FamilyRunning, "CreateInProgress": themes.FamilyRunning,
		domain.JobCompleted: themes.FamilySucceeded, domain.EndpointInService: themes.FamilySucceeded, "CreateCompleted": themes.FamilySucceeded,
		domain.JobFailed: themes.FamilyFailed, "CRIT": themes.FamilyFailed, domain.AlarmAlarm: themes.FamilyFailed,
		"WARN": themes.FamilyWarning, domain.EndpointUpdating: themes.FamilyWarning, domain.JobStopping: themes.FamilyWarning,
		domain.JobStopped: themes.FamilyStopped, domain.RestoreAborted: themes.FamilyStopped,
		domain.RestorePending: themes.FamilyPending, domain.ApprovalPending: themes.FamilyPending, domain.StepNotStarted: themes.FamilyPending,
		"SomethingNew": themes.FamilyNeutral, "": themes.FamilyNeutral,
	}
	for s, want := range cases {
		if got := StatusFamily(s); got != want {
			t.Errorf("StatusFamily(%q) = %v, want %v", s, got, want)
		}
	}
}
