package endpoints

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit"
)

// notes and bells among messages.
func notes(msgs []any) (out []kit.NotifyMsg, bells int) {
	for _, m := range msgs {
		switch m := m.(type) {
		case kit.NotifyMsg:
			out = append(out, m)
		case kit.BellMsg:
			bells++
		}
	}
	return out, bells
}

func messages(p *Pane, data backend.EndpointsData) []any {
	var out []any
	for _, m := range run(fleet(p, data)) {
		out = append(out, m)
	}
	return out
}

func TestFirstUpdateIsTheBaseline(t *testing.T) {
	p, _, tk := newPane(t, 120, 20)
	ns, bells := notes(messages(p, endpointstest.Fleet(now)))
	if len(ns) != 0 || bells != 0 || len(tk.fns) != 0 {
		t.Fatalf("starting agdash is not news: notes %v, bells %d, timers %d", ns, bells, len(tk.fns))
	}
	if strings.Contains(p.View(120, 20), "Δ") {
		t.Fatal("nothing changed, yet a row is marked")
	}
}

func TestTurningCritHighlightsNotifiesAndRings(t *testing.T) {
	p, _, tk := newPane(t, 120, 20)
	messages(p, endpointstest.Healthy(now))
	ns, bells := notes(messages(p, endpointstest.Fleet(now)))
	if bells != 1 {
		t.Errorf("bells = %d, want 1 for the endpoint that turned CRIT", bells)
	}
	if len(ns) != 1 {
		t.Fatalf("notes = %v, want one that sums up", ns)
	}
	want := "mom-work-pass-fraud-prod turned CRIT: 5xx errors at 32% of invocations (critical from 5%) (and 1 more endpoint changed health)"
	if ns[0].Level != kit.LevelError || ns[0].Text != want {
		t.Errorf("note = %v %q\nwant error %q", ns[0].Level, ns[0].Text, want)
	}
	// The dropout endpoint stays OK, but now says why its API's 4XX alarm
	// fires (clients throttled at the limit): a change of health too.
	out := p.View(120, 20)
	if !strings.Contains(lineWith(out, endpointstest.FraudProd), "✗ CRIT Δ") || !strings.Contains(lineWith(out, endpointstest.DropoutProd), "✓ OK Δ") {
		t.Fatalf("changed rows are not marked:\n%s", out)
	}
	if strings.Contains(lineWith(out, endpointstest.HDBProd), "Δ") {
		t.Fatal("an unchanged row is marked")
	}
	if len(tk.fns) != 2 {
		t.Fatalf("%d highlight timers, want 2", len(tk.fns))
	}

	// The fraud endpoint changes again before its first timer fires: the
	// old timer must not end the new highlight.
	stale := tk.fns[0](now).(flashDoneMsg)
	if stale.name != endpointstest.FraudProd {
		t.Fatalf("first timer is for %s", stale.name)
	}
	messages(p, endpointstest.Healthy(now))
	p.Update(stale)
	if !strings.Contains(lineWith(p.View(120, 20), endpointstest.FraudProd), "Δ") {
		t.Fatal("an older timer ended a newer highlight")
	}
	for _, fn := range tk.fns[1:] {
		p.Update(fn(now))
	}
	if out := p.View(120, 20); strings.Contains(out, "Δ") {
		t.Fatalf("highlights outlived their timers:\n%s", out)
	}
}

func TestRecoveryIsNotedWithoutABell(t *testing.T) {
	p, _, _ := newPane(t, 120, 20)
	messages(p, endpointstest.Fleet(now))
	ns, bells := notes(messages(p, endpointstest.Healthy(now)))
	if bells != 0 {
		t.Error("a recovery rang the bell")
	}
	if len(ns) != 1 || ns[0].Level != kit.LevelInfo || !strings.HasPrefix(ns[0].Text, "mom-work-pass-fraud-prod recovered: OK") {
		t.Fatalf("notes = %v", ns)
	}
}

