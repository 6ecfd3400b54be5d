package registry

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// exportTo opens the export form on the comparison of v12 and v14 and
// submits format and destination; it returns the messages the pane's
// command produced, after handing them back to the pane.
func exportTo(t *testing.T, p *Pane, format, to string) []string {
	t.Helper()
	press(p, "e")
	if p.export == nil {
		t.Fatal("e did not open the export form")
	}
	press(p, "ctrl+u")
	typeText(p, format)
	press(p, "tab", "ctrl+u")
	typeText(p, to)
	var notes []string
	for _, m := range run(press(p, "enter")) {
		switch m := m.(type) {
		case exportDoneMsg:
			_, cmd := p.Update(m)
			notes = append(notes, notice(cmd))
		case kit.NotifyMsg:
			notes = append(notes, m.Level.String()+": "+m.Text)
		case kit.CopyMsg:
			notes = append(notes, "copy: "+m.What+"\n"+m.Text)
		}
	}
	return notes
}

func comparing(t *testing.T, nums ...int) *Pane {
	t.Helper()
	p, _ := newPane(t, 120, 35, engineer())
	openGroup(t, p, hdbData())
	mark(t, p, nums...)
	press(p, "c")
	if p.mode != modeCompare {
		t.Fatal("c did not open the comparison")
	}
	return p
}

