package jobs

import (
	"sort"
	"time"

	"github.com/agdash/agdash/backend"
)

// logView is a live tail of one job's log: which stream it shows (or all
// of them merged in time order), where it is scrolled to, whether it
// follows new lines, wraps, shows timestamps, and what it searches for.
// It only ever lays out and draws the lines on screen.
type logView struct {
	buf *logBuffer

	// stream is the one stream shown, -1 for all merged. For one stream,
	// idx lists its lines' numbers in the buffer.
	stream int32
	idx    []int64
	// merges is the buffer's merge count idx and matches were built at.
	merges uint64

	query   string
	matches []int64 // numbers of shown lines containing query, ascending
	cur     int64   // the match last jumped to, -1 for none

	follow, wrap, stamps bool
	// tail is true while the view sits at the bottom and moves with new
	// lines; otherwise top (a line number) and skip (rows of that line
	// above the screen) fix the first row drawn.
	tail  bool
	top   int64
	topAt int64 // top's timestamp, to find it again after a merge
	skip  int

	width, height int // the body, under the view's header line
	rows          []row
	hl            []int // scratch: match byte ranges of one line

	// The feed's state and the streams it reported.
	state backend.FeedState
	got   bool // anything delivered yet
}

// row is one screen row: bytes [from,to) of line num, width cells wide;
// first marks a line's first row, which carries its prefix.
type row struct {
	num      int64
	from, to int
	width    int
	first    bool
}

func newLogView(capacity int) *logView {
	return &logView{buf: newLogBuffer(capacity), stream: -1, cur: -1, follow: true, wrap: true, tail: true}
}

// receive takes a feed increment.
func (v *logView) receive(d backend.LogsData) {
	v.got = true
	if d.Reset {
		v.buf.Reset()
		v.idx, v.matches, v.cur = nil, nil, -1
		v.top, v.skip = 0, 0
		if v.follow {
			v.tail = true
		}
	}
	for _, s := range d.Streams {
		v.buf.AddStream(s.Name)
	}
	if v.stream >= int32(len(v.buf.Streams())) {
		v.stream = -1
	}
	res := v.buf.Append(d.Events)
	// A merge or a reset renumbers the lines: sync then rebuilds idx and
	// matches over every line, the new ones included.
	if rebuilt := v.sync(); rebuilt || res.Merged {
		return
	}
	v.index(res.From)
}

// sync brings idx and matches in line with the buffer: after a merge (or
// a reset) they are rebuilt, which sync reports, and the view finds its
// top line again by time; otherwise numbers of dropped lines are trimmed
// off their fronts.
func (v *logView) sync() (rebuilt bool) {
	b := v.buf
	if v.merges != b.Merges() {
		v.merges = b.Merges()
		v.rebuild()
		if !v.tail {
			v.top = v.firstAtOrAfter(v.topAt)
		}
		return true
	}
	first := b.First()
	v.idx = trimBelow(v.idx, first)
	v.matches = trimBelow(v.matches, first)
	if v.cur >= 0 && v.cur < first {
		v.cur = -1
	}
	return false
}

func trimBelow(nums []int64, first int64) []int64 {
	k := 0
	for k < len(nums) && nums[k] < first {
		k++
	}
	if k == 0 {
		return nums
	}
	return nums[k:]
}

// index adds the lines from n on to the stream's line list and the
// matches.
func (v *logView) index(n int64) {
	for ; n < v.buf.End(); n++ {
		l := v.buf.At(n)
		if v.stream >= 0 {
			if l.stream != v.stream {
				continue
			}
			v.idx = append(v.idx, n)
		}
		if v.query != "" && containsFold(l.text, v.query) {
			v.matches = append(v.matches, n)
		}
	}
}

// rebuild recomputes the stream's line list and the matches.
func (v *logView) rebuild() {
	b := v.buf
	v.idx = v.idx[:0]
	v.matches = v.matches[:0]
	v.index(b.First())
	if v.cur >= 0 && !containsNum(v.matches, v.cur) {
		v.cur = -1
	}
}

