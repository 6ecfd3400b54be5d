package themes

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func trueColor() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	return r
}

func TestBuildUsesPaletteColours(t *testing.T) {
	s, err := New("dark", trueColor(), false)
	if err != nil {
		t.Fatal(err)
	}
	// #f7768e = 247,118,142: failed statuses are drawn in it, bold.
	failed := s.Status(FamilyFailed).Render("Failed")
	if !strings.Contains(failed, "38;2;247;118;142") || !strings.Contains(failed, "Failed") {
		t.Fatalf("failed status = %q", failed)
	}
	if s.Status(Family(99)) != s.Status(FamilyNeutral) {
		t.Fatal("an out-of-range family should look neutral")
	}
	if got := s.RowSelected.Render("row"); !regexp.MustCompile(`48;2;12[12];162;247`).MatchString(got) {
		t.Fatalf("selected row has no background from table.selected_bg: %q", got)
	}
}

func TestEveryThemeDistinguishesStatusFamilies(t *testing.T) {
	for _, n := range Names() {
		s, err := New(n, trueColor(), false)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[Span]Family{}
		for f := FamilyRunning; f < familyCount; f++ {
			if prev, dup := seen[s.Status(f)]; dup {
				t.Errorf("%s: families %d and %d look the same", n, prev, f)
			}
			seen[s.Status(f)] = f
		}
	}
}

var colourSeq = regexp.MustCompile(`\x1b\[[0-9;]*(38|48)[;:]`)

func TestNoColorHasNoColourButStillMarksSelection(t *testing.T) {
	s, err := New("dark", trueColor(), true)
	if err != nil {
		t.Fatal(err)
	}
	if !s.NoColor {
		t.Fatal("NoColor flag not set")
	}
	spans := []Span{s.Text, s.Muted, s.Accent, s.HeaderApp, s.BadgeSandbox, s.BadgeReadOnly, s.TabActive,
		s.TableHeader, s.RowSelected, s.Match, s.MatchSelected, s.HelpKey, s.StatusError, s.Banner, s.Better, s.Worse}
	for f := FamilyNeutral; f < familyCount; f++ {
		spans = append(spans, s.Status(f))
	}
	for i, sp := range spans {
		if colourSeq.MatchString(sp.Pre) {
			t.Errorf("span %d sets a colour under NO_COLOR: %q", i, sp.Pre)
		}
	}
	// Reverse video (SGR 7) marks the selected row without colour.
	if !strings.Contains(s.RowSelected.Pre, "7") {
		t.Fatalf("selected row is not reversed: %q", s.RowSelected.Pre)
	}
	if !strings.Contains(s.Match.Pre, "4") {
		t.Fatalf("matched characters are not underlined: %q", s.Match.Pre)
	}
	if b := s.Dialog.Render("x"); colourSeq.MatchString(b) {
		t.Fatalf("dialog border is coloured: %q", b)
	}
}

func TestASCIIProfileRendersPlainText(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	s, err := New("dark", r, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Status(FamilyFailed).Render("Failed"); got != "Failed" {
		t.Fatalf("ASCII profile rendered %q", got)
	}
}
