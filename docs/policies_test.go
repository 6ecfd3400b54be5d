package docs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/iam"
)

// policy is an IAM identity policy, as much of the grammar as the
// documents use; anything else in a document's JSON is an error.
type policy struct {
	Version   string
	Statement []statement
}

type statement struct {
	Sid       string
	Effect    string
	Action    oneOrMany
	Resource  oneOrMany
	Condition map[string]map[string]oneOrMany
}

// oneOrMany is IAM's "a string or a list of strings".
type oneOrMany []string

func (o *oneOrMany) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*o = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("want a string or a list of strings, got %s", b)
	}
	*o = many
	return nil
}

// docPolicy is one ```json block of a document and the role its
// <!-- policy: NAME --> marker names ("" when it has none).
type docPolicy struct {
	name string
	line int
	p    policy
}

var (
	jsonBlockRE = regexp.MustCompile("(?s)```json\n(.*?)```")
	markerRE    = regexp.MustCompile(`<!-- policy: ([a-z-]+) -->\s*$`)
)

// readPolicies parses every JSON block of file as a policy, strictly.
func readPolicies(t *testing.T, file string) []docPolicy {
	t.Helper()
	doc := readDoc(t, file)
	var out []docPolicy
	for _, m := range jsonBlockRE.FindAllStringSubmatchIndex(doc, -1) {
		line := strings.Count(doc[:m[0]], "\n") + 1
		dec := json.NewDecoder(bytes.NewReader([]byte(doc[m[2]:m[3]])))
		dec.DisallowUnknownFields()
		var p policy
		if err := dec.Decode(&p); err != nil {
			t.Errorf("%s:%d: the JSON block is not a policy: %v", file, line, err)
			continue
		}
		if dec.More() {
			t.Errorf("%s:%d: the JSON block holds more than one value", file, line)
		}
		name := ""
		if mm := markerRE.FindStringSubmatch(strings.TrimRight(doc[:m[0]], "\n")); mm != nil {
			name = mm[1]
		}
		out = append(out, docPolicy{name: name, line: line, p: p})
	}
	return out
}

// knownActions are the IAM actions of the calls agdash makes.
func knownActions(calls []call) map[string]bool {
	known := map[string]bool{}
	for _, c := range calls {
		if callUse[c.key()].notCalled {
			continue
		}
		for _, a := range c.actions() {
			known[a] = true
		}
	}
	return known
}

// TestPermissionPoliciesAreWellFormed parses every JSON policy of
// PERMISSIONS.md and checks that it names only actions agdash needs.
func TestPermissionPoliciesAreWellFormed(t *testing.T) {
	known := knownActions(readAPICalls(t))
	policies := readPolicies(t, "PERMISSIONS.md")
	if len(policies) == 0 {
		t.Fatal("PERMISSIONS.md has no ```json policy blocks")
	}
	for _, dp := range policies {
		where := fmt.Sprintf("PERMISSIONS.md:%d", dp.line)
		if dp.p.Version != "2012-10-17" {
			t.Errorf("%s: Version %q, want 2012-10-17", where, dp.p.Version)
		}
		if len(dp.p.Statement) == 0 {
			t.Errorf("%s: no statements", where)
		}
		sids := map[string]bool{}
		for _, s := range dp.p.Statement {
			if s.Effect != "Allow" && s.Effect != "Deny" {
				t.Errorf("%s %s: Effect %q", where, s.Sid, s.Effect)
			}
			if s.Sid == "" || sids[s.Sid] || !regexp.MustCompile(`^[A-Za-z0-9]+$`).MatchString(s.Sid) {
				t.Errorf("%s: every statement needs its own alphanumeric Sid, got %q", where, s.Sid)
			}
			sids[s.Sid] = true
			if len(s.Action) == 0 || len(s.Resource) == 0 {
				t.Errorf("%s %s: a statement needs Action and Resource", where, s.Sid)
			}
			for _, a := range s.Action {
				if strings.Contains(a, "*") {
					t.Errorf("%s %s: wildcard action %q is not least privilege", where, s.Sid, a)
				} else if !known[a] {
					t.Errorf("%s %s: %q is not an action of any call agdash makes (see the calls table)", where, s.Sid, a)
				}
			}
		}
	}
}

