// Package table is the list widget every pane uses for big collections:
// columns with pure cell renderers, a cursor, sorting by column, a fuzzy
// filter whose matched characters are highlighted, and mouse support.
// View costs O(visible rows); sorting and filtering run off the update
// loop once the list is large, and are recomputed only when the data, the
// filter or the sort change.
package table

import (
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Column describes one column of rows of type T.
type Column[T any] struct {
	Title string
	// Width is the column's width in cells; for a flexible column, its
	// minimum.
	Width int
	// Flex shares out spare width among flexible columns in proportion.
	Flex  int
	Align kit.Align
	// Drop is the order in which columns give way when the table is too
	// narrow: the highest Drop goes first; 0 never goes.
	Drop int
	// Text renders the cell. It must be pure and cheap: it runs for every
	// visible row each frame, and for every row when filtering. The table
	// sanitises what it returns.
	Text func(T) string
	// Look colours the cell (a status family, a muted note); nil is plain.
	Look func(T, *themes.Styles) themes.Span
	// Compare orders rows by this column; nil means it cannot sort.
	Compare func(a, b T) int
	// Filter makes the column's text part of what "/" matches.
	Filter bool
}

// StatusLook colours a cell by the status family of the text get returns.
func StatusLook[T any](get func(T) string) func(T, *themes.Styles) themes.Span {
	return func(row T, st *themes.Styles) themes.Span { return st.Status(kit.StatusFamily(get(row))) }
}

// MutedLook draws a cell in the muted colour.
func MutedLook[T any](_ T, st *themes.Styles) themes.Span { return st.Muted }
