package registry

import (
	"math"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// FuzzComparisonFromAWSText renders a comparison whose metric names,
// report error, hyperparameters and group come from AWS: whatever they
// hold, nothing reaches the screen that acts on the terminal, and from 60
// cells up no line is wider than the pane (narrower, the view is cut).
func FuzzComparisonFromAWSText(f *testing.F) {
	f.Add("rmse", "The evaluation report is not JSON.", "num_trees", "500", 31000.5, 80)
	f.Add("准确率_accuracy", "\x1b]52;c;ZXZpbA==\x07boom", "பயிற்சி", "மா\r\n", math.Inf(1), 40)
	f.Add("\u009b31mf1", "", "\x1b[2J", "\x07", math.Copysign(0, -1), 120)
	f.Fuzz(func(t *testing.T, metric, reportErr, hyperName, hyperValue string, value float64, width int) {
		width = 20 + abs(width)%140
		cut := width < 60
		vs := hdbVersions()[:3]
		vs[0].Group = "g" + metric
		for i := range vs {
			vs[i].Group = vs[0].Group
			vs[i].Report.Metrics = append(vs[i].Report.Metrics, domain.ReportMetric{Name: metric, Value: value + float64(i)})
			vs[i].Hyperparameter = map[string]string{hyperName: hyperValue + strings.Repeat("x", i)}
		}
		vs[1].Report = domain.MetricsReport{Loaded: true, Err: reportErr}
		if reportErr == "" {
			vs[1].Report.Err = "x"
		}
		c := newComparison(vs[0].Group, vs, []int{14, 13, 12})
		st := themes.BuildNoColorPlain()
		l := c.layout(width)
		c.scrollTo(l.visible)
		out := strings.Join(c.header(st, l), "\n") + "\n" + c.body(st, l, width) + "\n" + c.intro()
		if strings.ContainsAny(out, "\x1b\x07\r\u009b\u009d") {
			t.Fatalf("a control character reached the screen: %q", out)
		}
		for _, line := range strings.Split(out, "\n") {
			if w := kit.Width(line); !cut && w > width && line != c.intro() {
				t.Fatalf("line is %d cells, pane %d: %q", w, width, line)
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
