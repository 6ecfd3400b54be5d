package pipelines

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func TestListShowsTheRunSummaryAndFollowsScope(t *testing.T) {
	h := newHarness(t, 120, 30, kittest.Scientist())
	h.list()
	row := lineWith(h.view(), "hdb-resale-valuation")
	for _, want := range []string{"Executing", "32m ago", "80%", "1"} {
		if !strings.Contains(row, want) {
			t.Errorf("row lacks %q: %q", want, row)
		}
	}
	if f := strings.Fields(lineWith(h.view(), "hdb-rental-index-draft")); strings.Join(f[len(f)-5:], " ") != "never run - - 0" {
		t.Errorf("a pipeline never run: %q", f)
	}
	h.ctx.Scope = "hdb-resale-valuation"
	h.send(kit.ScopeMsg{Project: h.ctx.Scope})
	out := h.view()
	if strings.Contains(out, "hdb-flat-demand") || !strings.Contains(out, "hdb-resale-valuation") || h.p.Info() != "1 pipeline" {
		t.Errorf("scoped to hdb-resale-valuation (%s):\n%s", h.p.Info(), out)
	}
}

func TestExecutionsShowChangedParameters(t *testing.T) {
	h := newHarness(t, 140, 20, kittest.Scientist())
	h.executions()
	if got := h.p.Feeds(); !reflect.DeepEqual(got, []backend.FeedKey{pipelinesFeed, executionsFeed(hdb)}) {
		t.Errorf("feeds %v", got)
	}
	out := h.view()
	header := []rune(lineWith(out, "CHANGED PARAMETERS"))
	changedAt, idAt := runeIndex(header, "CHANGED PARAMETERS"), runeIndex(header, " ID")+1
	cell := func(row string, from, to int) string {
		r := []rune(row)
		return strings.TrimSpace(string(r[min(from, len(r)):min(to, len(r))]))
	}
	for exec, want := range map[string]struct{ changed, id string }{
		"retrain-500-trees": {"NumTrees=500", "r7k2m9x4p1qa"}, // a display name: its id beside it
		"f3n8c2d6t0wb":      {"Mtry=9 NumTrees=800", ""},      // named by its id already
		"s9q4v1h7e2jc":      {"defaults", ""},
		"a0":                {"TrainingInstanceType=ml.m5.2xlarge", ""},
		" a1 ":              {notRead, ""}, // parameters not read yet say so
	} {
		row := lineWith(out, exec)
		if got := cell(row, changedAt, idAt); got != want.changed {
			t.Errorf("%s: changed parameters %q, want %q (row %q)", exec, got, want.changed, row)
		}
		if got := cell(row, idAt, len(header)); got != want.id {
			t.Errorf("%s: id %q, want %q (row %q)", exec, got, want.id, row)
		}
	}
	// The Registry names the run that made a version by its id: filtering
	// on it finds the run although its display name differs.
	h.send(kit.FilterMsg{Text: "r7k2m9"})
	if rows := h.p.execTable.Len(); rows != 1 || !strings.Contains(lineWith(h.view(), ">"), "retrain-500-trees") {
		t.Errorf("filtering on the id left %d rows:\n%s", rows, h.view())
	}
	h.press("esc")
	if h.p.mode != modeList {
		t.Error("esc should go back to the pipelines")
	}
}

func TestStartRunSendsOnlyChangedParametersOnce(t *testing.T) {
	synctestRun(t, func(t *testing.T) {
		h := newHarness(t, 120, 35, kittest.Scientist())
		h.executions()
		h.press("r")
		if !h.p.Capturing() {
			t.Fatal("the start form should take typed keys")
		}
		for range 7 {
			h.press("tab") // to Mtry
		}
		h.press("ctrl+u")
		h.typeText("four")
		if out := h.view(); !strings.Contains(out, `Mtry must be a whole number, not "four".`) {
			t.Fatalf("no field error:\n%s", out)
		}
		if msgs := h.press("ctrl+s"); len(confirms(msgs)) != 0 {
			t.Fatal("a form with a bad value was submitted")
		}
		h.press("ctrl+u")
		h.typeText("4")
		h.press("tab", "ctrl+u")
		h.typeText("500")
		first := confirms(h.press("ctrl+s"))
		if len(first) != 1 {
			t.Fatal("no confirmation asked")
		}
		req := first[0].(backend.StartExecution)
		if want := map[string]string{"Mtry": "4", "NumTrees": "500"}; !reflect.DeepEqual(req.Parameters, want) {
			t.Errorf("parameters sent %v, want only the changed %v", req.Parameters, want)
		}
		if req.Pipeline != hdb || len(req.Declared) != 8 || req.ClientToken == "" {
			t.Errorf("request %+v", req)
		}
		// The dialog was cancelled; the same values again keep the token,
		// other values get a new one.
		again := confirms(h.press("ctrl+s"))[0].(backend.StartExecution)
		if again.ClientToken != req.ClientToken {
			t.Errorf("same request, new token %s → %s", req.ClientToken, again.ClientToken)
		}
		h.press("ctrl+u")
		h.typeText("600")
		changed := confirms(h.press("ctrl+s"))[0].(backend.StartExecution)
		if changed.ClientToken == req.ClientToken {
			t.Error("a different request reused the token")
		}
		// AWS started it: the new run opens in its graph, and the feeds that
		// show it are refreshed.
		newARN := acct + "pipeline/hdb-resale-valuation/execution/n3w"
		h.send(kit.ActionDoneMsg{Pane: kit.PanePipelines, Req: changed, Result: backend.ActionResult{ID: newARN}})
		if h.p.Capturing() || h.p.mode != modeGraph || h.p.arn != newARN {
			t.Fatalf("after the start: mode %d, arn %s", h.p.mode, h.p.arn)
		}
		if got := h.p.Feeds(); !reflect.DeepEqual(got, []backend.FeedKey{executionFeed(newARN)}) {
			t.Errorf("feeds %v", got)
		}
		refreshed := h.svc.Refreshed()
		if !reflect.DeepEqual(refreshed, []backend.FeedKey{executionsFeed(hdb), pipelinesFeed}) {
			t.Errorf("refreshed %v", refreshed)
		}
	})
}

