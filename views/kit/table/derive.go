package table

import (
	"context"
	"slices"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/agdash/agdash/views/kit"
)

// dataset is one delivery of rows with what is derived from them once.
// It is never modified after it is built, so a derive job may read it off
// the update loop while the loop goes on.
type dataset[T any] struct {
	id    uint64
	rows  []T
	texts []string // per row, the filter columns' text joined by spaces; nil until needed
}

// derived is what View draws: the rows in display order. Where a filter
// matched in each row is not kept: 100,000 matched rows would hold a list
// of offsets each, and View finds them again for the rows it draws
// (matchesAt).
type derived[T any] struct {
	data   *dataset[T]
	order  []int32 // indices into data.rows; nil means every row in data order
	filter string
	cursor int // where the previously selected row landed, or -1
}

func (d *derived[T]) len() int {
	if d.order == nil {
		return len(d.data.rows)
	}
	return len(d.order)
}

func (d *derived[T]) index(i int) int {
	if d.order == nil {
		return i
	}
	return int(d.order[i])
}

// spec is everything a derive job reads, captured when it is made.
type spec[T any] struct {
	cols     []Column[T]
	data     *dataset[T]
	filter   string
	sortCol  int // -1: data order
	desc     bool
	key      func(T) string
	selected string // key of the selected row, to keep the cursor on it
	hasSel   bool
}

// chunk is how many rows the filter matches between checks for
// cancellation.
const chunk = 8192

// derive filters and sorts. It returns ok=false when ctx ended first.
func derive[T any](ctx context.Context, s spec[T]) (derived[T], []string, bool) {
	out := derived[T]{data: s.data, filter: s.filter, cursor: -1}
	rows := s.data.rows
	texts := s.data.texts
	if s.filter != "" {
		if texts == nil {
			texts = filterTexts(s.cols, rows)
		}
		out.order = make([]int32, 0, 64)
		for from := 0; from < len(texts); from += chunk {
			if ctx.Err() != nil {
				return out, nil, false
			}
			to := min(from+chunk, len(texts))
			for _, m := range fuzzy.FindFromNoSort(s.filter, stringSource(texts[from:to])) {
				out.order = append(out.order, int32(from+m.Index))
			}
		}
	}
	if s.sortCol >= 0 && s.sortCol < len(s.cols) && s.cols[s.sortCol].Compare != nil {
		if out.order == nil {
			out.order = make([]int32, len(rows))
			for i := range out.order {
				out.order[i] = int32(i)
			}
		}
		sortOrder(&out, rows, s.cols[s.sortCol].Compare, s.desc)
	}
	if ctx.Err() != nil {
		return out, nil, false
	}
	if s.hasSel && s.key != nil {
		for i, n := 0, out.len(); i < n; i++ {
			if s.key(rows[out.index(i)]) == s.selected {
				out.cursor = i
				break
			}
		}
	}
	return out, texts, true
}

// sortOrder sorts the order stably by cmp.
func sortOrder[T any](d *derived[T], rows []T, cmp func(a, b T) int, desc bool) {
	slices.SortStableFunc(d.order, func(a, b int32) int {
		c := cmp(rows[a], rows[b])
		if desc {
			c = -c
		}
		return c
	})
}

// filterTexts builds each row's filter text from the Filter columns.
func filterTexts[T any](cols []Column[T], rows []T) []string {
	var fcols []int
	for i, c := range cols {
		if c.Filter {
			fcols = append(fcols, i)
		}
	}
	out := make([]string, len(rows))
	var b strings.Builder
	for r, row := range rows {
		out[r] = filterText(cols, fcols, row, &b)
	}
	return out
}

// filterText is one row's filter text, built in b.
func filterText[T any](cols []Column[T], fcols []int, row T, b *strings.Builder) string {
	if len(fcols) == 1 {
		return kit.Sanitize(cols[fcols[0]].Text(row))
	}
	b.Reset()
	for j, c := range fcols {
		if j > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(kit.Sanitize(cols[c].Text(row)))
	}
	return b.String()
}

// matchesAt is where the filter matched in display row i's filter text
// (byte offsets), nil without a filter.
func (m *Model[T]) matchesAt(i int) []int {
	if m.view.filter == "" {
		return nil
	}
	idx := m.view.index(i)
	var text string
	if texts := m.view.data.texts; texts != nil {
		text = texts[idx]
	} else {
		var fcols []int
		for ci, c := range m.cols {
			if c.Filter {
				fcols = append(fcols, ci)
			}
		}
		text = filterText(m.cols, fcols, m.view.data.rows[idx], &strings.Builder{})
	}
	found := fuzzy.FindNoSort(m.view.filter, []string{text})
	if len(found) == 0 {
		return nil
	}
	return found[0].MatchedIndexes
}

type stringSource []string

func (s stringSource) String(i int) string { return s[i] }
func (s stringSource) Len() int            { return len(s) }