func TestExportCSVParsesBackWithTheSameNumbers(t *testing.T) {
	p := comparing(t, 14, 12, 11)
	path := filepath.Join(t.TempDir(), "cmp.csv")
	notes := exportTo(t, p, "csv", path)
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "info: Wrote the comparison (4 metrics) to "+path) {
		t.Fatalf("notes = %q", notes)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	head := recs[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	byMetric := map[string][]string{}
	for _, r := range recs[1:] {
		byMetric[r[0]] = r
	}
	num := func(metric, column string) float64 {
		t.Helper()
		i, ok := col[column]
		if !ok {
			t.Fatalf("no column %q in %q", column, head)
		}
		v, err := strconv.ParseFloat(byMetric[metric][i], 64)
		if err != nil {
			t.Fatalf("%s %s = %q: %v", metric, column, byMetric[metric][i], err)
		}
		return v
	}
	checks := []struct {
		metric, column string
		want           float64
	}{
		{"rmse", "v12 (baseline)", 31800.4}, {"rmse", "v14", 31000.5}, {"rmse", "v14 delta", -799.9},
		{"mae", "v14", 22410}, {"r2", "v12 (baseline)", 0.905}, {"r2", "v14", 0.9123}, {"mape", "v14", 0.058},
	}
	for _, c := range checks {
		if got := num(c.metric, c.column); got != c.want {
			t.Errorf("%s %s = %v, want %v", c.metric, c.column, got, c.want)
		}
	}
	if byMetric["rmse"][col["best"]] != "v14" {
		t.Errorf("best rmse = %q", byMetric["rmse"][col["best"]])
	}
	if byMetric["mape"][col["v12 (baseline)"]] != "" {
		t.Error("v12 has no mape: its cell should be empty")
	}
	if errRow := byMetric["report error"]; errRow == nil || errRow[col["v11"]] != "The evaluation report is not JSON." {
		t.Errorf("v11's error row = %q", errRow)
	}
}

func TestExportMarkdownTable(t *testing.T) {
	b := exportedMarkdown(t, comparing(t, 14, 13, 12))
	lines := strings.Split(b, "\n")
	if lines[0] != "| metric | v12 (baseline) | v13 | v14 |" || lines[1] != "| --- | ---: | ---: | ---: |" {
		t.Fatalf("header:\n%s", b)
	}
	for _, l := range lines[2:6] {
		if strings.Count(l, "|") != 5 {
			t.Errorf("row %q has %d cells", l, strings.Count(l, "|")-1)
		}
	}
	if !strings.Contains(b, "| rmse ↓ | 31,800.4 | 32,950.2 (+1,149.8, +3.6%) | **31,000.5** (-799.9, -2.5%) |") {
		t.Errorf("rmse row:\n%s", b)
	}
}

// exportedMarkdown exports p's comparison as Markdown to a file and
// returns what the file holds.
func exportedMarkdown(t *testing.T, p *Pane) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cmp.md")
	exportTo(t, p, "md", path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The Markdown export writes each number as the comparison on screen
// writes it (a row's shared decimals: "+710.0", "0.9050") and lists the
// hyperparameters the screen lists as differing.
func TestExportMarkdownSaysWhatTheScreenSays(t *testing.T) {
	p := comparing(t, 14, 13, 12)
	md := exportedMarkdown(t, p)
	for _, row := range []string{
		"| mae ↓ | 22,900.0 | 23,610.0 (+710.0, +3.1%) | **22,410.0** (-490.0, -2.1%) |",
		"| r2 ↑ | 0.9050 | 0.8990 (-0.0060, -0.7%) | **0.9123** (+0.0073, +0.8%) |",
		"| hyperparameter | v12 (baseline) | v13 | v14 |",
		"| min_node_size | 5 | 5 | 10 |",
		"| mtry | 4 | 5 | 4 |",
		"| num_trees | 500 | 800 | 800 |",
	} {
		if !strings.Contains(md, row+"\n") {
			t.Errorf("export lacks the row %q:\n%s", row, md)
		}
	}
	if strings.Contains(md, "seed") {
		t.Errorf("seed is the same in every version, yet exported:\n%s", md)
	}
	// Every number the screen shows is in the export, written alike.
	c := p.cmp
	for ri, r := range c.table.Rows {
		for i, cell := range r.Cells {
			if !cell.Present {
				continue
			}
			value := strings.TrimPrefix(valueText(r, c.nums[ri], i), bestSymbol+" ")
			if !strings.Contains(md, " "+value+" ") && !strings.Contains(md, "**"+value+"**") {
				t.Errorf("%s %s: the screen's %q is not in the export", r.Metric, c.table.Columns[i].Label, value)
			}
			if d := deltaText(c.nums[ri], cell); d != "" && !strings.Contains(md, "("+strings.Replace(d, " ", ", ", 1)+")") {
				t.Errorf("%s %s: the screen's change %q is not in the export", r.Metric, c.table.Columns[i].Label, d)
			}
		}
	}
}

func TestExportRefusesToOverwrite(t *testing.T) {
	p := comparing(t, 14, 12)
	path := filepath.Join(t.TempDir(), "taken.csv")
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes := exportTo(t, p, "csv", path)
	if len(notes) != 1 || !strings.Contains(notes[0], path+" already exists; agdash does not overwrite files") {
		t.Fatalf("notes = %q", notes)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatalf("the file was changed: %q", b)
	}
	if p.export == nil || !strings.Contains(p.View(120, 35), "already exists") {
		t.Fatalf("the form should open again with the reason:\n%s", p.View(120, 35))
	}
	// A new name then works.
	press(p, "ctrl+u")
	other := filepath.Join(filepath.Dir(path), "other.csv")
	typeText(p, other)
	for _, m := range run(press(p, "enter")) {
		if d, ok := m.(exportDoneMsg); ok && d.err != nil {
			t.Fatalf("second try: %v", d.err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal(err)
	}
}

func TestExportToClipboard(t *testing.T) {
	p := comparing(t, 14, 12)
	notes := exportTo(t, p, "md", "clipboard")
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "copy: the comparison of hdb-resale-valuation v12 v14 as Markdown\n| metric | v12 (baseline) | v14 |") {
		t.Fatalf("notes = %q", notes)
	}
}

func TestExportDefaultPathSaysWhatItHolds(t *testing.T) {
	e := newExport("hdb-resale-valuation", []string{"v12", "v14"})
	if got := e.form.Value("to"); got != "./hdb-resale-valuation-compare-v12-v14.csv" {
		t.Errorf("default = %q", got)
	}
	e.form.Update(kittest.Key("ctrl+u"))
	typeInto(e, "md")
	if f, to := e.target(); f != "md" || to != "./hdb-resale-valuation-compare-v12-v14.md" {
		t.Errorf("md with the default name = %s %s", f, to)
	}
	many := newExport("a/b\x1b[31m", []string{"v1", "v2", "v3", "v4", "v5"})
	if got := many.form.Value("to"); got != "./a-b--31m-compare-v1-to-v5.csv" {
		t.Errorf("default = %q", got)
	}
}

func typeInto(e *export, s string) {
	e.form.Update(kittest.Key(s))
}

// The suggested file name follows the format on screen, so what the form
// shows is where the file goes; a name the user typed is left alone.
func TestExportSuggestedNameFollowsTheFormat(t *testing.T) {
	p := comparing(t, 14, 12)
	press(p, "e")
	press(p, "ctrl+u")
	typeText(p, "md")
	if got := p.export.form.Value("to"); got != "./hdb-resale-valuation-compare-v12-v14.md" {
		t.Errorf("after md the suggested name is %q", got)
	}
	if !strings.Contains(p.View(120, 35), "Save to ./hdb-resale-valuation-compare-v12-v14.md") {
		t.Errorf("the screen shows another name:\n%s", p.View(120, 35))
	}
	press(p, "ctrl+u")
	typeText(p, "csv")
	if got := p.export.form.Value("to"); got != "./hdb-resale-valuation-compare-v12-v14.csv" {
		t.Errorf("back to csv the suggested name is %q", got)
	}
	// A typed name stays as typed whatever the format.
	press(p, "tab", "ctrl+u")
	typeText(p, "mine.txt")
	press(p, "shift+tab", "ctrl+u")
	typeText(p, "md")
	if got := p.export.form.Value("to"); got != "mine.txt" {
		t.Errorf("a typed name became %q", got)
	}
	if f, to := p.export.target(); f != "md" || to != "mine.txt" {
		t.Errorf("target = %s %s", f, to)
	}
}
