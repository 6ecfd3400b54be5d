package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/endpoints"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// lockedBuffer is a writer the bell may use from a command's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestBellRingsOnlyWhenAskedFor(t *testing.T) {
	for _, on := range []bool{true, false} {
		h := newHarness(t, 80, 24, withOptions(func(o *Options) { o.Bell = on }))
		var out lockedBuffer
		h.m.deps.bell = &out
		h.send(kit.BellMsg{})
		h.send(kit.BellMsg{})
		want := ""
		if on {
			want = "\a\a"
		}
		if got := out.String(); got != want {
			t.Errorf("Bell=%v: the terminal got %q, want %q", on, got, want)
		}
	}
}

func TestBellWithoutATerminalIsQuiet(t *testing.T) {
	h := newHarness(t, 80, 24, withOptions(func(o *Options) { o.Bell = true }))
	if cmd := h.sendRaw(kit.BellMsg{}); cmd != nil {
		t.Fatal("with nowhere to write, the bell should be a no-op")
	}
}

var endpointsKey = backend.FeedKey{Kind: backend.FeedEndpoints}

// endpointsAt is the endpoints feed's data with the production endpoint
// at one health level.
func endpointsAt(level domain.HealthLevel, reason string) backend.EndpointsData {
	h := domain.Health{Level: level}
	if reason != "" {
		h.Reasons = []string{reason}
	}
	return backend.EndpointsData{Endpoints: []domain.Endpoint{
		{Name: "hdb-resale-prod", Status: domain.EndpointInService, Project: "hdb-resale-valuation", Stage: "prod", Health: h},
		{Name: "hdb-resale-staging", Status: domain.EndpointInService, Project: "hdb-resale-valuation", Stage: "staging",
			Health: domain.Health{Level: domain.HealthOK}},
	}}
}

// withQuietEndpoints builds the Endpoints pane with its highlight timers
// recorded instead of slept.
func withQuietEndpoints() harnessOpt {
	noTick := func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	return withPane(kit.PaneEndpoints, func() kit.Pane { return endpoints.New(endpoints.WithTick(noTick)) })
}

// With --bell, an endpoint turning CRIT rings once and says so while the
// user is on another pane: the endpoints feed stays subscribed and its
// updates reach the hidden Endpoints pane. Without it, a hidden pane's
// feed is not even polled.
func TestBellRingsForCritWhileEndpointsIsHidden(t *testing.T) {
	for _, on := range []bool{true, false} {
		t.Run(fmt.Sprintf("bell=%v", on), func(t *testing.T) {
			h := newHarness(t, 120, 40, withQuietEndpoints(), withOptions(func(o *Options) { o.Bell = on; o.Pane = "jobs" }))
			var out lockedBuffer
			h.m.deps.bell = &out
			subscribed := slices.Contains(h.svc.Subscribed(), "endpoints")
			if subscribed != on {
				t.Fatalf("bell=%v on the jobs pane: subscribed %v", on, h.svc.Subscribed())
			}
			fresh := kittest.Fresh(endpointsKey, kittest.Now)
			h.deliver(endpointsKey, endpointsAt(domain.HealthOK, ""), fresh)
			h.deliver(endpointsKey, endpointsAt(domain.HealthCrit, "5xx errors at 32%"), fresh)
			h.deliver(endpointsKey, endpointsAt(domain.HealthCrit, "5xx errors at 35%"), fresh) // still CRIT: no news
			if h.m.activePane().ID() != kit.PaneJobs {
				t.Fatalf("the visible pane changed to %s", h.m.activePane().ID())
			}
			if !on {
				if got := out.String(); got != "" {
					t.Fatalf("without --bell the terminal got %q", got)
				}
				if got := noteText(h); got != "" {
					t.Fatalf("without --bell a hidden pane notified %q", got)
				}
				return
			}
			if got := out.String(); got != "\a" {
				t.Fatalf("the terminal got %q, want one bell", got)
			}
			if got, want := noteText(h), "hdb-resale-prod turned CRIT: 5xx errors at 32%"; got != want {
				t.Fatalf("notification %q, want %q", got, want)
			}
			if !strings.Contains(h.screen(), "hdb-resale-prod turned CRIT") {
				t.Fatalf("the notification is not on the screen:\n%s", h.screen())
			}
			// Showing the pane replays what it already saw: no second bell,
			// and the feed is not subscribed twice.
			h.keys("5")
			if got := out.String(); got != "\a" {
				t.Fatalf("after showing Endpoints the terminal got %q, want one bell", got)
			}
			if !strings.Contains(h.screen(), "hdb-resale-prod") || !strings.Contains(h.screen(), "CRIT") {
				t.Fatalf("the Endpoints pane does not show the CRIT endpoint:\n%s", h.screen())
			}
			h.keys("2")
			if got := h.svc.Subscribed(); !slices.Contains(got, "endpoints") {
				t.Fatalf("leaving Endpoints dropped its feed with --bell on: %v", got)
			}
		})
	}
}
