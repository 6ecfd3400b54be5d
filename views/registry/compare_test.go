package registry

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// markedStyles draws each style the comparison uses as visible tags, so a
// test can see which style a cell got without a terminal.
func markedStyles() *themes.Styles {
	st := themes.BuildNoColorPlain()
	st.Better = themes.Span{Pre: "<better>", Post: "</better>"}
	st.Worse = themes.Span{Pre: "<worse>", Post: "</worse>"}
	st.Bold = themes.Span{Pre: "<best>", Post: "</best>"}
	st.Muted = themes.Span{Pre: "<muted>", Post: "</muted>"}
	return st
}

func compared(nums ...int) *comparison {
	return newComparison("hdb-resale-valuation", hdbVersions(), nums)
}

func TestComparisonMarksBestAndColoursDeltas(t *testing.T) {
	c := compared(14, 13, 12)
	l := c.layout(120)
	body := c.body(markedStyles(), l, 120)
	for _, want := range []string{
		"<best>    ★ 31,000.5</best>",           // rmse: v14 is best, with the symbol and the style
		"<better>  -799.9 -2.5%</better>",       // lower rmse than v12: better
		"<worse>+1,149.8 +3.6%</worse>",         // v13's rmse is worse
		"<better> +0.0073 +0.8%</better>",       // higher r2: better
		"<worse> -0.0060 -0.7%</worse>",         // lower r2: worse, with the row's four decimals
		"<worse>  +710.0 +3.1%</worse>",         // mae: one decimal like its values, not "+710"
		"    0.9050          0.8990",            // r2 values share their decimals, so they line up
		"<muted>             —</muted>",         // v12 has no mape
		"★ 0.058</best>",                        // mape best among those that have it
		"★ best · ↓ lower is better · ↑ higher", // the legend says what the symbols mean
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	// The baseline's own cells carry no delta.
	if strings.Count(body, "<better>")+strings.Count(body, "<worse>") != 6 {
		t.Errorf("want 6 coloured deltas (3 metrics × 2 versions, none for mape or v12):\n%s", body)
	}
}

func TestComparisonColumnsAreOldestFirstWithApprovedBaseline(t *testing.T) {
	c := compared(14, 12)
	if got := strings.Join(c.labels(), " "); got != "v12 v14" {
		t.Fatalf("columns = %s", got)
	}
	if c.table.Baseline != 0 || c.added != 0 {
		t.Fatalf("baseline column = %d, added = %d", c.table.Baseline, c.added)
	}
	if c.focusedVersion() != 14 {
		t.Errorf("focus on v%d, want the newest", c.focusedVersion())
	}
	c = compared(14, 13)
	if got := strings.Join(c.labels(), " "); got != "v12 v13 v14" || c.added != 12 {
		t.Fatalf("without v12 marked, the approved version should be added: %s (added %d)", got, c.added)
	}
	if !strings.Contains(c.intro(), "v12, the approved version (production), added as the baseline") {
		t.Errorf("intro = %q", c.intro())
	}
}

func TestUnreadableReportIsAColumnWithItsError(t *testing.T) {
	c := compared(11, 12)
	l := c.layout(100)
	body := c.body(themes.BuildNoColorPlain(), l, 100)
	// Read v11's column down the lines: it starts after the margin, the
	// metric names and the gap.
	from := 1 + l.metricW + colSep + gutterW
	var text []string
	for _, line := range strings.Split(body, "\n") {
		r := []rune(line)
		if len(r) >= from+l.colW {
			text = append(text, strings.TrimSpace(string(r[from:from+l.colW])))
		}
	}
	joined := strings.Join(strings.Fields(strings.Join(text, " ")), " ")
	if !strings.Contains(joined, "✗ The evaluation report is not JSON.") {
		t.Fatalf("v11's error is not shown:\n%s", body)
	}
	head := strings.Join(c.header(themes.BuildNoColorPlain(), l), "\n")
	if !strings.Contains(head, "v11") || !strings.Contains(head, "Rejected") {
		t.Errorf("v11 should keep its column:\n%s", head)
	}
	// v11 has no values, so it is neither best nor has deltas.
	for _, r := range c.table.Rows {
		if r.IsBest(0) || r.Cells[0].Present {
			t.Errorf("%s: v11 has a value", r.Metric)
		}
	}
}

func TestClassificationPrefersHigherExceptErrorRates(t *testing.T) {
	d := fraudData()
	c := newComparison(d.Group.Name, d.Versions, []int{6, 7, 8})
	best := map[string]string{}
	for _, r := range c.table.Rows {
		var ls []string
		for _, b := range r.Best {
			ls = append(ls, c.table.Columns[b].Label)
		}
		best[r.Metric] = strings.Join(ls, " ")
	}
	want := map[string]string{"auc": "v8", "accuracy": "v8", "precision": "v8", "recall": "v7", "f1": "v7", "false_positive_rate": "v8"}
	for m, w := range want {
		if best[m] != w {
			t.Errorf("best %s = %q, want %q", m, best[m], w)
		}
	}
	if c.table.Rows[0].Metric != "auc" {
		t.Errorf("the headline of a binary classifier should come first, got %s", c.table.Rows[0].Metric)
	}
	out := c.body(themes.BuildNoColorPlain(), c.layout(120), 120)
	if !strings.Contains(out, "false_positive_rate ↓") || !strings.Contains(out, "auc ↑") {
		t.Errorf("directions are not shown:\n%s", out)
	}
}

func TestLongMetricNameKeepsItsArrow(t *testing.T) {
	r := metrics.Row{Metric: "false_positive_rate_at_threshold", Direction: 2}
	if got := fitMetricTitle(r, 12); got != "false_pos… ↓" || kit.Width(got) != 12 {
		t.Errorf("fitMetricTitle = %q", got)
	}
}

func TestManyVersionsScrollSideways(t *testing.T) {
	d := demandData()
	c := newComparison(d.Group.Name, d.Versions, []int{1, 2, 3, 4, 5, 6, 7, 8, 9})
	st := themes.BuildNoColorPlain()
	l := c.layout(80)
	if l.visible >= 9 || l.visible < 2 {
		t.Fatalf("%d columns visible at 80 cells", l.visible)
	}
	c.scrollTo(l.visible)
	head := c.header(st, l)[0]
	if !strings.Contains(head, "◀") || strings.Contains(head, "▶") || !strings.Contains(head, "v9") || strings.Contains(head, " v1 ") {
		t.Fatalf("at the newest column: %q", head)
	}
	for range 8 {
		c.move(-1)
		c.scrollTo(l.visible)
	}
	head = c.header(st, l)[0]
	if strings.Contains(head, "◀") || !strings.Contains(head, "▶") || !strings.Contains(head, "v1") || strings.Contains(head, "v9") {
		t.Fatalf("at the oldest column: %q", head)
	}
	// The trend covers every version whatever is scrolled off.
	body := c.body(st, l, 80)
	if !strings.Contains(body, "█▆▅▅▃▂▃▂▁") {
		t.Errorf("the rmse trend should span the nine versions:\n%s", body)
	}
}

func TestVersionsListColoursHeadlineAgainstApproved(t *testing.T) {
	rows, heads := versionRows(hdbVersions())
	if strings.Join(heads, " ") != "rmse mae" {
		t.Fatalf("heads = %v", heads)
	}
	st := markedStyles()
	want := map[int]string{14: "<better>", 13: "<worse>", 12: "", 10: "<worse>"}
	for _, r := range rows {
		w, ok := want[r.Version]
		if !ok {
			continue
		}
		if got := headLook(r, 0, st).Pre; got != w {
			t.Errorf("v%d rmse look = %q, want %q", r.Version, got, w)
		}
	}
	if rows[3].ReportNote != noteUnreadable || headText(rows[3], 0) != "unreadable" || headText(rows[3], 1) != "" {
		t.Errorf("v11 = %+v", rows[3])
	}
}
