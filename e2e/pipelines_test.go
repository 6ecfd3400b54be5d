package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/e2e/term"
)

// Listing executions describes each one; a run of the HDB pipeline takes
// about an hour of sandbox time. Allow for a slow, busy machine.
const (
	pipelinesWait = 90 * time.Second
	runWait       = 4 * time.Minute
)

// steadyScenario is the default sandbox account with no random failures
// of jobs started during the test, so the run the test starts succeeds.
func steadyScenario(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "backend", "sandbox", "scenario", "default.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rate := regexp.MustCompile(`(?m)^(\s*new_job_failure_rate:)\s*[0-9.]+`)
	if !rate.Match(raw) {
		t.Fatal("default.yaml no longer sets new_job_failure_rate; update this test")
	}
	path := filepath.Join(t.TempDir(), "steady.yaml")
	if err := os.WriteFile(path, rate.ReplaceAll(raw, []byte("${1} 0")), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A data scientist on the HDB resale valuation project re-runs its
// training pipeline with more trees, watches the steps run to the end,
// and finds the model version it registered in the Registry.
func TestPipelinesDataScientistRetrainsWithMoreTrees(t *testing.T) {
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "data-scientist", "--sandbox-speed", "120",
		"--sandbox-scenario", steadyScenario(t), "--pane", "pipelines")
	tm.WaitText(t, pipelinesWait, "hdb-resale-valuation", "LAST RUN", "SUCCESS", "RUNNING")

	send(t, tm, "/hdb-resale-valuation"+term.Enter)
	tm.WaitText(t, 10*time.Second, "1 of 5 pipelines")
	send(t, tm, term.Enter)
	tm.WaitText(t, pipelinesWait, "Pipelines > hdb-resale-valuation", "CHANGED PARAMETERS", "STARTED BY")

	// The start form lists the declared parameters with their defaults.
	send(t, tm, "r")
	form := tm.WaitText(t, 10*time.Second, "Start a run of hdb-resale-valuation", "Display name", "NumTrees")
	for _, want := range []string{"Integer · default 300", "Float · default 44000"} {
		if !strings.Contains(form, want) {
			t.Errorf("the form lacks %q:\n%s", want, form)
		}
	}
	send(t, tm, "e2e-more-trees")
	for range 8 { // to NumTrees, the last field
		send(t, tm, term.Tab)
	}
	send(t, tm, "\x15"+"5x0") // ctrl+u clears the default
	tm.WaitText(t, 10*time.Second, `NumTrees must be a whole number, not "5x0".`)
	send(t, tm, "\x15"+"500"+term.Enter)
	dialog := tm.WaitText(t, 10*time.Second, "Start a pipeline execution?", "NumTrees = 500 (default 300)")
	if strings.Contains(dialog, "Mtry =") || !strings.Contains(dialog, "PipelineExecutionDisplayName: e2e-more-trees") {
		t.Errorf("only the changed parameter and the display name should be sent:\n%s", dialog)
	}
	send(t, tm, "y")

	// The new run opens in its graph and runs live.
	tm.WaitText(t, pipelinesWait, "Pipelines > hdb-resale-valuation > e2e-more-trees", "Parameters: NumTrees=500 (default 300)")
	tm.WaitText(t, runWait, "● TrainModel", "✓ PreprocessData")
	done := tm.WaitText(t, runWait, "e2e-more-trees  Succeeded", "5/6 steps succeeded", "✓ RegisterModel", "▸ RegisterModel")
	for _, want := range []string{"✓ TrainModel", "✓ EvaluateModel", "✓ CheckModelQuality", "○ FailOnQuality"} {
		if !strings.Contains(done, want) {
			t.Errorf("the finished graph lacks %q:\n%s", want, done)
		}
	}

	// The RegisterModel step names the version it registered…
	send(t, tm, term.Enter)
	detail := tm.WaitText(t, 10*time.Second, "Model package registered", "m opens it in the Registry pane")
	m := regexp.MustCompile(`hdb-resale-valuation v(\d+)`).FindStringSubmatch(detail)
	if m == nil {
		t.Fatalf("no model version in the step detail:\n%s", detail)
	}
	version := "v" + m[1]

	// …and the Registry pane shows it, pending approval, made by this run.
	send(t, tm, "m")
	reg := tm.WaitText(t, pipelinesWait, "Registry > hdb-resale-valuation > "+version, "PendingManualApproval", "Lineage")
	if !regexp.MustCompile(`hdb-resale-valuation ` + version + `\s+Pending`).MatchString(reg) {
		t.Errorf("the registry does not show %s as pending:\n%s", version, reg)
	}
}
