package registry

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
)

// clipboard is what the destination field takes to copy instead of
// writing a file.
const clipboard = "clipboard"

// export is the form that asks where a comparison goes.
type export struct {
	form     *form.Form
	group    string
	versions []string // labels, for the default file name
	// format is the last format the form named, so that the suggested
	// file name can follow a change of it.
	format string
}

func newExport(group string, labels []string) *export {
	e := &export{group: group, versions: labels, format: "csv"}
	e.form = e.build("csv", e.defaultPath("csv"))
	return e
}

// build makes the form with the format and destination fields holding
// format and to; the format field has the focus.
func (e *export) build(format, to string) *form.Form {
	f := form.New("Export the comparison",
		form.Field{Name: "format", Label: "Format", Value: format, Hint: "csv, or md for a Markdown table",
			Validate: func(s string) string {
				if _, ok := formatOf(s); !ok {
					return "Say csv or md."
				}
				return ""
			}},
		form.Field{Name: "to", Label: "Save to", Value: to,
			Hint: "A file path (an existing file is never overwritten), or clipboard.",
			Validate: func(s string) string {
				if strings.TrimSpace(s) == "" {
					return "Give a file path, or clipboard."
				}
				return ""
			}},
	)
	f.SetNote(kit.Sanitize(e.group) + " " + strings.Join(e.versions, " "))
	return f
}

// update passes a message to the form. While the destination is still
// the suggested file name, the name follows the format typed: "md"
// turns ./x-compare-v12-v14.csv into ./x-compare-v12-v14.md on screen,
// so what is shown is what is written.
func (e *export) update(msg tea.Msg) (form.Outcome, tea.Cmd) {
	out, cmd := e.form.Update(msg)
	format, ok := formatOf(e.form.Value("format"))
	if out != form.Editing || !ok || format == e.format {
		return out, cmd
	}
	suggested := e.form.Value("to") == e.defaultPath(e.format)
	e.format = format
	if suggested && e.form.Focused() == "format" {
		e.form = e.build(e.form.Value("format"), e.defaultPath(format))
	}
	return out, cmd
}

// formatOf reads the format field: "csv" or "md".
func formatOf(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return "csv", true
	case "md", "markdown":
		return "md", true
	}
	return "", false
}

// defaultPath is a file name in the current directory that says what is
// in it: ./hdb-resale-valuation-compare-v12-v14.csv.
func (e *export) defaultPath(ext string) string {
	vs := e.versions
	if len(vs) > 4 {
		vs = []string{vs[0], "to", vs[len(vs)-1]}
	}
	name := safeFileName(e.group) + "-compare-" + strings.Join(vs, "-") + "." + ext
	return "." + string(filepath.Separator) + name
}

// target resolves the form's answer: the format, and the path or
// clipboard.
func (e *export) target() (format, to string) {
	format, _ = formatOf(e.form.Value("format"))
	to = e.form.Value("to")
	if to == e.defaultPath("csv") {
		to = e.defaultPath(format)
	}
	return format, to
}

// safeFileName keeps letters, digits, dot, dash and underscore: a group
// name from AWS must not make a path.
func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), ".-")
	if name == "" {
		return "models"
	}
	return name
}

// render is the comparison in the chosen format.
func render(c metrics.Comparison, format string) string {
	if format == "md" {
		return metrics.ComparisonMarkdown(c)
	}
	return metrics.ComparisonCSV(c)
}

// exportDoneMsg is the answer of a file export.
type exportDoneMsg struct {
	path string // as typed
	abs  string
	rows int
	err  error
}

func (exportDoneMsg) RouteTo() kit.PaneID { return kit.PaneRegistry }

// writeExport writes content to a new file off the update loop. It never
// replaces an existing file: the open itself refuses, so nothing can slip
// in between a check and the write.
func writeExport(path, content string, rows int) tea.Cmd {
	return func() tea.Msg {
		abs, err := writeNewFile(path, content)
		return exportDoneMsg{path: path, abs: abs, rows: rows, err: err}
	}
}

func writeNewFile(path, content string) (string, error) {
	if rest, ok := strings.CutPrefix(path, "~"+string(filepath.Separator)); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("cannot find the home directory for %s: %w", path, err)
		}
		path = filepath.Join(home, rest)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return abs, err
	}
	_, werr := f.WriteString(content)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(abs) // a half-written export is worse than none
		return abs, err
	}
	return abs, nil
}

// exportError is a failed export in a sentence, and whether the path was
// taken (so the form reopens to choose another).
func exportError(msg exportDoneMsg) (string, bool) {
	var pe *fs.PathError
	switch {
	case errors.Is(msg.err, fs.ErrExist):
		return msg.path + " already exists; agdash does not overwrite files. Choose another name.", true
	case errors.Is(msg.err, fs.ErrPermission):
		return "Not written: no permission to write " + msg.path + ".", true
	case errors.As(msg.err, &pe):
		return "Not written: " + msg.path + ": " + pe.Err.Error() + ".", true
	}
	return "Not written: " + msg.err.Error(), false
}
