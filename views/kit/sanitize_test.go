package kit

import (
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "hdb-resale-valuation", "hdb-resale-valuation"},
		{"sgr colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"csi cursor move and clear", "a\x1b[2J\x1b[10;20Hb", "ab"},
		{"osc title bel", "\x1b]0;pwned\x07job", "job"},
		{"osc hyperlink st", "\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"dcs", "x\x1bPq#0;2;0;0;0\x1b\\y", "xy"},
		{"apc", "x\x1b_Gf=100;AAAA\x1b\\y", "xy"},
		{"charset select", "x\x1b(By", "xy"},
		{"reset terminal", "x\x1bcy", "xy"},
		{"c1 csi", "x\u009b31my", "xy"},
		{"c1 osc with c1 st", "x\u009d0;t\u009cy", "xy"},
		{"lone c1", "x\u0085y", "xy"},
		{"tabs and newlines", "a\tb\nc\r\nd", "a b c d"},
		{"bell backspace del", "a\x07b\x08c\x7fd", "abcd"},
		{"nul", "a\x00b", "ab"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"unterminated csi", "abc\x1b[31", "abc"},
		{"trailing esc", "abc\x1b", "abc"},
		{"wide characters kept", "房屋 மதிப்பீடு 🚀", "房屋 மதிப்பீடு 🚀"},
		{"zwj emoji kept", "👩‍💻", "👩‍💻"},
		{"line separator", "a\u2028b", "a b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sanitize(c.in); got != c.want {
				t.Fatalf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestSanitizeLinesKeepsLineBreaks(t *testing.T) {
	got := SanitizeLines("epoch 1\r\n\x1b[32mloss\x1b[0m\t0.5\rdone\n")
	want := "epoch 1\nloss    0.5\ndone\n"
	if got != want {
		t.Fatalf("SanitizeLines = %q, want %q", got, want)
	}
}

func TestSanitizeCleanInputDoesNotAllocate(t *testing.T) {
	s := "training-job-2024-06-01 InProgress ml.m5.xlarge 房屋"
	allocs := testing.AllocsPerRun(100, func() { _ = Sanitize(s) })
	if allocs != 0 {
		t.Fatalf("Sanitize allocated %v times on clean input", allocs)
	}
}

// checkSafe fails when out could move the cursor, change modes or
// otherwise act on the terminal.
func checkSafe(t *testing.T, in, out string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", in, out)
	}
	for _, r := range out {
		switch {
		case r == '\n' && multiline:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("Sanitize(%q) = %q: contains control %U", in, out, r)
		case dropRune(r), r == '\u2028', r == '\u2029':
			t.Fatalf("Sanitize(%q) = %q: contains %U", in, out, r)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b[31mred\x1b[0m", "\x1b]0;title\x07", "\x1bP\x1b\\", "\u009b1m", "\u009dx\u009c",
		"a\tb\r\nc", "\x1b", "\x1b[", "\xff\xfe", "房屋🚀\u202e", "\x1b(\x1b)0", "\x00\x01\x7f\u0085",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		checkSafe(t, in, out, false)
		if Sanitize(out) != out {
			t.Fatalf("Sanitize is not idempotent on %q: %q then %q", in, out, Sanitize(out))
		}
		checkSafe(t, in, SanitizeLines(in), true)
	})
}
