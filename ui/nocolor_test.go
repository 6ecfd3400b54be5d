package ui

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
)

func TestNoColorEnvironmentIsHonoured(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	env := map[string]string{"NO_COLOR": "1"}
	st, err := stylesFor(Options{Theme: "light"}, r, func(k string) string { return env[k] })
	if err != nil || !st.NoColor {
		t.Fatalf("NO_COLOR=1: styles %v, %v", st.Name, err)
	}
	st, err = stylesFor(Options{Theme: "light"}, r, func(string) string { return "" })
	if err != nil || st.NoColor || st.Name != "light" {
		t.Fatalf("no NO_COLOR: styles %v, %v", st.Name, err)
	}
	st, _ = stylesFor(Options{NoColor: true}, r, func(string) string { return "" })
	if !st.NoColor {
		t.Fatal("Options.NoColor not honoured")
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]`)

// Without colour the screen still shows where the cursor is: reverse video
// on the selected row, and a ">" marker.
func TestNoColorScreenIsUsable(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor) // a colour terminal, but NO_COLOR
	h := newHarness(t, 80, 24, func(_ *Options, _ *domain.Identity, st *themes.Styles) { *st = *themes.BuildNoColor(r) })
	h.withProjects()
	h.keys("down")
	out := h.screen()
	if colourSGR.MatchString(out) {
		t.Fatalf("colour escape under NO_COLOR: %q", colourSGR.FindString(out))
	}
	sel := lineOf(out, "hdb-rental-forecast")
	if !strings.Contains(sel, "\x1b[7m") || !strings.Contains(sel, ">") {
		t.Fatalf("selected row not reversed and marked: %q", sel)
	}
	if strings.Contains(lineOf(out, "hdb-resale-valuation"), "\x1b[7m") {
		t.Fatal("an unselected row is reversed")
	}
}
