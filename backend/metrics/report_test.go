package metrics

import (
	"os"
	"reflect"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func names(r domain.MetricsReport) []string {
	var out []string
	for _, m := range r.Metrics {
		out = append(out, m.Name)
	}
	return out
}

func TestParseReportSageMakerFormats(t *testing.T) {
	tests := []struct {
		file   string
		format string
		names  []string
	}{
		{"regression.json", FormatRegression, []string{"rmse", "mae", "mse", "r2"}},
		{"binary.json", FormatBinary, []string{
			"auc", "accuracy", "accuracy_best_constant_classifier", "f0_5", "f1", "f2",
			"false_negative_rate", "false_positive_rate", "precision", "precision_best_constant_classifier",
			"recall", "recall_best_constant_classifier", "true_negative_rate", "true_positive_rate"}},
		{"multiclass.json", FormatMulticlass, []string{
			"weighted_f1", "accuracy", "accuracy_best_constant_classifier", "weighted_f0_5",
			"weighted_f2", "weighted_precision", "weighted_recall"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := ParseReport(readFile(t, tt.file))
			if !r.Loaded || r.Err != "" {
				t.Fatalf("Loaded=%v Err=%q", r.Loaded, r.Err)
			}
			if r.Format != tt.format {
				t.Errorf("Format = %q, want %q", r.Format, tt.format)
			}
			if got := names(r); !reflect.DeepEqual(got, tt.names) {
				t.Errorf("metrics:\n got %v\nwant %v", got, tt.names)
			}
		})
	}
}

func TestParseReportRegressionValues(t *testing.T) {
	r := ParseReport(readFile(t, "regression.json"))
	want := []domain.ReportMetric{
		{Name: "rmse", Value: 31000.5, StdDev: 412.7, HasStdDev: true, Better: domain.LowerIsBetter},
		{Name: "mae", Value: 22450.3, StdDev: 180.2, HasStdDev: true, Better: domain.LowerIsBetter},
		{Name: "mse", Value: 961031000.25, StdDev: 2310455.1, HasStdDev: true, Better: domain.LowerIsBetter},
		{Name: "r2", Value: 0.9123, StdDev: 0.0021, HasStdDev: true, Better: domain.HigherIsBetter},
	}
	if !reflect.DeepEqual(r.Metrics, want) {
		t.Errorf("metrics:\n got %+v\nwant %+v", r.Metrics, want)
	}
	if h, ok := Headline(r); !ok || h.Name != "rmse" {
		t.Errorf("Headline = %+v, %v", h, ok)
	}
}

func TestParseReportBinarySkipsCurvesAndMatrix(t *testing.T) {
	r := ParseReport(readFile(t, "binary.json"))
	for _, skipped := range []string{"confusion_matrix", "receiver_operating_characteristic_curve", "precision_recall_curve", "version", "dataset"} {
		if _, ok := r.Metric(skipped); ok {
			t.Errorf("%s was read as a scalar metric", skipped)
		}
	}
	if m, _ := r.Metric("false_positive_rate"); m.Value != 0.0556 || m.Better != domain.LowerIsBetter {
		t.Errorf("false_positive_rate = %+v", m)
	}
	if m, _ := r.Metric("auc"); m.Value != 0.9912 || m.Better != domain.HigherIsBetter {
		t.Errorf("auc = %+v", m)
	}
}

func TestParseReportCustomShapes(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []domain.ReportMetric
	}{
		{
			name: "flat numbers",
			body: `{"rmse": 31000.5, "r2": 0.91}`,
			want: []domain.ReportMetric{
				{Name: "rmse", Value: 31000.5, Better: domain.LowerIsBetter},
				{Name: "r2", Value: 0.91, Better: domain.HigherIsBetter},
			},
		},
		{
			name: "metrics object mixing numbers and value objects",
			body: `{"model": "xgboost-r", "metrics": {"mae": {"value": 22000, "standard_deviation": 150}, "rmse": 31000.5, "notes": "ok"}}`,
			want: []domain.ReportMetric{
				{Name: "rmse", Value: 31000.5, Better: domain.LowerIsBetter},
				{Name: "mae", Value: 22000, StdDev: 150, HasStdDev: true, Better: domain.LowerIsBetter},
			},
		},
		{
			name: "metrics list in the training job's style",
			body: `{"metrics": [{"MetricName": "validation:rmse", "Value": 31000.5}, {"MetricName": "train:rmse", "Value": 29000}, {"MetricName": "validation:rmse", "Value": 1}]}`,
			want: []domain.ReportMetric{
				{Name: "train:rmse", Value: 29000, Better: domain.LowerIsBetter},
				{Name: "validation:rmse", Value: 31000.5, Better: domain.LowerIsBetter},
			},
		},
		{
			name: "sagemaker section nested under metrics",
			body: `{"metrics": {"regression_metrics": {"rmse": {"value": 5}}}}`,
			want: []domain.ReportMetric{{Name: "rmse", Value: 5, Better: domain.LowerIsBetter}},
		},
		{
			name: "unknown metric keeps unknown direction",
			body: `{"training_minutes": 42, "auc": 0.8}`,
			want: []domain.ReportMetric{
				{Name: "auc", Value: 0.8, Better: domain.HigherIsBetter},
				{Name: "training_minutes", Value: 42},
			},
		},
		{
			name: "bookkeeping keys are not metrics",
			body: `{"version": 2, "rmse": 1.5}`,
			want: []domain.ReportMetric{{Name: "rmse", Value: 1.5, Better: domain.LowerIsBetter}},
		},
		{
			name: "python NaN and Infinity are missing values",
			body: `{"regression_metrics": {"rmse": {"value": 31000.5, "standard_deviation": NaN}, "r2": {"value": NaN}, "mape": {"value": Infinity}, "mae": -Infinity, "note": {"value": 1, "text": "NaN is fine in a string"}}}`,
			want: []domain.ReportMetric{
				{Name: "rmse", Value: 31000.5, Better: domain.LowerIsBetter},
				{Name: "note", Value: 1},
			},
		},
		{
			name: "out-of-range number skipped",
			body: `{"rmse": 1e400, "mae": 3}`,
			want: []domain.ReportMetric{{Name: "mae", Value: 3, Better: domain.LowerIsBetter}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseReport([]byte(tt.body))
			if r.Err != "" {
				t.Fatalf("Err = %q", r.Err)
			}
			if !reflect.DeepEqual(r.Metrics, tt.want) {
				t.Errorf("metrics:\n got %+v\nwant %+v", r.Metrics, tt.want)
			}
		})
	}
}

