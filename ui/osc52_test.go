package ui

import (
	"testing"
)

func TestClipboardSequence(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	// "hdb-resale" is aGRiLXJlc2FsZQ== in base64.
	cases := []struct {
		name   string
		text   string
		getenv func(string) string
		want   string
	}{
		{"plain terminal", "hdb-resale", env("TERM", "xterm-256color"), "\x1b]52;c;aGRiLXJlc2FsZQ==\a"},
		{"no environment", "hdb-resale", nil, "\x1b]52;c;aGRiLXJlc2FsZQ==\a"},
		{"inside tmux: DCS passthrough, ESC doubled", "hdb-resale",
			env("TMUX", "/tmp/tmux-1000/default,1234,0", "TERM", "screen-256color"),
			"\x1bPtmux;\x1b\x1b]52;c;aGRiLXJlc2FsZQ==\a\x1b\\"},
		{"inside GNU screen", "hdb-resale", env("TERM", "screen", "STY", "1234.pts-0.host"),
			"\x1bP\x1b]52;c;aGRiLXJlc2FsZQ==\a\x1b\\"},
		{"screen TERM without screen (e.g. over ssh)", "hdb-resale", env("TERM", "screen"), "\x1b]52;c;aGRiLXJlc2FsZQ==\a"},
		{"an ARN", "arn:aws:sagemaker:ap-southeast-1:123456789012:endpoint/hdb",
			env(), "\x1b]52;c;YXJuOmF3czpzYWdlbWFrZXI6YXAtc291dGhlYXN0LTE6MTIzNDU2Nzg5MDEyOmVuZHBvaW50L2hkYg==\a"},
		{"control characters travel encoded", "a\x1b]0;x\a", env(), "\x1b]52;c;YRtdMDt4Bw==\a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := clipboardSequence(c.text, c.getenv); got != c.want {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}
