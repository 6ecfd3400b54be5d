package registry

import (
	"math"
	"testing"

	"github.com/agdash/agdash/backend/metrics"
)

func rowOf(values ...float64) metrics.Row {
	var r metrics.Row
	for _, v := range values {
		if math.IsNaN(v) {
			r.Cells = append(r.Cells, metrics.Cell{}) // a version without the metric
			continue
		}
		r.Cells = append(r.Cells, metrics.Cell{Present: true, Value: v})
	}
	return r
}

func TestNumbersOfARowShareTheirDecimals(t *testing.T) {
	cases := []struct {
		name   string
		row    metrics.Row
		values []string
	}{
		{"recall", rowOf(0.7, 0.74, 0.72), []string{"0.70", "0.74", "0.72"}},
		{"r2", rowOf(0.905, 0.899, 0.9123), []string{"0.9050", "0.8990", "0.9123"}},
		{"rmse", rowOf(36301, 37531.04), []string{"36,301.0", "37,531.0"}},
		{"mse", rowOf(1317760465.8, -2500.26), []string{"1,317,760,465.8", "-2,500.3"}},
		{"counts", rowOf(120, 95, math.NaN()), []string{"120", "95"}},
		{"tiny: exponent form kept", rowOf(0.00002, 0.5), []string{"2e-05", "0.5"}},
	}
	for _, c := range cases {
		n := numbersOf(c.row)
		var got []string
		for _, cell := range c.row.Cells {
			if cell.Present {
				got = append(got, n.Value(cell.Value))
			}
		}
		if len(got) != len(c.values) {
			t.Fatalf("%s: %v", c.name, got)
		}
		for i := range got {
			if got[i] != c.values[i] {
				t.Errorf("%s: value %d = %q, want %q", c.name, i, got[i], c.values[i])
			}
		}
	}
}

func TestDeltasFollowTheRowAndKeepTheirSign(t *testing.T) {
	rmse := numbersOf(rowOf(36824.2, 37535.2))
	r2 := numbersOf(rowOf(0.9063, 0.9055))
	cases := []struct {
		got, want string
	}{
		{rmse.Delta(711), "+711.0"},
		{rmse.Delta(-4.16), "-4.2"},
		{rmse.Delta(-1234.2), "-1,234.2"},
		{rmse.Delta(0.01), "+0.01"}, // would read +0.0 at one decimal: written in full
		{r2.Delta(-0.0008), "-0.0008"},
		{r2.Delta(0.00000003), "+3e-08"},
		{relative(-4.16, -4.16/37535.2), "-0.0%"}, // a tiny fall is not "+0.0%"
		{relative(711, 711/36824.2), "+1.9%"},
		{relative(-711, -711/36824.2), "-1.9%"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
