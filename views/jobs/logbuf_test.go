package jobs

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

func ev(stream string, sec int, msg string) domain.LogEvent {
	return domain.LogEvent{Stream: stream, Timestamp: now.Add(time.Duration(sec) * time.Second), Message: msg}
}

// texts is every kept line's text, oldest first.
func texts(b *logBuffer) []string {
	var out []string
	for n := b.First(); n < b.End(); n++ {
		out = append(out, b.At(n).text)
	}
	return out
}

func TestBufferKeepsTheNewestLinesAndNumbersThem(t *testing.T) {
	b := newLogBuffer(5)
	var events []domain.LogEvent
	for i := 0; i < 12; i++ {
		events = append(events, ev("j/algo-1-1748741520", i, fmt.Sprintf("line %d", i)))
	}
	res := b.Append(events[:3])
	if res.Merged || res.From != 0 || b.Len() != 3 {
		t.Fatalf("first append: %+v, %d lines", res, b.Len())
	}
	res = b.Append(events[3:])
	if b.Len() != 5 || b.First() != 7 || b.End() != 12 {
		t.Fatalf("after 12 lines into 5: len %d, first %d, end %d", b.Len(), b.First(), b.End())
	}
	if got := strings.Join(texts(b), ","); got != "line 7,line 8,line 9,line 10,line 11" {
		t.Fatalf("kept %s", got)
	}
	// The lines added are reported from the first one still kept.
	if res.From != 7 || res.Merged {
		t.Fatalf("second append reported %+v", res)
	}
	if b.At(9).text != "line 9" {
		t.Fatalf("line 9 is %q", b.At(9).text)
	}
}

func TestBufferMemoryStaysBounded(t *testing.T) {
	b := newLogBuffer(MaxLogLines)
	for k := 0; k < 30; k++ {
		var events []domain.LogEvent
		for i := 0; i < 1000; i++ {
			events = append(events, ev("j/algo-1-1748741520", k*1000+i, strings.Repeat("x", 100)))
		}
		b.Append(events)
	}
	if b.Len() != MaxLogLines || b.First() != 20_000 || len(b.ring) != MaxLogLines {
		t.Fatalf("30,000 lines: kept %d from %d in a ring of %d", b.Len(), b.First(), len(b.ring))
	}
	long := strings.Repeat("é", MaxLogLineBytes) // 2 bytes each
	b.Append([]domain.LogEvent{ev("j/algo-1-1748741520", 40_000, long)})
	got := b.At(b.End() - 1).text
	if len(got) > MaxLogLineBytes+40 || !strings.HasSuffix(got, " … (8192 more bytes)") || !strings.HasPrefix(got, "éé") {
		t.Fatalf("a 16 KiB line is kept as %d bytes ending %q", len(got), got[len(got)-30:])
	}
}

// A host whose stream is found late brings lines older than those kept:
// they are merged in time order, and the merge is reported.
func TestBufferMergesALateStreamInTimeOrder(t *testing.T) {
	b := newLogBuffer(100)
	b.Append([]domain.LogEvent{ev("j/algo-1-1", 1, "a1"), ev("j/algo-1-1", 3, "a3"), ev("j/algo-1-1", 5, "a5")})
	res := b.Append([]domain.LogEvent{ev("j/algo-2-1", 2, "b2"), ev("j/algo-2-1", 3, "b3"), ev("j/algo-2-1", 6, "b6")})
	if !res.Merged || b.Merges() != 1 {
		t.Fatalf("a late line was not reported as a merge: %+v", res)
	}
	if got := strings.Join(texts(b), ","); got != "a1,b2,a3,b3,a5,b6" {
		t.Fatalf("merged order %s (equal times keep the line already kept first)", got)
	}
	// In-order appends after a merge are plain appends again.
	res = b.Append([]domain.LogEvent{ev("j/algo-1-1", 7, "a7")})
	if res.Merged || res.From != 6 {
		t.Fatalf("in-order append after a merge: %+v", res)
	}
}

func TestBufferMergeIntoAFullRingKeepsTheNewest(t *testing.T) {
	b := newLogBuffer(4)
	b.Append([]domain.LogEvent{ev("s1", 10, "a10"), ev("s1", 20, "a20"), ev("s1", 30, "a30"), ev("s1", 40, "a40")})
	b.Append([]domain.LogEvent{ev("s2", 5, "b5"), ev("s2", 25, "b25")})
	if got := strings.Join(texts(b), ","); got != "a20,b25,a30,a40" {
		t.Fatalf("kept %s", got)
	}
	if b.First() != 2 || b.End() != 6 {
		t.Fatalf("numbers %d..%d", b.First(), b.End())
	}
}

func TestBufferSplitsAndSanitisesMessages(t *testing.T) {
	b := newLogBuffer(10)
	b.Append([]domain.LogEvent{
		ev("j/algo-1-1748741520", 1, "Traceback (most recent call last):\n  File \"train.py\", line 74\r\nKeyError: 'x'\n"),
		ev("j/algo-1-1748741520", 2, "\x1b[31mred\x1b[0m \x1b]52;c;ZXZpbA==\x07bell\a\tdone\rover"),
		ev("j/algo-1-1748741520", 3, ""),
	})
	want := []string{"Traceback (most recent call last):", "  File \"train.py\", line 74", "KeyError: 'x'", "red bell    done", "over", ""}
	if got := texts(b); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
		t.Fatalf("lines %q, want %q", got, want)
	}
	for n := b.First(); n < b.End(); n++ {
		if l := b.At(n); l.ascii != isASCII(l.text) || strings.ContainsAny(l.text, "\x1b\a\r\n\t") {
			t.Fatalf("line %d: %q ascii=%v", n, l.text, l.ascii)
		}
	}
}

func TestStreamLabels(t *testing.T) {
	for name, want := range map[string]string{
		"hdb-resale-train-0412/algo-1-1717200000":  "algo-1",
		"hdb-resale-train-0412/algo-12-1717200000": "algo-12",
		"endpoint/AllTraffic/i-0abc123":            "i-0abc123",
		"plain":                                    "plain",
		"job/algo-1-12":                            "algo-1-12",
		"job/\x1b]52;c;eA==\aalgo-1-1717200000":    "algo-1",
	} {
		if got := streamLabel(name); got != want {
			t.Errorf("streamLabel(%q) = %q, want %q", name, got, want)
		}
	}
	b := newLogBuffer(4)
	if b.AddStream("a") != 0 || b.AddStream("b") != 1 || b.AddStream("a") != 0 || len(b.Streams()) != 2 {
		t.Fatal("streams are numbered once each, in the order seen")
	}
	b.Reset()
	if len(b.Streams()) != 0 || b.Len() != 0 {
		t.Fatal("Reset keeps streams or lines")
	}
}
