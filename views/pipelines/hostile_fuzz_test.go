package pipelines

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// FuzzHostileEverywhere puts fuzzed text in every string of the
// pipelines, their executions and a run's steps (names, statuses,
// failure reasons, parameters, step properties) and renders the list,
// the executions, the graph and a step's detail with the plain no-colour
// styles: nothing a terminal would act on reaches the screen, and every
// view keeps its exact size.
func FuzzHostileEverywhere(f *testing.F) {
	for _, s := range kittest.HostileSeeds {
		f.Add(s, "x"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const w, h = 110, 30
		hs := newHarness(t, w, h, kittest.Scientist())
		check := func(what string) {
			t.Helper()
			kittest.AssertPaneInert(t, what, hs.p, hs.view(), w, h)
		}
		list := pipelinesData(t)
		kittest.Poison(&list, a, b)
		hs.deliver(pipelinesFeed, list)
		check("list")
		hs.press("enter")
		runs := executionsData(t)
		kittest.Poison(&runs, b, a)
		hs.deliverWanted(backend.FeedExecutions, runs)
		check("executions")
		run := failedExecution(t)
		kittest.Poison(&run, a, b)
		hs.send(kit.NavigateMsg{Pane: kit.PanePipelines, Arg: run.Execution.ARN})
		hs.deliverWanted(backend.FeedExecution, run)
		check("graph")
		hs.press("enter")
		check("step detail")
		hs.send(kit.FilterMsg{Text: a})
		check("filtered")
	})
}

// deliverWanted delivers data on each feed of kind the pane asks for.
func (h *harness) deliverWanted(kind backend.FeedKind, data any) {
	for _, key := range h.p.Feeds() {
		if key.Kind == kind {
			h.deliver(key, data)
		}
	}
}

// Pipeline names in Chinese, Malay, Tamil and emoji keep the list's
// columns in line.
func TestWideTextGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.Name, func(t *testing.T) {
			list := pipelinesData(t)
			for i, name := range kittest.WideNames {
				list.Pipelines[i%len(list.Pipelines)].Name = name
			}
			hs := newHarness(t, sz.W, sz.H, kittest.Scientist())
			hs.deliver(pipelinesFeed, list)
			out := hs.view()
			kittest.RequireBlock(t, out, sz.W, sz.H)
			kittest.RequireColumnsAligned(t, out, "NAME", "PROJECT", kittest.WideNames)
			golden.RequireEqual(t, []byte(out))
		})
	}
}
