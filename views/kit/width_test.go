package kit

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Names as agencies write them: Chinese, Malay, Tamil, emoji.
var wideNames = []string{
	"hdb-resale-valuation",
	"房屋转售价格估值模型",
	"Penilaian Harga Flat Jualan Semula",
	"மறுவிற்பனை விலை மதிப்பீடு",
	"🏠 resale 🚀 model",
	"混合 mixed 名前 ok",
}

func TestTruncateWideCharacters(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"房屋转售", 8, "房屋转售"},
		{"房屋转售", 7, "房屋转…"},
		{"房屋转售", 6, "房屋…"}, // 转 would straddle the edge: dropped whole
		{"房屋转售", 2, "…"},
		{"🚀🚀🚀", 5, "🚀🚀…"},
		{"abc", 0, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
	}
	for _, c := range cases {
		if got := Truncate(c.in, c.w); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		if Width(Truncate(c.in, c.w)) > c.w {
			t.Errorf("Truncate(%q, %d) is wider than %d", c.in, c.w, c.w)
		}
	}
}

func TestFitIsExactWidth(t *testing.T) {
	for _, n := range wideNames {
		for w := 1; w <= 40; w++ {
			for _, a := range []Align{AlignLeft, AlignRight, AlignCenter} {
				if got := Fit(n, w, a); Width(got) != w {
					t.Fatalf("Fit(%q, %d, %d) = %q: width %d", n, w, a, got, Width(got))
				}
			}
		}
	}
}

// Columns of wide names stay aligned: the golden shows it at two widths.
func TestWideColumnsAlign(t *testing.T) {
	for _, w := range []int{12, 24} {
		t.Run(map[int]string{12: "narrow", 24: "wide"}[w], func(t *testing.T) {
			var b strings.Builder
			for _, n := range wideNames {
				line := "|" + Fit(n, w, AlignLeft) + "|" + Fit(n, 10, AlignRight) + "|"
				if Width(line) != w+10+3 {
					t.Fatalf("line %q has width %d", line, Width(line))
				}
				b.WriteString(line + "\n")
			}
			golden.RequireEqual(t, []byte(b.String()))
		})
	}
}

func TestFitLines(t *testing.T) {
	got := FitLines("ab\n房屋转售价格\nc\nd", 5, 3)
	want := "ab   \n房屋 \nc    "
	if got != want {
		t.Fatalf("FitLines = %q, want %q", got, want)
	}
	if FitLines("x", 0, 3) != "" || FitLines("x", 3, 0) != "" {
		t.Fatal("FitLines with no room should be empty")
	}
}

// Widths as tmux and VTE draw them (measured in tmux 3: the cursor column
// after printing each string).
func TestWidthMatchesCodepointTerminals(t *testing.T) {
	cases := map[string]int{
		"மறுவிற்பனை": 9, "று": 2, "ற்": 1, "房屋": 4, "👩‍💻": 2, "🏠": 2, "Penilaian": 9, "é": 1, "": 0,
		"\x1b[31mred\x1b[0m": 3,
	}
	for s, want := range cases {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}