func TestParseReportErrors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"empty body", "", ErrEmpty},
		{"whitespace", " \n\t", ErrEmpty},
		{"S3 error page", `<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>`, ErrNotJSON},
		{"truncated", `{"regression_metrics": {"rmse": {"value": 3`, ErrNotJSON},
		{"trailing garbage", `{"rmse": 1} {"rmse": 2}`, ErrNotJSON},
		{"array", `[{"rmse": 1}]`, ErrNotObject},
		{"bare NaN", `NaN`, ErrNotObject},
		{"empty object", `{}`, ErrNoMetrics},
		{"only non-scalars", `{"binary_classification_metrics": {"confusion_matrix": {"0": {"0": 1}}}}`, ErrNoMetrics},
		{"numbers as strings", `{"rmse": "31000"}`, ErrNoMetrics},
		{"booleans", `{"converged": true}`, ErrNoMetrics},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseReport([]byte(tt.body))
			if !r.Loaded {
				t.Error("Loaded = false")
			}
			if r.Err != tt.want {
				t.Errorf("Err = %q, want %q", r.Err, tt.want)
			}
			if len(r.Metrics) != 0 {
				t.Errorf("Metrics = %+v with an error", r.Metrics)
			}
		})
	}
}

func TestParseReportByteOrderMark(t *testing.T) {
	r := ParseReport([]byte("\xef\xbb\xbf{\"rmse\": 2}"))
	if r.Err != "" || len(r.Metrics) != 1 {
		t.Errorf("got %+v", r)
	}
}

func TestNonFiniteToNull(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a": NaN, "b": [Infinity, -Infinity]}`, `{"a": null, "b": [null, null]}`},
		{`{"NaN": "NaN", "s": "say \"NaN\" Infinity"}`, `{"NaN": "NaN", "s": "say \"NaN\" Infinity"}`},
		{`{"a": NaNa, "b": xNaN}`, `{"a": NaNa, "b": xNaN}`},
		{`{"a": 1}`, `{"a": 1}`},
		{`"\\" NaN`, `"\\" null`},
	}
	for _, tt := range tests {
		if got := string(nonFiniteToNull([]byte(tt.in))); got != tt.want {
			t.Errorf("nonFiniteToNull(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
