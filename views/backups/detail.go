package backups

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/restore"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// lines builds a block of text a line at a time, at the pane width.
type lines struct {
	out    []string
	st     *themes.Styles
	width  int
	labelW int // 0: 12
}

// add writes one line with the pane's one-cell margin.
func (l *lines) add(parts ...string) {
	l.out = append(l.out, " "+strings.Join(parts, ""))
}

// field writes "  label  value", the value sanitised and wrapped under
// itself; nothing is cut, so a failure reason is read in full.
func (l *lines) field(label string, value string) {
	labelW := l.labelW
	if labelW == 0 {
		labelW = 12
	}
	indent := 1 + 2 + labelW + 2
	w := max(10, l.width-indent-1)
	for i, v := range strings.Split(ansi.Wrap(kit.Sanitize(value), w, " /:"), "\n") {
		if i == 0 {
			l.out = append(l.out, "   "+l.st.Muted.Render(kit.Fit(label, labelW, kit.AlignLeft))+"  "+v)
		} else {
			l.out = append(l.out, strings.Repeat(" ", indent)+v)
		}
	}
}

// text writes sanitised prose wrapped at the pane width.
func (l *lines) text(s string, look themes.Span) {
	for _, v := range strings.Split(ansi.Wrap(kit.Sanitize(s), max(10, l.width-2), " /"), "\n") {
		l.add(look.Render(v))
	}
}

// jobDetailLines is the selected restore job in full, under the list.
func (p *Pane) jobDetailLines() []string {
	if p.screen != screenJobs || p.jobs == nil {
		return nil
	}
	st, now := p.ctx.Styles, p.ctx.Now()
	l := &lines{st: st, width: p.width}
	l.out = append(l.out, "")
	if p.followed != "" && p.selectJob == p.followed {
		l.text("Restore job "+p.followed+" was started; waiting for AWS Backup to list it…", st.Muted)
		return l.out
	}
	j, ok := p.jobTable.Selected()
	if !ok {
		return nil
	}
	status := kit.Sanitize(j.Status)
	id := "Restore job " + kit.Sanitize(j.ID)
	mark := ""
	if j.ID == p.followed {
		mark = "  * started here"
	}
	bar := min(20, p.width-2-kit.Width(id)-2-kit.Width(status)-2-5-kit.Width(mark))
	head := st.Bold.Render(id) + "  " + st.Status(kit.StatusFamily(status)).Render(status)
	if bar >= 5 {
		head += "  " + progressBar(j.RestoreJob, bar)
	}
	head += st.Accent.Render(mark)
	l.add(kit.Truncate(head, p.width-1))
	if bar < 5 {
		l.field("Progress", progressBar(j.RestoreJob, 10))
	}
	switch {
	case j.Status == domain.RestoreFailed || j.Status == domain.RestoreAborted:
		l.field("Reason", orDash(j.StatusMessage))
	case j.StatusMessage != "":
		l.field("Message", j.StatusMessage)
	}
	l.field("File system", j.fsLabel())
	if rp, ok := p.pointByARN(j.RecoveryPointARN); ok {
		l.field("From", "the recovery point of "+pointTime(rp, now))
	}
	l.field("Point ARN", orDash(j.RecoveryPointARN))
	l.field("Created", kit.When(j.CreatedAt, now))
	switch {
	case !j.CompletedAt.IsZero():
		l.field("Completed", kit.When(j.CompletedAt, now)+" · took "+took(j.RestoreJob, now))
	case !j.Terminal():
		l.field("Running for", took(j.RestoreJob, now)+"; the list refreshes by itself")
	}
	if j.CreatedResourceARN != "" {
		l.field("Restored to", j.CreatedResourceARN)
		if j.Status == domain.RestoreCompleted {
			l.field("Lands in", "a new directory aws-backup-restore_<timestamp> at its root")
		}
	}
	if j.BackupSizeBytes > 0 {
		l.field("Size", kit.Bytes(j.BackupSizeBytes))
	}
	if j.IAMRoleARN != "" {
		l.field("IAM role", j.IAMRoleARN)
	}
	// The table keeps at least a header and a row; a longer detail is cut
	// at its end, where the least needed fields are.
	if room := p.height - min(2, p.height); len(l.out) > room {
		l.out = l.out[:max(0, room)]
	}
	return l.out
}

