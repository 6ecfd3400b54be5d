package ui

import "testing"

func TestSuggestionsThatDoNotFitEndInAnEllipsis(t *testing.T) {
	sug := []string{"lim-jia-hui", "nur-aisyah", "tan-wei-ming", "on-call"}
	for _, c := range []struct {
		width int
		want  string
	}{
		{80, "lim-jia-hui · nur-aisyah · tan-wei-ming · on-call"},
		{40, "lim-jia-hui · nur-aisyah · …"},
		{16, "lim-jia-hui · …"},
		{5, "…"},
	} {
		if got := fitSuggestions(sug, " · ", "…", c.width); got != c.want {
			t.Errorf("width %d: %q, want %q", c.width, got, c.want)
		}
	}
}
