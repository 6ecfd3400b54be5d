package backups

import (
	"crypto/rand"
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/restore"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
	"github.com/agdash/agdash/views/kit/table"
)

// step is where a restore flow is: choosing the user, filling the form,
// or reviewing the request that was put to the shell for confirmation.
type step int

const (
	stepUser step = iota
	stepForm
	stepReview
)

// restoreFlow is one restore, from choosing the user to AWS's answer. It
// holds one idempotency token for its whole life, so however often the
// request is confirmed, AWS Backup starts at most one job for it.
type restoreFlow struct {
	step  step
	fs    domain.FileSystem
	users *table.Model[domain.User]
	user  domain.User
	// noUsers is set when the domain has no user with a home directory:
	// the paths are then on the whole file system.
	noUsers bool
	wholeFS bool
	form    *form.Form
	paths   int    // path fields shown
	token   string // IdempotencyToken, one per flow
	// point is what the recovery point field starts with.
	point string
	req   *backend.StartRestore
	// err is why AWS (or the backend) refused the request, in full.
	err string
	// back is the screen esc returns to from the user list.
	back screen
	keys [3]*kit.KeyMap // by step
}

// home is the directory the typed paths are relative to, "" on the whole
// file system.
func (f *restoreFlow) home() string {
	if f.wholeFS {
		return ""
	}
	return f.user.HomeDir()
}

// newToken makes an IdempotencyToken: random, so two forms never share one.
func newToken() string { return "agdash-restore-" + strings.ToLower(rand.Text()) }

func pathField(i int) string { return "path" + strconv.Itoa(i+1) }

// startRestore opens the restore flow for file system fs, with the
// recovery point field starting at spec.
func (p *Pane) startRestore(fs domain.FileSystem, spec string) tea.Cmd {
	if fs.ID == "" {
		return nil
	}
	f := &restoreFlow{fs: fs, token: p.newToken(), point: spec, back: p.screen, paths: 1}
	var users []domain.User
	for _, u := range p.usersOf(fs) {
		if u.HomeDir() != "" {
			users = append(users, u)
		}
	}
	f.users = p.newUserTable()
	cmd := f.users.SetRows(users)
	p.flow = f
	p.screen = screenRestore
	if len(users) == 0 {
		f.noUsers, f.wholeFS = true, true
		p.buildForm(nil, 1)
	}
	f.keys = p.flowKeys(f)
	p.layout()
	return cmd
}

// newUserTable is a restore flow's list of the users to restore for.
func (p *Pane) newUserTable() *table.Model[domain.User] {
	return table.New(p.ctx.Ctx, kit.PaneBackups, "users", userColumns(),
		table.WithKey(func(u domain.User) string { return u.DomainID + "/" + u.Name }),
		table.WithSort[domain.User](0, false),
		table.WithEmpty[domain.User]("No Studio users with a home directory in this domain."))
}

// chooseUser moves from the user list to the form.
func (p *Pane) chooseUser() tea.Cmd {
	u, ok := p.flow.users.Selected()
	if !ok {
		return nil
	}
	p.flow.user = u
	p.flow.wholeFS = false
	p.buildForm(nil, 1) // the point is filled in already; the paths are not
	p.layout()
	return nil
}

