package endpoints

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/NimbleMarkets/ntcharts/linechart"
	tslc "github.com/NimbleMarkets/ntcharts/linechart/timeserieslinechart"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// windows are the spans the detail's charts cycle through; the backend
// delivers the longest, the others are slices of it.
var windows = []time.Duration{time.Hour, 3 * time.Hour, 24 * time.Hour}

func windowName(d time.Duration) string {
	if d%(time.Hour) == 0 {
		return strconv.Itoa(int(d/time.Hour)) + " h"
	}
	return kit.Duration(d)
}

// point is one value at one time.
type point struct {
	t time.Time
	v float64
}

// metricChart is one metric ready to draw: a title, its unit and points.
type metricChart struct {
	title string
	unit  string // "/min", "%", "ms"
	pts   []point
}

// Series names in backend.EndpointData.Series.
const (
	seriesInvocations = "Invocations"
	series4xx         = "Invocation4XXErrors"
	series5xx         = "Invocation5XXErrors"
	seriesLatency     = "ModelLatency"
	seriesLatencyP99  = "ModelLatencyP99"
	seriesCPU         = "CPUUtilization"
	seriesMemory      = "MemoryUtilization"
	seriesAPICount    = "ApiCount"
	seriesAPI4xx      = "Api4XXError"
	seriesAPI5xx      = "Api5XXError"
	seriesWAFBlocked  = "WAFBlockedRequests"
)

// charts are the detail's metrics over the window ending at end:
// invocations per minute, 4xx and 5xx as shares of invocations, latency
// average and p99, CPU and memory; and the API's requests, 4XX and WAF
// blocks when a front is known.
func charts(d backend.EndpointData, window time.Duration, end time.Time) []metricChart {
	from := end.Add(-window)
	get := func(name string) []point { return slice(d.Series[name], from, end) }
	// Counts become rates over whole periods only (see complete); shares
	// and averages of a period under way are sound, and are kept.
	rate := func(pts []point) []point { return perMinute(complete(pts, end)) }
	inv := get(seriesInvocations)
	out := []metricChart{
		{"Invocations per minute", "/min", rate(inv)},
		{"4xx errors (% of invocations)", "%", share(get(series4xx), inv)},
		{"5xx errors (% of invocations)", "%", share(get(series5xx), inv)},
		{"Model latency avg (ms)", "ms", get(seriesLatency)},
		{"Model latency p99 (ms)", "ms", get(seriesLatencyP99)},
		{"CPU (% of one vCPU, summed)", "%", get(seriesCPU)},
		{"Memory (%)", "%", get(seriesMemory)},
	}
	if d.Endpoint.Front != nil {
		api := get(seriesAPICount)
		out = append(out,
			metricChart{"API requests per minute", "/min", rate(api)},
			metricChart{"API 4XX (% of requests)", "%", share(get(seriesAPI4xx), api)},
			metricChart{"API 5XX (% of requests)", "%", share(get(seriesAPI5xx), api)},
		)
		if d.Endpoint.Front.WebACL != "" {
			out = append(out, metricChart{"WAF blocked per minute", "/min", rate(get(seriesWAFBlocked))})
		}
	}
	return out
}

// slice is the series' finite points in (from, end].
func slice(s domain.Series, from, end time.Time) []point {
	var out []point
	for i, t := range s.Times {
		if i >= len(s.Values) {
			break
		}
		v := s.Values[i]
		if t.After(from) && !t.After(end) && !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, point{t, v})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].t.Before(out[j].t) })
	return out
}

// period is the spacing of a series' points (the smallest gap).
func period(pts []point) time.Duration {
	var p time.Duration
	for i := 1; i < len(pts); i++ {
		if d := pts[i].t.Sub(pts[i-1].t); d > 0 && (p == 0 || d < p) {
			p = d
		}
	}
	if p == 0 {
		return 5 * time.Minute // the detail feed's period
	}
	return p
}

// complete drops the last points if their period had not ended by end:
// CloudWatch sums a period still under way over the part of it that has
// passed, so its sum as a rate per minute would show a fall in traffic
// that is not there.
func complete(pts []point, end time.Time) []point {
	p := period(pts)
	for len(pts) > 0 && pts[len(pts)-1].t.Add(p).After(end) {
		pts = pts[:len(pts)-1]
	}
	return pts
}

// perMinute turns sums per period into rates per minute.
func perMinute(pts []point) []point {
	mins := period(pts).Minutes()
	out := make([]point, len(pts))
	for i, p := range pts {
		out[i] = point{p.t, p.v / mins}
	}
	return out
}

// share is part as a percentage of whole at the same times; times with no
// traffic are left out rather than drawn as 0 %.
func share(part, whole []point) []point {
	totals := make(map[int64]float64, len(whole))
	for _, p := range whole {
		totals[p.t.Unix()] = p.v
	}
	var out []point
	for _, p := range part {
		if w := totals[p.t.Unix()]; w > 0 {
			out = append(out, point{p.t, 100 * p.v / w})
		}
	}
	return out
}

// summary is "now 412 · max 520 /min" for a chart's title line.
func (c metricChart) summary() string {
	if len(c.pts) == 0 {
		return "no data"
	}
	hi := c.pts[0].v
	for _, p := range c.pts {
		hi = max(hi, p.v)
	}
	return "now " + value(c.pts[len(c.pts)-1].v, c.unit) + " · max " + value(hi, c.unit)
}

