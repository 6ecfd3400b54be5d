package kittest

import "github.com/agdash/agdash/views/kit/table"

// Cells renders one row through every column's Text, by column title:
// what a row renderer shows, without a table around it.
func Cells[T any](cols []table.Column[T], row T) map[string]string {
	out := make(map[string]string, len(cols))
	for _, c := range cols {
		out[c.Title] = c.Text(row)
	}
	return out
}
