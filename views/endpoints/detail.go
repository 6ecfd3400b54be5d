package endpoints

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// section is one of the detail's views.
type section int

const (
	secOverview section = iota
	secMetrics
	secLogs
	sectionCount
)

func (s section) String() string {
	switch s {
	case secMetrics:
		return "Metrics"
	case secLogs:
		return "Logs"
	}
	return "Overview"
}

// sectionBar is the detail's first line: the sections, the current one
// marked, with the keys that switch.
func sectionBar(cur section, st *themes.Styles, width int) string {
	keys := map[section]string{secOverview: "o", secMetrics: "m", secLogs: "l"}
	var parts []string
	for s := section(0); s < sectionCount; s++ {
		label := s.String() + " (" + keys[s] + ")"
		if s == cur {
			parts = append(parts, st.TabActive.Render(" "+label+" "))
		} else {
			parts = append(parts, st.TabInactive.Render(" "+label+" "))
		}
	}
	return kit.FitLines(" "+strings.Join(parts, " "), width, 1)
}

// overview is everything on-call reads first about one endpoint: its
// health and why, the path in front of it, variants, alarms and config.
func overview(e domain.Endpoint, cfg *backend.EndpointConfig, t health.Thresholds, st *themes.Styles, now time.Time, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	status := kit.Sanitize(e.Status)
	level := e.Health.Level
	head := []string{
		st.Bold.Render(kit.Sanitize(e.Name)), "  ",
		healthLook(level, false, st).Render(healthLabel(level)), "  ",
		st.Status(kit.StatusFamily(status)).Render(status),
	}
	p.Line(head...)
	meta := "project " + kit.Sanitize(orDash(e.Project)) + " · stage " + kit.Sanitize(stageText(e.Stage))
	if !e.LastModified.IsZero() {
		meta += " · changed " + kit.Age(e.LastModified, now)
	}
	if !e.CreatedAt.IsZero() {
		meta += " · created " + kit.Timestamp(e.CreatedAt, now)
	}
	p.wrappedIn(st.Muted, "", meta)
	if e.FailureReason != "" && !mentions(e.Health.Reasons, e.FailureReason) {
		p.wrappedIn(st.Status(themes.FamilyFailed), "Failure: ", e.FailureReason)
	}

	p.Section("Health")
	if len(e.Health.Reasons) == 0 {
		if level == domain.HealthOK {
			p.Line("  ", st.Status(themes.FamilySucceeded).Render("✓ nothing wrong: status, alarms and metrics are within their thresholds"))
		} else {
			p.Line("  ", st.Muted.Render("no health reported yet"))
		}
	}
	for i, r := range e.Health.Reasons {
		marker := "  • "
		if i == 0 && level >= domain.HealthWarn {
			marker = "  " + healthSymbol(level) + " "
		}
		p.wrapped(marker, r)
	}
	if m := e.Metrics; m.Known {
		p.wrappedIn(st.Muted, "  ", fmt.Sprintf("now: %s inv/min · 4xx %s · 5xx %s · latency avg %s, p99 %s · CPU %s · memory %s",
			perMin(m.InvocationsPerMin), rate(m.Rate4xx), rate(m.Rate5xx), millis(m.LatencyAvg), millis(m.LatencyP99),
			whole(m.CPUPercent), whole(m.MemoryPercent)))
	}

	if e.Front != nil {
		frontSection(p, e, t)
	}

	p.Section(fmt.Sprintf("Variants (%d)", len(e.Variants)))
	variantRows(p, e.Variants)

	alarmSection(p, e.Alarms, now)

	p.Section("Configuration")
	name := e.ConfigName
	if cfg != nil && cfg.Name != "" {
		name = cfg.Name
	}
	p.Row("config", 12, kit.Sanitize(orDash(name)))
	if cfg != nil {
		if !cfg.CreatedAt.IsZero() {
			p.Row("created", 12, kit.Timestamp(cfg.CreatedAt, now))
		}
		capture := "off"
		if cfg.DataCapture {
			capture = "on"
		}
		p.Row("data capture", 12, capture)
		p.Row("KMS key", 12, kit.Sanitize(orDash(cfg.KMSKey)))
		if differs(cfg.VariantSpecs, e.Variants) {
			p.Line("  ", st.Status(themes.FamilyWarning).Render("the configuration asks for other variants than those running:"))
			variantRows(p, cfg.VariantSpecs)
		}
	} else {
		p.Line("  ", st.Muted.Render("loading the endpoint configuration…"))
	}
	p.Row("ARN", 12, kit.Sanitize(orDash(e.ARN)))
	return p.String()
}

// mentions reports whether some reason already quotes text.
func mentions(reasons []string, text string) bool {
	for _, r := range reasons {
		if strings.Contains(r, strings.TrimSpace(text)) {
			return true
		}
	}
	return false
}