// value writes a chart value with its unit: "412/min", "3.2%", "38ms".
func value(v float64, unit string) string {
	switch unit {
	case "%":
		return axisNumber(v) + "%"
	case "ms":
		return axisNumber(v) + "ms"
	}
	return axisNumber(v) + unit
}

// axisNumber is a compact number: 0, 0.25, 3.2, 412, 2.7k.
func axisNumber(v float64) string {
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0"
	case a < 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case a < 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a < 1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return kit.ShortCount(v)
}

// chartHeight is the lines of one chart, title included.
const chartHeight = 8

// drawChart draws c as a titled braille line chart exactly w cells wide
// and chartHeight lines tall, its time axis in loc.
func drawChart(c metricChart, w int, from, end time.Time, loc *time.Location, st *themes.Styles, colour int) string {
	title := st.Bold.Render(c.title) + "  " + st.Muted.Render(c.summary())
	lines := []string{kit.FitLines(title, w, 1)}
	if len(c.pts) < 2 {
		msg := "not enough data in this window"
		if len(c.pts) == 0 {
			msg = "no data in this window"
		}
		body := strings.Repeat("\n", (chartHeight-1)/2) + strings.Repeat(" ", max(0, (w-len(msg))/2)) + st.Muted.Render(msg)
		lines = append(lines, kit.FitLines(body, w, chartHeight-1))
		return strings.Join(lines, "\n")
	}
	hi := 0.0
	for _, p := range c.pts {
		hi = max(hi, p.v)
	}
	if hi == 0 {
		hi = 1
	}
	hi = niceCeiling(hi * 1.1)
	line := st.ChartLine[colour%len(st.ChartLine)]
	m := tslc.New(w, chartHeight-1,
		tslc.WithTimeRange(from, end),
		tslc.WithYRange(0, hi),
		tslc.WithXYSteps(8, 2),
		tslc.WithAxesStyles(st.ChartAxis, st.ChartAxis),
		tslc.WithStyle(line),
		tslc.WithXLabelFormatter(func(_ int, v float64) string { return time.Unix(int64(v), 0).In(loc).Format("15:04") }),
		tslc.WithYLabelFormatter(linechart.LabelFormatter(func(_ int, v float64) string { return axisNumber(v) })),
	)
	for _, p := range c.pts {
		m.Push(tslc.TimePoint{Time: p.t, Value: p.v})
	}
	m.DrawBraille()
	lines = append(lines, kit.FitLines(m.View(), w, chartHeight-1))
	return strings.Join(lines, "\n")
}

// niceCeiling rounds v up to 1, 2 or 5 times a power of ten, so axis
// labels read as round numbers.
func niceCeiling(v float64) float64 {
	if v <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(v)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*mag >= v {
			return f * mag
		}
	}
	return 10 * mag
}

// sparkRow is one metric as a single line: title, sparkline, summary.
func sparkRow(c metricChart, w int, st *themes.Styles) string {
	const labelW, summaryW = 30, 27
	summary := kit.Fit(c.summary(), summaryW, kit.AlignLeft)
	sw := max(4, w-labelW-2-summaryW-2)
	vals := make([]float64, len(c.pts))
	for i, p := range c.pts {
		vals[i] = p.v
	}
	spark := strings.Repeat(" ", sw)
	if len(vals) > 0 {
		spark = kit.Sparkline(stretch(vals, sw), sw)
	}
	text := kit.Fit(c.title, labelW, kit.AlignLeft) + "  " + st.Accent.Render(spark) + "  " + st.Muted.Render(summary)
	return kit.FitLines(text, w, 1)
}

// stretch repeats values so that fewer points than cells still span the
// row (kit.Sparkline averages when there are more).
func stretch(vals []float64, w int) []float64 {
	if len(vals) == 0 || len(vals) >= w {
		return vals
	}
	out := make([]float64, w)
	for i := range out {
		out[i] = vals[i*len(vals)/w]
	}
	return out
}

// metricsView lays the charts out for width: two columns of line charts
// when there is room, else every metric as a sparkline row (the whole set
// on one screen) followed by full-width charts.
func metricsView(cs []metricChart, width int, from, end time.Time, loc *time.Location, st *themes.Styles) string {
	inner := max(20, width-2)
	var b strings.Builder
	line := func(s string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(" " + s)
	}
	if width >= 100 {
		const gap = 3
		cw := (inner - gap) / 2
		for i := 0; i < len(cs); i += 2 {
			left := strings.Split(drawChart(cs[i], cw, from, end, loc, st, i), "\n")
			right := make([]string, len(left))
			if i+1 < len(cs) {
				right = strings.Split(drawChart(cs[i+1], cw, from, end, loc, st, i+1), "\n")
			}
			if i > 0 {
				line("")
			}
			for j := range left {
				line(left[j] + strings.Repeat(" ", gap) + right[j])
			}
		}
		return b.String()
	}
	for _, c := range cs {
		line(sparkRow(c, inner, st))
	}
	for i, c := range cs {
		line("")
		for _, l := range strings.Split(drawChart(c, inner, from, end, loc, st, i), "\n") {
			line(l)
		}
	}
	return b.String()
}