// roles are the AG roles a policy is written for, as the sandbox names them.
var roles = []iam.AGRole{iam.RoleDataScientist, iam.RoleMLOpsEngineer, iam.RoleProjectAdmin, iam.RoleOnCall}

// effective is what a role's principal holds: the shared read policy and
// its own.
func effective(t *testing.T, policies []docPolicy, role iam.AGRole) []statement {
	t.Helper()
	var read, own []statement
	var nRead, nOwn int
	for _, dp := range policies {
		switch dp.name {
		case "read":
			read, nRead = dp.p.Statement, nRead+1
		case string(role):
			own, nOwn = dp.p.Statement, nOwn+1
		}
	}
	if nRead != 1 || nOwn != 1 {
		t.Fatalf("PERMISSIONS.md needs exactly one <!-- policy: read --> and one <!-- policy: %s --> block; has %d and %d", role, nRead, nOwn)
	}
	return append(slices.Clone(read), own...)
}

func allows(stmts []statement, action string) bool {
	for _, s := range stmts {
		if s.Effect == "Allow" && slices.Contains(s.Action, action) {
			return true
		}
	}
	return false
}

// TestPermissionPoliciesMatchTheSandbox checks each role's policy against
// the sandbox's IAM: a role may make a call in the document exactly when
// the sandbox lets it make the call on its own project's resource; and
// every mutation is narrowed, to the role's projects where SageMaker can
// tell a resource's project.
func TestPermissionPoliciesMatchTheSandbox(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	calls := readAPICalls(t)
	policies := readPolicies(t, "PERMISSIONS.md")

	for _, role := range roles {
		p, err := sb.Principal(string(role))
		if err != nil {
			t.Fatal(err)
		}
		stmts := effective(t, policies, role)
		project := sandbox.FeaturedProject
		if len(p.Projects) == 0 {
			project = ""
		}
		for _, c := range calls {
			acts := c.actions()
			if callUse[c.key()].notCalled || len(acts) == 0 {
				continue
			}
			docOK := true
			for _, a := range acts {
				docOK = docOK && allows(stmts, a)
			}
			sbOK, why := iam.Allowed(p, services[c.iface].prefix, c.method, project)
			if docOK != sbOK {
				t.Errorf("%s (%s): PERMISSIONS.md allows %s: %v; the sandbox: %v (%s)", role, p.SessionName, c.key(), docOK, sbOK, why)
			}
		}
		checkNarrowed(t, role, p.Projects, stmts, calls)
	}
}

// checkNarrowed fails a statement that grants a mutation on every
// resource, or a SageMaker mutation beyond the principal's projects.
func checkNarrowed(t *testing.T, role iam.AGRole, projects []string, stmts []statement, calls []call) {
	t.Helper()
	mutating := map[string]bool{"iam:PassRole": true}
	for _, c := range calls {
		if !iam.IsReadOnly(services[c.iface].prefix, c.method) {
			for _, a := range c.actions() {
				mutating[a] = true
			}
		}
	}
	want := slices.Clone(projects)
	sort.Strings(want)
	for _, s := range stmts {
		var muts []string
		for _, a := range s.Action {
			if mutating[a] {
				muts = append(muts, a)
			}
		}
		if len(muts) == 0 {
			continue
		}
		if slices.Contains(s.Resource, "*") && len(s.Condition) == 0 {
			t.Errorf("%s %s: %v on every resource, with no condition", role, s.Sid, muts)
		}
		if len(projects) == 0 || !strings.HasPrefix(muts[0], "sagemaker:") {
			continue
		}
		if tag, ok := s.Condition["StringEquals"]["sagemaker:ResourceTag/sagemaker:project-name"]; ok {
			got := slices.Clone([]string(tag))
			sort.Strings(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: the project-name condition lists %v, want the role's projects %v", role, s.Sid, got, want)
			}
			continue
		}
		for _, r := range s.Resource {
			if !slices.ContainsFunc(projects, func(p string) bool { return strings.Contains(r, "/"+p+"/") }) {
				t.Errorf("%s %s: %v on %s, which is neither tag-conditioned nor one of the projects %v", role, s.Sid, muts, r, projects)
			}
		}
	}
}
