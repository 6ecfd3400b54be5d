package jobs

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// MaxLogLines is how many log lines the log view keeps for a job. Older
// lines are dropped as new ones arrive, so memory stays bounded however
// long the job runs and however fast it writes.
const MaxLogLines = 10_000

// MaxLogLineBytes bounds one kept line; the rest of a longer line is
// replaced by a note of its size (CloudWatch allows 256 KiB per event).
const MaxLogLineBytes = 8 << 10

// logLine is one line of a log, ready to draw.
type logLine struct {
	at     int64 // unix milliseconds
	stream int32 // index into logBuffer.streams
	ascii  bool  // text is printable ASCII: one byte per cell
	text   string
}

// logBuffer keeps the newest lines of a job's log streams merged in time
// order, in a ring. Lines are numbered from the first line ever kept, so
// a line's absolute number survives older lines being dropped; First and
// End bound the numbers kept now.
//
// Appending costs O(new lines) when they are newer than what is kept, as
// they are on every poll. A stream that appears late (a host that started
// after the others) can bring older lines; they are merged in, which costs
// O(kept lines) once and renumbers the lines (Merges counts this).
type logBuffer struct {
	ring    []logLine
	head    int   // ring index of the oldest line
	n       int   // lines kept
	dropped int64 // lines dropped so far: the oldest kept line's number
	merges  uint64

	streams []string         // stream names by index
	labels  []string         // short names, for the merged view
	ids     map[string]int32 // name → index
}

func newLogBuffer(capacity int) *logBuffer {
	return &logBuffer{ring: make([]logLine, max(1, capacity)), ids: map[string]int32{}}
}

// Len is the number of lines kept.
func (b *logBuffer) Len() int { return b.n }

// First is the number of the oldest kept line; End is one past the newest.
func (b *logBuffer) First() int64 { return b.dropped }
func (b *logBuffer) End() int64   { return b.dropped + int64(b.n) }

// Merges counts out-of-order merges, after which line numbers changed.
func (b *logBuffer) Merges() uint64 { return b.merges }

// At is line number abs, which must be in [First, End).
func (b *logBuffer) At(abs int64) *logLine {
	k := int(abs - b.dropped)
	return &b.ring[(b.head+k)%len(b.ring)]
}

// Streams are the stream names seen, in the order they were first seen.
func (b *logBuffer) Streams() []string { return b.streams }

// Label is a stream's short name: "algo-1" for
// "hdb-resale-train-0412/algo-1-1717200000".
func (b *logBuffer) Label(stream int32) string {
	if stream < 0 || int(stream) >= len(b.labels) {
		return ""
	}
	return b.labels[stream]
}

// Reset drops every line and stream.
func (b *logBuffer) Reset() {
	clear(b.ring)
	b.head, b.n, b.dropped = 0, 0, 0
	b.merges++
	b.streams, b.labels = nil, nil
	b.ids = map[string]int32{}
}

// AddStream registers a stream name and returns its index.
func (b *logBuffer) AddStream(name string) int32 {
	if id, ok := b.ids[name]; ok {
		return id
	}
	id := int32(len(b.streams))
	b.ids[name] = id
	b.streams = append(b.streams, name)
	b.labels = append(b.labels, streamLabel(name))
	return id
}

// Appended says which lines an Append added: numbers [From, End) when
// they came in order, or Merged when older lines were merged in and every
// line number may have changed.
type Appended struct {
	From   int64
	Merged bool
}

// Append adds events (in time order, as a feed increment delivers them).
// Each event's message is sanitised and split into lines.
func (b *logBuffer) Append(events []domain.LogEvent) Appended {
	res := Appended{From: b.End()}
	var late []logLine
	for i := range events {
		e := &events[i]
		stream := b.AddStream(e.Stream)
		at := e.Timestamp.UnixMilli()
		text := kit.SanitizeLines(e.Message)
		text = strings.TrimRight(text, "\n")
		for {
			line, rest, more := strings.Cut(text, "\n")
			l := logLine{at: at, stream: stream, text: clipLine(line)}
			l.ascii = isASCII(l.text)
			if b.n > 0 && at < b.At(b.End()-1).at {
				late = append(late, l)
			} else {
				b.push(l)
			}
			if !more {
				break
			}
			text = rest
		}
	}
	if len(late) > 0 {
		b.merge(late)
		res = Appended{Merged: true}
	}
	if res.From < b.First() {
		res.From = b.First()
	}
	return res
}

// push appends a line, dropping the oldest when the ring is full.
func (b *logBuffer) push(l logLine) {
	if b.n < len(b.ring) {
		b.ring[(b.head+b.n)%len(b.ring)] = l
		b.n++
		return
	}
	b.ring[b.head] = l
	b.head = (b.head + 1) % len(b.ring)
	b.dropped++
}

// merge folds lines older than the newest kept into time order, keeping
// the newest lines the ring holds.
func (b *logBuffer) merge(late []logLine) {
	slices.SortStableFunc(late, func(x, y logLine) int { return compareInt64(x.at, y.at) })
	all := make([]logLine, 0, b.n+len(late))
	i, j := 0, 0
	for i < b.n || j < len(late) {
		switch {
		case j == len(late):
			all = append(all, *b.At(b.dropped + int64(i)))
			i++
		case i == b.n:
			all = append(all, late[j])
			j++
		case late[j].at < b.At(b.dropped+int64(i)).at: // kept lines first among equals
			all = append(all, late[j])
			j++
		default:
			all = append(all, *b.At(b.dropped + int64(i)))
			i++
		}
	}
	over := max(0, len(all)-len(b.ring))
	clear(b.ring)
	copy(b.ring, all[over:])
	b.head, b.n = 0, len(all)-over
	b.dropped += int64(over)
	b.merges++
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// clipLine bounds a line to MaxLogLineBytes, at a character boundary.
func clipLine(s string) string {
	if len(s) <= MaxLogLineBytes {
		return s
	}
	cut := MaxLogLineBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + " … (" + strconv.Itoa(len(s)-cut) + " more bytes)"
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// streamLabel shortens a training log stream name to its host:
// "JOB/algo-1-1717200000" → "algo-1". Other names keep their last part.
func streamLabel(name string) string {
	s := name
	if i := strings.LastIndexByte(s, '/'); i >= 0 && i+1 < len(s) {
		s = s[i+1:]
	}
	if i := strings.LastIndexByte(s, '-'); i > 0 && len(s)-i-1 >= 9 {
		if _, err := strconv.ParseInt(s[i+1:], 10, 64); err == nil {
			s = s[:i]
		}
	}
	return kit.Sanitize(s)
}
