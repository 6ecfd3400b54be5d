// Package form is a small text-input form that panes embed for what they
// must ask before an action: pipeline parameters, an approval comment, the
// paths of a restore, a smoke-test payload. It validates each field as the
// user types and again on submit, and never submits while a field is bad.
package form

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Field is one input.
type Field struct {
	// Name identifies the field in Values and SetErrors.
	Name string
	// Label is shown before the input.
	Label string
	// Hint is shown under it: the type, the default, what is allowed.
	Hint string
	// Value is the initial text.
	Value string
	// Placeholder is shown while the input is empty.
	Placeholder string
	// Validate returns why the text is not acceptable, "" when it is.
	Validate func(string) string
	// CharLimit caps the text length (0: 4,096).
	CharLimit int
}

// Outcome is what the last key decided.
type Outcome int

const (
	Editing   Outcome = iota
	Submitted         // every field is valid; read Values
	Cancelled         // the user left the form
)

// Form is a list of fields with one focused.
type Form struct {
	title  string
	note   string
	fields []Field
	inputs []textinput.Model
	errs   []string
	focus  int
	keys   *kit.KeyMap
	out    Outcome
	// tried is set after a refused submit, so every error shows, not
	// only those of fields the user has visited.
	tried   bool
	visited []bool
}

// New builds a form. The first field has the focus.
func New(title string, fields ...Field) *Form {
	f := &Form{title: title, fields: fields, errs: make([]string, len(fields)), visited: make([]bool, len(fields))}
	for _, fd := range fields {
		in := textinput.New()
		in.Prompt = ""
		in.Placeholder = fd.Placeholder
		in.CharLimit = fd.CharLimit
		if in.CharLimit == 0 {
			in.CharLimit = 4096
		}
		in.SetValue(fd.Value)
		f.inputs = append(f.inputs, in)
	}
	f.keys = kit.NewKeyMap(
		kit.Binding{Name: "form.next", Keys: []string{"tab", "down"}, Help: "next field", Section: "Form", Run: func(tea.KeyMsg) tea.Cmd { return f.move(1) }},
		kit.Binding{Name: "form.prev", Keys: []string{"shift+tab", "up"}, Help: "previous field", Section: "Form", Run: func(tea.KeyMsg) tea.Cmd { return f.move(-1) }},
		kit.Binding{Name: "form.submit", Keys: []string{"enter", "ctrl+s"}, Help: "next field; submit on the last", Section: "Form", Run: func(k tea.KeyMsg) tea.Cmd {
			if k.String() == "enter" && f.focus < len(f.inputs)-1 {
				return f.move(1)
			}
			f.submit()
			return nil
		}},
		kit.Binding{Name: "form.cancel", Keys: []string{"esc"}, Help: "cancel", Section: "Form", Run: func(tea.KeyMsg) tea.Cmd {
			f.out = Cancelled
			return nil
		}},
	)
	f.validateAll()
	if len(f.inputs) > 0 {
		f.inputs[0].Focus()
	}
	return f
}

// SetNote sets a line shown under the title (what the form is for).
func (f *Form) SetNote(s string) { f.note = s }