func containsNum(nums []int64, n int64) bool {
	i := sort.Search(len(nums), func(i int) bool { return nums[i] >= n })
	return i < len(nums) && nums[i] == n
}

// firstAtOrAfter is the first shown line at or after unix-ms time at.
func (v *logView) firstAtOrAfter(at int64) int64 {
	n := v.count()
	k := sort.Search(n, func(k int) bool { return v.buf.At(v.num(k)).at >= at })
	if k >= n {
		k = max(0, n-1)
	}
	if n == 0 {
		return v.buf.First()
	}
	return v.num(k)
}

// count is how many lines the view shows (its stream, or all).
func (v *logView) count() int {
	if v.stream < 0 {
		return v.buf.Len()
	}
	return len(v.idx)
}

// num is the buffer number of the view's k-th line.
func (v *logView) num(k int) int64 {
	if v.stream < 0 {
		return v.buf.First() + int64(k)
	}
	return v.idx[k]
}

// pos is the position of the first shown line numbered n or later.
func (v *logView) pos(n int64) int {
	if v.stream < 0 {
		return int(min(max(0, n-v.buf.First()), int64(v.buf.Len())))
	}
	return sort.Search(len(v.idx), func(i int) bool { return v.idx[i] >= n })
}

// setStream shows one stream (-1 for all), keeping the view near the
// same time.
func (v *logView) setStream(s int32) {
	at := v.topAt
	if !v.tail && v.count() > 0 {
		at = v.buf.At(v.num(min(v.pos(v.top), v.count()-1))).at
	}
	v.stream = s
	v.rebuild()
	if !v.tail {
		v.top, v.skip = v.firstAtOrAfter(at), 0
		v.topAt = at
	}
}

// cycleStream moves to the next (dir 1) or previous (-1) stream, with
// "all" before the first.
func (v *logView) cycleStream(dir int) {
	n := int32(len(v.buf.Streams()))
	if n == 0 {
		return
	}
	s := v.stream + int32(dir)
	switch {
	case s >= n:
		s = -1
	case s < -1:
		s = n - 1
	}
	v.setStream(s)
}

// --- layout ---

const stampWidth = len("15:04:05.000 ")

// prefixWidth is the cells before each line's text: its time and, in the
// merged view of several streams, its stream's name.
func (v *logView) prefixWidth() int {
	w := 0
	if v.stamps {
		w += stampWidth
	}
	if v.showLabels() {
		w += v.labelWidth() + 1
	}
	return w
}

func (v *logView) showLabels() bool { return v.stream < 0 && len(v.buf.Streams()) > 1 }

func (v *logView) labelWidth() int {
	w := 0
	for i := range v.buf.Streams() {
		w = max(w, len(v.buf.Label(int32(i))))
	}
	return min(w, 16)
}

// textWidth is the cells left for a line's text.
func (v *logView) textWidth() int { return max(1, v.width-v.prefixWidth()) }

// rowsOf is how many rows line n takes.
func (v *logView) rowsOf(n int64) int {
	if !v.wrap {
		return 1
	}
	l := v.buf.At(n)
	return rowCount(l.text, v.textWidth(), l.ascii)
}

// position is a first row on screen: the view's k-th line, skip rows in.
type position struct{ k, skip int }

func (a position) less(b position) bool { return a.k < b.k || a.k == b.k && a.skip < b.skip }

// bottom is the position that shows the last line on the last row (or
// the first line first, when everything fits).
func (v *logView) bottom() position {
	need := v.height
	for k := v.count() - 1; k >= 0; k-- {
		r := v.rowsOf(v.num(k))
		if r >= need {
			return position{k, r - need}
		}
		need -= r
	}
	return position{}
}

// current is the first row on screen now.
func (v *logView) current() position {
	if v.tail || v.count() == 0 {
		return v.bottom()
	}
	k := min(v.pos(v.top), v.count()-1)
	skip := 0
	if v.num(k) == v.top {
		skip = min(v.skip, v.rowsOf(v.top)-1)
	}
	p := position{k, skip}
	if b := v.bottom(); b.less(p) {
		return b
	}
	return p
}

