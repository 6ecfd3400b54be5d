package jobs

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// marked styles make highlights visible in plain text: matches in [],
// the current match in {}.
func marked() *themes.Styles {
	return &themes.Styles{Match: themes.Span{Pre: "[", Post: "]"}, MatchSelected: themes.Span{Pre: "{", Post: "}"}}
}

// numbered delivers lines "line <from>".."line <to-1>" on one stream, a
// second apart.
func numbered(from, to int) backend.LogsData {
	d := backend.LogsData{Streams: []domain.LogStream{{Name: "j/algo-1-1748741520"}}}
	for i := from; i < to; i++ {
		d.Events = append(d.Events, ev("j/algo-1-1748741520", i, fmt.Sprintf("line %d", i)))
	}
	return d
}

// screenOf is the view's body with its left margin and trailing spaces
// trimmed. Every row must begin with the margin.
func screenOf(v *logView, st *themes.Styles) []string {
	var b strings.Builder
	v.render(&b, st, time.UTC)
	lines := strings.Split(b.String(), "\n")
	margin := strings.Repeat(" ", logMargin)
	for i := range lines {
		rest, ok := strings.CutPrefix(lines[i], margin)
		if !ok {
			panic(fmt.Sprintf("row %d lacks the left margin: %q", i, lines[i]))
		}
		lines[i] = strings.TrimRight(rest, " ")
	}
	return lines
}

func TestFollowStaysAtTheBottomOnlyWhenThere(t *testing.T) {
	v := newLogView(1000)
	v.setSize(40, 3)
	v.receive(numbered(0, 10))
	if got := screenOf(v, marked()); strings.Join(got, "|") != "line 7|line 8|line 9" {
		t.Fatalf("following shows %v", got)
	}
	v.receive(numbered(10, 12))
	if got := screenOf(v, marked()); got[2] != "line 11" {
		t.Fatalf("new lines while at the bottom should show: %v", got)
	}
	// Scrolled up, new lines do not move the view.
	v.scroll(-2)
	v.receive(numbered(12, 20))
	if got := screenOf(v, marked()); strings.Join(got, "|") != "line 7|line 8|line 9" {
		t.Fatalf("scrolled up, the view moved: %v", got)
	}
	if v.tail {
		t.Fatal("scrolled up is not the tail")
	}
	// Scrolling back down to the bottom resumes following.
	v.scroll(100)
	v.receive(numbered(20, 21))
	if got := screenOf(v, marked()); got[2] != "line 20" || !v.tail {
		t.Fatalf("back at the bottom the view should follow again: %v", got)
	}
	// With follow off, even the bottom stays put.
	v.setFollow(false)
	v.receive(numbered(21, 25))
	if got := screenOf(v, marked()); got[2] != "line 20" {
		t.Fatalf("follow off: the view moved to %v", got)
	}
	v.toBottom()
	v.receive(numbered(25, 26))
	if got := screenOf(v, marked()); got[2] != "line 24" {
		t.Fatalf("follow off: end shows the bottom once, then stays: %v", got)
	}
	v.setFollow(true)
	if got := screenOf(v, marked()); got[2] != "line 25" || !v.tail {
		t.Fatalf("follow on jumps to the newest line: %v", got)
	}
}

func TestScrollingStopsAtBothEnds(t *testing.T) {
	v := newLogView(1000)
	v.setSize(40, 4)
	v.receive(numbered(0, 6))
	v.toTop()
	v.scroll(-5)
	if got := screenOf(v, marked()); got[0] != "line 0" {
		t.Fatalf("above the top: %v", got)
	}
	v.scroll(50)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "line 2|line 3|line 4|line 5" {
		t.Fatalf("past the bottom the last line stays on the last row: %v", got)
	}
	// Fewer lines than rows: drawn from the top, blank rows below.
	w := newLogView(1000)
	w.setSize(10, 4)
	w.receive(numbered(0, 2))
	if got := screenOf(w, marked()); strings.Join(got, "|") != "line 0|line 1||" {
		t.Fatalf("a short log: %q", got)
	}
}

