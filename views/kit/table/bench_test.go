package table

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

func bigRows(n int) []job {
	statuses := []string{"InProgress", "Completed", "Failed", "Stopped"}
	rows := make([]job, n)
	for i := range rows {
		rows[i] = job{Name: fmt.Sprintf("hdb-resale-train-%06d", i), Status: statuses[i%4], Hours: i % 997, Project: fmt.Sprintf("proj-%d", i%40)}
	}
	return rows
}

func colourStyles(b *testing.B) *themes.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, err := themes.New("dark", r, false)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// View of a 100,000-row table at 200x60, filtered and sorted, in colour.
func BenchmarkView100k(b *testing.B) {
	m := New(context.Background(), kit.PaneJobs, "jobs", jobCols(nil), WithAsyncAbove[job](1<<30))
	m.SetRows(bigRows(100_000))
	m.SetSize(200, 60)
	m.SetSort(2, true)
	m.SetFilter("tr5")
	m.MoveTo(m.Len() / 2)
	st := colourStyles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View(st)
	}
}

// The filter job over 100,000 rows (what runs off the loop per keystroke).
func BenchmarkFilter100k(b *testing.B) {
	cols := jobCols(nil)
	data := &dataset[job]{rows: bigRows(100_000)}
	data.texts = filterTexts(cols, data.rows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		derive(context.Background(), spec[job]{cols: cols, data: data, filter: "tr5", sortCol: -1})
	}
}

// Sorting 100,000 rows by a column.
func BenchmarkSort100k(b *testing.B) {
	cols := jobCols(nil)
	data := &dataset[job]{rows: bigRows(100_000)}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		derive(context.Background(), spec[job]{cols: cols, data: data, sortCol: 0, desc: true})
	}
}
