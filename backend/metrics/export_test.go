package metrics

import (
	"encoding/csv"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func TestComparisonCSVRoundTrip(t *testing.T) {
	c := Compare(hdbVersions(), 2)
	records, err := csv.NewReader(strings.NewReader(ComparisonCSV(c))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	wantHeader := []string{"metric", "direction",
		"v1", "v1 delta", "v1 delta %",
		"v2 (baseline)",
		"v3", "v3 delta", "v3 delta %",
		"v4", "v4 delta", "v4 delta %",
		"best"}
	if !reflect.DeepEqual(records[0], wantHeader) {
		t.Fatalf("header:\n got %q\nwant %q", records[0], wantHeader)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	if len(records) != 6 { // header, 4 metrics, report error
		t.Fatalf("%d records: %q", len(records), records)
	}
	rmse := records[1]
	if rmse[0] != "rmse" || rmse[col["direction"]] != "lower" || rmse[col["best"]] != "v3" {
		t.Errorf("rmse record = %q", rmse)
	}
	for name, want := range map[string]float64{"v1": 35200.1, "v2 (baseline)": 31800.4, "v3": 31000.5, "v3 delta": -799.9, "v3 delta %": -2.52} {
		got, err := strconv.ParseFloat(rmse[col[name]], 64)
		if err != nil || got != want {
			t.Errorf("rmse %s = %q, want %v", name, rmse[col[name]], want)
		}
	}
	if rmse[col["v4"]] != "" || rmse[col["v4 delta"]] != "" {
		t.Errorf("v4 rmse should be empty, got %q / %q", rmse[col["v4"]], rmse[col["v4 delta"]])
	}
	mape := records[3]
	if mape[0] != "mape" || mape[col["v1"]] != "" || mape[col["v2 (baseline)"]] != "0.061" || mape[col["best"]] != "" {
		t.Errorf("mape record = %q", mape)
	}
	mae := records[2]
	if mae[col["best"]] != "v2 v3" {
		t.Errorf("mae best = %q, want the tie", mae[col["best"]])
	}
	errRow := records[5]
	if errRow[0] != "report error" || errRow[col["v4"]] != ErrNotJSON || errRow[col["v1"]] != "" {
		t.Errorf("error record = %q", errRow)
	}
}

func TestComparisonCSVWithoutBaselineHasNoDeltaColumns(t *testing.T) {
	c := Compare(hdbVersions()[:2], 0)
	records, err := csv.NewReader(strings.NewReader(ComparisonCSV(c))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"metric", "direction", "v1", "v2", "best"}; !reflect.DeepEqual(records[0], want) {
		t.Errorf("header = %q, want %q", records[0], want)
	}
	if len(records) != 5 { // no error row: both reports parsed
		t.Errorf("%d records", len(records))
	}
}

func TestComparisonCSVDefusesFormulas(t *testing.T) {
	c := Compare([]domain.ModelVersion{
		version(1, "", `{"=HYPERLINK(\"http://x\")": 1, "-cmd": 2}`),
		{Group: "g", Version: 2, Report: domain.MetricsReport{Loaded: true, Err: "@SUM(A1)"}},
	}, 0)
	records, err := csv.NewReader(strings.NewReader(ComparisonCSV(c))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var firstCells []string
	for _, r := range records[1:] {
		firstCells = append(firstCells, r[0])
	}
	if want := []string{`'-cmd`, `'=HYPERLINK("http://x")`, "report error"}; !reflect.DeepEqual(firstCells, want) {
		t.Errorf("metric cells = %q, want %q", firstCells, want)
	}
	if got := records[3][3]; got != "'@SUM(A1)" {
		t.Errorf("error cell = %q", got)
	}
}

func TestComparisonMarkdown(t *testing.T) {
	c := Compare(hdbVersions(), 2)
	want := `| metric | v1 | v2 (baseline) | v3 | v4 |
| --- | ---: | ---: | ---: | ---: |
| rmse ↓ | 35,200.1 (+3,399.7, +10.7%) | 31,800.4 | **31,000.5** (-799.9, -2.5%) | — |
| mae ↓ | 25,010.0 (+2,110.0, +9.2%) | **22,900.0** | **22,900.0** (same) | — |
| mape ↓ | — | 0.061 | — | — |
| r2 ↑ | 0.8800 (-0.0250, -2.8%) | 0.9050 | **0.9123** (+0.0073, +0.8%) | — |

↓ lower is better, ↑ higher is better; **bold** marks the best value; bracketed changes are against v2.

Hyperparameters that differ: not known; no training job is recorded for these versions.

v4: The evaluation report is not JSON.
`
	if got := ComparisonMarkdown(c); got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestComparisonMarkdownEscapesText(t *testing.T) {
	c := Compare([]domain.ModelVersion{
		version(1, "", `{"a|b": 1}`),
		{Group: "g", Version: 2, Report: domain.MetricsReport{Loaded: true, Err: "bad *report*\nline two"}},
	}, 0)
	md := ComparisonMarkdown(c)
	if !strings.Contains(md, `| a\|b |`) {
		t.Errorf("pipe in a metric name not escaped:\n%s", md)
	}
	if !strings.Contains(md, `v2: bad \*report\* line two`) {
		t.Errorf("error note not escaped onto one line:\n%s", md)
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"}, {31000.5, "31,000.5"}, {31000.54, "31,000.5"}, {1234567.0, "1,234,567.0"},
		{-3399.7, "-3,399.7"}, {961031000.26, "961,031,000.3"}, {12.3456, "12.35"}, {123.456, "123.5"},
		{999.96, "1000"}, {1, "1"}, {0.9123, "0.9123"}, {0.91234567, "0.9123"}, {0.0123456, "0.01235"},
		{0.061, "0.061"}, {0.00005, "5e-05"}, {2e16, "2e+16"},
	}
	for _, tt := range tests {
		if got := FormatValue(tt.v); got != tt.want {
			t.Errorf("FormatValue(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if got := FormatDelta(-0.5); got != "-0.5" {
		t.Errorf("FormatDelta(-0.5) = %q", got)
	}
	if got := FormatDelta(1210.7); got != "+1,210.7" {
		t.Errorf("FormatDelta(1210.7) = %q", got)
	}
	// A change is signed as its delta, so a tiny fall is not "+0.0%".
	if got := FormatRelative(-3.2, -0.0001); got != "-0.0%" {
		t.Errorf("FormatRelative(-3.2, -0.0001) = %q", got)
	}
	if got := FormatRelative(1201.6, 0.0378); got != "+3.8%" {
		t.Errorf("FormatRelative(1201.6, 0.0378) = %q", got)
	}
	if got := FormatRelative(-120, -0.12); got != "-12.0%" {
		t.Errorf("FormatRelative(-120, -0.12) = %q", got)
	}
}

// trainedVersions are three versions whose rmse moved by +710 and -490
// against the approved v2, whose r2 fell by too little to show in
// percent, and that were trained with different hyperparameters.
func trainedVersions() []domain.ModelVersion {
	vs := []domain.ModelVersion{
		version(1, domain.ApprovalRejected, `{"regression_metrics": {"rmse": {"value": 36710}, "r2": {"value": 0.9063}}}`),
		version(2, domain.ApprovalApproved, `{"regression_metrics": {"rmse": {"value": 36000}, "r2": {"value": 0.9063}}}`),
		version(3, domain.ApprovalPending, `{"regression_metrics": {"rmse": {"value": 35510}, "r2": {"value": 0.906299}}}`),
	}
	vs[0].Hyperparameter = map[string]string{"NumTrees": "500", "Mtry": "3", "Seed": "42"}
	vs[1].Hyperparameter = map[string]string{"NumTrees": "800", "Mtry": "3", "Seed": "42"}
	vs[2].Hyperparameter = map[string]string{"NumTrees": "800", "Mtry": "=4", "Seed": "42.0"}
	return vs
}

func TestComparisonMarkdownWritesWhatTheScreenSays(t *testing.T) {
	want := `| metric | v1 | v2 (baseline) | v3 |
| --- | ---: | ---: | ---: |
| rmse ↓ | 36,710.0 (+710.0, +2.0%) | 36,000.0 | **35,510.0** (-490.0, -1.4%) |
| r2 ↑ | **0.9063** (same) | **0.9063** | 0.9063 (-1e-06, -0.0%) |

↓ lower is better, ↑ higher is better; **bold** marks the best value; bracketed changes are against v2.

Hyperparameters that differ:

| hyperparameter | v1 | v2 (baseline) | v3 |
| --- | ---: | ---: | ---: |
| Mtry | 3 | 3 | =4 |
| NumTrees | 500 | 800 | 800 |
`
	if got := ComparisonMarkdown(Compare(trainedVersions(), 2)); got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
	same := trainedVersions()
	for i := range same {
		same[i].Hyperparameter = map[string]string{"NumTrees": "800"}
	}
	if got := ComparisonMarkdown(Compare(same, 2)); !strings.HasSuffix(got,
		"\n\nHyperparameters that differ: none; these versions were trained with the same hyperparameters.\n") {
		t.Errorf("markdown with the same hyperparameters ends:\n%s", got)
	}
}

func TestComparisonCSVHasTheHyperparametersThatDiffer(t *testing.T) {
	records, err := csv.NewReader(strings.NewReader(ComparisonCSV(Compare(trainedVersions(), 2)))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	want := [][]string{
		{"metric", "direction", "v1", "v1 delta", "v1 delta %", "v2 (baseline)", "v3", "v3 delta", "v3 delta %", "best"},
		{"rmse", "lower", "36710", "710", "1.97", "36000", "35510", "-490", "-1.36", "v3"},
		// A fall too small for two decimals keeps its sign.
		{"r2", "higher", "0.9063", "0", "0.00", "0.9063", "0.906299", "-1e-06", "-0.00", "v1 v2"},
		{"hyperparameter: Mtry", "", "3", "", "", "3", "'=4", "", "", ""},
		{"hyperparameter: NumTrees", "", "500", "", "", "800", "800", "", "", ""},
	}
	if !reflect.DeepEqual(records, want) {
		t.Errorf("records:\n got %q\nwant %q", records, want)
	}
}
