// Package endpoints is the Endpoints pane, for on-call staff: the health
// of every SageMaker endpoint at a glance (worst first), each endpoint's
// variants, alarms, metric charts and logs, the API Gateway path in front
// of the model, and a smoke-test request.
package endpoints

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/table"
)

// row is one endpoint as the list shows it.
type row struct {
	domain.Endpoint
	// changed is true while the row's health change is highlighted.
	changed bool
}

// sparkMode is what the list's sparkline column draws.
type sparkMode int

const (
	sparkInvocations sparkMode = iota
	sparkErrors
)

// Columns referred to by position: health (sorted by, worst first) and
// the trend sparkline (its title follows what it draws).
const (
	healthCol = 0
	sparkCol  = 13
)

// columns are the list's columns. spark reports what the sparkline column
// draws now.
func columns(spark func() sparkMode) []table.Column[row] {
	known := func(r row) bool { return r.Metrics.Known }
	metric := func(get func(domain.EndpointMetrics) float64) func(a, b row) int {
		return func(a, b row) int {
			return cmp.Or(cmp.Compare(boolRank(known(a)), boolRank(known(b))), cmp.Compare(get(a.Metrics), get(b.Metrics)))
		}
	}
	measured := func(r row, s string) string {
		if !r.Metrics.Known {
			return "-"
		}
		return s
	}
	return []table.Column[row]{
		{Title: "HEALTH", Width: 8, Text: func(r row) string {
			if r.changed {
				return healthLabel(r.Health.Level) + " Δ"
			}
			return healthLabel(r.Health.Level)
		},
			Look:    func(r row, st *themes.Styles) themes.Span { return healthLook(r.Health.Level, r.changed, st) },
			Compare: compareHealth},
		{Title: "NAME", Width: 29, Flex: 1, Filter: true, Text: func(r row) string { return r.Name },
			Compare: func(a, b row) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "STAGE", Width: 7, Filter: true, Drop: 4, Text: func(r row) string { return stageText(r.Stage) },
			Compare: func(a, b row) int { return strings.Compare(a.Stage, b.Stage) }},
		{Title: "STATUS", Width: 9, Text: func(r row) string { return r.Status },
			Look:    table.StatusLook(func(r row) string { return r.Status }),
			Compare: func(a, b row) int { return strings.Compare(a.Status, b.Status) }},
		{Title: "INST", Width: 7, Drop: 6, Text: func(r row) string { return instances(r.Variants) },
			Look:    instancesLook,
			Compare: func(a, b row) int { return cmp.Compare(currentInstances(a.Variants), currentInstances(b.Variants)) }},
		{Title: "INV/M", Width: 5, Align: kit.AlignRight, Drop: 5, Text: func(r row) string { return measured(r, perMin(r.Metrics.InvocationsPerMin)) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return m.InvocationsPerMin })},
		{Title: "4XX", Width: 5, Align: kit.AlignRight, Drop: 8, Text: func(r row) string { return measured(r, rate(r.Metrics.Rate4xx)) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return m.Rate4xx })},
		{Title: "5XX", Width: 5, Align: kit.AlignRight, Text: func(r row) string { return measured(r, rate(r.Metrics.Rate5xx)) },
			Look:    fiveXXLook,
			Compare: metric(func(m domain.EndpointMetrics) float64 { return m.Rate5xx })},
		{Title: "AVG", Width: 6, Align: kit.AlignRight, Drop: 11, Text: func(r row) string { return measured(r, millis(r.Metrics.LatencyAvg)) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return float64(m.LatencyAvg) })},
		{Title: "P99", Width: 6, Align: kit.AlignRight, Text: func(r row) string { return measured(r, millis(r.Metrics.LatencyP99)) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return float64(m.LatencyP99) })},
		{Title: "CPU", Width: 4, Align: kit.AlignRight, Drop: 10, Text: func(r row) string { return measured(r, whole(r.Metrics.CPUPercent)) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return m.CPUPercent })},
		{Title: "MEM", Width: 4, Align: kit.AlignRight, Drop: 9, Text: func(r row) string { return measured(r, whole(r.Metrics.MemoryPercent)) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return m.MemoryPercent })},
		{Title: "ALARM", Width: 5, Align: kit.AlignRight, Drop: 3, Text: func(r row) string { return alarmCount(r.Alarms) },
			Look:    alarmLook,
			Compare: func(a, b row) int { return cmp.Compare(firing(a.Alarms), firing(b.Alarms)) }},
		{Title: sparkTitle(sparkInvocations), Width: 10, Drop: 7, Text: func(r row) string { return sparkText(r, spark()) },
			Look:    func(r row, st *themes.Styles) themes.Span { return sparkLook(spark(), st) },
			Compare: metric(func(m domain.EndpointMetrics) float64 { return m.InvocationsPerMin })},
		{Title: "REASON", Width: 16, Flex: 5, Filter: true, Drop: 1, Text: func(r row) string { return headline(r.Health) },
			Look:    func(r row, st *themes.Styles) themes.Span { return reasonLook(r.Health.Level, st) },
			Compare: func(a, b row) int { return strings.Compare(headline(a.Health), headline(b.Health)) }},
		{Title: "PROJECT", Width: 20, Filter: true, Drop: 12, Text: func(r row) string { return r.Project },
			Look:    table.MutedLook[row],
			Compare: func(a, b row) int { return strings.Compare(a.Project, b.Project) }},
	}
}

