package main

import (
	"strconv"
	"strings"
)

// colour is an SGR colour as the parameters after 38 or 48 give it
// ("2;r;g;b" or "5;n"), or a basic colour's own code; unset is the
// terminal's default.
type colour struct {
	set   bool
	basic int    // 30–37/90–97 (foreground numbering) when sgr is ""
	sgr   string // "2;r;g;b" or "5;n"
}

func (c colour) fg() string {
	if c.sgr != "" {
		return "38;" + c.sgr
	}
	return strconv.Itoa(c.basic)
}

// bg uses the background code of a basic colour (30→40, 90→100).
func (c colour) bg() string {
	if c.sgr != "" {
		return "48;" + c.sgr
	}
	return strconv.Itoa(c.basic + 10)
}

// state is the colour state the SGR sequences so far leave.
type state struct {
	fg, bg  colour
	reverse bool
}

// apply reads one sequence's parameters ("" is a reset).
func (s *state) apply(params string) {
	if params == "" {
		*s = state{}
		return
	}
	p := strings.Split(params, ";")
	for i := 0; i < len(p); i++ {
		n, err := strconv.Atoi(p[i])
		if err != nil {
			continue // a colon sub-parameter form freeze cannot read either
		}
		switch {
		case n == 0:
			*s = state{}
		case n == 7:
			s.reverse = true
		case n == 27:
			s.reverse = false
		case n >= 30 && n <= 37, n >= 90 && n <= 97:
			s.fg = colour{set: true, basic: n}
		case n >= 40 && n <= 47, n >= 100 && n <= 107:
			s.bg = colour{set: true, basic: n - 10}
		case n == 39:
			s.fg = colour{}
		case n == 49:
			s.bg = colour{}
		case n == 38 || n == 48:
			c, used := extended(p[i+1:])
			i += used
			if n == 38 {
				s.fg = c
			} else {
				s.bg = c
			}
		}
		// Bold, faint, italic, underline and the rest: freeze draws none of
		// them once a colour follows, so they are dropped.
	}
}

// extended reads "5;n" or "2;r;g;b" and says how many parameters it used.
func extended(p []string) (colour, int) {
	switch {
	case len(p) >= 2 && p[0] == "5":
		return colour{set: true, sgr: "5;" + p[1]}, 2
	case len(p) >= 4 && p[0] == "2":
		return colour{set: true, sgr: "2;" + strings.Join(p[1:4], ";")}, 4
	}
	return colour{}, len(p)
}

// sgr is one sequence that resets and then sets the whole state; reverse
// video is drawn by swapping the colours, defaults standing in for unset.
func (s state) sgr(defFG, defBG colour) string {
	fg, bg := s.fg, s.bg
	if s.reverse {
		if !fg.set {
			fg = defFG
		}
		if !bg.set {
			bg = defBG
		}
		fg, bg = bg, fg
	}
	out := "\x1b[0"
	if fg.set {
		out += ";" + fg.fg()
	}
	if bg.set {
		out += ";" + bg.bg()
	}
	return out + "m"
}