func TestStartFailureKeepsTheForm(t *testing.T) {
	synctestRun(t, func(t *testing.T) {
		h := newHarness(t, 120, 35, kittest.Scientist())
		h.executions()
		h.press("r")
		req := confirms(h.press("ctrl+s"))[0].(backend.StartExecution)
		if len(req.Parameters) != 0 {
			t.Errorf("nothing changed, but %v was sent", req.Parameters)
		}
		h.send(kit.ActionDoneMsg{Pane: kit.PanePipelines, Req: req, Err: &backend.ActionError{Code: "ResourceLimitExceeded"}})
		if !h.p.Capturing() {
			t.Error("a refused start should leave the form open to try again")
		}
		h.press("esc")
		if h.p.Capturing() || h.p.mode != modeExecutions {
			t.Error("esc should close the form")
		}
	})
}

func TestStopAndRetryOnlyWhereTheyApply(t *testing.T) {
	h := newHarness(t, 120, 35, kittest.Scientist())
	h.executions()
	// The running one can be stopped, not retried.
	if reqs := confirms(h.press("x")); len(reqs) != 1 || reqs[0] != (backend.StopExecution{ARN: runARN}) {
		t.Errorf("stop asked %v", reqs)
	}
	if n := notes(h.press("R")); len(n) != 1 || n[0] != "Only a failed execution can be retried; retrain-500-trees is Executing." {
		t.Errorf("retry of a running execution: %q", n)
	}
	// The failed one can be retried with a fresh token, not stopped.
	h.press("down")
	reqs := confirms(h.press("R"))
	if len(reqs) != 1 || reqs[0].(backend.RetryExecution).ARN != failedARN || reqs[0].(backend.RetryExecution).ClientToken == "" {
		t.Fatalf("retry asked %v", reqs)
	}
	if second := confirms(h.press("R"))[0].(backend.RetryExecution); second.ClientToken == reqs[0].(backend.RetryExecution).ClientToken {
		t.Error("each retry dialog needs its own token")
	}
	if n := notes(h.press("x")); len(n) != 1 || !strings.Contains(n[0], "Only a running execution can be stopped; f3n8c2d6t0wb is Failed.") {
		t.Errorf("stop of a failed execution: %q", n)
	}
}

func TestReadOnlyAndRolesDisableActionsWithTheReason(t *testing.T) {
	id := kittest.Scientist()
	id.ReadOnly = true
	h := newHarness(t, 120, 35, id)
	h.executions()
	n := notes(h.press("r"))
	if len(n) != 1 || !strings.Contains(n[0], "read-only") || h.p.Capturing() {
		t.Errorf("start in read-only mode: %q", n)
	}
	for _, b := range h.p.Keys() {
		if b.Mutates && b.Disabled() == "" {
			t.Errorf("%s is not disabled in read-only mode", b.Name)
		}
	}
	h.send(kit.IdentityMsg{Identity: kittest.Scientist()})
	h.press("r")
	if !h.p.Capturing() {
		t.Error("after the identity changed, start should work")
	}
}

