package metrics

import (
	"math"
	"reflect"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

// FuzzParseReport feeds arbitrary bytes where an S3 evaluation report
// goes. Whatever the input: no panic, Loaded set, an error exactly when
// there are no metrics, finite values, unique names in canonical order.
func FuzzParseReport(f *testing.F) {
	for _, name := range []string{"regression.json", "binary.json", "multiclass.json"} {
		f.Add(readFile(f, name))
	}
	f.Add([]byte(`{"rmse": NaN, "metrics": [{"name": "x", "value": -Infinity}]}`))
	f.Add([]byte(`{"metrics": {"metrics": {"metrics": {"rmse": 1}}}}`))
	f.Add([]byte(`"\u0000"`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r := ParseReport(body)
		if !r.Loaded {
			t.Fatal("Loaded = false")
		}
		if (r.Err == "") != (len(r.Metrics) > 0) {
			t.Fatalf("Err %q with %d metrics", r.Err, len(r.Metrics))
		}
		seen := map[string]bool{}
		for _, m := range r.Metrics {
			if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) || math.IsNaN(m.StdDev) || math.IsInf(m.StdDev, 0) {
				t.Fatalf("non-finite metric %+v", m)
			}
			if seen[m.Name] {
				t.Fatalf("metric %q twice", m.Name)
			}
			seen[m.Name] = true
			if m.Better != Direction(m.Name) {
				t.Fatalf("metric %q direction %v, Direction says %v", m.Name, m.Better, Direction(m.Name))
			}
		}
		again := append([]domain.ReportMetric(nil), r.Metrics...)
		SortMetrics(r.Format, again)
		if !reflect.DeepEqual(again, r.Metrics) {
			t.Fatal("metrics not in canonical order")
		}
		// A comparison of the report with itself must export cleanly.
		c := Compare([]domain.ModelVersion{{Version: 1, Report: r}, {Version: 2, Report: r}}, 1)
		_ = ComparisonCSV(c)
		_ = ComparisonMarkdown(c)
	})
}
