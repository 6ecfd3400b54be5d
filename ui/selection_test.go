package ui

import (
	"context"
	"encoding/base64"
	"strings"
	"sync"
	"testing"

	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// fakeBrowser records the URLs it was asked to open.
type fakeBrowser struct {
	mu   sync.Mutex
	urls []string
}

func (b *fakeBrowser) open(_ context.Context, url string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.urls = append(b.urls, url)
	return nil
}

func (b *fakeBrowser) opened() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.urls...)
}

func selectedProject(t *testing.T, h *harness) kit.Resource {
	t.Helper()
	sel, ok := h.m.activePane().(kit.Selector)
	if !ok {
		t.Fatal("the Projects pane does not implement kit.Selector")
	}
	r, ok := sel.Selected()
	if !ok || r.Kind != kit.ResourceProject || r.Name == "" {
		t.Fatalf("Selected() = %+v, %v", r, ok)
	}
	return r
}

func TestConsoleKeyOpensTheBrowser(t *testing.T) {
	h := newHarness(t, 120, 30, withIdentity(kittest.Scientist())).withProjects()
	var b fakeBrowser
	h.m.deps.browser = b.open
	h.keys("j")
	r := selectedProject(t, h)
	h.keys("W")
	want := "https://ap-southeast-1.console.aws.amazon.com/sagemaker/home?region=ap-southeast-1#/projects/" + r.Name
	if got := b.opened(); len(got) != 1 || got[0] != want {
		t.Fatalf("the browser was asked for %q, want %q", got, want)
	}
	if got := noteText(h); got != "Opened the project in the AWS console." {
		t.Fatalf("notification %q", got)
	}
}

func TestConsoleWithoutBrowserShowsAndCopiesTheURL(t *testing.T) {
	h := newHarness(t, 120, 30, withIdentity(kittest.Scientist())).withProjects()
	var clip clipWriter
	h.m.deps.clipboard = &clip
	h.m.deps.getenv = func(k string) string {
		if k == "TMUX" {
			return "/tmp/tmux-1000/default,77,0"
		}
		return ""
	}
	r := selectedProject(t, h)
	h.keys(":", "type:console", "enter")
	url := "https://ap-southeast-1.console.aws.amazon.com/sagemaker/home?region=ap-southeast-1#/projects/" + r.Name
	if got, want := noteText(h), "No browser here; the console page is (copied to the clipboard):\n"+url; got != want {
		t.Fatalf("notification\n got %q\nwant %q", got, want)
	}
	wantSeq := "\x1bPtmux;\x1b\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(url)) + "\a\x1b\\"
	if got := clip.String(); got != wantSeq {
		t.Fatalf("the clipboard got %q, want %q (tmux passthrough)", got, wantSeq)
	}
}

func TestConsoleInTheSandboxDoesNotOpenTheRealConsole(t *testing.T) {
	h := newHarness(t, 120, 30).withProjects() // kittest.Admin is a sandbox identity
	var b fakeBrowser
	h.m.deps.browser = b.open
	h.keys("W")
	if got := b.opened(); len(got) != 0 {
		t.Fatalf("the browser was opened on %v", got)
	}
	if got := noteText(h); !strings.HasPrefix(got, "The sandbox's resources are not in the real AWS console; this is where it would be:\nhttps://") {
		t.Fatalf("notification %q", got)
	}
}

func TestCopySelectedNameAndARN(t *testing.T) {
	h := newHarness(t, 120, 30).withProjects()
	var clip clipWriter
	h.m.deps.clipboard = &clip
	// The fixture projects have no ARN: Y copies the name and says so.
	r := selectedProject(t, h)
	h.keys("Y")
	if got, want := clip.String(), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(r.Name))+"\a"; got != want {
		t.Fatalf("Y wrote %q, want %q", got, want)
	}
	if got := noteText(h); got != "Copied the project's name (it has no ARN) to the clipboard: "+r.Name {
		t.Fatalf("notification %q", got)
	}
	data := kittest.Projects()
	for i := range data.Projects {
		data.Projects[i].ARN = "arn:aws:sagemaker:ap-southeast-1:123456789012:project/" + data.Projects[i].Name
	}
	h.deliver(projectsKey, data, freshProjects())
	r = selectedProject(t, h)
	h.keys("Y")
	if got, want := clip.String(), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(r.ARN))+"\a"; !strings.HasSuffix(got, want) || r.ARN == "" {
		t.Fatalf("Y wrote %q, want it to end with %q", got, want)
	}
	if got := noteText(h); got != "Copied the project's ARN to the clipboard: "+kit.Truncate(r.ARN, 72) {
		t.Fatalf("notification %q", got)
	}
	h.keys(":", "type:copy name", "enter")
	if !strings.HasSuffix(clip.String(), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(r.Name))+"\a") {
		t.Fatalf(":copy name wrote %q", clip.String())
	}
	h.keys(":", "type:copy everything", "enter")
	if got := noteText(h); got != `:copy takes name, arn, url (got "everything")` {
		t.Fatalf("notification %q", got)
	}
}

func TestSelectionKeysOnAPaneThatCannotSay(t *testing.T) {
	h := newHarness(t, 120, 30, withStub(&stubPane{})).withProjects()
	h.keys("2", "W")
	if got := noteText(h); got != "Training jobs cannot say what is selected yet." {
		t.Fatalf("notification %q", got)
	}
}

// At 80 columns the URL starts a line of its own and breaks only where the
// line ends, not at its hyphens.
func TestConsoleURLKeepsToItsOwnLines(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	var b fakeBrowser
	h.m.deps.browser = b.open
	h.keys("W")
	lines := noteLines(noteText(h), 78)
	if len(lines) < 3 || !strings.HasPrefix(lines[len(lines)-2], "https://ap-southeast-1.console") {
		t.Fatalf("notification lines %q: want the URL from the start of a line", lines)
	}
	if got := strings.Join(lines[len(lines)-2:], ""); !strings.HasPrefix(got, "https://") || strings.Contains(got, " ") || len(lines[len(lines)-2]) != 78 {
		t.Fatalf("the URL's lines %q: want it cut only at the width", lines[len(lines)-2:])
	}
}
