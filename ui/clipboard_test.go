package ui

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/agdash/agdash/views/kit"
)

// clipWriter records what the shell writes for the clipboard, from a
// command's goroutine.
type clipWriter = lockedBuffer

func TestCopyWritesOSC52AndSaysWhat(t *testing.T) {
	h := newHarness(t, 120, 40)
	var out clipWriter
	h.m.deps.clipboard = &out
	arn := "arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/hdb-resale-train-0412"
	h.send(kit.CopyMsg{Text: arn, What: "the job's ARN"})
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(arn)) + "\a"
	if got := out.String(); got != want {
		t.Fatalf("the terminal got %q, want %q", got, want)
	}
	if !strings.Contains(h.screen(), "Copied the job's ARN to the clipboard: arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/hdb-") {
		t.Fatalf("no confirmation on screen:\n%s", h.screen())
	}
}

// Text from AWS travels base64-encoded: an escape sequence inside it
// cannot end the OSC 52 sequence early or reach the terminal.
func TestCopyOfHostileTextIsInert(t *testing.T) {
	h := newHarness(t, 120, 40)
	var out clipWriter
	h.m.deps.clipboard = &out
	h.send(kit.CopyMsg{Text: "job\a\x1b]52;c;ZXZpbA==\a\x1b[2J", What: "the job's name"})
	got := out.String()
	if strings.Count(got, "\x1b") != 1 || strings.Count(got, "\a") != 1 || !strings.HasPrefix(got, "\x1b]52;c;") {
		t.Fatalf("the terminal got %q", got)
	}
	if strings.ContainsAny(h.screen(), "\x1b\a") {
		t.Fatalf("the confirmation carries control characters: %q", h.screen())
	}
}

func TestCopyWithoutATerminalSaysSo(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.send(kit.CopyMsg{Text: "hdb-resale-train-0412", What: "the job's name"})
	if !strings.Contains(h.screen(), "Cannot copy the job's name: agdash is not drawing on a terminal.") {
		t.Fatalf("screen:\n%s", h.screen())
	}
}
