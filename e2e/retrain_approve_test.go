package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/world"
	"github.com/agdash/agdash/e2e/term"
)

// TestRetrainedVersionApprovedByEngineerNotByDataScientist is the whole
// story on one account: a data scientist retrains the HDB model with more
// trees; the run registers version N; she may not approve it; an MLOps
// engineer compares N with production, approves it with a comment, and
// both of them see it approved.
func TestRetrainedVersionApprovedByEngineerNotByDataScientist(t *testing.T) {
	start := time.Now().UTC().Truncate(time.Minute)
	clock := newJumpClock(start, 5)
	steady := 0.0 // the run must succeed: no random job failures
	sb := startSideSandboxWith(t, sandbox.Options{Seed: 1, Start: start, Clock: clock, NewJobFailureRate: &steady})
	quick := map[string]string{"running_jobs": "1s", "pipelines": "2s", "registry": "2s"}
	const run = "e2e-retrain-500-trees"
	const note = "More trees; beats production on the May 2025 hold-out."

	// The data scientist starts the run with NumTrees changed.
	ds, _ := agdashOn(t, sb, 120, 40, sideRun{role: "data-scientist", intervals: quick, args: []string{"--pane", "pipelines"}})
	screen := ds.WaitText(t, pipelinesWait, "hdb-resale-valuation", "LAST RUN")
	if header := strings.SplitN(screen, "\n", 2)[0]; !strings.Contains(header, "(data scientist)") {
		t.Fatalf("agdash should know the caller as a data scientist: %q", header)
	}
	send(t, ds, "/hdb-resale-valuation"+term.Enter)
	ds.WaitText(t, 10*time.Second, "1 of 5 pipelines")
	send(t, ds, term.Enter)
	ds.WaitText(t, pipelinesWait, "Pipelines > hdb-resale-valuation", "CHANGED PARAMETERS")
	send(t, ds, "r")
	ds.WaitText(t, 10*time.Second, "Start a run of hdb-resale-valuation", "NumTrees")
	send(t, ds, run)
	for range 8 { // to NumTrees, the last field
		send(t, ds, term.Tab)
	}
	send(t, ds, "\x15"+"500"+term.Enter) // ctrl+u clears the default
	ds.WaitText(t, 10*time.Second, "Start a pipeline execution?", "NumTrees = 500 (default 300)")
	send(t, ds, "y")
	ds.WaitText(t, pipelinesWait, "Pipelines > hdb-resale-valuation > "+run, "Parameters: NumTrees=500 (default 300)")

	// The run's virtual hour passes at once; she sees it end and the
	// version it registered.
	if status := sb.skipRun(t, clock, "hdb-resale-valuation", run); status != world.ExecutionSucceeded {
		t.Fatalf("the run ended %s", status)
	}
	ds.WaitText(t, pipelinesWait, run+"  Succeeded", "✓ RegisterModel", "▸ RegisterModel")
	send(t, ds, term.Enter)
	detail := ds.WaitText(t, 10*time.Second, "Model package registered", "m opens it in the Registry pane")
	m := regexp.MustCompile(`hdb-resale-valuation v(\d+)`).FindStringSubmatch(detail)
	if m == nil {
		t.Fatalf("no model version in the step detail:\n%s", detail)
	}
	n, _ := strconv.Atoi(m[1])
	vn := "v" + m[1]

	// She opens it and may not approve it: agdash says why and sends nothing.
	send(t, ds, "m")
	ds.WaitText(t, registryWait, "Registry > hdb-resale-valuation > "+vn, "PendingManualApproval")
	send(t, ds, "a")
	ds.WaitText(t, 10*time.Second, "Refused: approve the version — the data scientist role may not approve a model version.")
	if s := ds.Screen(); strings.Contains(s, "Approve hdb-resale-valuation") || strings.Contains(s, "Approve a model version?") {
		t.Fatalf("the comment form or the confirmation opened for a data scientist:\n%s", s)
	}

	// The engineer finds N pending beside the approved version…
	eng, _ := agdashOn(t, sb, 120, 40, sideRun{role: "mlops-engineer", intervals: quick, args: []string{"--pane", "registry"}})
	screen = openHDBVersions(t, eng)
	approved, pending := 0, false
	for _, r := range listedVersions(screen) {
		if r.approval == "Approved" && approved == 0 {
			approved = r.version
		}
		if r.version == n {
			pending = r.approval == "Pending"
		}
	}
	if approved == 0 || !pending || approved >= n {
		t.Fatalf("the engineer should see %s pending, newer than an approved version:\n%s", vn, screen)
	}
	va := "v" + strconv.Itoa(approved)

	// …compares them: N's deltas against production, and the trees…
	selectVersion(t, eng, n)
	send(t, eng, " ")
	selectVersion(t, eng, approved)
	send(t, eng, " ")
	eng.WaitText(t, 10*time.Second, "2 marked")
	send(t, eng, "c")
	cmp := eng.WaitText(t, 10*time.Second, "compare "+va+" "+vn, "Deltas against "+va+", the approved version (production).",
		va+" (base)", "rmse ↓", "Hyperparameters that differ")
	if !regexp.MustCompile(`(?m)^ num_trees +\d+ +500$`).MatchString(cmp) {
		t.Errorf("the comparison does not show %s's 500 trees against %s's:\n%s", vn, va, cmp)
	}

	// …approves it with a comment (the newest column, N, has the focus),
	// reads AWS's answer, and N is production now.
	screen = approveInComparison(t, eng, vn, note)
	if !listsApproved(screen, n) {
		t.Fatalf("%s is not listed as approved after its approval:\n%s", vn, screen)
	}

	// The data scientist's own screen catches up with the decision.
	ds.WaitText(t, registryWait, "Registry > hdb-resale-valuation > "+vn, "Approved", "comment          "+note)
}

// listsApproved reports whether the versions list shows version n approved.
func listsApproved(screen string, n int) bool {
	for _, r := range listedVersions(screen) {
		if r.version == n {
			return r.approval == "Approved"
		}
	}
	return false
}