// buildForm (re)makes the form with values (by field name) kept and the
// focus on field focus; a form has fixed fields, so adding a path or
// changing what paths are relative to makes a new one.
func (p *Pane) buildForm(values map[string]string, focus int) {
	f := p.flow
	point := f.point
	if v, ok := values["point"]; ok {
		point = v
	}
	fields := []form.Field{{
		Name: "point", Label: "Recovery point", Value: point, Hint: pointSpecHint,
		Validate: func(s string) string {
			if _, err := resolvePoint(p.pointsOf(f.fs.ID), s, p.ctx.Now()); err != nil {
				return err.Error()
			}
			return ""
		},
	}}
	for i := range f.paths {
		fd := form.Field{Name: pathField(i), Label: "Path " + strconv.Itoa(i+1), Value: values[pathField(i)],
			Validate: func(s string) string { return checkPath(f.home(), s, f.wholeFS) }}
		if i == 0 {
			fd.Hint = pathHint(f)
		}
		fields = append(fields, fd)
	}
	title := "Restore files of " + kit.Sanitize(f.user.Name) + " (home " + kit.Sanitize(f.user.HomeDir()) + ") on " + kit.Sanitize(fsName(f.fs))
	if f.wholeFS {
		title = "Restore files on " + kit.Sanitize(fsName(f.fs)) + " (whole file system)"
	}
	f.form = form.New(title, fields...)
	f.form.SetNote("Restored items land in a new directory aws-backup-restore_<timestamp> at the root of " +
		f.fs.ID + ", under their original paths; nothing is overwritten.")
	for range min(focus, len(fields)-1) {
		f.form.Update(tea.KeyMsg{Type: tea.KeyTab})
	}
	if values != nil {
		// A remade form checks what was typed at once: what was fine in
		// the home may be the root of the whole file system.
		f.form.SetErrors(nil)
	}
	f.step = stepForm
}

func pathHint(f *restoreFlow) string {
	more := " · ctrl+o: add a path"
	switch {
	case f.noUsers:
		return "absolute: no user of this domain has a home" + more
	case f.wholeFS:
		return "absolute on the file system · ctrl+t: in " + kit.Sanitize(f.user.HomeDir()) + more
	}
	return "relative to " + kit.Sanitize(f.user.HomeDir()) + " · ctrl+t: whole FS" + more
}

// checkPath is one path field's check: an empty field is left out; any
// other text must map onto the file system.
func checkPath(home, s string, wholeFS bool) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	_, err := restore.MapPaths(home, []string{s}, wholeFS)
	var pe *restore.PathError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &pe):
		return pe.Reason
	}
	return err.Error()
}

// formValues are the form's fields by name, and the typed paths in order
// with the field each came from.
func (f *restoreFlow) formValues() (vals map[string]string, paths []string, fields []string) {
	vals = f.form.Values()
	for i := range f.paths {
		if v := vals[pathField(i)]; v != "" {
			paths = append(paths, v)
			fields = append(fields, pathField(i))
		}
	}
	return vals, paths, fields
}

// mappedPaths is where the typed paths land on the file system, for the
// form's summary; nil while any is bad.
func (f *restoreFlow) mappedPaths() []string {
	_, paths, _ := f.formValues()
	if len(paths) == 0 {
		return nil
	}
	out, err := restore.MapPaths(f.home(), paths, f.wholeFS)
	if err != nil {
		return nil
	}
	return out
}

// submit checks the whole form (the recovery point, and the paths together
// with restore.MapPaths, which also finds one item typed twice), builds
// the request and asks the shell to confirm it.
func (p *Pane) submit() tea.Cmd {
	f := p.flow
	vals, paths, fields := f.formValues()
	points := p.pointsOf(f.fs.ID)
	pi, err := resolvePoint(points, vals["point"], p.ctx.Now())
	if err != nil {
		f.form.SetErrors(map[string]string{"point": err.Error()})
		return nil
	}
	mapped, err := restore.MapPaths(f.home(), paths, f.wholeFS)
	if err != nil {
		f.form.SetErrors(pathErrors(err, fields))
		return nil
	}
	rp := points[pi]
	role, _ := p.restoreRole(rp)
	req := backend.StartRestore{RestoreRequest: domain.RestoreRequest{
		RecoveryPointARN: rp.ARN, FileSystemID: f.fs.ID, Paths: mapped, IAMRoleARN: role, IdempotencyToken: f.token,
	}}
	if !f.wholeFS {
		req.User, req.HomeDir = f.user.Name, f.user.HomeDir()
	}
	f.req, f.err, f.step = &req, "", stepReview
	p.review.GotoTop()
	p.layout()
	return kit.Confirm(kit.PaneBackups, req)
}

