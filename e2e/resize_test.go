package e2e

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/views/kit"
)

// A window dragged about, split panes, a phone's SSH client: the terminal
// is resized fifty times in a burst, to anything from 1x1 to 200x60,
// while the feeds poll every second. agdash survives, says plainly when
// the terminal is too small, and draws its whole frame again at 120x40.
func TestResizeStormAndTinyTerminals(t *testing.T) {
	sb := startSideSandbox(t, 60)
	tm, _ := agdashOn(t, sb, 120, 40, sideRun{role: "mlops-engineer", args: []string{"--pane", "endpoints"},
		intervals: map[string]string{"endpoints": "1s", "projects": "1s"}})
	tm.WaitText(t, dataWaitLong, "[5 Endpoints]", "hdb-resale-valuation")

	// Five bursts of ten; between bursts the feeds poll again (the
	// sandbox answers more calls), so the storm and the updates overlap.
	rng := rand.New(rand.NewPCG(20, 5))
	for range 5 {
		before := totalCalls(sb.stats(t))
		for range 10 {
			if err := tm.Resize(1+rng.IntN(200), 1+rng.IntN(60)); err != nil {
				t.Fatal(err)
			}
		}
		awaitCalls(t, sb, before)
	}
	if exited, err := tm.Exited(); exited {
		t.Fatalf("agdash exited during the resizes: %v\n%s", err, tm.Raw())
	}

	for _, size := range [][2]int{{20, 5}, {59, 30}, {100, 14}} {
		if err := tm.Resize(size[0], size[1]); err != nil {
			t.Fatal(err)
		}
		awaitScreen(t, tm, keyWaitShort, "the too-small message", func(s string) bool {
			return strings.Contains(strings.Join(strings.Fields(s), " "), "terminal too small (") &&
				strings.Contains(strings.Join(strings.Fields(s), " "), "need at least 60x15")
		})
	}

	if err := tm.Resize(120, 40); err != nil {
		t.Fatal(err)
	}
	screen := awaitScreen(t, tm, keyWaitShort, "the whole frame at 120x40", func(s string) bool {
		lines := strings.Split(s, "\n")
		return len(lines) == 40 && strings.HasPrefix(lines[0], " agdash │") && strings.Contains(lines[1], "[5 Endpoints]") &&
			strings.Contains(lines[39], "AWS calls") && strings.Contains(s, "hdb-resale-valuation") && !strings.Contains(s, "too small")
	})
	for i, l := range strings.Split(screen, "\n") {
		if w := kit.Width(l); w > 120 {
			t.Fatalf("line %d is %d cells wide at 120x40: %q", i+1, w, l)
		}
	}
	// And it still answers keys.
	press(t, tm, "?")
	tm.WaitText(t, keyWaitShort, "Endpoints > Help")
	press(t, tm, "\x1b")
	tm.WaitText(t, keyWaitShort, "[5 Endpoints]")
	if exited, err := tm.Exited(); exited {
		t.Fatalf("agdash exited: %v", err)
	}
}

func totalCalls(stats map[string]int64) int64 {
	var n int64
	for _, c := range stats {
		n += c
	}
	return n
}

// awaitCalls waits until the sandbox has answered more than before calls.
func awaitCalls(t *testing.T, sb *sideSandbox, before int64) {
	t.Helper()
	deadline := time.Now().Add(dataWaitLong)
	for totalCalls(sb.stats(t)) <= before {
		if time.Now().After(deadline) {
			t.Fatalf("no AWS call for %s: the feeds stopped polling", dataWaitLong)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
