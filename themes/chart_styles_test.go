package themes

import (
	"io"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// The Endpoints pane's charts and change highlights take their look from
// every theme, and from NO_COLOR by attributes alone.
func TestEveryThemeStylesChartsAndChanges(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	for _, name := range Names() {
		s, err := New(name, r, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.ChartLine) != len(s.Series) || len(s.ChartLine) == 0 {
			t.Errorf("%s: %d chart line styles for %d series", name, len(s.ChartLine), len(s.Series))
		}
		if got := s.Changed.Render("CRIT"); got == "CRIT" {
			t.Errorf("%s: a changed row is drawn like any other", name)
		}
		if got := s.ChartLine[0].Render("x"); !colourSeq.MatchString(got) {
			t.Errorf("%s: the first chart line has no colour: %q", name, got)
		}
	}
	nc := BuildNoColor(r)
	if len(nc.ChartLine) == 0 || colourSeq.MatchString(nc.ChartLine[0].Render("x")) || colourSeq.MatchString(nc.ChartAxis.Render("x")) {
		t.Error("NO_COLOR charts must have styles, without colour")
	}
	if nc.Changed.Pre == "" || colourSeq.MatchString(nc.Changed.Pre) {
		t.Errorf("NO_COLOR must mark a change by attributes only: %q", nc.Changed.Pre)
	}
}
