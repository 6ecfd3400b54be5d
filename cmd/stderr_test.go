package cmd

import "testing"

// What agdash prints on stderr when it fails can quote text it did not
// write; no escape sequence or control character in it reaches the
// terminal.
func TestErrorsReachTheTerminalInert(t *testing.T) {
	_, errOut, code := runAgdash(t, func(string) string { return "" }, "--bad\x1b]2;pwned\a\x1b[2Jflag\x9b")
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d: %q", code, ExitUsage, errOut)
	}
	if errOut != "agdash: unknown flag: --badflag\uFFFD\n" {
		t.Fatalf("stderr %q", errOut)
	}
}
