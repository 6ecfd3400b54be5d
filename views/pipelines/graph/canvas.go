package graph

import (
	"strings"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Directions a line leaves a cell in, in screen terms.
const (
	goUp uint8 = 1 << iota
	goDown
	goLeft
	goRight
)

// cell is one character position of the canvas.
type cell struct {
	// text is a grapheme drawn here; when set it hides the cell's lines.
	text string
	// cont marks the right half of a wide grapheme in the cell to the left.
	cont bool
	// lines are the directions lines leave the cell in; heavy are those
	// that belong to the selected box's border.
	lines, heavy uint8
	// corner marks a box's corner, drawn rounded so a box never reads as
	// a line turning.
	corner bool
	style  themes.Span
}

// canvas is a grid of cells that lines and text are drawn onto.
type canvas struct {
	w, h  int
	cells []cell
}

func newCanvas(w, h int) *canvas {
	return &canvas{w: max(0, w), h: max(0, h), cells: make([]cell, max(0, w)*max(0, h))}
}

func (c *canvas) at(x, y int) *cell {
	if x < 0 || y < 0 || x >= c.w || y >= c.h {
		return nil
	}
	return &c.cells[y*c.w+x]
}

// line draws a horizontal or vertical line from (x0,y0) to (x1,y1). Where
// lines meet, their directions add up, so a junction draws as ├ ┬ ┼ ….
// A style is set only on cells that have none yet.
func (c *canvas) line(x0, y0, x1, y1 int, style themes.Span, heavy bool) {
	mark := func(x, y int, bits uint8) {
		if p := c.at(x, y); p != nil {
			p.lines |= bits
			if heavy {
				p.heavy |= bits
				p.style = style
			} else if p.style == (themes.Span{}) {
				p.style = style
			}
		}
	}
	switch {
	case y0 == y1 && x0 != x1:
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		mark(x0, y0, goRight)
		for x := x0 + 1; x < x1; x++ {
			mark(x, y0, goLeft|goRight)
		}
		mark(x1, y0, goLeft)
	case x0 == x1 && y0 != y1:
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		mark(x0, y0, goDown)
		for y := y0 + 1; y < y1; y++ {
			mark(x0, y, goUp|goDown)
		}
		mark(x0, y1, goUp)
	}
}

// box draws a rectangle's border.
func (c *canvas) box(r Rect, style themes.Span, heavy bool) {
	x1, y1 := r.X+r.W-1, r.Y+r.H-1
	c.line(r.X, r.Y, x1, r.Y, style, heavy)
	c.line(r.X, y1, x1, y1, style, heavy)
	c.line(r.X, r.Y, r.X, y1, style, heavy)
	c.line(x1, r.Y, x1, y1, style, heavy)
	for _, p := range []*cell{c.at(r.X, r.Y), c.at(x1, r.Y), c.at(r.X, y1), c.at(x1, y1)} {
		if p != nil {
			p.corner = true
		}
	}
}

// fill clears a rectangle's inside, so nothing drawn before shows through.
func (c *canvas) fill(r Rect) {
	for y := r.Y + 1; y < r.Y+r.H-1; y++ {
		for x := r.X + 1; x < r.X+r.W-1; x++ {
			if p := c.at(x, y); p != nil {
				*p = cell{}
			}
		}
	}
}

// text writes s (already sanitised) from (x,y), at most w cells, cut with
// an ellipsis when longer. A wide grapheme takes two cells. It returns the
// cells written.
func (c *canvas) text(x, y int, s string, w int, style themes.Span) int {
	s = kit.Truncate(s, w)
	used := 0
	g := graphemes.FromString(s)
	for g.Next() {
		gr := g.Value()
		gw := kit.Width(gr)
		if gw == 0 {
			continue
		}
		if p := c.at(x+used, y); p != nil {
			*p = cell{text: gr, style: style}
		}
		for k := 1; k < gw; k++ {
			if p := c.at(x+used+k, y); p != nil {
				*p = cell{cont: true, style: style}
			}
		}
		used += gw
	}
	return used
}

// glyph is the character a cell shows.
func (p *cell) glyph() string {
	if p.text != "" {
		return p.text
	}
	if p.heavy != 0 {
		return heavyGlyph(p.heavy, p.lines&^p.heavy)
	}
	if p.corner {
		switch p.lines {
		case goDown | goRight:
			return "╭"
		case goDown | goLeft:
			return "╮"
		case goUp | goRight:
			return "╰"
		case goUp | goLeft:
			return "╯"
		}
	}
	return lightGlyph(p.lines)
}

var lightGlyphs = [16]string{
	0:                                " ",
	goUp:                             "│",
	goDown:                           "│",
	goUp | goDown:                    "│",
	goLeft:                           "─",
	goRight:                          "─",
	goLeft | goRight:                 "─",
	goDown | goRight:                 "┌",
	goDown | goLeft:                  "┐",
	goUp | goRight:                   "└",
	goUp | goLeft:                    "┘",
	goUp | goDown | goRight:          "├",
	goUp | goDown | goLeft:           "┤",
	goLeft | goRight | goDown:        "┬",
	goLeft | goRight | goUp:          "┴",
	goUp | goDown | goLeft | goRight: "┼",
}

func lightGlyph(bits uint8) string { return lightGlyphs[bits&15] }

// heavyGlyph draws the selected box's border, where an edge may leave it
// as a light line.
func heavyGlyph(heavy, light uint8) string {
	switch {
	case heavy == goUp|goDown && light == goRight:
		return "┠"
	case heavy == goUp|goDown && light == goLeft:
		return "┨"
	case heavy == goLeft|goRight && light == goDown:
		return "┯"
	case heavy == goLeft|goRight && light == goUp:
		return "┷"
	}
	switch heavy {
	case goUp | goDown, goUp, goDown:
		return "┃"
	case goLeft | goRight, goLeft, goRight:
		return "━"
	case goDown | goRight:
		return "┏"
	case goDown | goLeft:
		return "┓"
	case goUp | goRight:
		return "┗"
	case goUp | goLeft:
		return "┛"
	}
	return lightGlyph(heavy | light)
}

// lines renders the window of w×h cells whose top-left is (x0,y0); cells
// outside the canvas are blank. Every line is exactly w cells wide: a wide
// grapheme cut by either edge shows as a space.
func (c *canvas) lines(x0, y0, w, h int) []string {
	out := make([]string, 0, max(0, h))
	var b strings.Builder
	for y := y0; y < y0+h; y++ {
		b.Reset()
		var open themes.Span
		for x := x0; x < x0+w; x++ {
			p := c.at(x, y)
			var ch string
			var st themes.Span
			switch {
			case p == nil:
				ch = " "
			case p.cont:
				if x != x0 {
					continue // drawn by its left half
				}
				ch = " "
			default:
				ch, st = p.glyph(), p.style
				if p.text != "" && kit.Width(p.text) > 1 && x == x0+w-1 {
					ch = " "
				}
			}
			if ch == " " && (p == nil || p.text == "") {
				st = themes.Span{}
			}
			if st != open {
				b.WriteString(open.Post)
				b.WriteString(st.Pre)
				open = st
			}
			b.WriteString(ch)
		}
		b.WriteString(open.Post)
		out = append(out, b.String())
	}
	return out
}
