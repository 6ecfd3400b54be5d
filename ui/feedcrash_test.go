package ui

import (
	"strings"
	"testing"
)

// A feed broken by a bug is news once: the notice names the feed and the
// report, the pane keeps its data, and the next failure of the same feed
// does not repeat it.
func TestAFeedsPanicIsToldOnceWithItsReport(t *testing.T) {
	h := newHarness(t, 120, 24).withProjects()
	broken := freshProjects()
	broken.Err, broken.Stale, broken.Panicked, broken.CrashReport =
		"Internal error (a bug in agdash): boom.", true, true, "/tmp/agdash-crash-42.txt"
	h.deliver(projectsKey, nil, broken)
	s := h.screen()
	if !strings.Contains(s, "A bug in agdash broke the projects feed (crash report: /tmp/agdash-crash-42.txt); it keeps its last") {
		t.Fatalf("no notice of the broken feed:\n%s", s)
	}
	if !strings.Contains(s, "hdb-resale") {
		t.Fatalf("the pane lost its data:\n%s", s)
	}
	before := h.m.notes.seq
	h.deliver(projectsKey, nil, broken)
	if h.m.notes.seq != before {
		t.Fatal("the same feed's panic was told twice")
	}
}
