package endpoints

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit"
)

// Whatever AWS sends in an endpoint's names, reasons and logs, the pane
// draws exactly its area and nothing that a terminal would obey.
func FuzzEndpointTextIsInert(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b]0;title\x07", "\x1b[2J\x1b[H", "a\rb\nc\td", "\u009b31m", "组屋\u202e🏠", "\xff\xfe"} {
		f.Add(s, s+"x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		data := endpointstest.Fleet(now)
		e := &data.Endpoints[0]
		e.Name, e.Status, e.Stage = "e"+a, b, a
		e.Health.Reasons = []string{a, b}
		e.Alarms = []domain.Alarm{{Name: b, State: a, Reason: a + b, MetricName: b}}
		e.Variants = []domain.Variant{{Name: a, ModelName: b, InstanceType: a, CurrentCount: 1, DesiredCount: 1, Weight: 1}}
		p, _, _ := newPane(t, 90, 25)
		fleet(p, data)
		p.Update(kit.NavigateMsg{Pane: kit.PaneEndpoints, Arg: e.Name})
		logs := backend.FeedKey{Kind: backend.FeedEndpointLogs, Arg: e.Name}
		press(p, "l")
		deliver(p, logs, backend.LogsData{Group: a, Events: []domain.LogEvent{{Timestamp: now, Message: a + "\n" + b}}, Reset: true}, fresh(logs))
		for _, view := range []string{"l", "o"} {
			press(p, view)
			out := p.View(90, 25)
			if strings.ContainsAny(out, "\x1b\x07\r\t\u009b\u202e") {
				t.Fatalf("control characters on screen: %q", out)
			}
			lines := strings.Split(out, "\n")
			if len(lines) != 25 {
				t.Fatalf("%d lines", len(lines))
			}
			for _, l := range lines {
				if kit.Width(l) != 90 {
					t.Fatalf("line %d wide: %q", kit.Width(l), l)
				}
			}
		}
	})
}

// The list of a large account stays cheap to draw.
func BenchmarkListOfTwoThousandEndpoints(b *testing.B) {
	base := endpointstest.Fleet(now).Endpoints
	var data backend.EndpointsData
	for i := 0; i < 2000; i++ {
		e := base[i%len(base)]
		e.Name = e.Name + "-" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		data.Endpoints = append(data.Endpoints, e)
	}
	p, _, _ := newPane(b, 160, 50)
	fleet(p, data)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = p.View(160, 50)
	}
}