func TestWrapAndTruncate(t *testing.T) {
	v := newLogView(100)
	v.setSize(12, 5)
	d := numbered(0, 1)
	d.Events = append(d.Events, ev("j/algo-1-1748741520", 1, "abcdefghijklmnopqrstuvwxyz"))
	v.receive(d)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "line 0|abcdefghijkl|mnopqrstuvwx|yz|" {
		t.Fatalf("wrapped: %q", got)
	}
	v.setWrap(false)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "line 0|abcdefghijk…|||" {
		t.Fatalf("not wrapped: %q", got)
	}
	// Scrolling counts rows of wrapped lines: at the bottom the long
	// line's last two rows show; one row up, its first two.
	v.setWrap(true)
	v.setSize(12, 2)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "mnopqrstuvwx|yz" {
		t.Fatalf("bottom: %q", got)
	}
	v.scroll(-1)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "abcdefghijkl|mnopqrstuvwx" {
		t.Fatalf("one row up: %q", got)
	}
	v.scroll(-1)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "line 0|abcdefghijkl" {
		t.Fatalf("two rows up: %q", got)
	}
	v.scroll(1)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "abcdefghijkl|mnopqrstuvwx" || v.tail {
		t.Fatalf("one row down: %q tail=%v", got, v.tail)
	}
}

// Wide characters never straddle the edge: every row is exactly the
// view's width in cells, after the margin.
func TestWrapWideText(t *testing.T) {
	v := newLogView(100)
	v.setSize(11, 6)
	d := backend.LogsData{}
	d.Events = append(d.Events, ev("j/algo-1-1", 1, "房屋转售价格估值模型训练完成"), ev("j/algo-1-1", 2, "மறுவிற்பனை 🏠🚀 done"))
	v.receive(d)
	var b strings.Builder
	v.render(&b, &themes.Styles{}, time.UTC)
	for i, row := range strings.Split(b.String(), "\n") {
		if kit.Width(row) != logMargin+11 {
			t.Fatalf("row %d is %d cells: %q", i, kit.Width(row), row)
		}
	}
	joined := strings.ReplaceAll(strings.ReplaceAll(b.String(), "\n", ""), " ", "")
	for _, want := range []string{"房屋转售价格估值模型训练完成", "மறுவிற்பனை🏠🚀done"} {
		if !strings.Contains(joined, want) {
			t.Fatalf("wrapping lost text: %q lacks %q", joined, want)
		}
	}
}

