package backups

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// Fixed parts of each screen, in lines.
const (
	pointsHead = 3 // file system line, day strip, caret line
)

// layout sizes the tables for what is on screen now; it runs after every
// Update, so View only draws.
func (p *Pane) layout() {
	if p.ctx == nil {
		return
	}
	w, h := p.width, p.height
	p.fsTable.SetSize(w, max(0, h-p.fsTop()-2))
	p.pointTable.SetSize(w, max(0, h-pointsHead-1))
	// The job list takes what its rows need; the selected job's detail
	// follows right under it.
	detail := len(p.jobDetailLines())
	p.jobTable.SetSize(w, max(min(2, h), min(h-detail, p.jobTable.Len()+1)))
	if p.flow != nil {
		p.flow.users.SetSize(w, max(0, h-p.usersTop()))
		if p.flow.step == stepReview && p.flow.req != nil {
			p.review.SetSize(w, max(0, h-1))
			p.review.SetContent(strings.Join(p.reviewLines(), "\n"))
		}
	}
}

// fsTop is the file system list's first line: under the scope note.
func (p *Pane) fsTop() int {
	if !p.scopeMap {
		return 1
	}
	return 0
}

func (p *Pane) usersTop() int { return len(p.usersHead()) + 1 }

func (p *Pane) View(width, height int) string {
	if p.ctx == nil {
		return kit.FitLines("", width, height)
	}
	var out string
	switch p.screen {
	case screenFileSystems:
		out = p.viewFileSystems()
	case screenPoints:
		out = p.viewPoints()
	case screenJobs:
		out = p.viewJobs()
	case screenRestore:
		out = p.viewRestore()
	}
	return kit.FitLines(out, width, height)
}

// problem says why a feed has nothing to show: loading, denied, or failing.
func (p *Pane) problem(key backend.FeedKey, what string) string {
	st := p.ctx.Styles
	s := p.states[key]
	switch {
	case s.AccessDenied:
		return st.StatusError.Render(" AWS denied access to "+what+":") + "\n" + p.wrap(s.Err, " ")
	case s.Err != "":
		return st.StatusError.Render(" Could not load "+what+":") + "\n" + p.wrap(s.Err, " ") +
			"\n\n " + st.Muted.Render(kit.RetryHint)
	}
	return " " + st.Muted.Render("Loading "+what+"…")
}

