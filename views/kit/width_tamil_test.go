package kit

import (
	"strings"
	"testing"
)

// A line of Tamil cut to fit stays within its width as Width counts it
// (a cell for each spacing vowel sign), styled or not; x/ansi alone would
// leave it several cells too wide.
func TestCuttingTamilKeepsToTheWidth(t *testing.T) {
	tamil := strings.Repeat("மறுவிற்பனை மதிப்பீடு ", 6)
	styled := "\x1b[1m" + tamil + "\x1b[0m"
	for _, w := range []int{1, 7, 20, 41, 80} {
		for name, line := range map[string]string{"plain": tamil, "styled": styled} {
			if got := Width(FitLines(line, w, 1)); got != w {
				t.Errorf("FitLines(%s, %d) is %d cells", name, w, got)
			}
			if got := Width(Truncate(line, w)); got > w {
				t.Errorf("Truncate(%s, %d) is %d cells", name, w, got)
			}
		}
	}
}