func TestNavigationInOpensTheGraphAndFollowsTheRun(t *testing.T) {
	h := newHarness(t, 120, 35, kittest.Scientist())
	h.send(kit.NavigateMsg{Pane: kit.PanePipelines, Arg: runARN})
	if got := h.p.Feeds(); !reflect.DeepEqual(got, []backend.FeedKey{executionFeed(runARN)}) {
		t.Fatalf("feeds %v", got)
	}
	if !strings.Contains(h.view(), "Loading the execution r7k2m9x4p1qa") {
		t.Errorf("before data:\n%s", h.view())
	}
	data := runningExecution(t)
	h.deliver(executionFeed(runARN), data)
	if h.p.g.selected != "TrainModel" {
		t.Errorf("selected %q, want the running step", h.p.g.selected)
	}
	if got := strings.Join(h.p.Crumbs(), ">"); got != "Pipelines>hdb-resale-valuation>retrain-500-trees" {
		t.Errorf("crumbs %s", got)
	}
	// A later delivery: training done, evaluation running; the selection
	// follows the run until the user moves it.
	h.svc.Advance(30 * time.Minute)
	data = runningExecution(t)
	tr := data.Steps["TrainModel"]
	tr.Status, tr.EndedAt = domain.StepSucceeded, now.Add(5*time.Minute)
	data.Steps["TrainModel"] = tr
	data.Steps["EvaluateModel"] = domain.PipelineStep{Name: "EvaluateModel", Type: "Processing", Status: domain.StepExecuting, StartedAt: now.Add(6 * time.Minute)}
	h.deliver(executionFeed(runARN), data)
	if h.p.g.selected != "EvaluateModel" {
		t.Errorf("selected %q, want the step now running", h.p.g.selected)
	}
	if out := h.view(); !strings.Contains(out, "● EvaluateModel") || !strings.Contains(out, "● Executing 24m00s") {
		t.Errorf("the footer should show the running step and its time:\n%s", out)
	}
	h.press("o", "left") // left to right: left is back along the flow
	h.deliver(executionFeed(runARN), data)
	if h.p.g.selected != "TrainModel" {
		t.Errorf("after the user moved, selection %q should stay", h.p.g.selected)
	}
	// esc goes to the execution's pipeline, the execution under the cursor.
	h.press("esc")
	if h.p.mode != modeExecutions || h.p.pipeline != hdb {
		t.Errorf("esc from a graph opened from elsewhere: mode %d pipeline %q", h.p.mode, h.p.pipeline)
	}
	h.deliver(executionsFeed(hdb), executionsData(t))
	h.send(kit.NavigateMsg{Pane: kit.PanePipelines, Arg: failedARN})
	h.press("esc")
	if r, _ := h.p.execTable.Selected(); r.ARN != failedARN {
		t.Errorf("back from the failed run's graph, the cursor is on %s", r.ARN)
	}
	// A pipeline's name opens its executions.
	h.send(kit.NavigateMsg{Pane: kit.PanePipelines, Arg: "hdb-flat-demand"})
	if h.p.mode != modeExecutions || h.p.pipeline != "hdb-flat-demand" || h.p.execs != nil {
		t.Errorf("navigating to a pipeline: mode %d pipeline %q", h.p.mode, h.p.pipeline)
	}
	// A stale delivery for the pipeline left behind is dropped.
	h.deliver(executionsFeed(hdb), executionsData(t))
	if h.p.execs != nil {
		t.Error("executions of another pipeline were taken")
	}
}

func TestStepJumpsToJobsLogsAndRegistry(t *testing.T) {
	h := newHarness(t, 120, 35, kittest.Scientist())
	h.graphOf(runARN, runningExecution(t))
	nav := navigations(h.press("t"))
	if len(nav) != 1 || nav[0] != (kit.NavigateMsg{Pane: kit.PaneJobs, Arg: trainJob}) {
		t.Errorf("t went %v", nav)
	}
	nav = navigations(h.press("L"))
	if len(nav) != 1 || nav[0] != (kit.NavigateMsg{Pane: kit.PaneJobs, Arg: trainJob, View: kit.ViewLogs}) {
		t.Errorf("L went %v", nav)
	}
	if n := notes(h.press("m")); len(n) != 1 || n[0] != "TrainModel has registered no model version." {
		t.Errorf("m on a training step: %q", n)
	}
	h.press("left")
	if n := notes(h.press("t")); len(n) != 1 || n[0] != "PreprocessData has no training job." {
		t.Errorf("t on a processing step: %q", n)
	}

	h.graphOf(doneARN, registeredExecution(t))
	if h.p.g.selected != "RegisterModel" {
		t.Fatalf("selected %s, want the last step that ran", h.p.g.selected)
	}
	h.press("enter")
	out := h.view()
	for _, want := range []string{"Model package registered", "hdb-resale-valuation v15", modelPkg, "m opens it in the Registry pane",
		"waits for", "CheckModelQuality"} {
		if !strings.Contains(out, want) {
			t.Errorf("step detail lacks %q:\n%s", want, out)
		}
	}
	if nav := navigations(h.press("m")); len(nav) != 1 || nav[0] != (kit.NavigateMsg{Pane: kit.PaneRegistry, Arg: modelPkg}) {
		t.Errorf("m went %v", nav)
	}
	h.press("esc", "up")
	h.press("enter")
	if out := h.view(); !strings.Contains(out, `Evaluated true: the "if true" branch runs (RegisterModel); the "else" branch (FailOnQuality) is skipped.`) {
		t.Errorf("condition detail:\n%s", out)
	}
}