// variantRows is one line per variant: name, instance type, counts,
// weight and model.
func variantRows(p *page, vs []domain.Variant) {
	st := p.St
	if len(vs) == 0 {
		p.Line("  ", st.Muted.Render("none described yet"))
		return
	}
	nameW := 7
	for _, v := range vs {
		nameW = max(nameW, min(20, kit.Width(kit.Sanitize(v.Name))))
	}
	total := 0.0
	for _, v := range vs {
		total += v.Weight
	}
	p.Line("  ", st.TableHeader.Render(kit.Fit("VARIANT", nameW, kit.AlignLeft)+"  "+kit.Fit("INSTANCE", 14, kit.AlignLeft)+"  "+
		kit.Fit("COUNT", 9, kit.AlignLeft)+"  "+kit.Fit("WEIGHT", 11, kit.AlignLeft)+"  MODEL"))
	for _, v := range vs {
		inst := kit.Sanitize(v.InstanceType)
		count := strconv.Itoa(v.CurrentCount) + "/" + strconv.Itoa(v.DesiredCount)
		countLook := themes.Span{}
		if v.InstanceType == "" && v.ServerlessMem > 0 {
			inst, count = "serverless", kit.Bytes(int64(v.ServerlessMem)<<20)
		} else if v.CurrentCount < v.DesiredCount {
			countLook = st.Status(themes.FamilyWarning)
		}
		// Weights arrive as float32: four significant digits drop the noise.
		weight := strconv.FormatFloat(v.Weight, 'g', 4, 64)
		if total > 0 && len(vs) > 1 {
			weight += " (" + strconv.FormatFloat(100*v.Weight/total, 'f', 0, 64) + "%)"
		}
		p.Line("  ", kit.Fit(kit.Sanitize(v.Name), nameW, kit.AlignLeft), "  ", kit.Fit(orDash(inst), 14, kit.AlignLeft), "  ",
			countLook.Render(kit.Fit(count, 9, kit.AlignLeft)), "  ", kit.Fit(weight, 11, kit.AlignLeft), "  ", kit.Sanitize(orDash(v.ModelName)))
	}
}

// alarmSection lists the alarms, those in ALARM first, each with its full
// reason wrapped.
func alarmSection(p *page, as []domain.Alarm, now time.Time) {
	st := p.St
	if len(as) == 0 {
		p.Section("Alarms (none)")
		p.Line("  ", st.Muted.Render("no CloudWatch alarm watches this endpoint or its API"))
		return
	}
	p.Section(fmt.Sprintf("Alarms (%d in ALARM of %d)", firing(as), len(as)))
	stateW := 0
	for _, a := range as {
		stateW = max(stateW, kit.Width(kit.Sanitize(a.State)))
	}
	for _, a := range as {
		state := kit.Sanitize(a.State)
		look := st.Status(kit.StatusFamily(state))
		if a.State == domain.AlarmInsufficientData {
			look = st.Muted
		}
		parts := []string{kit.Sanitize(a.Name)}
		if a.MetricName != "" {
			parts = append(parts, kit.Sanitize(a.MetricName)+" "+comparisonText(a.Comparison)+" "+strconv.FormatFloat(a.Threshold, 'g', -1, 64))
		}
		if !a.UpdatedAt.IsZero() {
			parts = append(parts, "since "+kit.Age(a.UpdatedAt, now))
		}
		p.wrapped("  "+look.Render(kit.Fit(state, stateW, kit.AlignLeft))+"  ", strings.Join(parts, " · "))
		hang := strings.Repeat(" ", stateW+4)
		if a.Reason != "" {
			p.wrappedIn(st.Muted, hang, a.Reason)
		}
		if a.Description != "" && a.State == domain.AlarmAlarm {
			p.wrapped(hang, a.Description)
		}
	}
}

// differs reports whether the configured variants are not the running
// ones (an update in flight, or a failed one).
func differs(specs, running []domain.Variant) bool {
	for _, s := range specs {
		found := false
		for _, r := range running {
			if r.Name == s.Name {
				found = true
				if r.InstanceType != s.InstanceType || r.ModelName != s.ModelName {
					return true
				}
			}
		}
		if !found {
			return true
		}
	}
	return false
}

func comparisonText(op string) string {
	switch op {
	case "GreaterThanOrEqualToThreshold":
		return "≥"
	case "GreaterThanThreshold":
		return ">"
	case "LessThanThreshold":
		return "<"
	case "LessThanOrEqualToThreshold":
		return "≤"
	case "":
		return "vs"
	}
	return kit.Sanitize(op)
}