// sparkTitle is the sparkline column's title for a mode.
func sparkTitle(m sparkMode) string {
	if m == sparkErrors {
		return "5XX 1H"
	}
	return "INV 1H"
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// compareHealth orders by severity (unknown, OK, WARN, CRIT), then by
// 5xx rate, so that descending puts the worst first.
func compareHealth(a, b row) int {
	return cmp.Or(cmp.Compare(severity(a.Health.Level), severity(b.Health.Level)), cmp.Compare(a.Metrics.Rate5xx, b.Metrics.Rate5xx))
}

func severity(l domain.HealthLevel) int {
	switch l {
	case domain.HealthCrit:
		return 3
	case domain.HealthWarn:
		return 2
	case domain.HealthOK:
		return 1
	}
	return 0
}

// healthLabel is the level as symbol and word, so it reads without colour.
func healthLabel(l domain.HealthLevel) string {
	if l == domain.HealthUnknown {
		return "? —"
	}
	return healthSymbol(l) + " " + l.String()
}

func healthSymbol(l domain.HealthLevel) string {
	switch l {
	case domain.HealthCrit:
		return "✗"
	case domain.HealthWarn:
		return "!"
	case domain.HealthOK:
		return "✓"
	}
	return "?"
}

func healthFamily(l domain.HealthLevel) themes.Family {
	switch l {
	case domain.HealthCrit:
		return themes.FamilyFailed
	case domain.HealthWarn:
		return themes.FamilyWarning
	case domain.HealthOK:
		return themes.FamilySucceeded
	}
	return themes.FamilyNeutral
}

func healthLook(l domain.HealthLevel, changed bool, st *themes.Styles) themes.Span {
	if changed {
		return st.Changed
	}
	if l == domain.HealthUnknown {
		return st.Muted
	}
	return st.Status(healthFamily(l))
}

func reasonLook(l domain.HealthLevel, st *themes.Styles) themes.Span {
	if l == domain.HealthCrit || l == domain.HealthWarn {
		return st.Status(healthFamily(l))
	}
	return st.Muted
}

// firstReason is the most severe reason, "" for a healthy endpoint.
func firstReason(h domain.Health) string {
	if len(h.Reasons) == 0 {
		return ""
	}
	return h.Reasons[0]
}

// headline is the reason the list shows: the first, unless it is an
// alarm and a measured reason follows it (a 5xx rate, a latency, clients
// throttled at the API), which says more than the alarm's name. The
// backend orders reasons by severity, so a later one is never more
// severe.
func headline(h domain.Health) string {
	first := firstReason(h)
	if !strings.HasPrefix(first, "alarm ") {
		return first
	}
	for _, r := range h.Reasons[1:] {
		if strings.HasPrefix(r, "5xx errors") || strings.Contains(r, "model latency") || strings.HasPrefix(r, "clients throttled") {
			return r
		}
	}
	return first
}

func stageText(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// instances is current/desired per instance-backed variant ("3/3 1/1"),
// "serverless" when every variant is.
func instances(vs []domain.Variant) string {
	var parts []string
	for _, v := range vs {
		if v.InstanceType == "" && v.ServerlessMem > 0 {
			continue
		}
		parts = append(parts, strconv.Itoa(v.CurrentCount)+"/"+strconv.Itoa(v.DesiredCount))
	}
	switch {
	case len(parts) > 0:
		return strings.Join(parts, " ")
	case len(vs) > 0:
		return "srvless"
	}
	return "-"
}

func currentInstances(vs []domain.Variant) int {
	n := 0
	for _, v := range vs {
		n += v.CurrentCount
	}
	return n
}

func instancesLook(r row, st *themes.Styles) themes.Span {
	for _, v := range r.Variants {
		if v.InstanceType != "" && v.CurrentCount < v.DesiredCount {
			return st.Status(themes.FamilyWarning)
		}
	}
	return themes.Span{}
}

func fiveXXLook(r row, st *themes.Styles) themes.Span {
	if r.Metrics.Known && r.Metrics.Rate5xx > 0 {
		return st.Status(themes.FamilyFailed)
	}
	return themes.Span{}
}

// firing counts the alarms in ALARM.
func firing(as []domain.Alarm) int {
	n := 0
	for _, a := range as {
		if a.State == domain.AlarmAlarm {
			n++
		}
	}
	return n
}

// alarmCount is "firing/all", "-" when no alarm watches the endpoint.
func alarmCount(as []domain.Alarm) string {
	if len(as) == 0 {
		return "-"
	}
	return strconv.Itoa(firing(as)) + "/" + strconv.Itoa(len(as))
}

func alarmLook(r row, st *themes.Styles) themes.Span {
	if firing(r.Alarms) > 0 {
		return st.Status(themes.FamilyFailed)
	}
	return st.Muted
}

func sparkText(r row, m sparkMode) string {
	// Traffic is drawn from zero so noise stays small and an outage falls
	// to the floor; errors keep min-max scaling, where any spike shows
	// (the 5XX column gives the level).
	if m == sparkErrors {
		if len(r.Metrics.Errors5xx.Values) == 0 {
			return ""
		}
		return kit.Sparkline(r.Metrics.Errors5xx.Values, 10)
	}
	if len(r.Metrics.Invocations.Values) == 0 {
		return ""
	}
	return kit.SparklineFromZero(r.Metrics.Invocations.Values, 10)
}

func sparkLook(m sparkMode, st *themes.Styles) themes.Span {
	if m == sparkErrors {
		return st.Status(themes.FamilyFailed)
	}
	return st.Accent
}

// rate is a fraction as a short percentage: "0%", "0.4%", "32%".
func rate(f float64) string {
	p := f * 100
	switch {
	case p == 0:
		return "0%"
	case p >= 10:
		return strconv.FormatFloat(p, 'f', 0, 64) + "%"
	case p < 0.1:
		return "<0.1%"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

// millis is a latency in milliseconds: "3.2ms", "38ms", "2400ms".
func millis(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms < 10 && ms != 0 {
		return strconv.FormatFloat(ms, 'f', 1, 64) + "ms"
	}
	return strconv.FormatFloat(ms, 'f', 0, 64) + "ms"
}

// whole is a percentage already in percent units: "64%".
func whole(p float64) string { return strconv.FormatFloat(p, 'f', 0, 64) + "%" }

// perMin is a rate per minute in at most five cells: 0.4, 4.6, 735, 1.2k.
func perMin(f float64) string {
	switch {
	case f == 0:
		return "0"
	case f < 10:
		return strconv.FormatFloat(f, 'f', 1, 64)
	case f < 1000:
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return kit.ShortCount(f)
}
