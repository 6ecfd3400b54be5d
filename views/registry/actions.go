package registry

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// actionDone keeps AWS's answer to an approval with its version, so the
// list and the detail say what happened after the notification fades.
func (p *Pane) actionDone(msg kit.ActionDoneMsg) {
	req, ok := msg.Req.(backend.SetApproval)
	if !ok {
		return
	}
	n := &actionNote{group: req.Group, version: req.Version}
	switch {
	case msg.Err != nil:
		n.text = kit.Sanitize(msg.Err.Error())
	case msg.Result.Outcome == backend.OutcomeUnknown:
		n.text = "No answer from AWS about " + label(req.Version) + "; the list will show what happened."
	default:
		n.ok = true
		n.text = kit.Sanitize(msg.Result.Message)
		if n.text == "" {
			n.text = req.Action().Verb() + " " + label(req.Version) + ": done."
		}
	}
	p.last = n
	p.resize(p.width, p.height)
}

// runExport sends the comparison where the export form says: to the
// clipboard, or to a new file (written off the update loop).
func (p *Pane) runExport() tea.Cmd {
	e := p.export
	if p.cmp == nil || e == nil {
		p.export = nil
		return nil
	}
	format, to := e.target()
	content := render(p.cmp.table, format)
	what := "the comparison of " + kit.Sanitize(p.group) + " " + strings.Join(p.cmp.labels(), " ") + " as " + map[string]string{"csv": "CSV", "md": "Markdown"}[format]
	p.export = nil
	if strings.EqualFold(strings.TrimSpace(to), clipboard) {
		return kit.Copy(content, what)
	}
	p.exporting = e
	return writeExport(to, content, len(p.cmp.table.Rows))
}

// exportDone reports a file export; when the path was taken or not
// writable, the form opens again to choose another.
func (p *Pane) exportDone(msg exportDoneMsg) tea.Cmd {
	e := p.exporting
	p.exporting = nil
	if msg.err == nil {
		return kit.Notify(kit.LevelInfo, "Wrote the comparison ("+strconv.Itoa(msg.rows)+" metrics) to "+msg.abs+".")
	}
	text, again := exportError(msg)
	if again && e != nil && p.approval == nil {
		p.export = e
		e.form.SetErrors(map[string]string{"to": text})
	}
	return kit.Notify(kit.LevelWarn, text)
}