// wrap sanitises text and wraps it at the pane width after indent, later
// lines hanging under the first.
func (p *Pane) wrap(text, indent string) string {
	w := max(10, p.width-kit.Width(indent)-1)
	lines := strings.Split(ansi.Wrap(kit.Sanitize(text), w, " /"), "\n")
	hang := strings.Repeat(" ", kit.Width(indent))
	for i := range lines {
		if i == 0 {
			lines[i] = indent + lines[i]
		} else {
			lines[i] = hang + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

func (p *Pane) viewFileSystems() string {
	st := p.ctx.Styles
	if p.fsData == nil {
		return p.problem(fsFeed, "the file systems")
	}
	var b strings.Builder
	if !p.scopeMap {
		b.WriteString(st.Muted.Render(kit.Truncate(" Project "+kit.Sanitize(p.ctx.Scope)+" has no Studio domain: every file system is shown.", p.width)))
		b.WriteByte('\n')
	}
	b.WriteString(p.fsTable.View(st))
	b.WriteString("\n\n")
	b.WriteString(kit.Truncate(p.jobsSummary(), p.width))
	return b.String()
}

// jobsSummary is the restore jobs in one line, under the file systems.
func (p *Pane) jobsSummary() string {
	st := p.ctx.Styles
	if p.jobs == nil {
		if s := p.states[jobsFeed]; s.Err != "" {
			return " " + st.StatusError.Render("Restore jobs: "+kit.Sanitize(s.Err))
		}
		return " " + st.Muted.Render("Restore jobs: loading…")
	}
	counts := map[string]int{}
	for _, j := range p.jobRows {
		counts[j.Status]++
	}
	var parts []string
	for _, s := range []string{domain.RestoreRunning, domain.RestorePending, domain.RestoreCompleted, domain.RestoreFailed, domain.RestoreAborted} {
		if n := counts[s]; n > 0 {
			parts = append(parts, st.Status(kit.StatusFamily(s)).Render(fmt.Sprintf("%d %s", n, strings.ToLower(s))))
		}
	}
	if len(parts) == 0 {
		return " " + st.Muted.Render("No restore jobs in the last 30 days · r restores files from a backup")
	}
	return " Restore jobs (30 days): " + strings.Join(parts, " · ") + st.Muted.Render(" · R lists them")
}

func (p *Pane) viewPoints() string {
	st := p.ctx.Styles
	now := p.ctx.Now()
	fs, ok := p.fileSystem(p.open)
	fs.ID = p.open
	var b strings.Builder
	head := " " + st.Bold.Render(kit.Sanitize(fsName(fs)))
	if ok {
		head += st.Muted.Render(fmt.Sprintf(" · %s · %d users · created %s", kit.Bytes(fs.SizeBytes), len(p.usersOf(fs)), kit.Timestamp(fs.CreatedAt, now)))
	}
	b.WriteString(kit.Truncate(head, p.width))
	d, loaded := p.points[p.open]
	if !loaded {
		b.WriteString("\n\n")
		b.WriteString(p.problem(pointsFeed(p.open), "the recovery points"))
		return b.String()
	}
	sel := -1
	rp, hasSel := p.pointTable.Selected()
	if hasSel {
		sel = daysAgo(rp.CreatedAt, now)
	}
	days := stripDays(d.Points, now, p.width)
	strip, caret := dayStrip(d.Points, now, days, sel, st)
	b.WriteString("\n ")
	b.WriteString(strip)
	if kit.Width(strip)+1+2+kit.Width(legend) <= p.width {
		b.WriteString("  " + st.Muted.Render(legend))
	}
	b.WriteString("\n ")
	if hasSel {
		note := pointTime(rp, now) + " · " + kit.Sanitize(rp.Status)
		switch col := kit.Width(caret) - 1; {
		case caret == "":
			b.WriteString("selected: " + note + " (before the strip)")
		case col+2+kit.Width(note) <= p.width-1:
			b.WriteString(caret + " " + note)
		case kit.Width(note)+1 <= col:
			b.WriteString(strings.Repeat(" ", col-kit.Width(note)-1) + note + " ^")
		default:
			b.WriteString(caret)
		}
	}
	b.WriteByte('\n')
	b.WriteString(p.pointTable.View(st))
	b.WriteByte('\n')
	b.WriteString(p.restoreHint("r restore from the selected point · alt+1…9 the point from N days ago"))
	return b.String()
}

// legend explains the day strip's marks.
const legend = "● completed ◐ partial ○ expired · none"

// restoreHint is a footer naming the restore key, or why it is refused.
func (p *Pane) restoreHint(text string) string {
	st := p.ctx.Styles
	for _, b := range p.keys[p.screen].Bindings() {
		if b.Name == "backups.restore" && b.Disabled() != "" {
			return kit.Truncate(" "+st.DialogDanger.Render("r restore: refused — "+b.Disabled()+"."), p.width)
		}
	}
	return kit.Truncate(" "+st.Muted.Render(text), p.width)
}

func (p *Pane) viewJobs() string {
	st := p.ctx.Styles
	if p.jobs == nil {
		return p.problem(jobsFeed, "the restore jobs")
	}
	var b strings.Builder
	b.WriteString(p.jobTable.View(st))
	for _, l := range p.jobDetailLines() {
		b.WriteByte('\n')
		b.WriteString(l)
	}
	return b.String()
}

func (p *Pane) viewRestore() string {
	f := p.flow
	st := p.ctx.Styles
	switch f.step {
	case stepUser:
		return strings.Join(p.usersHead(), "\n") + "\n\n" + f.users.View(st)
	case stepReview:
		return p.reviewView()
	}
	var b strings.Builder
	for i, l := range strings.Split(f.form.View(st, p.width-2), "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(" " + l)
	}
	b.WriteByte('\n')
	for _, l := range p.formSummary() {
		b.WriteString("\n" + l)
	}
	return b.String()
}

// usersHead explains the user list of a restore.
func (p *Pane) usersHead() []string {
	if p.flow == nil {
		return nil
	}
	st := p.ctx.Styles
	out := []string{" " + st.DialogTitle.Render(kit.Truncate("Restore files on "+kit.Sanitize(fsName(p.flow.fs)), p.width-2))}
	for _, l := range strings.Split(p.wrap("Whose files? Each user's home is the directory /<uid> on the file system; the paths you type next are relative to it.", " "), "\n") {
		out = append(out, st.Muted.Render(l))
	}
	return out
}

// mouse hands clicks and the wheel to the list on screen, in its own
// coordinates.
func (p *Pane) mouse(msg tea.MouseMsg) tea.Cmd {
	var top int
	var t updater
	switch p.screen {
	case screenFileSystems:
		top, t = p.fsTop(), p.fsTable
	case screenPoints:
		top, t = pointsHead, p.pointTable
	case screenJobs:
		t = p.jobTable
	case screenRestore:
		if p.flow.step != stepUser {
			return nil
		}
		top, t = p.usersTop(), p.flow.users
	}
	msg.Y -= top
	if msg.Y < 0 && msg.Button != tea.MouseButtonWheelUp && msg.Button != tea.MouseButtonWheelDown {
		return nil
	}
	cmd, _ := t.Update(msg)
	return cmd
}