// pathErrors puts each of MapPaths' complaints on the field it is about;
// those about the list as a whole go on the first path.
func pathErrors(err error, fields []string) map[string]string {
	out := map[string]string{}
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	for _, e := range list {
		var pe *restore.PathError
		if errors.As(e, &pe) && pe.Index < len(fields) {
			out[fields[pe.Index]] = pe.Reason
			continue
		}
		msg := e.Error()
		if msg == "no paths to restore" {
			msg = "type at least one path to restore"
		}
		out[pathField(0)] = msg
	}
	return out
}

// confirmAgain asks the shell once more for the same request (same token),
// after a cancelled dialog or a refusal.
func (p *Pane) confirmAgain() tea.Cmd {
	if p.flow == nil || p.flow.req == nil {
		return nil
	}
	p.flow.err = ""
	return kit.Confirm(kit.PaneBackups, *p.flow.req)
}

// toggleWholeFS switches the paths between the user's home and the whole
// file system.
func (p *Pane) toggleWholeFS() tea.Cmd {
	f := p.flow
	if f.noUsers {
		return kit.Notify(kit.LevelInfo, "No user's home is known on this file system, so paths are on the whole file system.")
	}
	vals := f.form.Values()
	focus := p.focusIndex()
	f.wholeFS = !f.wholeFS
	p.buildForm(vals, focus)
	p.layout()
	if f.wholeFS {
		return kit.Notify(kit.LevelInfo, "Paths are now absolute on the whole file system "+f.fs.ID+".")
	}
	return kit.Notify(kit.LevelInfo, "Paths are now relative to "+kit.Sanitize(f.user.HomeDir())+".")
}

// addPath adds a path field, up to restore.MaxPaths, and moves to it.
func (p *Pane) addPath() tea.Cmd {
	f := p.flow
	if f.paths >= restore.MaxPaths {
		return kit.Notify(kit.LevelWarn, fmt.Sprintf("AWS Backup restores at most %d items at once.", restore.MaxPaths))
	}
	vals := f.form.Values()
	f.paths++
	p.buildForm(vals, f.paths) // the point field is 0, so the new path is field f.paths
	p.layout()
	return nil
}

func (p *Pane) focusIndex() int {
	name := p.flow.form.Focused()
	if name == "point" {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(name, "path"))
	return n
}

// restoreRole is the IAM role AWS Backup restores with, and where it came
// from: the configured one, the recovery point's, or the account's default
// AWS Backup service role.
func (p *Pane) restoreRole(rp domain.RecoveryPoint) (arn, source string) {
	switch {
	case p.opts.restoreRole != "":
		return p.opts.restoreRole, "configured"
	case rp.IAMRoleARN != "":
		return rp.IAMRoleARN, "the role that took the backup"
	}
	account := p.ctx.Identity.Account
	if account == "" {
		account = "<account>"
	}
	return "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole", "AWS Backup's default service role"
}

// actionDone takes AWS's answer to a restore: on success the flow ends
// and the new job is followed in the restore jobs list; on failure the
// review shows why, and the same request can be confirmed again.
func (p *Pane) actionDone(msg kit.ActionDoneMsg) tea.Cmd {
	req, ok := msg.Req.(backend.StartRestore)
	if !ok {
		return nil
	}
	mine := p.flow != nil && p.flow.req != nil && p.flow.token == req.IdempotencyToken
	if msg.Err != nil || msg.Result.ID == "" {
		if mine {
			p.flow.err = "The restore job was not started."
			if msg.Err != nil {
				p.flow.err = msg.Err.Error()
			}
			p.flow.step = stepReview
			p.review.GotoTop()
		}
		return nil
	}
	p.index.startedFS[msg.Result.ID] = req.FileSystemID
	if mine {
		p.flow = nil
	}
	p.follow(msg.Result.ID)
	return p.refreshJobs()
}