// Update takes a message; keys it does not bind are typed into the
// focused field.
func (f *Form) Update(msg tea.Msg) (Outcome, tea.Cmd) {
	f.out = Editing
	if k, ok := msg.(tea.KeyMsg); ok {
		if cmd, handled := f.keys.Handle(k); handled {
			return f.out, cmd
		}
	}
	if len(f.inputs) == 0 {
		return f.out, nil
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	f.visited[f.focus] = true
	f.validate(f.focus)
	return f.out, cmd
}

func (f *Form) move(d int) tea.Cmd {
	if len(f.inputs) == 0 {
		return nil
	}
	f.visited[f.focus] = true
	f.inputs[f.focus].Blur()
	f.focus = (f.focus + d + len(f.inputs)) % len(f.inputs)
	return f.inputs[f.focus].Focus()
}

func (f *Form) submit() {
	f.tried = true
	f.validateAll()
	for i, e := range f.errs {
		if e != "" {
			f.inputs[f.focus].Blur()
			f.focus = i
			f.inputs[i].Focus()
			return
		}
	}
	f.out = Submitted
}

func (f *Form) validate(i int) {
	f.errs[i] = ""
	if v := f.fields[i].Validate; v != nil {
		f.errs[i] = v(f.inputs[i].Value())
	}
}

func (f *Form) validateAll() {
	for i := range f.fields {
		f.validate(i)
	}
}

// SetErrors shows errors found outside the fields' own checks (a whole-form
// validation), by field name; the form stays open.
func (f *Form) SetErrors(errs map[string]string) {
	f.tried = true
	for i, fd := range f.fields {
		if e, ok := errs[fd.Name]; ok {
			f.errs[i] = e
		}
	}
}

// Valid reports whether every field passes its check.
func (f *Form) Valid() bool {
	for _, e := range f.errs {
		if e != "" {
			return false
		}
	}
	return true
}

// Values is the text of each field, by name, trimmed of surrounding space.
func (f *Form) Values() map[string]string {
	out := make(map[string]string, len(f.fields))
	for i, fd := range f.fields {
		out[fd.Name] = strings.TrimSpace(f.inputs[i].Value())
	}
	return out
}

// Value is one field's text.
func (f *Form) Value(name string) string { return f.Values()[name] }

// Focused is the name of the field with the focus.
func (f *Form) Focused() string {
	if len(f.fields) == 0 {
		return ""
	}
	return f.fields[f.focus].Name
}

// Keys are the form's bindings, for help.
func (f *Form) Keys() []kit.Binding { return f.keys.Bindings() }

// View draws the form in width cells; long hints and errors wrap.
func (f *Form) View(st *themes.Styles, width int) string {
	width = max(width, 20)
	labelW := 0
	for _, fd := range f.fields {
		labelW = max(labelW, kit.Width(fd.Label))
	}
	labelW = min(labelW, width/3)
	inputW := max(8, width-labelW-3)

	var b strings.Builder
	b.WriteString(st.DialogTitle.Render(kit.Truncate(f.title, width)))
	if f.note != "" {
		b.WriteByte('\n')
		b.WriteString(st.Muted.Render(ansi.Wrap(kit.Sanitize(f.note), width, " ")))
	}
	for i, fd := range f.fields {
		b.WriteString("\n\n")
		marker := "  "
		if i == f.focus {
			marker = "› "
		}
		label := kit.Fit(kit.Sanitize(fd.Label), labelW, kit.AlignLeft)
		if i == f.focus {
			b.WriteString(st.Accent.Render(marker + label))
		} else {
			b.WriteString(st.Text.Render(marker + label))
		}
		b.WriteByte(' ')
		in := f.inputs[i]
		in.Width = inputW
		b.WriteString(in.View())
		indent := strings.Repeat(" ", labelW+3)
		if fd.Hint != "" {
			for _, l := range strings.Split(ansi.Wrap(kit.Sanitize(fd.Hint), max(8, width-len(indent)), " "), "\n") {
				b.WriteString("\n" + indent)
				b.WriteString(st.Muted.Render(l))
			}
		}
		if e := f.errs[i]; e != "" && (f.tried || f.visited[i]) {
			for _, l := range strings.Split(ansi.Wrap("✗ "+kit.Sanitize(e), max(8, width-len(indent)), " "), "\n") {
				b.WriteString("\n" + indent)
				b.WriteString(st.DialogDanger.Render(l))
			}
		}
	}
	b.WriteString("\n\n")
	b.WriteString(st.DialogHint.Render(kit.Truncate("tab/↓ next · shift+tab/↑ previous · ctrl+s or enter on the last field: review · esc cancel", width)))
	return b.String()
}