func TestNumbersMovingIsNotAChange(t *testing.T) {
	p, _, tk := newPane(t, 120, 20)
	messages(p, endpointstest.Fleet(now))
	later := endpointstest.Fleet(now)
	e := &later.Endpoints[3]
	if e.Name != endpointstest.FraudProd {
		t.Fatalf("fixture order changed: %s", e.Name)
	}
	e.Metrics.Rate5xx = 0.291
	e.Health = health.Evaluate(*e, health.DefaultThresholds())
	ns, bells := notes(messages(p, later))
	if len(ns) != 0 || bells != 0 || len(tk.fns) != 0 {
		t.Fatalf("5xx moving from 32%% to 29%% is no news: %v", ns)
	}
}

func TestChangesOutsideTheScopeAreNotAnnounced(t *testing.T) {
	p, ctx, _ := newPane(t, 120, 20)
	ctx.Scope = "hdb-resale-valuation"
	p.Update(kit.ScopeMsg{Project: ctx.Scope})
	messages(p, endpointstest.Healthy(now))
	ns, bells := notes(messages(p, endpointstest.Fleet(now)))
	if len(ns) != 0 || bells != 0 {
		t.Fatalf("another project's incident was announced: %v, bells %d", ns, bells)
	}
	if strings.Contains(p.View(120, 20), endpointstest.FraudProd) {
		t.Fatal("an endpoint outside the scope is listed")
	}
	if got := p.Info(); got != "2 endpoints · sort health↓" {
		t.Fatalf("Info = %q", got)
	}
}

func TestAnnouncementWords(t *testing.T) {
	crit := domain.Health{Level: domain.HealthCrit, Reasons: []string{"alarm x-5xx firing (Invocation5XXErrors > 10)", "5xx errors at 12% of invocations (critical from 5%)"}}
	warn := domain.Health{Level: domain.HealthWarn, Reasons: []string{"updating: capacity may change"}}
	ok := domain.Health{Level: domain.HealthOK}
	tests := []struct {
		cs    []change
		level kit.Level
		text  string
	}{
		{[]change{{"a", ok, crit}}, kit.LevelError, "a turned CRIT: 5xx errors at 12% of invocations (critical from 5%)"},
		{[]change{{"b", ok, warn}}, kit.LevelWarn, "b turned WARN: updating: capacity may change"},
		{[]change{{"c", crit, ok}}, kit.LevelInfo, "c recovered: OK"},
		{[]change{{"d", ok, domain.Health{}}}, kit.LevelInfo, "d lost its health: unknown"},
		{[]change{{"e", warn, domain.Health{Level: domain.HealthWarn, Reasons: []string{"alarm e-cpu firing"}}}}, kit.LevelWarn, "e is still WARN: alarm e-cpu firing"},
		{[]change{{"f", ok, warn}, {"g", ok, crit}, {"h", crit, ok}}, kit.LevelError, "g turned CRIT: 5xx errors at 12% of invocations (critical from 5%) (and 2 more endpoints changed health)"},
		{[]change{{"\x1b]0;pwned\x07i", ok, crit}}, kit.LevelError, "i turned CRIT: 5xx errors at 12% of invocations (critical from 5%)"},
	}
	for _, tt := range tests {
		level, text := announcement(tt.cs)
		if level != tt.level || text != tt.text {
			t.Errorf("announcement(%v) = %v %q, want %v %q", tt.cs, level, text, tt.level, tt.text)
		}
	}
}

func TestBellOnlyForTurningCrit(t *testing.T) {
	crit := domain.Health{Level: domain.HealthCrit, Reasons: []string{"x"}}
	if (change{after: crit, before: crit}).turnedCrit() {
		t.Error("staying CRIT is not turning CRIT")
	}
	if !(change{after: crit, before: domain.Health{Level: domain.HealthWarn}}).turnedCrit() {
		t.Error("WARN to CRIT is turning CRIT")
	}
}
