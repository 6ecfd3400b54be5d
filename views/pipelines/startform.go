package pipelines

import (
	"crypto/rand"
	"fmt"
	"maps"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/pipelineparams"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
)

// displayNameField is the form field for the run's display name; the
// other fields are named after the pipeline's parameters.
const displayNameField = "display name"

// startForm is the open "start a run" dialog of one pipeline.
type startForm struct {
	form     *form.Form
	pipeline domain.Pipeline
	// sent is the last request this form asked the shell to confirm, and
	// its client token: sending the same request again reuses the token,
	// so a second confirmation cannot start a second run.
	sent *backend.StartExecution
	// top is the first field line shown when the form is taller than the
	// pane.
	top int
}

// view draws the form in width×height: the title and note stay at the
// top and the key hint at the bottom, and the fields between scroll so
// the focused one is in view with its hint and error.
func (sf *startForm) view(st *themes.Styles, width, height int) string {
	lines := strings.Split(sf.form.View(st, width), "\n")
	head := 1 // the title and the note's lines, up to the first blank line
	for head < len(lines) && strings.TrimSpace(ansi.Strip(lines[head])) != "" {
		head++
	}
	const tail = 1 // the key hint
	room := height - head - tail
	if len(lines) <= height || room < 4 {
		return strings.Join(lines, "\n")
	}
	body := lines[head : len(lines)-tail]
	focus, end := 0, 0
	for i, l := range body {
		if strings.HasPrefix(ansi.Strip(l), "› ") {
			focus, end = i, i
			for end+1 < len(body) && strings.TrimSpace(ansi.Strip(body[end+1])) != "" {
				end++ // its hint and error
			}
		}
	}
	// Show the blank line above the field, the field and what follows it.
	sf.top = min(sf.top, max(0, focus-1))
	if end+2 > sf.top+room {
		sf.top = end + 2 - room
	}
	sf.top = max(0, min(sf.top, len(body)-room))
	shown := append([]string(nil), body[sf.top:sf.top+room]...)
	if sf.top > 0 && sf.top < focus {
		shown[0] = st.Muted.Render("  ↑ more fields")
	}
	if sf.top+room < len(body) && sf.top+room-1 > end {
		shown[room-1] = st.Muted.Render("  ↓ more fields")
	}
	out := append(lines[:head:head], shown...)
	return strings.Join(append(out, lines[len(lines)-tail:]...), "\n")
}

// openStart shows the form for starting a run of pl: a display name and
// one field per declared parameter, holding its default.
func (p *Pane) openStart(pl domain.Pipeline) tea.Cmd {
	fields := []form.Field{{
		Name: displayNameField, Label: "Display name", Placeholder: "optional",
		Hint:     "Shown in the executions list; letters, digits and hyphens, at most 82.",
		Validate: validDisplayName, CharLimit: 82,
	}}
	for _, d := range pl.Parameters {
		d := d
		hint := string(d.Type) + " · default " + quoteEmpty(d.Default)
		if len(d.Enum) > 0 {
			hint += " · one of " + strings.Join(d.Enum, ", ")
		}
		fields = append(fields, form.Field{
			Name: d.Name, Label: d.Name, Value: kit.Sanitize(d.Default), Hint: hint, CharLimit: pipelineparams.MaxValueLength,
			Validate: func(v string) string {
				return pipelineparams.Validate(pl.Parameters, map[string]string{d.Name: v})[d.Name]
			},
		})
	}
	f := form.New("Start a run of "+kit.Sanitize(pl.Name), fields...)
	note := "Only values that differ from the defaults are sent; the rest keep the pipeline's defaults."
	if len(pl.Parameters) == 0 {
		note = "This pipeline declares no parameters."
	}
	f.SetNote(note)
	p.start = &startForm{form: f, pipeline: pl}
	return nil
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// validDisplayName follows SageMaker's pattern for execution display
// names: a letter or digit, then letters, digits and hyphens, not ending
// in a hyphen, at most 82 characters.
func validDisplayName(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return ""
	case len(s) > 82:
		return fmt.Sprintf("A display name has at most 82 characters; this has %d.", len(s))
	case s[0] == '-' || s[len(s)-1] == '-':
		return "A display name starts and ends with a letter or digit."
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Sprintf("A display name has only letters, digits and hyphens, not %q.", r)
		}
	}
	return ""
}

// formKey passes a key to the open form and acts on its outcome.
func (p *Pane) formKey(msg tea.KeyMsg) tea.Cmd {
	out, cmd := p.start.form.Update(msg)
	switch out {
	case form.Cancelled:
		p.start = nil
		return nil
	case form.Submitted:
		return tea.Batch(cmd, p.submitStart())
	}
	return cmd
}

// submitStart checks the values as a whole and asks the shell to confirm
// the run with only the changed parameters.
func (p *Pane) submitStart() tea.Cmd {
	sf := p.start
	values := sf.form.Values()
	display := values[displayNameField]
	delete(values, displayNameField)
	declared := sf.pipeline.Parameters
	changed := pipelineparams.Changed(declared, values)
	if errs := pipelineparams.Validate(declared, changed); len(errs) > 0 {
		sf.form.SetErrors(errs)
		return nil
	}
	req := backend.StartExecution{
		Pipeline: sf.pipeline.Name, DisplayName: display, Parameters: changed, Declared: declared,
	}
	if sf.sent != nil && sf.sent.DisplayName == display && maps.Equal(sf.sent.Parameters, changed) {
		req.ClientToken = sf.sent.ClientToken
	} else {
		req.ClientToken = p.newToken()
	}
	sf.sent = &req
	return kit.Confirm(kit.PanePipelines, req)
}

// randomToken is a fresh client request token (a random UUID).
func randomToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