// moveTo makes p the first row on screen. Reaching the bottom while
// following resumes following.
func (v *logView) moveTo(p position) {
	b := v.bottom()
	if b.less(p) || p == b {
		p = b
		if v.follow {
			v.tail = true
			return
		}
	}
	v.tail = false
	if v.count() == 0 {
		v.top, v.skip = v.buf.First(), 0
		return
	}
	v.top, v.skip = v.num(p.k), p.skip
	v.topAt = v.buf.At(v.top).at
}

// scroll moves the view by delta rows (negative is up).
func (v *logView) scroll(delta int) {
	p := v.current()
	for ; delta > 0; delta-- {
		if p.skip+1 < v.rowsOf(v.num(p.k)) {
			p.skip++
		} else if p.k+1 < v.count() {
			p.k, p.skip = p.k+1, 0
		} else {
			break
		}
	}
	for ; delta < 0; delta++ {
		if p.skip > 0 {
			p.skip--
		} else if p.k > 0 {
			p.k--
			p.skip = v.rowsOf(v.num(p.k)) - 1
		} else {
			break
		}
	}
	v.moveTo(p)
}

func (v *logView) toTop() {
	v.tail = false
	v.moveTo(position{})
}

func (v *logView) toBottom() {
	v.moveTo(v.bottom())
	if v.follow {
		v.tail = true
	}
}

// setFollow turns following on (jumping to the newest line) or off
// (staying where the view is).
func (v *logView) setFollow(on bool) {
	if on {
		v.follow = true
		v.toBottom()
		return
	}
	p := v.current()
	v.follow = false
	v.moveTo(p)
}

// setWrap and setStamps change how many rows a line takes; the view keeps
// its first line.
func (v *logView) setWrap(on bool) { v.keepTopLine(func() { v.wrap = on }) }

func (v *logView) setStamps(on bool) { v.keepTopLine(func() { v.stamps = on }) }

func (v *logView) keepTopLine(change func()) {
	if v.tail {
		change()
		return
	}
	p := v.current()
	change()
	v.moveTo(position{k: p.k})
}

func (v *logView) setSize(w, h int) {
	v.width, v.height = max(0, w), max(0, h)
}

// layout fills v.rows with what is on screen and reports how many shown
// lines lie below the last row.
func (v *logView) layout() (below int) {
	v.rows = v.rows[:0]
	n := v.count()
	if n == 0 || v.height <= 0 {
		return 0
	}
	p := v.current()
	tw := v.textWidth()
	k := p.k
	for ; k < n && len(v.rows) < v.height; k++ {
		num := v.num(k)
		l := v.buf.At(num)
		if !v.wrap {
			end, w := rowEnd(l.text, 0, tw, l.ascii)
			if end < len(l.text) { // cut: room for the ellipsis
				end, w = rowEnd(l.text, 0, tw-1, l.ascii)
			}
			v.rows = append(v.rows, row{num: num, to: end, width: w, first: true})
			continue
		}
		skip := 0
		if k == p.k {
			skip = p.skip
		}
		from := 0
		for r := 0; from < len(l.text) || r == 0; r++ {
			end, w := rowEnd(l.text, from, tw, l.ascii)
			if r >= skip {
				v.rows = append(v.rows, row{num: num, from: from, to: end, width: w, first: r == 0})
				if len(v.rows) == v.height {
					if end < len(l.text) {
						return n - k // this line goes on below
					}
					break
				}
			}
			from = end
			if from >= len(l.text) {
				break
			}
		}
	}
	return n - k
}

// stampOf formats a line's time into buf without allocating.
func stampOf(buf []byte, at int64, loc *time.Location) []byte {
	return time.UnixMilli(at).In(loc).AppendFormat(buf[:0], "15:04:05.000")
}
