package table

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

type job struct {
	Name    string
	Status  string
	Hours   int
	Project string
}

func cmpInt(a, b int) int { return a - b }

func jobCols(calls *int) []Column[job] {
	count := func(f func(job) string) func(job) string {
		return func(j job) string {
			if calls != nil {
				*calls++
			}
			return f(j)
		}
	}
	return []Column[job]{
		{Title: "NAME", Width: 10, Flex: 1, Filter: true, Text: count(func(j job) string { return j.Name }),
			Compare: func(a, b job) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "STATUS", Width: 10, Text: count(func(j job) string { return j.Status }),
			Look: StatusLook(func(j job) string { return j.Status }), Compare: func(a, b job) int { return strings.Compare(a.Status, b.Status) }},
		{Title: "HOURS", Width: 5, Align: kit.AlignRight, Text: count(func(j job) string { return fmt.Sprint(j.Hours) }),
			Compare: func(a, b job) int { return cmpInt(a.Hours, b.Hours) }},
		{Title: "PROJECT", Width: 8, Drop: 1, Filter: true, Text: count(func(j job) string { return j.Project })},
	}
}

var jobs = []job{
	{"hdb-train-3", "InProgress", 12, "hdb"},
	{"hdb-train-2", "Completed", 40, "hdb"},
	{"lta-eta-7", "Failed", 3, "lta"},
	{"moh-triage-1", "Stopped", 8, "moh"},
	{"hdb-eval-1", "Completed", 1, "hdb"},
}

// marked styles make highlights visible in plain text: runs of matches
// in [], the selected row's in {}.
func marked() *themes.Styles {
	return &themes.Styles{Match: themes.Span{Pre: "[", Post: "]"}, MatchSelected: themes.Span{Pre: "{", Post: "}"}}
}

func newTable(t *testing.T, opts ...Option[job]) *Model[job] {
	t.Helper()
	opts = append([]Option[job]{WithKey(func(j job) string { return j.Name })}, opts...)
	m := New(context.Background(), kit.PaneJobs, "jobs", jobCols(nil), opts...)
	m.SetRows(jobs)
	m.SetSize(50, 8)
	return m
}

func names(m *Model[job]) []string {
	var out []string
	for i := 0; i < m.Len(); i++ {
		out = append(out, m.view.data.rows[m.view.index(i)].Name)
	}
	return out
}