// pointByARN finds a recovery point among those loaded.
func (p *Pane) pointByARN(arn string) (domain.RecoveryPoint, bool) {
	fsID := p.index.pointFS[arn]
	for _, rp := range p.points[fsID].Points {
		if rp.ARN == arn {
			return rp, true
		}
	}
	return domain.RecoveryPoint{}, false
}

// formSummary is what the form will send, as it is typed: the recovery
// point the field names, where the paths map to, and the IAM role.
func (p *Pane) formSummary() []string {
	f := p.flow
	st, now := p.ctx.Styles, p.ctx.Now()
	l := &lines{st: st, width: p.width}
	points := p.pointsOf(f.fs.ID)
	if _, loaded := p.points[f.fs.ID]; !loaded {
		l.field("From", "loading the recovery points…")
	} else if i, err := resolvePoint(points, f.form.Value("point"), now); err == nil {
		rp := points[i]
		l.field("From", pointTime(rp, now)+" · "+rp.Status+" · "+kit.Bytes(rp.SizeBytes))
		role, source := p.restoreRole(rp)
		l.field("IAM role", role+" ("+source+")")
	} else {
		l.field("From", "-")
	}
	if mapped := f.mappedPaths(); len(mapped) > 0 {
		l.field("Restores", strings.Join(mapped, " · "))
	} else {
		l.field("Restores", "-")
	}
	return l.out
}

// reviewLines are the request the shell was asked to confirm, exactly as
// it will be sent, and where the files will land.
func (p *Pane) reviewLines() []string {
	f := p.flow
	req := f.req
	st, now := p.ctx.Styles, p.ctx.Now()
	l := &lines{st: st, width: p.width}
	whose := "on the whole file system"
	if req.User != "" {
		whose = "of " + req.User + "'s home (" + req.HomeDir + ")"
	}
	l.text("Restore "+plural(len(req.Paths), "item")+" "+whose+" on "+fsName(f.fs), st.DialogTitle)
	if rp, ok := p.pointByARN(req.RecoveryPointARN); ok {
		l.field("From", pointTime(rp, now)+" · "+rp.Status+" · "+kit.Bytes(rp.SizeBytes))
	}
	example := "/aws-backup-restore_<timestamp>" + req.Paths[0]
	l.field("Lands in", "a new directory aws-backup-restore_<timestamp> at the root of "+f.fs.ID+
		", under the original paths (e.g. "+example+"). Nothing is overwritten.")
	if f.err != "" {
		l.out = append(l.out, "")
		l.text("✗ "+f.err, st.DialogDanger)
	}
	l.out = append(l.out, "")
	l.add(st.Bold.Render("The exact request"))
	l.labelW = len("IdempotencyToken")
	_, roleSource := p.restoreRole(domain.RecoveryPoint{IAMRoleARN: req.IAMRoleARN})
	if rp, ok := p.pointByARN(req.RecoveryPointARN); ok {
		_, roleSource = p.restoreRole(rp)
	}
	md := restore.Plan(req.FileSystemID, req.Paths)
	l.field("Operation", "backup:StartRestoreJob")
	l.field("RecoveryPointArn", req.RecoveryPointARN)
	l.field("ResourceType", "EFS")
	l.field("IamRoleArn", req.IAMRoleARN+" ("+roleSource+")")
	l.field("IdempotencyToken", req.IdempotencyToken)
	l.add(st.Muted.Render("  Metadata"))
	l.labelW += 2
	for _, k := range []string{restore.KeyFileSystemID, restore.KeyNewFileSystem, restore.KeyItemsToRestore,
		restore.KeyEncrypted, restore.KeyPerformanceMode, restore.KeyCreationToken} {
		l.field("  "+k, md[k])
	}
	return l.out
}

// reviewView draws the review, scrolled, with its keys pinned to the
// last line.
func (p *Pane) reviewView() string {
	st := p.ctx.Styles
	hint := " enter: ask to confirm again · esc/e: edit the paths"
	if p.flow.err == "" {
		hint = " Waiting for your answer in the confirmation… (enter asks again · esc/e edits)"
	}
	if len(p.reviewLines()) > p.height-1 {
		hint += " · j/k scroll"
	}
	return kit.FitLines(p.review.View(), p.width, max(0, p.height-1)) + "\n" + st.DialogHint.Render(kit.Truncate(hint, p.width))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
