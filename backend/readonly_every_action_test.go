package backend

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

// futureRequest stands for an action agdash names but has no request type
// for yet: read-only mode must refuse it all the same.
type futureRequest struct{ action domain.Action }

func (r futureRequest) Action() domain.Action { return r.action }
func (r futureRequest) Target() string        { return "some-resource" }
func (r futureRequest) Plan() []string        { return []string{"(not built yet)"} }

// Read-only mode refuses every action that changes AWS, before any call:
// every domain.Action constant and every request type in this package is
// tried (both lists are read from the source, so a new action cannot slip
// past this test), and the fake account sees no call at all.
func TestReadOnlyRefusesEveryActionTypeWithoutAnAWSCall(t *testing.T) {
	requests := map[domain.Action]ActionRequest{
		domain.ActionStopTrainingJob: StopTrainingJob{Name: "hdb-r"},
		domain.ActionStartPipeline:   StartExecution{Pipeline: "hdb-train"},
		domain.ActionStopPipeline:    StopExecution{ARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-train/execution/x1"},
		domain.ActionRetryPipeline:   RetryExecution{ARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-train/execution/x1"},
		domain.ActionApproveModel:    approve,
		domain.ActionRejectModel:     SetApproval{ModelPackageARN: approve.ModelPackageARN, Group: "hdb-resale", Version: 3, Note: "worse than v2"},
		domain.ActionStartRestore: StartRestore{RestoreRequest: domain.RestoreRequest{
			RecoveryPointARN: "arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-1", FileSystemID: "fs-0hdb",
			IAMRoleARN: "arn:aws:iam::123456789012:role/AGBackupRestore", Paths: []string{"/200005/notebooks/eda.R"}}},
		domain.ActionInvokeEndpoint: InvokeEndpoint{Endpoint: "hdb-prod", ContentType: "application/json", Body: []byte(`{}`)},
	}
	for _, name := range actionConstants(t) {
		a := constantValue(t, name)
		if _, ok := requests[a]; !ok {
			requests[a] = futureRequest{action: a}
		}
	}
	typesSeen := map[string]bool{}
	for _, req := range requests {
		typesSeen[reflect.TypeOf(req).Name()] = true
	}
	for _, typ := range requestTypes(t) {
		if !typesSeen[typ] {
			t.Errorf("request type %s is not tried here: add one to the table", typ)
		}
	}

	f := scientistAccount()
	c, _ := newTestClient(t, f, Options{ReadOnly: true})
	actions := make([]domain.Action, 0, len(requests))
	for a := range requests {
		actions = append(actions, a)
	}
	sort.Slice(actions, func(i, j int) bool { return actions[i] < actions[j] })
	for _, a := range actions {
		if !a.Mutates() {
			continue
		}
		req := requests[a]
		before := c.Calls().Total
		res, err := c.Do(context.Background(), req)
		ae := actionError(t, err)
		target := req.Target()
		if a == domain.ActionStopPipeline || a == domain.ActionRetryPipeline {
			target = "execution x1 of hdb-train" // a run is named as the panes name it, not by its ARN
		}
		want := "Refused: agdash is in read-only mode, so it will not " + a.Verb() + " (" + target + ")."
		if ae.Code != "ReadOnly" || err.Error() != want || res.Outcome != OutcomeDone || res.Message != "" {
			t.Errorf("%s: %q (result %+v), want %q", a, err, res, want)
		}
		if got := c.Calls().Total - before; got != 0 {
			t.Errorf("%s: %d AWS calls in read-only mode", a, got)
		}
	}
	if len(f.Invocations) != 0 {
		t.Fatalf("an endpoint was invoked: %+v", f.Invocations)
	}
	// The one action that changes nothing is the endpoint smoke test, which
	// on-call may run: it alone does not mutate.
	var harmless []domain.Action
	for _, a := range actions {
		if !a.Mutates() {
			harmless = append(harmless, a)
		}
	}
	if !slices.Equal(harmless, []domain.Action{domain.ActionInvokeEndpoint}) {
		t.Fatalf("actions allowed in read-only mode: %v, want only invoke-endpoint", harmless)
	}
}

// actionConstants are the names of the domain.Action constants.
func actionConstants(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, file := range parseDir(t, "domain") {
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Action" {
					for _, n := range vs.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	if len(names) < 8 {
		t.Fatalf("found only %d Action constants in backend/domain: the parser is looking in the wrong place", len(names))
	}
	return names
}

// constantValue maps a constant's name to its value.
func constantValue(t *testing.T, name string) domain.Action {
	t.Helper()
	all := map[string]domain.Action{
		"ActionStopTrainingJob": domain.ActionStopTrainingJob, "ActionStartPipeline": domain.ActionStartPipeline,
		"ActionStopPipeline": domain.ActionStopPipeline, "ActionRetryPipeline": domain.ActionRetryPipeline,
		"ActionApproveModel": domain.ActionApproveModel, "ActionRejectModel": domain.ActionRejectModel,
		"ActionStartRestore": domain.ActionStartRestore, "ActionInvokeEndpoint": domain.ActionInvokeEndpoint,
		"ActionTagResource": domain.ActionTagResource, "ActionCreateTrainingJob": domain.ActionCreateTrainingJob,
	}
	a, ok := all[name]
	if !ok {
		t.Fatalf("domain.%s is new: add it to constantValue (and, if it mutates, a request to the table)", name)
	}
	return a
}

// requestTypes are the types of this package with an Action method.
func requestTypes(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, file := range parseDir(t, ".") {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "Action" || len(fd.Recv.List) != 1 {
				continue
			}
			if id, ok := fd.Recv.List[0].Type.(*ast.Ident); ok {
				names = append(names, id.Name)
			}
		}
	}
	if len(names) < 6 {
		t.Fatalf("found only %d request types", len(names))
	}
	return names
}

func parseDir(t *testing.T, dir string) []*ast.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}