func key(s string) tea.KeyMsg {
	switch s {
	case "down", "up", "end", "home", "pgdown", "pgup":
		return map[string]tea.KeyMsg{"down": {Type: tea.KeyDown}, "up": {Type: tea.KeyUp}, "end": {Type: tea.KeyEnd},
			"home": {Type: tea.KeyHome}, "pgdown": {Type: tea.KeyPgDown}, "pgup": {Type: tea.KeyPgUp}}[s]
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func TestSortByColumnAndDirection(t *testing.T) {
	m := newTable(t)
	if got := strings.Join(names(m), ","); got != "hdb-train-3,hdb-train-2,lta-eta-7,moh-triage-1,hdb-eval-1" {
		t.Fatalf("data order = %s", got)
	}
	m.Update(key("o")) // NAME ascending
	if got := strings.Join(names(m), ","); got != "hdb-eval-1,hdb-train-2,hdb-train-3,lta-eta-7,moh-triage-1" {
		t.Fatalf("by name = %s", got)
	}
	m.Update(key("O"))
	if got := strings.Join(names(m), ","); got != "moh-triage-1,lta-eta-7,hdb-train-3,hdb-train-2,hdb-eval-1" {
		t.Fatalf("by name descending = %s", got)
	}
	if m.SortInfo() != "name↓" {
		t.Fatalf("SortInfo = %q", m.SortInfo())
	}
	m.Update(key("o")) // STATUS ascending, stable within equal statuses
	if got := strings.Join(names(m), ","); got != "hdb-train-2,hdb-eval-1,lta-eta-7,hdb-train-3,moh-triage-1" {
		t.Fatalf("by status = %s", got)
	}
	m.Update(key("o")) // HOURS
	if got := strings.Join(names(m), ","); got != "hdb-eval-1,lta-eta-7,moh-triage-1,hdb-train-3,hdb-train-2" {
		t.Fatalf("by hours = %s", got)
	}
	m.Update(key("o")) // PROJECT has no Compare: back to data order
	if m.SortInfo() != "" || names(m)[0] != "hdb-train-3" {
		t.Fatalf("after the last sortable column: sort %q, first %s", m.SortInfo(), names(m)[0])
	}
}

func TestCursorStaysOnRowAcrossSortAndRefresh(t *testing.T) {
	m := newTable(t)
	m.MoveTo(2) // lta-eta-7
	m.SetSort(2, false)
	if r, _ := m.Selected(); r.Name != "lta-eta-7" {
		t.Fatalf("after sort the cursor is on %s", r.Name)
	}
	fresh := append([]job{{"new-job", "InProgress", 0, "hdb"}}, jobs...)
	m.SetRows(fresh)
	if r, _ := m.Selected(); r.Name != "lta-eta-7" {
		t.Fatalf("after refresh the cursor is on %s", r.Name)
	}
}

func TestCursorBounds(t *testing.T) {
	m := newTable(t)
	m.Update(key("up"))
	if m.Cursor() != 0 {
		t.Fatalf("up from the top: cursor %d", m.Cursor())
	}
	m.Update(key("end"))
	m.Update(key("down"))
	if m.Cursor() != 4 {
		t.Fatalf("down from the bottom: cursor %d", m.Cursor())
	}
	m.Update(key("pgup"))
	if m.Cursor() != 0 {
		t.Fatalf("page up: cursor %d", m.Cursor())
	}
	m.SetRows(jobs[:2])
	m.Update(key("end"))
	m.SetRows(nil)
	if _, ok := m.Selected(); ok || m.Cursor() != 0 {
		t.Fatalf("empty table: selected=%v cursor=%d", ok, m.Cursor())
	}
	m.Update(key("down"))
	m.Update(key("end"))
	if m.Cursor() != 0 {
		t.Fatalf("moving in an empty table: cursor %d", m.Cursor())
	}
}

func TestScrollKeepsCursorVisible(t *testing.T) {
	m := newTable(t)
	m.SetSize(50, 3) // header + 2 rows
	m.Update(key("end"))
	out := m.View(marked())
	if !strings.Contains(out, "moh-triage-1") || !strings.Contains(out, "hdb-eval-1") || strings.Contains(out, "hdb-train-3") {
		t.Fatalf("at the bottom the last two rows should show:\n%s", out)
	}
	m.Update(key("home"))
	if out := m.View(marked()); !strings.Contains(out, "hdb-train-3") {
		t.Fatalf("at the top the first row should show:\n%s", out)
	}
}

func TestFilterHighlightsMatchedCharacters(t *testing.T) {
	m := newTable(t)
	m.SetFilter("htr")
	if got := strings.Join(names(m), ","); got != "hdb-train-3,hdb-train-2,moh-triage-1" {
		t.Fatalf("filtered = %s", got)
	}
	// Byte offsets into the filter text "hdb-train-2 hdb".
	if got := fmt.Sprint(m.matchesAt(1)); got != "[0 4 5]" {
		t.Fatalf("matches = %v", got)
	}
	out := m.View(marked())
	if !strings.Contains(out, "{h}db-{tr}ain-3") {
		t.Fatalf("selected row should show its matches in {}:\n%s", out)
	}
	if !strings.Contains(out, "[h]db-[tr]ain-2") || !strings.Contains(out, "mo[h]-[tr]iage-1") {
		t.Fatalf("other rows should show matches in []:\n%s", out)
	}
	// A match in the PROJECT column (the second filter column) is drawn there.
	m.SetFilter("lta")
	out = m.View(marked())
	if !strings.Contains(out, "{lta}-eta-7") {
		t.Fatalf("match in NAME:\n%s", out)
	}
	m.SetFilter("zzz")
	if m.Len() != 0 || !strings.Contains(m.View(marked()), "No rows match /zzz") {
		t.Fatalf("no-match view:\n%s", m.View(marked()))
	}
	m.SetFilter("")
	if m.Len() != 5 {
		t.Fatalf("clearing the filter shows %d rows", m.Len())
	}
}

func TestMatchInSecondFilterColumnIsHighlightedThere(t *testing.T) {
	m := newTable(t)
	m.SetFilter("3 hdb") // "3" ends NAME, then the space, then PROJECT
	out := m.View(marked())
	if !strings.Contains(out, "{3}") || !strings.Contains(out, "{hdb}") {
		t.Fatalf("matches across columns:\n%s", out)
	}
}

func TestViewRendersOnlyVisibleRows(t *testing.T) {
	calls := 0
	rows := make([]job, 10000)
	for i := range rows {
		rows[i] = job{Name: fmt.Sprintf("job-%05d", i), Status: "Completed", Hours: i}
	}
	m := New(context.Background(), kit.PaneJobs, "jobs", jobCols(&calls))
	m.SetRows(rows)
	m.SetSize(80, 11) // 10 visible rows
	calls = 0
	m.View(marked())
	if calls != 10*4 {
		t.Fatalf("View called cell renderers %d times for 10 visible rows of 4 columns", calls)
	}
}

func TestEveryLineIsTheTableWidth(t *testing.T) {
	m := newTable(t)
	for _, w := range []int{20, 33, 50, 80} {
		m.SetSize(w, 7)
		m.SetFilter("d")
		for i, line := range strings.Split(m.View(&themes.Styles{}), "\n") {
			if got := kit.Width(line); got != w {
				t.Fatalf("width %d: line %d is %d wide: %q", w, i, got, line)
			}
		}
		m.SetFilter("")
	}
}

func TestNarrowTableDropsColumnsByPriority(t *testing.T) {
	m := newTable(t)
	m.SetSize(36, 3)
	head := strings.SplitN(m.View(marked()), "\n", 2)[0]
	if strings.Contains(head, "PROJECT") || !strings.Contains(head, "HOURS") {
		t.Fatalf("at 36 cells PROJECT should give way first: %q", head)
	}
}

func TestAsyncFilterDropsStaleResults(t *testing.T) {
	m := newTable(t, WithAsyncAbove[job](2))
	first := m.SetFilter("hdb")
	if first == nil || !m.Pending() {
		t.Fatal("a large table should filter in a command")
	}
	if m.Len() != 5 {
		t.Fatal("the old view stays until the result arrives")
	}
	second := m.SetFilter("lta")
	stale := first()
	if _, handled := m.Update(stale); !handled {
		t.Fatal("the table should recognise its own result")
	}
	if m.Len() != 5 || !m.Pending() {
		t.Fatalf("a stale result was applied: %v", names(m))
	}
	m.Update(second())
	if got := strings.Join(names(m), ","); got != "lta-eta-7" || m.Pending() {
		t.Fatalf("current result: %s pending=%v", got, m.Pending())
	}
	// Another table's result is not taken.
	other := New(context.Background(), kit.PaneJobs, "other", jobCols(nil), WithAsyncAbove[job](2))
	other.SetRows(jobs)
	cmd := other.SetFilter("moh")
	if _, handled := m.Update(cmd()); handled {
		t.Fatal("a result for another table was taken")
	}
}

func TestAsyncFilterCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	m := New(ctx, kit.PaneJobs, "jobs", jobCols(nil), WithAsyncAbove[job](2))
	m.SetRows(jobs)
	cmd := m.SetFilter("hdb")
	cancel()
	msg := cmd().(derivedMsg[job])
	if msg.ok {
		t.Fatal("a cancelled job reported success")
	}
	m.Update(msg)
	if !m.Pending() || m.Len() != 5 {
		t.Fatal("a cancelled job changed the view")
	}
}

func TestMouse(t *testing.T) {
	m := newTable(t)
	m.View(marked()) // lays out columns
	press := func(x, y int, b tea.MouseButton) {
		m.Update(tea.MouseMsg{X: x, Y: y, Button: b, Action: tea.MouseActionPress})
	}
	press(5, 3, tea.MouseButtonLeft) // third row
	if r, _ := m.Selected(); r.Name != "lta-eta-7" {
		t.Fatalf("click selected %s", r.Name)
	}
	press(3, 0, tea.MouseButtonLeft) // NAME title
	if m.SortInfo() != "name↑" {
		t.Fatalf("clicking NAME sorted %q", m.SortInfo())
	}
	press(3, 0, tea.MouseButtonLeft)
	if m.SortInfo() != "name↓" {
		t.Fatalf("clicking NAME again sorted %q", m.SortInfo())
	}
	m.SetSize(50, 3)
	m.MoveTo(0)
	press(0, 1, tea.MouseButtonWheelDown)
	if m.offset != 3 || m.Cursor() != 3 {
		t.Fatalf("wheel down: offset %d cursor %d", m.offset, m.Cursor())
	}
	press(0, 1, tea.MouseButtonWheelUp)
	if m.offset != 0 || m.Cursor() != 1 {
		t.Fatalf("wheel up: offset %d cursor %d", m.offset, m.Cursor())
	}
	press(5, 40, tea.MouseButtonLeft) // below the table
	if m.Cursor() != 1 {
		t.Fatal("a click outside moved the cursor")
	}
}

func TestWideNamesGolden(t *testing.T) {
	rows := []job{
		{"hdb-resale-valuation", "InProgress", 12, "hdb"},
		{"房屋转售价格估值模型训练", "Completed", 40, "房屋"},
		{"Penilaian Harga Flat Jualan Semula", "Failed", 3, "lta"},
		{"மறுவிற்பனை விலை மதிப்பீடு", "Stopped", 8, "தமிழ்"},
		{"🏠 resale 🚀 model", "Completed", 1, "🚀"},
	}
	for _, w := range []int{48, 80} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m := New(context.Background(), kit.PaneJobs, "jobs", jobCols(nil))
			m.SetRows(rows)
			m.SetSize(w, 7)
			m.MoveTo(1)
			out := m.View(marked())
			for i, line := range strings.Split(out, "\n") {
				if kit.Width(line) != w {
					t.Fatalf("line %d is %d wide", i, kit.Width(line))
				}
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}
