package jobs

import (
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// logMargin is the blank column left of every log row, the margin the
// rest of the screen keeps; the log view is sized without it.
const logMargin = 1

// render draws the body: exactly height rows of logMargin+width cells.
// Only the rows on screen are laid out, and nothing but the rows is
// wrapped.
func (v *logView) render(b *strings.Builder, st *themes.Styles, loc *time.Location) (below int) {
	below = v.layout()
	pw := v.prefixWidth()
	labels := v.showLabels()
	lw := v.labelWidth()
	var stamp [32]byte
	hlFor := int64(-1)
	for i, r := range v.rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		pad(b, logMargin)
		l := v.buf.At(r.num)
		used := 0
		if r.first {
			if v.stamps {
				b.WriteString(st.Muted.Pre)
				b.Write(stampOf(stamp[:], l.at, loc))
				b.WriteString(st.Muted.Post)
				b.WriteByte(' ')
				used += stampWidth
			}
			if labels {
				label := kit.Truncate(v.buf.Label(l.stream), lw)
				seriesSpan(st, int(l.stream)).WriteTo(b, label)
				pad(b, lw+1-kit.Width(label))
				used += lw + 1
			}
		} else {
			pad(b, pw)
			used = pw
		}
		if v.query != "" && hlFor != r.num {
			v.hl = matchRanges(v.hl[:0], l.text, v.query)
			hlFor = r.num
		}
		hl := st.Match
		if r.num == v.cur {
			hl = st.MatchSelected
		}
		cut := !v.wrap && r.to < len(l.text)
		writeHighlighted(b, l.text, r.from, r.to, v.hl, hl, v.query != "")
		used += r.width
		if cut {
			b.WriteString(kit.Ellipsis)
			used++
		}
		pad(b, v.width-used)
	}
	for i := len(v.rows); i < v.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		pad(b, logMargin+v.width)
	}
	return below
}

// seriesSpan is the theme's colour for the i-th stream.
func seriesSpan(st *themes.Styles, i int) themes.Span {
	if len(st.Series) == 0 {
		return themes.Span{}
	}
	return st.Series[i%len(st.Series)]
}

// matchRanges appends [start,end) byte pairs of q's occurrences in s.
func matchRanges(out []int, s, q string) []int {
	for i := indexFold(s, q, 0); i >= 0; i = indexFold(s, q, i+len(q)) {
		out = append(out, i, i+len(q))
	}
	return out
}

// writeHighlighted writes s[from:to], with the parts inside ranges in hl.
func writeHighlighted(b *strings.Builder, s string, from, to int, ranges []int, hl themes.Span, on bool) {
	if !on || len(ranges) == 0 {
		b.WriteString(s[from:to])
		return
	}
	pos := from
	for i := 0; i+1 < len(ranges); i += 2 {
		start, end := max(ranges[i], from), min(ranges[i+1], to)
		if start >= end {
			continue
		}
		b.WriteString(s[pos:start])
		hl.WriteTo(b, s[start:end])
		pos = end
	}
	b.WriteString(s[pos:to])
}

// spaces is sliced for padding so drawing does not allocate it.
var spaces = strings.Repeat(" ", 256)

func pad(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(spaces))
		b.WriteString(spaces[:k])
		n -= k
	}
}

// header is the log view's first line: which stream, whether it
// follows, the search, what lies below the screen and how many lines it
// holds. (Wrapping and timestamps show in the lines themselves.)
func (v *logView) header(st *themes.Styles, width, below int) string {
	sep := st.Muted.Render(" · ")
	var left []string
	switch n := len(v.buf.Streams()); {
	case n == 0:
		left = append(left, st.TableHeader.Render("no log streams yet"))
	case v.stream < 0 && n == 1:
		left = append(left, st.TableHeader.Render("stream "+v.buf.Label(0)))
	case v.stream < 0:
		left = append(left, st.TableHeader.Render("all "+strconv.Itoa(n)+" streams"))
	default:
		left = append(left, st.TableHeader.Render("stream "+v.buf.Label(v.stream))+" ("+strconv.Itoa(int(v.stream)+1)+" of "+strconv.Itoa(n)+")")
	}
	switch {
	case v.follow && v.tail:
		left = append(left, st.Status(themes.FamilyRunning).Render("following"))
	case v.follow:
		left = append(left, st.Status(themes.FamilyWarning).Render("paused")+st.Muted.Render(" (G follows)"))
	default:
		left = append(left, "follow off")
	}

	var right []string
	if v.query != "" {
		if len(v.matches) == 0 {
			right = append(right, st.Status(themes.FamilyWarning).Render("no match"))
		} else if i := v.matchIndex(); i > 0 {
			right = append(right, "match "+strconv.Itoa(i)+" of "+kit.Count(int64(len(v.matches))))
		} else {
			right = append(right, kit.Count(int64(len(v.matches)))+plural(len(v.matches), " match", " matches"))
		}
	}
	if below > 0 {
		right = append(right, st.Accent.Render("↓ "+kit.Count(int64(below))+" more"))
	}
	lines := kit.Count(int64(v.count())) + " lines"
	if v.buf.First() > 0 {
		lines += " (older dropped)"
	}
	right = append(right, st.Muted.Render(lines))

	l := " " + strings.Join(left, sep)
	r := strings.Join(right, sep) + " "
	lw, rw := kit.Width(l), kit.Width(r)
	if lw+rw+1 > width {
		return kit.FitLines(l, width, 1)
	}
	return l + strings.Repeat(" ", width-lw-rw) + r
}
