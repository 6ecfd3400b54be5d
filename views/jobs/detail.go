package jobs

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// page is a detail's text; raw text from AWS wraps in full, line breaks
// kept (wrapText).
type page struct{ kit.Page }

// text writes raw text from AWS after indent, sanitised (line breaks
// kept) and wrapped in full: continuation lines hang under the text.
func (p *page) text(indent string, look themes.Span, raw string) {
	iw := kit.Width(indent)
	hang := strings.Repeat(" ", iw)
	for i, l := range wrapText(kit.SanitizeLines(raw), max(10, p.Width-1-iw)) {
		lead := hang
		if i == 0 {
			lead = indent
		}
		p.Line(lead, look.Render(l))
	}
}

// field writes "  label  value" with the label padded to labelW and the
// value (raw text from AWS) wrapped under itself.
func (p *page) field(label string, labelW int, raw string) {
	p.text("  "+p.St.Muted.Render(kit.Fit(label, labelW, kit.AlignLeft))+"  ", themes.Span{}, raw)
}

// detailInput is what a job's detail is drawn from.
type detailInput struct {
	job    domain.TrainingJob
	curves []domain.Series
	// loaded is true once the job's own feed has delivered; before that
	// the detail shows what the list knows.
	loaded bool
	// charts are the curves drawn (curveCharts), kept while the curves
	// and the width stay the same: drawing them is the costly part.
	charts [][]string
	state  backend.FeedState
	now    time.Time
	width  int
	st     *themes.Styles
}

// detailText is everything the pane knows of one job, most urgent first:
// what it is and how it stands, why it failed, its final metrics, how it
// got there (timeline and curves), then how it was set up.
func detailText(in detailInput) string {
	j, st, now := in.job, in.st, in.now
	p := &page{kit.Page{St: st, Width: max(20, in.width)}}
	name := kit.Sanitize(j.Name)
	status := kit.Sanitize(j.Status)
	head := st.Bold.Render(kit.Truncate(name, p.Width-1)) + "  " + st.Status(kit.StatusFamily(status)).Render(status)
	if sec := kit.Sanitize(j.SecondaryStatus); sec != "" && sec != status {
		head += st.Muted.Render(" · ") + st.Status(kit.StatusFamily(sec)).Render(sec)
	}
	if kit.Width(head) > p.Width-1 {
		p.Line(st.Bold.Render(kit.Truncate(name, p.Width-1)))
		head = st.Status(kit.StatusFamily(status)).Render(status)
	}
	p.Line(head)
	meta := []string{"project " + orDash(j.Project)}
	if j.InstanceType != "" {
		meta = append(meta, strings.TrimSpace(j.InstanceType+" × "+strconv.Itoa(max(1, j.InstanceCount))))
	}
	if !j.CreatedAt.IsZero() {
		meta = append(meta, "created "+kit.When(j.CreatedAt, now))
	}
	p.text("", st.Muted, strings.Join(meta, " · "))
	times := []string{"elapsed " + kit.Duration(j.Elapsed(now))}
	if j.TrainingSeconds > 0 {
		times = append(times, "training "+kit.Duration(time.Duration(j.TrainingSeconds)*time.Second))
	}
	if j.BillableSeconds > 0 {
		times = append(times, "billable "+kit.Duration(time.Duration(j.BillableSeconds)*time.Second))
	}
	if j.StoppingMaxRuntimeHours > 0 {
		times = append(times, "max runtime "+strconv.FormatFloat(j.StoppingMaxRuntimeHours, 'g', 4, 64)+"h")
	}
	if !j.EndedAt.IsZero() {
		times = append(times, "ended "+kit.Timestamp(j.EndedAt, now))
	}
	p.text("", st.Muted, strings.Join(times, " · "))
	if j.ARN != "" {
		p.text("", st.Muted, j.ARN)
	}

	switch s := in.state; {
	case s.AccessDenied:
		p.Blank()
		p.text(" ", st.StatusError, "AWS denied access to this job's details: "+s.Err)
	case s.Err != "":
		p.Blank()
		p.text(" ", st.StatusError, "Could not refresh this job: "+s.Err)
	case !in.loaded:
		p.Blank()
		p.Line(st.Muted.Render("Loading the job's details…"))
	}

	if j.FailureReason != "" {
		p.Section("Why it failed")
		p.text("  ", st.Status(themes.FamilyFailed), j.FailureReason)
	}

	if len(j.FinalMetrics) > 0 {
		p.Section("Final metrics")
		ms := append([]domain.MetricValue(nil), j.FinalMetrics...)
		sort.Slice(ms, func(a, b int) bool { return ms[a].Name < ms[b].Name })
		w := 0
		for _, m := range ms {
			w = max(w, kit.Width(kit.Sanitize(m.Name)))
		}
		w = min(w, 32)
		for _, m := range ms {
			p.field(kit.Sanitize(m.Name), w, metricValue(m.Value))
		}
	}

	timeline(p, j, now)
	curves(p, j, in.curves, in.charts, in.loaded, now)

	if len(j.Hyperparameters) > 0 {
		p.Section("Hyperparameters (" + strconv.Itoa(len(j.Hyperparameters)) + ")")
		keys := make([]string, 0, len(j.Hyperparameters))
		w := 0
		for k := range j.Hyperparameters {
			keys = append(keys, k)
			w = max(w, kit.Width(kit.Sanitize(k)))
		}
		sort.Strings(keys)
		w = min(w, 28)
		for _, k := range keys {
			p.field(kit.Sanitize(k), w, j.Hyperparameters[k])
		}
	}

	if len(j.Inputs) > 0 || j.OutputPath != "" || j.ModelArtifact != "" {
		p.Section("Data")
		w := len("artefact")
		for _, in := range j.Inputs {
			w = max(w, kit.Width(kit.Sanitize(in.Name)))
		}
		w = min(w, 20)
		for _, in := range j.Inputs {
			uri := in.S3URI
			if in.ContentType != "" {
				uri += "  (" + in.ContentType + ")"
			}
			p.field(kit.Sanitize(in.Name), w, uri)
		}
		if j.OutputPath != "" {
			p.field("output", w, j.OutputPath)
		}
		if j.ModelArtifact != "" {
			p.field("artefact", w, j.ModelArtifact)
		}
	}

	if j.Image != "" || j.RoleARN != "" || j.PipelineExecutionARN != "" {
		p.Section("Runs as")
		const w = len("pipeline")
		if j.Image != "" {
			p.field("image", w, j.Image)
		}
		if j.RoleARN != "" {
			p.field("role", w, j.RoleARN)
		}
		if j.PipelineExecutionARN != "" {
			p.field("pipeline", w, j.PipelineExecutionARN)
			hint := "p opens this execution in Pipelines"
			if j.PipelineExecutionStep != "" {
				hint = "step " + kit.Sanitize(j.PipelineExecutionStep) + " · " + hint
			}
			p.Line("  ", strings.Repeat(" ", w+2), st.Muted.Render(kit.Truncate(hint, p.Width-w-5)))
		}
	}
	return p.String()
}

