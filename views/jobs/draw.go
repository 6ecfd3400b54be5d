package jobs

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

// detailView draws the scrolled-to lines, padded by kit.Width: the
// scroll model's own view pads by lipgloss' measure, which gives Tamil
// vowel signs no cell and so would push such lines past the edge.
func (p *Pane) detailView(width, height int) string {
	var b strings.Builder
	off := p.detail.YOffset()
	for i := 0; i < height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		line := ""
		if k := off + i; k >= 0 && k < len(p.lines) {
			line = p.lines[k]
		}
		w := kit.Width(line)
		if w > width {
			line = ansi.Truncate(line, width, "")
			w = kit.Width(line)
		}
		b.WriteString(line)
		pad(&b, width-w)
	}
	return b.String()
}

func (p *Pane) View(width, height int) string {
	if p.ctx == nil {
		return kit.FitLines("", width, height)
	}
	st := p.ctx.Styles
	switch p.mode {
	case modeDetail:
		p.ensureDetail()
		return p.detailView(width, height)
	case modeLogs:
		return p.logsView(width, height)
	}
	switch {
	case p.data == nil:
		return kit.FitLines(p.placeholder(), width, height)
	case p.inScope == 0:
		return kit.FitLines(p.emptyText(), width, height)
	}
	out := p.table.View(st)
	for _, note := range p.notes() {
		out += "\n" + st.Muted.Render(kit.Fit(note, p.width, kit.AlignLeft))
	}
	if width == p.width && height == p.height {
		return out // the table draws exactly its size; measuring it again costs a frame's worth
	}
	return kit.FitLines(out, width, height)
}

// logsView is the log view's header line over its body.
func (p *Pane) logsView(width, height int) string {
	st := p.ctx.Styles
	v := p.logs
	var b strings.Builder
	b.Grow(width * height * 2)
	switch {
	case v.state.Err != "" && v.buf.Len() == 0:
		return kit.FitLines(p.logsProblem(), width, height)
	case !v.got:
		return kit.FitLines(" "+st.Muted.Render("Reading the job's CloudWatch logs…"), width, height)
	case v.buf.Len() == 0:
		return kit.FitLines(p.noLogs(), width, height)
	}
	var body strings.Builder
	body.Grow(width * height)
	below := v.render(&body, st, p.now().Location())
	b.WriteString(v.header(st, p.width, below))
	b.WriteByte('\n')
	b.WriteString(body.String())
	if width != p.width || height != p.height {
		return kit.FitLines(b.String(), width, height)
	}
	return b.String()
}

func (p *Pane) logsProblem() string {
	st := p.ctx.Styles
	s := p.logs.state
	title := " Could not read the job's logs:"
	if s.AccessDenied {
		title = " AWS denied access to the job's logs:"
	}
	return st.StatusError.Render(title) + "\n" + indentLines(wrapText(kit.Sanitize(s.Err), max(10, p.width-2)), " ") +
		"\n\n " + st.Muted.Render(kit.RetryHint)
}

func (p *Pane) noLogs() string {
	st := p.ctx.Styles
	j := p.openJob()
	text := "No log lines yet. SageMaker writes one stream per instance once the instances have started."
	switch {
	case len(p.logs.buf.Streams()) > 0:
		text = "The job's log streams have no lines yet."
	case j.Terminal() && (j.StartedAt.IsZero() || j.SecondaryStatus == "Failed" && len(j.Transitions) <= 2):
		text = "This job wrote no logs: it ended before its instances started."
	}
	return " " + st.Muted.Render(text)
}

// placeholder says why there is no list yet: loading, or the error.
func (p *Pane) placeholder() string {
	st := p.ctx.Styles
	s := p.state
	wrap := func(text string) string { return indentLines(wrapText(kit.Sanitize(text), max(10, p.width-2)), " ") }
	switch {
	case s.AccessDenied:
		return st.StatusError.Render(" AWS denied access to the training jobs:") + "\n" + wrap(s.Err)
	case s.Err != "":
		return st.StatusError.Render(" Could not list training jobs:") + "\n" + wrap(s.Err) +
			"\n\n " + st.Muted.Render(kit.RetryHint)
	}
	return " " + st.Muted.Render("Loading training jobs…")
}

func (p *Pane) emptyText() string {
	st := p.ctx.Styles
	if p.ctx.Scope != "" {
		text := "No training jobs in project " + kit.Sanitize(p.ctx.Scope) + " (of " + kit.Count(int64(len(p.data.Jobs))) +
			" in the account). :project - shows every project."
		if p.projectsUnread() {
			text = "No training jobs in project " + kit.Sanitize(p.ctx.Scope) + " yet (of " + kit.Count(int64(len(p.data.Jobs))) +
				" in the account): the projects of jobs up to " + kit.Timestamp(p.data.ProjectsUnknownUntil, p.now()) +
				" are still being read. :project - shows every project."
		}
		return indentLines(wrapText(text, max(10, p.width-2)), " ")
	}
	text := "No training jobs in this region yet. Training jobs are started by pipelines, or from SageMaker Studio."
	if p.data.Loading {
		text = "No training jobs listed yet; older jobs are still loading."
	}
	return st.Muted.Render(indentLines(wrapText(text, max(10, p.width-2)), " "))
}

func indentLines(lines []string, indent string) string {
	return indent + strings.Join(lines, "\n"+indent)
}
