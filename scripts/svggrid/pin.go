package main

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// freeze's SVG, in the few forms svggrid reads: the group that sets the
// font size, each line's <text x y>, and the runs inside it.
var (
	fontSizeRE = regexp.MustCompile(`<g [^>]*font-size="([0-9.]+)px"`)
	textRE     = regexp.MustCompile(`(?s)<text x="([0-9.]+)px"([^>]*")>(.*?)</text>`) // not <text …/>
	runRE      = regexp.MustCompile(`(?s)<tspan([^>]*)/>|<tspan([^>]*)>([^<]*)</tspan>|([^<]+)`)
)

// fontHeightToWidthRatio is freeze's: a cell is font-size/1.68 wide.
const fontHeightToWidthRatio = 1.68

// pin rewrites every text line of svg so each character sits in its cell.
func pin(svg string) (string, error) {
	m := fontSizeRE.FindStringSubmatch(svg)
	if m == nil {
		return "", fmt.Errorf("no font size found: is this a freeze SVG?")
	}
	size, err := strconv.ParseFloat(m[1], 64)
	if err != nil || size <= 0 {
		return "", fmt.Errorf("font size %q is not a positive number", m[1])
	}
	cell := size / fontHeightToWidthRatio
	var bad error
	out := textRE.ReplaceAllStringFunc(svg, func(text string) string {
		t := textRE.FindStringSubmatch(text)
		x0, err := strconv.ParseFloat(t[1], 64)
		if err != nil {
			bad = fmt.Errorf("text x %q is not a number", t[1])
			return text
		}
		return `<text x="` + t[1] + `px"` + t[2] + `>` + pinRuns(t[3], x0, cell) + `</text>`
	})
	return out, bad
}

// pinRuns splits each run of a line into one <tspan x> per character,
// counting columns from the line's start (librsvg reads only the first of
// a list of x positions, so a list per run would not do). Spaces take
// their cells but need no element: cell backgrounds are rects of their own.
func pinRuns(body string, x0, cell float64) string {
	var b strings.Builder
	col := 0
	for _, r := range runRE.FindAllStringSubmatch(body, -1) {
		switch {
		case strings.HasPrefix(r[0], "<tspan") && strings.HasSuffix(r[0], "/>"):
			b.WriteString(r[0]) // an empty run: a style reset
		case r[4] != "":
			cells(&b, ` xml:space="preserve"`, r[4], x0, cell, &col)
		default:
			cells(&b, r[2], r[3], x0, cell, &col)
		}
	}
	return b.String()
}

// cells writes escaped text as one element per character with the run's
// attributes, advancing col by each character's width (2 for wide ones).
func cells(b *strings.Builder, attrs, escaped string, x0, cell float64, col *int) {
	for _, r := range html.UnescapeString(escaped) {
		if r != ' ' {
			fmt.Fprintf(b, `<tspan%s x="%.2f">%s</tspan>`, attrs, x0+float64(*col)*cell, html.EscapeString(string(r)))
		}
		*col += max(ansi.StringWidth(string(r)), 1)
	}
}
