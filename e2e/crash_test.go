package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// crashWait is how long a crashed agdash may take to leave.
const crashWait = 15 * time.Second

// crashReportAt reads the path a crash message names.
var crashReportAt = regexp.MustCompile(`the report is in (\S+agdash-crash-\S+\.txt)`)

// A panic in the shell — in View, or in a command's goroutine — ends
// agdash cleanly: the terminal is handed back (alt screen left, cursor
// shown, mouse and paste modes off), the message says where the report
// is, and the report has the panic and its stack but no credentials.
func TestCrashInTheShellRestoresTheTerminalAndLeavesAReport(t *testing.T) {
	sb := startSideSandbox(t, 1)
	p := sb.principal(t, "data-scientist")
	for _, c := range []struct{ drill, panic, where string }{
		{"view", "panic drill: View", "where:   Update(tea.KeyMsg); pane backups, terminal 100x30"},
		{"cmd", "panic drill: a command", "where:   a command"},
	} {
		t.Run(c.drill, func(t *testing.T) {
			tm, home := agdashOn(t, sb, 100, 30, sideRun{role: "data-scientist", env: []string{"AGDASH_TEST_PANIC=" + c.drill}})
			tm.WaitText(t, dataWaitLong, "[1 Projects]", "hdb-resale-valuation")
			press(t, tm, "6")
			tm.WaitText(t, keyWaitShort, "Panic drill ("+c.drill+"): press ! to panic")
			press(t, tm, "!")
			if err := tm.Wait(crashWait); err == nil || !strings.Contains(err.Error(), "exit status 1") {
				t.Fatalf("after the panic agdash should exit with status 1, got %v\n%s", err, tm.Screen())
			}

			raw := tm.Raw()
			checkTerminalHandedBack(t, raw)
			if strings.Contains(raw, "Caught panic") || strings.Contains(raw, "goroutine ") {
				t.Fatalf("a panic escaped the guard and its stack went to the terminal: %q", tail(raw))
			}
			screen := tm.Screen()
			if !strings.Contains(screen, "agdash: crashed ("+c.panic+"); the report is in ") {
				t.Fatalf("the message after the crash should name the panic and the report:\n%s", screen)
			}
			m := crashReportAt.FindStringSubmatch(strings.ReplaceAll(screen, "\n", ""))
			if m == nil || filepath.Dir(m[1]) != home {
				t.Fatalf("no report path under %s in:\n%s", home, screen)
			}
			checkReport(t, m[1], []string{"agdash crash report", "panic:   " + c.panic, c.where, "goroutine ", "runtime/debug.Stack"}, p.AccessKeyID, p.SecretAccessKey)
		})
	}
}

// A panic in a feed's goroutine does not end agdash, silently or not: the
// feed reports it as its error, a notice names the crash report, the data
// stays on screen, and the next poll brings the feed back.
func TestCrashInAFeedIsReportedAndAgdashGoesOn(t *testing.T) {
	sb := startSideSandbox(t, 1)
	p := sb.principal(t, "data-scientist")
	tm, home := agdashOn(t, sb, 140, 30, sideRun{role: "data-scientist", env: []string{"AGDASH_TEST_PANIC=feed"}})
	tm.WaitText(t, dataWaitLong, "[1 Projects]", "hdb-resale-valuation")
	awaitScreen(t, tm, dataWaitLong, "the projects feed to settle", func(s string) bool {
		return regexp.MustCompile(`projects \d+s ago`).MatchString(statusLine(s))
	})
	press(t, tm, ctrlRKey) // the second poll: it panics
	screen := awaitScreen(t, tm, dataWaitLong, "the feed's panic", func(s string) bool {
		return strings.Contains(statusLine(s), "projects stale") && strings.Contains(statusLine(s), "Internal error (a bug in agdash): panic drill")
	})
	flat := strings.ReplaceAll(screen, "\n", "")
	m := regexp.MustCompile(`A bug in agdash broke the projects feed \(crash report: ([^)]+)\); it keeps its last data`).FindStringSubmatch(flat)
	if m == nil {
		t.Fatalf("no notice naming the crash report:\n%s", screen)
	}
	report := strings.Join(strings.Fields(m[1]), "")
	if filepath.Dir(report) != home {
		t.Fatalf("the report %s is not in TMPDIR %s", report, home)
	}
	if !strings.Contains(screen, "hdb-resale-valuation") {
		t.Fatalf("the projects went from the screen after the feed's panic:\n%s", screen)
	}
	checkReport(t, report, []string{"panic:   panic drill: the projects feed", "where:   feed projects", "goroutine "}, p.AccessKeyID, p.SecretAccessKey)

	// agdash still answers keys, and the feed comes back on the next poll.
	press(t, tm, "2")
	tm.WaitText(t, keyWaitShort, "[2 Training jobs]")
	press(t, tm, "1")
	tm.WaitText(t, keyWaitShort, "[1 Projects]")
	press(t, tm, ctrlRKey)
	awaitScreen(t, tm, dataWaitLong, "the projects feed to recover", func(s string) bool {
		return regexp.MustCompile(`projects \d+s ago`).MatchString(statusLine(s))
	})
	if exited, err := tm.Exited(); exited {
		t.Fatalf("agdash exited after a feed's panic: %v", err)
	}
}

// checkTerminalHandedBack checks that every terminal mode agdash set was
// unset after it was last set: the alternate screen, the hidden cursor,
// mouse reporting and bracketed paste.
func checkTerminalHandedBack(t *testing.T, raw string) {
	t.Helper()
	for _, mode := range []struct{ name, set, reset string }{
		{"alternate screen", "\x1b[?1049h", "\x1b[?1049l"},
		{"hidden cursor", "\x1b[?25l", "\x1b[?25h"},
		{"mouse cell motion", "\x1b[?1002h", "\x1b[?1002l"},
		{"mouse SGR", "\x1b[?1006h", "\x1b[?1006l"},
		{"bracketed paste", "\x1b[?2004h", "\x1b[?2004l"},
	} {
		set := strings.LastIndex(raw, mode.set)
		if set < 0 {
			if mode.name == "alternate screen" {
				t.Fatalf("agdash never entered the alternate screen: %q", tail(raw))
			}
			continue
		}
		if reset := strings.LastIndex(raw, mode.reset); reset < set {
			t.Errorf("%s was left on: %q", mode.name, tail(raw))
		}
	}
	// Nothing is drawn on the alternate screen after it was left: what
	// follows is the plain message.
	after := raw[strings.LastIndex(raw, "\x1b[?1049l"):]
	if strings.Contains(after, "\x1b[?1049h") {
		t.Fatalf("the alternate screen was entered again: %q", after)
	}
}

// checkReport reads a crash report: it has what want lists and none of
// the secrets.
func checkReport(t *testing.T, path string, want []string, secrets ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the crash report: %v", err)
	}
	for _, w := range want {
		if !strings.Contains(string(data), w) {
			t.Errorf("the report lacks %q:\n%s", w, data)
		}
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(string(data), s) {
			t.Errorf("the report holds a credential (%.4s…)", s)
		}
	}
	for _, w := range []string{"AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "HOME="} {
		if strings.Contains(string(data), w) {
			t.Errorf("the report holds the environment (%s)", w)
		}
	}
}

func tail(s string) string { return s[max(0, len(s)-300):] }

const (
	ctrlRKey = "\x12"
	// dataWaitLong allows for a feed's first delivery on a slow machine.
	dataWaitLong = 45 * time.Second
	// keyWaitShort bounds what a key press changes on screen.
	keyWaitShort = 10 * time.Second
)
