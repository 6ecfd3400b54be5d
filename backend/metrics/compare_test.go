package metrics

import (
	"math"
	"reflect"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func version(n int, approval string, body string) domain.ModelVersion {
	return domain.ModelVersion{
		Group:      "hdb-resale-valuation",
		Version:    n,
		Approval:   approval,
		Detailed:   true,
		MetricsURI: "s3://ag-hdb-resale-artifacts/evaluation/evaluation.json",
		Report:     ParseReport([]byte(body)),
	}
}

// hdbVersions are four registered versions of the HDB model: v1 rejected,
// v2 approved and in production, v3 a better candidate, v4 whose
// evaluation step wrote a broken report.
func hdbVersions() []domain.ModelVersion {
	return []domain.ModelVersion{
		version(1, domain.ApprovalRejected, `{"regression_metrics": {"rmse": {"value": 35200.1}, "mae": {"value": 25010}, "r2": {"value": 0.88}}}`),
		version(2, domain.ApprovalApproved, `{"regression_metrics": {"rmse": {"value": 31800.4, "standard_deviation": 400}, "mae": {"value": 22900}, "r2": {"value": 0.905}, "mape": {"value": 0.061}}}`),
		version(3, domain.ApprovalPending, `{"regression_metrics": {"rmse": {"value": 31000.5}, "mae": {"value": 22900}, "r2": {"value": 0.9123}}}`),
		version(4, domain.ApprovalPending, `Traceback (most recent call last):`),
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompareHDBVersions(t *testing.T) {
	c := Compare(hdbVersions(), 2)

	var labels []string
	for _, col := range c.Columns {
		labels = append(labels, col.Label)
	}
	if !reflect.DeepEqual(labels, []string{"v1", "v2", "v3", "v4"}) {
		t.Errorf("labels = %v", labels)
	}
	if c.Baseline != 1 || !c.Columns[1].Baseline || c.Columns[0].Baseline {
		t.Errorf("baseline column = %d", c.Baseline)
	}
	if c.Columns[3].Err != ErrNotJSON {
		t.Errorf("v4 Err = %q, want %q", c.Columns[3].Err, ErrNotJSON)
	}
	if c.Columns[1].Approval != domain.ApprovalApproved {
		t.Errorf("v2 approval = %q", c.Columns[1].Approval)
	}

	var metrics []string
	for _, r := range c.Rows {
		metrics = append(metrics, r.Metric)
	}
	if !reflect.DeepEqual(metrics, []string{"rmse", "mae", "mape", "r2"}) {
		t.Fatalf("rows = %v", metrics)
	}

	rmse := c.Rows[0]
	if rmse.Direction != domain.LowerIsBetter {
		t.Errorf("rmse direction = %v", rmse.Direction)
	}
	v1, v2, v3, v4 := rmse.Cells[0], rmse.Cells[1], rmse.Cells[2], rmse.Cells[3]
	if !v1.HasDelta || !near(v1.Delta, 3399.7) || !near(v1.Relative, 3399.7/31800.4) || v1.Verdict != Worse {
		t.Errorf("v1 rmse cell = %+v, want +3399.7 worse", v1)
	}
	if v2.HasDelta || v2.Verdict != NoVerdict || !v2.HasStdDev || v2.StdDev != 400 {
		t.Errorf("baseline rmse cell = %+v", v2)
	}
	if !near(v3.Delta, -799.9) || v3.Verdict != Better || !near(v3.Relative, -799.9/31800.4) {
		t.Errorf("v3 rmse cell = %+v, want -799.9 better", v3)
	}
	if v4.Present || v4.HasDelta {
		t.Errorf("v4 (broken report) cell = %+v", v4)
	}
	if !reflect.DeepEqual(rmse.Best, []int{2}) || !rmse.IsBest(2) || rmse.IsBest(1) {
		t.Errorf("rmse best = %v, want [2] (v3)", rmse.Best)
	}

	mae := c.Rows[1]
	if mae.Cells[2].Verdict != Equal || mae.Cells[2].Delta != 0 {
		t.Errorf("v3 mae equal to baseline: %+v", mae.Cells[2])
	}
	if !reflect.DeepEqual(mae.Best, []int{1, 2}) {
		t.Errorf("mae best = %v, want the tie [1 2]", mae.Best)
	}

	mape := c.Rows[2]
	if mape.Cells[0].Present || !mape.Cells[1].Present || mape.Cells[2].Present {
		t.Errorf("mape presence = %v %v %v, want only v2", mape.Cells[0].Present, mape.Cells[1].Present, mape.Cells[2].Present)
	}
	if mape.Best != nil {
		t.Errorf("mape best = %v, want none with a single value", mape.Best)
	}

	r2 := c.Rows[3]
	if r2.Direction != domain.HigherIsBetter || r2.Cells[2].Verdict != Better || r2.Cells[0].Verdict != Worse {
		t.Errorf("r2 row = %+v", r2)
	}
	if !reflect.DeepEqual(r2.Best, []int{2}) {
		t.Errorf("r2 best = %v", r2.Best)
	}
}

func TestCompareBaselines(t *testing.T) {
	vs := hdbVersions()[:3]
	t.Run("no baseline: no deltas, best still marked", func(t *testing.T) {
		c := Compare(vs, 0)
		if c.Baseline != -1 {
			t.Errorf("Baseline = %d", c.Baseline)
		}
		for _, r := range c.Rows {
			for _, cell := range r.Cells {
				if cell.HasDelta || cell.Verdict != NoVerdict {
					t.Errorf("%s has a delta without a baseline: %+v", r.Metric, cell)
				}
			}
		}
		if !reflect.DeepEqual(c.Rows[0].Best, []int{2}) {
			t.Errorf("rmse best = %v", c.Rows[0].Best)
		}
	})
	t.Run("baseline not among the versions", func(t *testing.T) {
		if c := Compare(vs, 9); c.Baseline != -1 {
			t.Errorf("Baseline = %d", c.Baseline)
		}
	})
	t.Run("baseline without the metric", func(t *testing.T) {
		c := Compare(hdbVersions()[:3], 1) // v1 has no mape
		if cell := c.Rows[2].Cells[1]; c.Rows[2].Metric != "mape" || cell.HasDelta || cell.Verdict != NoVerdict {
			t.Errorf("mape vs a baseline without mape: %+v", cell)
		}
	})
	t.Run("baseline of zero has no relative change", func(t *testing.T) {
		c := Compare([]domain.ModelVersion{
			version(1, "", `{"error": 0}`),
			version(2, "", `{"error": 0.02}`),
		}, 1)
		cell := c.Rows[0].Cells[1]
		if !cell.HasDelta || cell.Delta != 0.02 || cell.HasRelative || cell.Verdict != Worse {
			t.Errorf("cell = %+v", cell)
		}
	})
}

func TestCompareUnknownDirection(t *testing.T) {
	c := Compare([]domain.ModelVersion{
		version(1, "", `{"training_minutes": 40, "rows_used": 100}`),
		version(2, "", `{"training_minutes": 55, "rows_used": 100}`),
	}, 1)
	minutes := c.Rows[1]
	if minutes.Metric != "training_minutes" || minutes.Best != nil || minutes.Cells[1].Verdict != Changed {
		t.Errorf("training_minutes row = %+v", minutes)
	}
	if rows := c.Rows[0]; rows.Cells[1].Verdict != Equal {
		t.Errorf("rows_used verdict = %v", rows.Cells[1].Verdict)
	}
}

func TestCompareColumnsThatCannotBeRead(t *testing.T) {
	notDescribed := domain.ModelVersion{Group: "g", Version: 5}
	noReport := domain.ModelVersion{Group: "g", Version: 6, Detailed: true}
	pending := domain.ModelVersion{Group: "g", Version: 7, Detailed: true, MetricsURI: "s3://b/k"}
	c := Compare([]domain.ModelVersion{notDescribed, noReport, pending}, 0)
	want := []string{
		"The evaluation report has not been loaded yet.",
		"This version has no evaluation report.",
		"The evaluation report has not been loaded yet.",
	}
	for i, col := range c.Columns {
		if col.Err != want[i] {
			t.Errorf("column %d Err = %q, want %q", i, col.Err, want[i])
		}
	}
	if len(c.Rows) != 0 {
		t.Errorf("rows = %+v", c.Rows)
	}
}

func TestCompareAcrossGroupsLabelsGroups(t *testing.T) {
	a := version(3, "", `{"rmse": 1}`)
	b := version(1, "", `{"rmse": 2}`)
	b.Group = "hdb-resale-valuation-glm"
	c := Compare([]domain.ModelVersion{a, b}, 0)
	if c.Columns[0].Label != "hdb-resale-valuation v3" || c.Columns[1].Label != "hdb-resale-valuation-glm v1" {
		t.Errorf("labels = %q, %q", c.Columns[0].Label, c.Columns[1].Label)
	}
}

func TestCompareClassificationHeadline(t *testing.T) {
	c := Compare([]domain.ModelVersion{
		version(1, "", string(readFile(t, "binary.json"))),
		version(2, "", `{"binary_classification_metrics": {"f1": {"value": 0.97}, "auc": {"value": 0.995}, "kappa": {"value": 0.9}}}`),
	}, 1)
	if c.Rows[0].Metric != "auc" {
		t.Errorf("first row = %q, want auc", c.Rows[0].Metric)
	}
	auc := c.Rows[0]
	if auc.Cells[1].Verdict != Better || !reflect.DeepEqual(auc.Best, []int{1}) {
		t.Errorf("auc row = %+v", auc)
	}
}

func TestCompareEmpty(t *testing.T) {
	c := Compare(nil, 3)
	if len(c.Columns) != 0 || len(c.Rows) != 0 || c.Baseline != -1 {
		t.Errorf("Compare(nil) = %+v", c)
	}
}

func TestVerdictString(t *testing.T) {
	for v, want := range map[Verdict]string{NoVerdict: "", Better: "better", Worse: "worse", Equal: "equal", Changed: "changed"} {
		if v.String() != want {
			t.Errorf("%d.String() = %q", int(v), v.String())
		}
	}
}

func TestHyperparameterDiff(t *testing.T) {
	hp := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	vs := []domain.ModelVersion{
		{Version: 1, Hyperparameter: hp("max_depth", "6", "eta", "0.1", "num_round", "200", "objective", "reg:squarederror")},
		{Version: 2, Hyperparameter: hp("max_depth", "8", "eta", "0.10", "num_round", "200", "objective", "reg:squarederror", "subsample", "0.8")},
		{Version: 3}, // training job unknown
		{Version: 4, Hyperparameter: hp("max_depth", "8", "eta", "0.1", "num_round", "300", "objective", "reg:squarederror")},
	}
	got := HyperparameterDiff(vs)
	want := []HyperRow{
		{Name: "max_depth", Values: []string{"6", "8", Missing, "8"}},
		{Name: "num_round", Values: []string{"200", "200", Missing, "300"}},
		{Name: "subsample", Values: []string{Missing, "0.8", Missing, Missing}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diff:\n got %+v\nwant %+v", got, want)
	}
	if rows := HyperparameterDiff(vs[:1]); len(rows) != 0 {
		t.Errorf("one version differs from nothing, got %+v", rows)
	}
	if rows := HyperparameterDiff([]domain.ModelVersion{vs[0], vs[2]}); len(rows) != 0 {
		t.Errorf("a known and an unknown version do not differ, got %+v", rows)
	}
}
