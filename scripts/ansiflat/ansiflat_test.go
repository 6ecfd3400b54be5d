package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestFlatten(t *testing.T) {
	defFG, _ := parseHex("#c4c4c4")
	defBG, _ := parseHex("#1a1b26")
	cases := []struct{ name, in, want string }{
		{"plain text passes", "hello │ world\n", "hello │ world\n"},
		{"default background ends a highlight",
			"\x1b[38;2;26;27;38m\x1b[48;2;121;162;247mTrainModel\x1b[39m\x1b[49m   x",
			"\x1b[0;38;2;26;27;38m\x1b[0;38;2;26;27;38;48;2;121;162;247mTrainModel\x1b[0;48;2;121;162;247m\x1b[0m   x"},
		{"default foreground keeps the background",
			"\x1b[48;5;111m\x1b[31mA\x1b[39mB",
			"\x1b[0;48;5;111m\x1b[0;31;48;5;111mA\x1b[0;48;5;111mB"},
		{"bold after a colour keeps the colour", "\x1b[38;5;141m\x1b[1mX\x1b[0m",
			"\x1b[0;38;5;141m\x1b[0;38;5;141mX\x1b[0m"},
		{"reverse swaps, defaults standing in", "\x1b[7mR\x1b[27m\x1b[33;7mY",
			"\x1b[0;38;2;26;27;38;48;2;196;196;196mR\x1b[0m\x1b[0;38;2;26;27;38;43mY"},
		{"basic backgrounds", "\x1b[104mB\x1b[m", "\x1b[0;104mB\x1b[0m"},
		{"other sequences pass", "\x1b[2K\x1b[?25lok", "\x1b[2K\x1b[?25lok"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := flatten(strings.NewReader(c.in), &out, defFG, defBG); err != nil {
				t.Fatal(err)
			}
			if got := out.String(); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestFlattenRejectsATruncatedSequence(t *testing.T) {
	var out bytes.Buffer
	err := flatten(strings.NewReader("ok\x1b[38;5"), &out, colour{}, colour{})
	if err == nil || !strings.Contains(err.Error(), "inside an escape sequence") {
		t.Fatalf("a capture cut inside a sequence should say so, got %v", err)
	}
}

func TestParseHexRejectsBadColours(t *testing.T) {
	for _, s := range []string{"", "c4c4c4", "#c4c4c", "#gggggg"} {
		if _, err := parseHex(s); err == nil {
			t.Errorf("parseHex(%q) should fail", s)
		}
	}
	c, err := parseHex("#1a1b26")
	if err != nil || c.sgr != "2;26;27;38" {
		t.Fatalf("parseHex(#1a1b26) = %+v, %v", c, err)
	}
}
