package jobs

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart/timeserieslinechart"
	"github.com/charmbracelet/lipgloss"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// chartHeight is the rows of one metric's chart, its time labels included.
const chartHeight = 10

// curveChart draws one metric over the job's run: time along the bottom
// (in loc), the metric's values up the side, in the theme's colour for
// series i. It returns the chart's lines, each at most width cells.
func curveChart(s domain.Series, i int, st *themes.Styles, loc *time.Location, width int) []string {
	times, values := finitePoints(s)
	if len(values) == 0 {
		return nil
	}
	first, last := times[0], times[len(times)-1]
	if !last.After(first) {
		last = first.Add(time.Minute)
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	padding := (hi - lo) * 0.05
	if padding == 0 {
		padding = math.Max(math.Abs(lo)*0.1, 1e-3)
	}
	lo, hi = lo-padding, hi+padding

	timeFormat := "15:04"
	if last.Sub(first) < 10*time.Minute {
		timeFormat = "15:04:05"
	}
	c := timeserieslinechart.New(max(20, width), chartHeight,
		timeserieslinechart.WithTimeRange(first, last),
		timeserieslinechart.WithYRange(lo, hi),
		timeserieslinechart.WithXYSteps(len(timeFormat)+4, 2),
		timeserieslinechart.WithXLabelFormatter(func(_ int, v float64) string {
			return time.Unix(int64(v), 0).In(loc).Format(timeFormat)
		}),
		timeserieslinechart.WithYLabelFormatter(axisNumber(lo, hi)),
	)
	for k := range values {
		c.Push(timeserieslinechart.TimePoint{Time: times[k], Value: values[k]})
	}
	c.DrawBraille()
	line := themes.Span{}
	if len(st.ChartLine) > 0 {
		line = spanOf(st.ChartLine[i%len(st.ChartLine)])
	}
	return paint(&c.Canvas, line, spanOf(st.ChartAxis))
}

// paint reads the drawn canvas cell by cell: the curve (braille dots) in
// the series' colour, the axes and their labels in the axis colour. The
// canvas' own View renders every cell through lipgloss, a thousand times
// slower.
func paint(cv *canvas.Model, line, axis themes.Span) []string {
	out := make([]string, 0, cv.Height())
	var b strings.Builder
	for y := 0; y < cv.Height(); y++ {
		b.Reset()
		cur, open := themes.Span{}, false
		for x := 0; x < cv.Width(); x++ {
			r := cv.Cell(canvas.Point{X: x, Y: y}).Rune
			look := themes.Span{}
			switch {
			case r == 0 || r == ' ':
				r = ' '
			case r >= 0x2800 && r <= 0x28ff:
				look = line
			default:
				look = axis
			}
			if look != cur || !open {
				if open {
					b.WriteString(cur.Post)
				}
				b.WriteString(look.Pre)
				cur, open = look, true
			}
			b.WriteRune(r)
		}
		if open {
			b.WriteString(cur.Post)
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// spanOf turns a theme's lipgloss style into the sequences around a
// text, by rendering a private-use character once.
func spanOf(st lipgloss.Style) themes.Span {
	const sentinel = "\uE000"
	pre, post, ok := strings.Cut(st.Render(sentinel), sentinel)
	if !ok {
		return themes.Span{}
	}
	return themes.Span{Pre: pre, Post: post}
}

// finitePoints drops NaN and infinite values (a missing minute).
func finitePoints(s domain.Series) ([]time.Time, []float64) {
	n := min(len(s.Times), len(s.Values))
	times := make([]time.Time, 0, n)
	values := make([]float64, 0, n)
	for k := 0; k < n; k++ {
		if v := s.Values[k]; !math.IsNaN(v) && !math.IsInf(v, 0) {
			times = append(times, s.Times[k])
			values = append(values, v)
		}
	}
	return times, values
}

// axisNumber formats the value axis with as many digits as its range
// needs to tell neighbouring labels apart, and no more.
func axisNumber(lo, hi float64) func(int, float64) string {
	span := hi - lo
	digits := 0
	if span > 0 && span < 10 {
		digits = min(6, int(math.Ceil(-math.Log10(span)))+2)
	}
	big := math.Max(math.Abs(lo), math.Abs(hi)) >= 1e5
	return func(_ int, v float64) string {
		if big {
			return kit.ShortCount(v)
		}
		return strconv.FormatFloat(v, 'f', digits, 64)
	}
}

// metricValue is a metric's value as the detail shows it: up to six
// significant digits.
func metricValue(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}
