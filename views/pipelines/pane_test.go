package pipelines

import (
	"strings"
	"testing"
	"testing/synctest"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/views/kit/dialog"
	"github.com/agdash/agdash/views/kit/kittest"
)

// states drives the pane into each state a user can see.
var states = []struct {
	name  string
	drive func(h *harness)
}{
	{"loading", func(h *harness) {}},
	{"error", func(h *harness) {
		h.fail(pipelinesFeed, "sagemaker:ListPipelines: ThrottlingException: Rate exceeded")
	}},
	{"list", func(h *harness) { h.list() }},
	{"executions", func(h *harness) { h.executions() }},
	{"graph_running", func(h *harness) { h.graphOf(runARN, runningExecution(h.t)) }},
	{"graph_failed_step_detail", func(h *harness) {
		h.graphOf(failedARN, failedExecution(h.t))
		h.press("enter")
	}},
	{"graph_registered", func(h *harness) { h.graphOf(doneARN, registeredExecution(h.t)) }},
	{"graph_broken", func(h *harness) {
		data := failedExecution(h.t)
		data.GraphErr = `step "EvaluateModel" reads the properties of unknown step "TrainModle"`
		h.graphOf(failedARN, data)
	}},
	{"start_form_invalid", func(h *harness) {
		h.executions()
		h.press("r")
		h.press("tab", "tab", "tab", "tab", "tab", "ctrl+u") // QualityThreshold
		h.typeText("35,000")
		h.press("ctrl+s")
	}},
	{"confirm_start", func(h *harness) {
		h.executions()
		h.press("r")
		h.typeText("retrain-500-trees")
		for range 8 {
			h.press("tab") // to NumTrees, the last field
		}
		h.press("ctrl+u")
		h.typeText("500")
		msgs := h.press("enter")
		if len(confirms(msgs)) != 1 {
			h.t.Fatalf("enter on the last field asked to confirm %v", msgs)
		}
		h.confirmed = confirms(msgs)[0]
	}},
}

func TestPaneGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range states {
			bubble(t, s.name+"_"+sz.Name, func(t *testing.T) {
				h := newHarness(t, sz.W, sz.H, kittest.Scientist())
				s.drive(h)
				out := h.screen()
				if h.confirmed != nil {
					out += "\n--- the shell's confirmation dialog ---\n" +
						dialog.ForAction(h.confirmed, h.ctx.Identity).View(h.ctx.Styles, sz.W)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func lineWith(out, s string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// synctestRun runs a test on a virtual clock (see bubble).
func synctestRun(t *testing.T, fn func(t *testing.T)) { synctest.Test(t, fn) }

// bubble runs a subtest on a virtual clock, so the text inputs' cursor
// blink commands the harness runs return at once instead of sleeping.
func bubble(t *testing.T, name string, fn func(t *testing.T)) {
	t.Run(name, func(t *testing.T) { synctest.Test(t, fn) })
}