// frontSection sets the API in front beside the model, so on-call can
// tell a failing model from throttled or blocked clients, and says which
// it is.
func frontSection(p *page, e domain.Endpoint, t health.Thresholds) {
	st := p.St
	f := e.Front
	p.Section("Path in front of the model")
	limits := "no throttling limit"
	if f.RateLimit > 0 {
		limits = fmt.Sprintf("throttled at %s req/s (%s/min), burst %d", number(f.RateLimit), kit.Count(int64(f.RateLimit*60+0.5)), f.BurstLimit)
	}
	p.wrapped("  ", "clients → API Gateway "+kit.Sanitize(f.APIName)+" ("+kit.Sanitize(f.APIID)+"), stage "+kit.Sanitize(f.Stage)+" → endpoint "+kit.Sanitize(e.Name))
	p.wrappedIn(st.Muted, "  ", limits+wafText(f))
	const lw = 7
	header := kit.Fit("", lw, kit.AlignLeft) + "  " + kit.Fit("REQ/MIN", 8, kit.AlignRight) + "  " + kit.Fit("4XX", 6, kit.AlignRight) + "  " +
		kit.Fit("5XX", 6, kit.AlignRight) + "  " + kit.Fit("AVG LATENCY", 11, kit.AlignRight)
	p.Line("  ", st.TableHeader.Render(header))
	cell := func(known bool, s string, w int, look themes.Span) string {
		if !known {
			s, look = "-", st.Muted
		}
		return look.Render(kit.Fit(s, w, kit.AlignRight))
	}
	bad := st.Status(themes.FamilyFailed)
	warn := st.Status(themes.FamilyWarning)
	pick := func(v, threshold float64, look themes.Span) themes.Span {
		if threshold > 0 && v >= threshold {
			return look
		}
		return themes.Span{}
	}
	p.Line("  ", kit.Fit("API", lw, kit.AlignLeft), "  ",
		cell(f.Known, kit.Count(int64(f.Count+0.5)), 8, themes.Span{}), "  ",
		cell(f.Known, rate(f.Rate4xx), 6, pick(f.Rate4xx, t.Warn4xxRate, warn)), "  ",
		cell(f.Known, rate(f.Rate5xx), 6, pick(f.Rate5xx, t.Warn5xxRate, bad)), "  ",
		cell(f.Known, millis(f.Latency), 11, themes.Span{}), "  ",
		st.Muted.Render("at API Gateway"))
	m := e.Metrics
	p.Line("  ", kit.Fit("model", lw, kit.AlignLeft), "  ",
		cell(m.Known, kit.Count(int64(m.InvocationsPerMin+0.5)), 8, themes.Span{}), "  ",
		cell(m.Known, rate(m.Rate4xx), 6, pick(m.Rate4xx, t.Warn4xxRate, warn)), "  ",
		cell(m.Known, rate(m.Rate5xx), 6, pick(m.Rate5xx, t.Warn5xxRate, bad)), "  ",
		cell(m.Known, millis(m.LatencyAvg), 11, themes.Span{}), "  ",
		st.Muted.Render("at the endpoint"))
	p.wrapped("  → ", pathVerdict(e, t))
}

func wafText(f *domain.APIFront) string {
	if f.WebACL == "" {
		return " · no WAF web ACL"
	}
	s := " · WAF " + kit.Sanitize(f.WebACL)
	if f.Known {
		s += ", blocking " + kit.Count(int64(f.WAFBlocked+0.5)) + " req/min"
	}
	return s
}

// logsView is the endpoint's recent log lines, newest first, each with
// its time; long lines wrap under their text.
func logsView(l *logBuffer, state backend.FeedState, st *themes.Styles, now time.Time, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	switch {
	case state.Err != "" && len(l.events) == 0:
		p.wrappedIn(st.StatusError, "", "Could not read the endpoint's logs: "+state.Err)
		return p.String()
	case !l.loaded:
		p.Line(st.Muted.Render("Reading the endpoint's CloudWatch logs…"))
		return p.String()
	case len(l.events) == 0:
		p.wrappedIn(st.Muted, "", "No log lines yet in "+orDash(l.group)+".")
		return p.String()
	}
	head := fmt.Sprintf("%d recent log events of %s, newest first", len(l.events), orDash(l.group))
	if l.dropped > 0 {
		head += fmt.Sprintf(" (%s older ones dropped)", kit.Count(int64(l.dropped)))
	}
	p.wrappedIn(st.Muted, "", head)
	if state.Err != "" {
		p.wrappedIn(st.StatusStale, "", "Stale: "+state.Err)
	}
	for i := len(l.events) - 1; i >= 0; i-- {
		ev := l.events[i]
		stamp := kit.Timestamp(ev.Timestamp, now)
		if ev.Timestamp.In(now.Location()).YearDay() == now.YearDay() {
			stamp = ev.Timestamp.In(now.Location()).Format("15:04:05")
		}
		for j, text := range strings.Split(strings.TrimRight(kit.SanitizeLines(ev.Message), "\n"), "\n") {
			indent := st.Muted.Render(kit.Fit(stamp, 9, kit.AlignLeft))
			if j > 0 {
				indent = strings.Repeat(" ", 9)
			}
			p.wrapped(indent, text)
		}
	}
	return p.String()
}
