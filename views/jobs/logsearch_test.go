package jobs

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/themes"
)

// A search typed before the logs arrive (or kept across the feed
// starting over) counts each matching line once: a delivery that resets
// the buffer used to find its lines' matches twice, and the header said
// "2 matches" over one line.
func TestSearchCountsEachLineOnceAfterAReset(t *testing.T) {
	v := newLogView(1000)
	v.setSize(60, 5)
	v.setQuery("line 3")
	first := numbered(0, 6)
	first.Reset = true
	v.receive(first)
	if len(v.matches) != 1 || v.matches[0] != 3 {
		t.Fatalf("matches of %q after the first delivery: %v, want [3]", v.query, v.matches)
	}
	if h := v.header(themes.BuildNoColorPlain(), 60, 0); !strings.Contains(h, "1 match ·") {
		t.Fatalf("header %q should count one match", h)
	}
	// The feed starts over (the logs were left and opened again).
	again := numbered(0, 8)
	again.Reset = true
	v.receive(again)
	if len(v.matches) != 1 || v.matches[0] != 3 {
		t.Fatalf("matches after the feed started over: %v, want [3]", v.matches)
	}
	if !v.nextMatch(1) || v.matchIndex() != 1 {
		t.Fatalf("n should land on the only match: match %d of %d", v.matchIndex(), len(v.matches))
	}
	// New lines in order still add their own matches.
	more := numbered(8, 14)
	more.Events[2].Message = "line 3, said again"
	v.receive(more)
	if len(v.matches) != 2 || v.matches[1] != 10 {
		t.Fatalf("matches after lines 8-13 arrived: %v, want [3 10]", v.matches)
	}
}