func TestSearchHighlightsAndJumps(t *testing.T) {
	v := newLogView(1000)
	v.setSize(40, 3)
	d := numbered(0, 20)
	d.Events[4].Message = "ERROR disk full, error again"
	d.Events[15].Message = "Error: retry"
	v.receive(d)
	// While tailing, a search jumps to the newest match.
	v.setQuery("error")
	if v.cur != 15 || v.matchIndex() != 2 || len(v.matches) != 2 {
		t.Fatalf("cur %d, match %d of %d", v.cur, v.matchIndex(), len(v.matches))
	}
	got := screenOf(v, marked())
	if !containsLine(got, "{Error}: retry") {
		t.Fatalf("the current match should be marked {}: %q", got)
	}
	v.nextMatch(1) // wraps around to the first
	got = screenOf(v, marked())
	if v.cur != 4 || !containsLine(got, "{ERROR} disk full, {error} again") {
		t.Fatalf("n: cur %d, %q", v.cur, got)
	}
	v.nextMatch(-1) // wraps around to the last
	if v.cur != 15 {
		t.Fatalf("N: cur %d", v.cur)
	}
	// A match arriving later is found without searching again.
	more := numbered(20, 22)
	more.Events[1].Message = "another ERROR"
	v.receive(more)
	if len(v.matches) != 3 || v.matches[2] != 21 {
		t.Fatalf("matches after new lines: %v", v.matches)
	}
	if v.setQuery("nothing like it") || len(v.matches) != 0 {
		t.Fatal("a search with no match reported one")
	}
	v.setQuery("")
	if got := screenOf(v, marked()); strings.ContainsAny(strings.Join(got, ""), "[]{}") {
		t.Fatalf("a cleared search still highlights: %q", got)
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

func TestStreamsSwitchAndMerge(t *testing.T) {
	v := newLogView(1000)
	v.setSize(60, 4)
	d := backend.LogsData{Streams: []domain.LogStream{{Name: "j/algo-1-1748741520"}, {Name: "j/algo-2-1748741520"}}}
	for i := 0; i < 6; i++ {
		d.Events = append(d.Events, ev(d.Streams[i%2].Name, i, fmt.Sprintf("host %d says %d", i%2+1, i)))
	}
	v.receive(d)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "algo-2 host 2 says 3|algo-1 host 1 says 4|algo-2 host 2 says 5|" &&
		strings.Join(got, "|") != "algo-1 host 1 says 2|algo-2 host 2 says 3|algo-1 host 1 says 4|algo-2 host 2 says 5" {
		t.Fatalf("merged view: %q", got)
	}
	v.cycleStream(1)
	if got := screenOf(v, marked()); strings.Join(got, "|") != "host 1 says 0|host 1 says 2|host 1 says 4|" {
		t.Fatalf("stream algo-1: %q", got)
	}
	// New lines of the shown stream join it; others do not.
	v.receive(backend.LogsData{Events: []domain.LogEvent{ev("j/algo-2-1748741520", 6, "host 2 says 6"), ev("j/algo-1-1748741520", 7, "host 1 says 7")}})
	if got := screenOf(v, marked()); strings.Join(got, "|") != "host 1 says 0|host 1 says 2|host 1 says 4|host 1 says 7" {
		t.Fatalf("stream algo-1 after new lines: %q", got)
	}
	v.cycleStream(1)
	v.cycleStream(1) // back to all
	if v.stream != -1 || v.count() != 8 {
		t.Fatalf("after cycling: stream %d with %d lines", v.stream, v.count())
	}
	v.cycleStream(-1)
	if v.stream != 1 {
		t.Fatalf("backwards from all: stream %d", v.stream)
	}
}

// A late host's lines are merged before what is on screen; a view
// scrolled up keeps showing the same moment.
func TestLateStreamKeepsTheViewInPlace(t *testing.T) {
	v := newLogView(1000)
	v.setSize(40, 2)
	v.receive(numbered(0, 10))
	v.toTop()
	v.scroll(5) // line 5 at the top
	late := backend.LogsData{Streams: []domain.LogStream{{Name: "j/algo-2-1748741520"}}}
	late.Events = []domain.LogEvent{ev("j/algo-2-1748741520", 1, "late 1"), ev("j/algo-2-1748741520", 2, "late 2")}
	v.receive(late)
	if got := screenOf(v, marked()); !strings.HasSuffix(got[0], "line 5") {
		t.Fatalf("after a merge the top moved: %q", got)
	}
}

// Lines dropped from the front while the user reads them: the view moves
// to the oldest line kept, and matches of dropped lines are forgotten.
func TestDroppedLinesWhileScrolledUp(t *testing.T) {
	v := newLogView(10)
	v.setSize(20, 3)
	d := numbered(0, 10)
	d.Events[1].Message = "needle"
	v.receive(d)
	v.setQuery("needle")
	v.toTop()
	v.receive(numbered(10, 15))
	if got := screenOf(v, marked()); got[0] != "line 5" {
		t.Fatalf("top after dropping: %q", got)
	}
	if len(v.matches) != 0 || v.cur != -1 {
		t.Fatalf("matches of dropped lines remain: %v cur %d", v.matches, v.cur)
	}
}

func TestTimestampsInTheLocalZone(t *testing.T) {
	v := newLogView(10)
	v.setSize(40, 1)
	v.setStamps(true)
	v.receive(backend.LogsData{Events: []domain.LogEvent{{Stream: "s", Timestamp: time.Date(2025, 6, 1, 1, 58, 50, 123e6, time.UTC), Message: "hello"}}})
	var b strings.Builder
	v.render(&b, &themes.Styles{}, now.Location())
	if got := strings.TrimRight(b.String(), " "); got != " 09:58:50.123 hello" {
		t.Fatalf("stamped line %q", got)
	}
}
