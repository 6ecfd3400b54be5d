package table

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// AsyncAbove is the row count above which filtering and sorting run in a
// tea.Cmd instead of inside Update.
const AsyncAbove = 5000

// Model is a table of rows of type T. It is used through a pointer and
// updated in place by its pane.
type Model[T any] struct {
	owner kit.PaneID
	name  string
	ctx   context.Context
	cols  []Column[T]
	key   func(T) string
	keys  *kit.KeyMap
	empty string

	dataSeq  uint64
	data     *dataset[T]
	view     derived[T]
	filter   string
	sortCol  int
	desc     bool
	gen      uint64 // bumps on every change the view must follow
	pending  bool
	cancel   context.CancelFunc
	asyncMin int

	cursor, offset int
	width, height  int
	layout         layout
}

// Option configures a table.
type Option[T any] func(*Model[T])

// WithKey identifies rows, so the cursor stays on the same row when data
// is refreshed, sorted or filtered.
func WithKey[T any](key func(T) string) Option[T] { return func(m *Model[T]) { m.key = key } }

// WithEmpty is the text shown when there are no rows at all.
func WithEmpty[T any](text string) Option[T] { return func(m *Model[T]) { m.empty = text } }

// WithSort starts the table sorted by a column.
func WithSort[T any](col int, desc bool) Option[T] {
	return func(m *Model[T]) { m.sortCol, m.desc = col, desc }
}

// WithAsyncAbove sets the row count above which work moves off the loop.
func WithAsyncAbove[T any](n int) Option[T] { return func(m *Model[T]) { m.asyncMin = n } }

// New makes a table owned by a pane. name tells this table's async
// results from those of the pane's other tables. ctx ends with the program
// and cancels work in flight.
func New[T any](ctx context.Context, owner kit.PaneID, name string, cols []Column[T], opts ...Option[T]) *Model[T] {
	if ctx == nil {
		ctx = context.Background()
	}
	m := &Model[T]{owner: owner, name: name, ctx: ctx, cols: cols, sortCol: -1, asyncMin: AsyncAbove, empty: "Nothing to show."}
	for _, o := range opts {
		o(m)
	}
	m.data = &dataset[T]{}
	m.view = derived[T]{data: m.data, cursor: -1}
	m.keys = m.bindings()
	return m
}

// derivedMsg carries a finished derive job back to its table.
type derivedMsg[T any] struct {
	owner kit.PaneID
	name  string
	gen   uint64
	view  derived[T]
	texts []string
	ok    bool
}

func (d derivedMsg[T]) RouteTo() kit.PaneID { return d.owner }

// SetRows replaces the data. rows must not be modified afterwards.
func (m *Model[T]) SetRows(rows []T) tea.Cmd {
	m.dataSeq++
	m.data = &dataset[T]{id: m.dataSeq, rows: rows}
	return m.rederive()
}

// SetFilter changes the fuzzy filter ("" shows every row).
func (m *Model[T]) SetFilter(text string) tea.Cmd {
	if text == m.filter {
		return nil
	}
	m.filter = text
	return m.rederive()
}

// SetSort orders by column col (-1 for the data's own order).
func (m *Model[T]) SetSort(col int, desc bool) tea.Cmd {
	if col >= len(m.cols) || col >= 0 && m.cols[col].Compare == nil {
		return nil
	}
	m.sortCol, m.desc = col, desc
	return m.rederive()
}

// Update handles the table's async results, its keys and mouse events
// (coordinates relative to the table's top-left). handled reports whether
// the message was the table's.
func (m *Model[T]) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case derivedMsg[T]:
		if msg.owner != m.owner || msg.name != m.name {
			return nil, false
		}
		if msg.gen == m.gen && msg.ok {
			m.apply(msg.view, msg.texts)
		}
		return nil, true
	case tea.KeyMsg:
		return m.keys.Handle(msg)
	case tea.MouseMsg:
		return m.mouse(msg)
	}
	return nil, false
}

// rederive recomputes the view: inline when small or trivial, otherwise
// in a tea.Cmd whose result is dropped if anything changed meanwhile.
func (m *Model[T]) rederive() tea.Cmd {
	m.gen++
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	s := spec[T]{cols: m.cols, data: m.data, filter: m.filter, sortCol: m.sortCol, desc: m.desc, key: m.key}
	if row, ok := m.Selected(); ok && m.key != nil {
		s.selected, s.hasSel = m.key(row), true
	}
	trivial := m.filter == "" && (m.sortCol < 0 || m.cols[m.sortCol].Compare == nil)
	if trivial || len(m.data.rows) <= m.asyncMin {
		v, texts, _ := derive(context.Background(), s)
		m.apply(v, texts)
		return nil
	}
	m.pending = true
	ctx, cancel := context.WithCancel(m.ctx)
	m.cancel = cancel
	gen, owner, name := m.gen, m.owner, m.name
	return func() tea.Msg {
		defer cancel()
		v, texts, ok := derive(ctx, s)
		return derivedMsg[T]{owner: owner, name: name, gen: gen, view: v, texts: texts, ok: ok}
	}
}

func (m *Model[T]) apply(v derived[T], texts []string) {
	if texts != nil && v.data == m.data && m.data.texts == nil {
		m.data.texts = texts
	}
	m.view = v
	m.pending = false
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	if v.cursor >= 0 {
		m.cursor = v.cursor
	}
	m.clamp()
}

// SetSize sets the table's area, header line included.
func (m *Model[T]) SetSize(w, h int) {
	if w != m.width {
		m.layout = layout{}
	}
	m.width, m.height = max(0, w), max(0, h)
	m.clamp()
}

// Selected is the row under the cursor.
func (m *Model[T]) Selected() (T, bool) {
	var zero T
	if m.view.len() == 0 || m.cursor < 0 || m.cursor >= m.view.len() {
		return zero, false
	}
	return m.view.data.rows[m.view.index(m.cursor)], true
}

// Cursor is the selected row's position in display order.
func (m *Model[T]) Cursor() int { return m.cursor }

// Len is how many rows are shown (after filtering); Total how many exist.
func (m *Model[T]) Len() int   { return m.view.len() }
func (m *Model[T]) Total() int { return len(m.view.data.rows) }

// Filter is the filter text in force.
func (m *Model[T]) Filter() string { return m.filter }

// Pending reports whether a filter or sort is still being computed.
func (m *Model[T]) Pending() bool { return m.pending }

// Keys are the table's bindings, for its pane to merge into its own.
func (m *Model[T]) Keys() *kit.KeyMap { return m.keys }

// SortInfo names the sort in force: "name↑", "" for data order.
func (m *Model[T]) SortInfo() string {
	if m.sortCol < 0 {
		return ""
	}
	return lowerTitle(m.cols[m.sortCol].Title) + arrow(m.desc)
}

func arrow(desc bool) string {
	if desc {
		return "↓"
	}
	return "↑"
}

// bodyHeight is the number of row lines under the header.
func (m *Model[T]) bodyHeight() int { return max(0, m.height-1) }

// clamp keeps the cursor on a row and the cursor's row on screen.
func (m *Model[T]) clamp() {
	n := m.view.len()
	m.cursor = max(0, min(m.cursor, n-1))
	h := m.bodyHeight()
	if h == 0 {
		m.offset = m.cursor
		return
	}
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	m.offset = max(0, min(m.offset, n-h))
}

// MoveTo puts the cursor on display row i (clamped).
func (m *Model[T]) MoveTo(i int) {
	m.cursor = i
	m.clamp()
}
