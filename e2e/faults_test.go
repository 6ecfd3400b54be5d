package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// faultInterval is every feed's polling interval in the fault tests.
const faultInterval = 5 * time.Second

// staleWithError reads a stale feed on the status line with its error.
var staleWithError = regexp.MustCompile(`(endpoints|projects) stale \d+[smh]: (AWS throttled|.* failed on AWS's side|Could not reach AWS|.*timed out)`)

// freshFeed reads a feed's age on the status line: "endpoints 3s ago".
var freshFeed = regexp.MustCompile(`(^|\s)(endpoints|projects) \d+s ago`)

// A bad half hour at AWS, in virtual time: 30% of calls throttled, 10%
// answered with a 500, 5% of connections dropped and two seconds added to
// every answer. agdash keeps answering keys, marks its data stale with the
// error, keeps its calls bounded while AWS fails outright, and is fresh
// again within about two intervals of the faults ending.
func TestFaultsStaleDataResponsiveKeysBoundedCallsAndRecovery(t *testing.T) {
	sb := startSideSandbox(t, 60)
	iv := faultInterval.String()
	tm, _ := agdashOn(t, sb, 160, 40, sideRun{role: "mlops-engineer", args: []string{"--pane", "endpoints"},
		intervals: map[string]string{"endpoints": iv, "projects": iv, "running_jobs": iv, "training_list": iv, "pipelines": iv,
			"registry": iv, "backups": iv, "restore_idle": iv, "restore_running": iv}})
	tm.WaitText(t, dataWaitLong, "[5 Endpoints]", "hdb-resale-valuation")
	awaitScreen(t, tm, dataWaitLong, "fresh endpoints", func(s string) bool { return freshFeed.MatchString(statusLine(s)) })

	// Several virtual minutes of mixed faults (20 s at 60x).
	sb.setFaults(t, server.Faults{ThrottleRate: 0.3, ServerErrorRate: 0.1, DropRate: 0.05, Latency: server.Duration(2 * time.Second)})
	sawStale := ""
	watch := func(s string) {
		if m := staleWithError.FindString(statusLine(s)); m != "" && sawStale == "" {
			sawStale = m
		}
	}
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); {
		for _, step := range []struct {
			key, want string
			shown     bool
		}{
			{"1", "[1 Projects]", true}, {"?", "Projects > Help", true}, {"\x1b", "Projects > Help", false}, {"5", "[5 Endpoints]", true},
		} {
			press(t, tm, step.key)
			watch(awaitScreen(t, tm, keyWaitShort, "the screen to answer "+step.key, func(s string) bool {
				watch(s)
				return strings.Contains(s, step.want) == step.shown
			}))
		}
	}
	// Whether a poll fails under these rates is chance (the SDK's retries
	// save most calls); the stale mark is demanded once every call fails.
	t.Logf("under mixed faults the status line said: %q", sawStale)
	if !strings.Contains(tm.Screen(), "hdb-resale-valuation") {
		t.Fatalf("the endpoints went from the screen under faults:\n%s", tm.Screen())
	}

	// AWS fails every call for 15 s while the user flips between two
	// panes: the feeds back off, and a feed hidden and shown again keeps
	// its back-off, so they make no more attempts than their normal
	// cadence would. The ceiling is that cadence at its most: the two
	// feeds (endpoints, projects in the background) poll at most
	// 15 s / 5 s + 1 = 4 times each, a failing poll stops at its first
	// stage, which runs at most 8 calls at once, each tried at most 3 times
	// by the SDK. Polling afresh on every pane switch made 352.
	sb.setFaults(t, server.Faults{ServerErrorRate: 1})
	before := sb.stats(t)
	sawStale = ""
	for end := time.Now().Add(15 * time.Second); time.Now().Before(end); {
		for _, step := range []struct{ key, want string }{{"1", "[1 Projects]"}, {"5", "[5 Endpoints]"}} {
			press(t, tm, step.key)
			watch(awaitScreen(t, tm, keyWaitShort, "the screen to answer "+step.key, func(s string) bool {
				watch(s)
				return strings.Contains(s, step.want)
			}))
		}
	}
	after := sb.stats(t)
	if sawStale == "" {
		// Flipping panes starts the shown pane's feed afresh, so its poll
		// may not have ended while watched; the projects feed runs in the
		// background and keeps its error.
		press(t, tm, "1")
		watch(awaitScreen(t, tm, dataWaitLong, "a feed marked stale with its error", func(s string) bool {
			return staleWithError.MatchString(statusLine(s))
		}))
	}
	t.Logf("while every call failed the status line said: %s", sawStale)
	during := totalCalls(after) - totalCalls(before)
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			t.Logf("  %s: %d", op, d)
		}
	}
	t.Logf("calls during 15 s of total failure: %d", during)
	if ceiling := int64(2 * 4 * 8 * 3); during > ceiling {
		t.Fatalf("%d calls in 15 s of total failure, ceiling %d: the feeds do not back off", during, ceiling)
	}

	// The faults stop: without pressing anything, every feed is fresh
	// again within two intervals (and a margin for a slow machine).
	sb.setFaults(t, server.Faults{})
	stopped := time.Now()
	screen := awaitScreen(t, tm, 2*faultInterval+8*time.Second, "every feed fresh again", func(s string) bool {
		st := statusLine(s)
		return !strings.Contains(st, "stale") && !strings.Contains(st, "failed") && freshFeed.MatchString(st)
	})
	t.Logf("fresh again %s after the faults stopped", time.Since(stopped).Round(100*time.Millisecond))
	if !strings.Contains(screen, "hdb-resale-valuation") {
		t.Fatalf("after recovery the endpoints should be on screen:\n%s", screen)
	}
	if exited, err := tm.Exited(); exited {
		t.Fatalf("agdash exited under faults: %v", err)
	}
}