func TestGraphSelectionAndPanKeepTheSelectedStepInView(t *testing.T) {
	h := newHarness(t, 80, 19, kittest.Scientist())
	h.graphOf(runARN, runningExecution(t))
	h.press("o") // left to right, whatever the size
	for _, k := range []string{"right", "right", "down"} {
		h.press(k)
		sc := h.p.sceneNow()
		w, hh := h.p.graphArea()
		if !sc.Visible(h.p.g.selected, viewOf(h, w, hh)) {
			t.Fatalf("after %s, %s is out of view %+v", k, h.p.g.selected, h.p.g.view)
		}
	}
	if h.p.g.selected != "RegisterModel" {
		t.Errorf("right, right, down selected %s", h.p.g.selected)
	}
	for range 6 {
		h.press("h")
	}
	if h.p.g.view.X != 0 {
		t.Errorf("panned fully left, view at %d", h.p.g.view.X)
	}
	sc := h.p.sceneNow()
	w, hh := h.p.graphArea()
	if !sc.Visible(h.p.g.selected, viewOf(h, w, hh)) || h.p.g.selected == "RegisterModel" {
		t.Errorf("after panning left the selection %s should be a step in view", h.p.g.selected)
	}
}

// At 80 columns the breadcrumbs have no room for a note, so the line
// under the graph says which way the graph goes on, and stops saying it
// once the whole graph is in view.
func TestFooterSaysWhereTheGraphGoesOn(t *testing.T) {
	footer := func(h *harness) string {
		lines := strings.Split(h.view(), "\n")
		return lines[len(lines)-1]
	}
	h := newHarness(t, 80, 19, kittest.Scientist())
	h.graphOf(runARN, runningExecution(t))
	h.press("o") // left to right: wider than 80 columns
	if got := footer(h); !strings.HasSuffix(strings.TrimRight(got, " "), "more ▸ · h/j/k/l pan") || !strings.Contains(got, "▸ TrainModel") {
		t.Errorf("at the left edge: %q", got)
	}
	h.press("l")
	if got := footer(h); !strings.Contains(got, "more ◂ ▸ · h/j/k/l pan") {
		t.Errorf("in the middle: %q", got)
	}
	for range 10 {
		h.press("l")
	}
	if got := footer(h); !strings.Contains(got, "more ◂ · h/j/k/l pan") {
		t.Errorf("at the right edge: %q", got)
	}

	// Top to bottom at 120x35 the whole graph is in view: the legend.
	big := newHarness(t, 120, 35, kittest.Scientist())
	big.graphOf(runARN, runningExecution(t))
	if got := footer(big); strings.Contains(got, "more") || !strings.Contains(got, "✓ succeeded  ● running") {
		t.Errorf("a graph in view needs no pan hint: %q", got)
	}
}

func TestHostileTextFromAWSIsInert(t *testing.T) {
	h := newHarness(t, 100, 30, kittest.Scientist())
	evil := "\x1b]52;c;ZXZpbA==\x07bad\x1b[2J\u009b31m\r"
	data := pipelinesData(t)
	data.Pipelines[0].Name = "demand-" + evil + "需求预测"
	data.Pipelines[0].Project = "项目" + evil
	h.deliver(pipelinesFeed, data)
	run := runningExecution(t)
	run.Execution.DisplayName = "run" + evil
	run.Execution.StartedBy = "பாலா" + evil
	tr := run.Steps["TrainModel"]
	tr.FailureReason = "boom" + evil
	run.Steps["TrainModel"] = tr
	h.graphOf(runARN, run)
	for _, out := range []string{h.view(), func() string { h.press("enter"); return h.view() }(), func() string {
		h.press("esc", "esc", "esc")
		return h.view()
	}()} {
		for _, bad := range []string{"\x1b", "\a", "\r", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Fatalf("%q reached the screen:\n%q", bad, out)
			}
		}
		for i, l := range strings.Split(out, "\n") {
			if kit.Width(l) != 100 {
				t.Errorf("line %d is %d wide", i, kit.Width(l))
			}
		}
	}
}

// runeIndex is where sub starts in s, in runes; -1 when it is not there.
func runeIndex(s []rune, sub string) int {
	i := strings.Index(string(s), sub)
	if i < 0 {
		return -1
	}
	return len([]rune(string(s)[:i]))
}