// timeline is the job's secondary-status transitions with how long each
// took; the current one is measured to now and marked.
func timeline(p *page, j domain.TrainingJob, now time.Time) {
	if len(j.Transitions) == 0 {
		return
	}
	st := p.St
	p.Section("Status timeline")
	w := 0
	for _, t := range j.Transitions {
		w = max(w, kit.Width(kit.Sanitize(t.Status)))
	}
	w = min(w, 22)
	for i, t := range j.Transitions {
		current := t.End.IsZero() && i == len(j.Transitions)-1 && j.Running()
		mark := "  "
		if current {
			mark = st.Status(themes.FamilyRunning).Render("▸ ")
		}
		status := kit.Sanitize(t.Status)
		dur := kit.Duration(t.Duration(now))
		if t.End.IsZero() && !current {
			dur = "-"
		}
		if current {
			dur += "…"
		}
		lead := "  " + mark + st.Status(kit.StatusFamily(status)).Render(kit.Fit(status, w, kit.AlignLeft)) + "  " +
			st.Muted.Render(clock(t.Start, now)) + "  " + kit.Fit(dur, 8, kit.AlignRight) + "  "
		if t.Message == "" {
			p.Line(lead)
			continue
		}
		p.text(lead, themes.Span{}, t.Message)
	}
}

// clock is a time of day with seconds, the date too when not today.
func clock(t, now time.Time) string {
	if t.IsZero() {
		return "-       "
	}
	t = t.In(now.Location())
	if t.YearDay() == now.YearDay() && t.Year() == now.Year() {
		return t.Format("15:04:05")
	}
	return t.Format("Jan 02 15:04")
}

// curves draws each metric's curve as a chart, with its last and best
// values above it and what the axes are below it.
func curves(p *page, j domain.TrainingJob, series []domain.Series, charts [][]string, loaded bool, now time.Time) {
	st := p.St
	switch {
	case len(series) == 0 && !loaded:
		return
	case len(series) == 0:
		p.Section("Metric curves")
		msg := "No metric was recorded: the algorithm defines no metrics."
		if len(j.MetricNames) > 0 {
			msg = "No points yet for " + strings.Join(j.MetricNames, ", ") + "; CloudWatch has one a minute."
		}
		p.text("  ", st.Muted, msg)
		return
	}
	p.Section("Metric curves (" + strconv.Itoa(len(series)) + ")")
	loc := now.Location()
	for i, s := range series {
		label := kit.Sanitize(s.Label)
		times, values := finitePoints(s)
		if len(values) == 0 {
			p.Line("  ", st.Bold.Render(kit.Truncate(label, p.Width-4)), st.Muted.Render("  no points yet"))
			continue
		}
		lo, hi := 0, 0
		for k, v := range values {
			if v < values[lo] {
				lo = k
			}
			if v > values[hi] {
				hi = k
			}
		}
		summary := "last " + metricValue(values[len(values)-1]) + " · min " + metricValue(values[lo]) + " at " +
			times[lo].In(loc).Format("15:04") + " · max " + metricValue(values[hi]) + " · " + strconv.Itoa(len(values)) + plural(len(values), " point", " points")
		p.Blank()
		p.Line("  ", seriesSpan(st, i).Render(kit.Truncate(label, p.Width-4)))
		p.text("  ", st.Muted, summary)
		chart := []string(nil)
		if i < len(charts) {
			chart = charts[i]
		} else {
			chart = curveChart(s, i, st, loc, chartWidth(p.Width))
		}
		for _, l := range chart {
			p.Line("  ", l)
		}
		unit := ""
		if s.Unit != "" && s.Unit != "None" {
			unit = " (" + kit.Sanitize(s.Unit) + ")"
		}
		p.text("  ", st.Muted, "↑ "+label+unit+"   → time ("+now.Format("MST")+")")
	}
}

// chartWidth is a chart's width on a detail page width cells wide.
func chartWidth(width int) int { return max(20, width) - 3 }

// curveCharts draws every curve for a detail page width cells wide.
func curveCharts(series []domain.Series, st *themes.Styles, loc *time.Location, width int) [][]string {
	out := make([][]string, len(series))
	for i, s := range series {
		out[i] = curveChart(s, i, st, loc, chartWidth(width))
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// plural is one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
