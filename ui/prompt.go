package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// promptMode is what the prompt line is typing.
type promptMode int

const (
	promptCommand promptMode = iota // ":" command line
	promptFilter                    // "/" filter of the visible list
)

// prompt is the line at the bottom where commands and filters are typed.
type prompt struct {
	mode  promptMode
	input textinput.Model
	// cycle remembers the candidates while tab cycles through them.
	cycle    []string
	cycleAt  int
	complete func(line string) []string
}

func newPrompt(mode promptMode, initial string, complete func(string) []string) *prompt {
	in := textinput.New()
	in.Prompt = ""
	in.Cursor.SetMode(cursor.CursorStatic)
	in.SetValue(initial)
	in.CursorEnd()
	in.Focus()
	return &prompt{mode: mode, input: in, complete: complete}
}

func (p *prompt) value() string { return p.input.Value() }

// edit passes a key to the text field; typing ends a tab cycle.
func (p *prompt) edit(msg tea.KeyMsg) {
	p.input, _ = p.input.Update(msg)
	p.cycle = nil
}

// tab completes: to the only candidate, else to the candidates' longest
// common prefix, else cycles through them.
func (p *prompt) tab(back bool) {
	if p.mode != promptCommand {
		return
	}
	if p.cycle != nil {
		step := 1
		if back {
			step = len(p.cycle) - 1
		}
		p.cycleAt = (p.cycleAt + step) % len(p.cycle)
		p.set(p.cycle[p.cycleAt])
		return
	}
	line := p.value()
	cands := p.complete(line)
	switch {
	case len(cands) == 0:
		return
	case len(cands) == 1:
		c := cands[0]
		if takesArg(c) && !strings.Contains(c, " ") {
			c += " "
		}
		p.set(c)
	default:
		if lcp := longestCommonPrefix(cands); len(lcp) > len(line) {
			p.set(lcp)
			return
		}
		p.cycle, p.cycleAt = cands, 0
		if back {
			p.cycleAt = len(cands) - 1
		}
		p.set(cands[p.cycleAt])
	}
}

func (p *prompt) set(s string) {
	p.input.SetValue(s)
	p.input.CursorEnd()
}

// suggestions are what tab could complete to now, for display.
func (p *prompt) suggestions() []string {
	if p.mode != promptCommand {
		return nil
	}
	if p.cycle != nil {
		return p.cycle
	}
	return p.complete(p.value())
}

// view draws the prompt line: the sigil, the text with its cursor, and
// the suggestions after it (the current cycle's choice marked).
func (p *prompt) view(st *themes.Styles, width int) string {
	sigil := ":"
	if p.mode == promptFilter {
		sigil = "/"
	}
	// A set Width pads the field to it, hiding the suggestions: only set
	// it (to scroll the text) once the text no longer fits.
	p.input.Width = 0
	if avail := max(1, width-3); kit.Width(p.value())+1 >= avail {
		p.input.Width = avail
	}
	line := st.Prompt.Render(sigil) + p.input.View()
	var sug []string
	for i, s := range p.suggestions() {
		if i == 8 {
			sug = append(sug, "…")
			break
		}
		// Show only the part being completed (the argument, once typing it).
		if _, arg, ok := strings.Cut(s, " "); ok {
			s = arg
		}
		if p.cycle != nil && i == p.cycleAt {
			sug = append(sug, st.SuggestionActive.Render(s))
		} else {
			sug = append(sug, st.Suggestion.Render(s))
		}
	}
	if len(sug) > 0 && !(len(sug) == 1 && strings.HasSuffix(p.value(), kit.Sanitize(p.suggestions()[0]))) {
		line += "   " + fitSuggestions(sug, st.Suggestion.Render(" · "), st.Suggestion.Render("…"), width-kit.Width(line)-3)
	}
	return kit.FitLines(line, width, 1)
}

// fitSuggestions joins as many suggestions as fit in width, and says with
// "…" that there are more rather than cutting one in the middle.
func fitSuggestions(sug []string, sep, more string, width int) string {
	out := ""
	for i, s := range sug {
		next := s
		if i > 0 {
			next = sep + s
		}
		rest := ""
		if i < len(sug)-1 {
			rest = sep + more // room to say there are more
		}
		if kit.Width(out+next+rest) > width {
			if i == 0 {
				return more
			}
			return out + sep + more
		}
		out += next
	}
	return out
}
