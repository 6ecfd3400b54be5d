package jobs

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/views/kit"
)

func TestWrapTextKeepsEveryCharacter(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    int
		want []string
	}{
		{"short", 10, []string{"short"}},
		{"the job moves to Stopping then Stopped", 12, []string{"the job", "moves to", "Stopping", "then Stopped"}},
		{"s3://hdb-resale-transactions/training/train.csv", 16, []string{"s3://hdb-resale-", "transactions/tra", "ining/train.csv"}},
		{"ExitCode 1\nErrorMessage \"oom\"", 40, []string{"ExitCode 1", "ErrorMessage \"oom\""}},
		{"房屋转售价格估值模型", 7, []string{"房屋转", "售价格", "估值模", "型"}},
		{"a verylongwordindeed b", 8, []string{"a", "verylong", "wordinde", "ed b"}},
		{"", 5, []string{""}},
	} {
		got := wrapText(tc.text, tc.w)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
		for _, l := range got {
			if kit.Width(l) > tc.w {
				t.Errorf("wrapText(%q, %d): line %q is %d cells", tc.text, tc.w, l, kit.Width(l))
			}
		}
	}
}

// Tamil vowel signs take a cell of their own (kit.Width): wrapping by
// them never lets a line run past the width, so nothing is cut later.
func TestWrapTextTamil(t *testing.T) {
	text := "மறுவிற்பனை விலை மதிப்பீடு மாதிரி பயிற்சி தோல்வியடைந்தது"
	for w := 4; w < 30; w++ {
		lines := wrapText(text, w)
		for _, l := range lines {
			if kit.Width(l) > w {
				t.Fatalf("width %d: %q is %d cells", w, l, kit.Width(l))
			}
		}
		if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %d lost characters: %q", w, lines)
		}
	}
}
