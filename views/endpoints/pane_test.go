package endpoints

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// sizes are the pane areas goldens are drawn at.
var sizes = kittest.PaneSizes()

var now = kittest.Now

// ticks records the timers the pane asks for, so tests fire them by hand.
type ticks struct{ fns []func(time.Time) tea.Msg }

func (tk *ticks) tick(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	tk.fns = append(tk.fns, fn)
	return nil
}

func onCall() domain.Identity {
	return domain.Identity{Account: "123456789012", ARN: "arn:aws:sts::123456789012:assumed-role/ag-on-call/nurul.huda",
		Principal: "nurul.huda", Role: domain.RoleOnCall, Region: "ap-southeast-1", Sandbox: true, ReadOnly: true}
}

func newPane(t testing.TB, w, h int, opts ...Option) (*Pane, *kit.Context, *ticks) {
	t.Helper()
	svc := kittest.NewService(onCall(), now)
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: svc.Identity(), Styles: themes.BuildNoColorPlain(), Width: w, Height: h}
	tk := &ticks{}
	p := New(opts...)
	p.tick = tk.tick
	p.Init(ctx)
	return p, ctx, tk
}

func fresh(key backend.FeedKey) backend.FeedState { return kittest.Fresh(key, now) }

func deliver(p *Pane, key backend.FeedKey, data any, state backend.FeedState) tea.Cmd {
	state.Key = key
	_, cmd := p.Update(kit.FeedMsg{Update: backend.Update{Key: key, Data: data, State: state}})
	return cmd
}

func fleet(p *Pane, data backend.EndpointsData) tea.Cmd {
	return deliver(p, listFeed, data, fresh(listFeed))
}

// openDetail opens name and delivers its detail and logs.
func openDetail(t *testing.T, p *Pane, name string) {
	t.Helper()
	p.Update(kit.NavigateMsg{Pane: kit.PaneEndpoints, Arg: name})
	d, err := endpointstest.Detail(name, now)
	if err != nil {
		t.Fatal(err)
	}
	key := backend.FeedKey{Kind: backend.FeedEndpoint, Arg: name}
	deliver(p, key, d, fresh(key))
}

func press(p *Pane, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		_, last = p.Update(kittest.Key(k))
	}
	return last
}

// typeText types s into whatever has the focus, rune by rune.
func typeText(p *Pane, s string) {
	for _, r := range s {
		p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// run executes cmd and returns its messages, batches flattened.
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, run(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func hdbAnswer() backend.ActionResult {
	return backend.ActionResult{Action: domain.ActionInvokeEndpoint, Target: endpointstest.HDBProd, Invoke: &backend.InvokeResult{
		StatusCode: 200, ContentType: "application/json", Latency: 43 * time.Millisecond, InvokedVariant: "AllTraffic",
		Body: []byte(`{"predicted_price":562300,"currency":"SGD","model_version":12}`),
	}}
}

func modelError() error {
	return &backend.ActionError{Action: domain.ActionInvokeEndpoint, Target: endpointstest.FraudProd, Operation: "sagemaker-runtime:InvokeEndpoint",
		Code: "ModelError", Role: domain.RoleOnCall,
		Message: `Received server error (500) from primary with message "{"error": "upstream prediction worker timed out"}". See https://ap-southeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-1#logEventViewer:group=/aws/sagemaker/Endpoints/mom-work-pass-fraud-prod in account 123456789012 for more information.`}
}

// states drives the pane into each state a user can see.
var states = []struct {
	name  string
	drive func(t *testing.T, p *Pane, ctx *kit.Context)
}{
	{"loading", func(t *testing.T, p *Pane, ctx *kit.Context) {}},
	{"denied", func(t *testing.T, p *Pane, ctx *kit.Context) {
		deliver(p, listFeed, nil, backend.FeedState{Err: "User nurul.huda is not authorized to perform sagemaker:ListEndpoints", AccessDenied: true})
	}},
	{"healthy", func(t *testing.T, p *Pane, ctx *kit.Context) { fleet(p, endpointstest.Healthy(now)) }},
	{"incident", func(t *testing.T, p *Pane, ctx *kit.Context) { fleet(p, endpointstest.Fleet(now)) }},
	{"updating_failed", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		p.Update(kit.FilterMsg{Text: "staging"})
	}},
	{"turned_crit", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Healthy(now))
		fleet(p, endpointstest.Fleet(now))
	}},
	{"stale", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		deliver(p, listFeed, nil, backend.FeedState{Stale: true, LastSuccess: now.Add(-4 * time.Minute), LastAttempt: now,
			Err: "monitoring:GetMetricData: ThrottlingException: Rate exceeded"})
	}},
	{"scoped_errors_trend", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		ctx.Scope = "mom-work-pass-fraud"
		p.Update(kit.ScopeMsg{Project: ctx.Scope})
		press(p, "t")
	}},
	{"incident_detail", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.FraudProd)
	}},
	{"failed_detail", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.WSHStaging)
	}},
	{"throttled_api", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.DropoutProd)
		press(p, "down", "down", "down", "down", "down", "down", "down")
	}},
	{"metrics_1h", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.FraudProd)
		press(p, "m")
	}},
	{"metrics_3h", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.FraudProd)
		press(p, "m", "w")
	}},
	{"metrics_24h", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.FraudProd)
		press(p, "w", "w")
	}},
	{"logs", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		openDetail(t, p, endpointstest.FraudProd)
		press(p, "l")
		key := backend.FeedKey{Kind: backend.FeedEndpointLogs, Arg: endpointstest.FraudProd}
		deliver(p, key, endpointstest.Logs(endpointstest.FraudProd, now), fresh(key))
	}},
	{"smoke_form", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		p.Update(kit.FilterMsg{Text: "valuation-prod"})
		press(p, "i")
	}},
	{"smoke_result", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		req, _, _ := request(endpointstest.HDBProd, map[string]string{"body": sampleFor(domain.Endpoint{Name: endpointstest.HDBProd}, nil).Body, "type": "application/json"})
		p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Result: hdbAnswer()})
	}},
	{"smoke_model_error", func(t *testing.T, p *Pane, ctx *kit.Context) {
		fleet(p, endpointstest.Fleet(now))
		req := backend.InvokeEndpoint{Endpoint: endpointstest.FraudProd, ContentType: "application/json", Body: []byte("{}")}
		p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Err: modelError()})
	}},
}

func TestPaneGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range states {
			t.Run(s.name+"_"+sz.Name, func(t *testing.T) {
				p, ctx, _ := newPane(t, sz.W, sz.H)
				s.drive(t, p, ctx)
				out := p.View(sz.W, sz.H)
				kittest.RequireBlock(t, out, sz.W, sz.H)
				head := strings.Join(p.Crumbs(), " > ") + " | " + p.Info() + "\n"
				golden.RequireEqual(t, []byte(head+out))
			})
		}
	}
}

func lineWith(out, s string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestWorstFirstThenBy5xx(t *testing.T) {
	p, _, _ := newPane(t, 120, 20)
	fleet(p, endpointstest.Fleet(now))
	var order []string
	for i := 0; i < p.list.Len(); i++ {
		p.list.MoveTo(i)
		r, _ := p.list.Selected()
		order = append(order, r.Health.Level.String()+" "+r.Name)
	}
	want := []string{
		"CRIT " + endpointstest.FraudProd, // 32 % 5xx
		"CRIT " + endpointstest.WSHStaging,
		"WARN " + endpointstest.FraudStaging,
		// The dropout API's 4XX alarm fires only because clients are
		// throttled at the stage's limit, which is no fault (backend/health):
		// the OK endpoints follow, the one with 5xx errors first.
		"OK " + endpointstest.HDBProd, // <0.1 % 5xx
	}
	if strings.Join(order[:4], ",") != strings.Join(want, ",") {
		t.Fatalf("order = %v", order)
	}
	if got := p.Info(); got != "9 endpoints · 2 CRIT · 1 WARN · sort health↓" {
		t.Fatalf("Info = %q", got)
	}
}

func TestIncidentRowSaysWhy(t *testing.T) {
	p, _, _ := newPane(t, 220, 20)
	fleet(p, endpointstest.Fleet(now))
	out := p.View(220, 20)
	header := strings.Fields(lineWith(out, "HEALTH"))
	if got := strings.Join(header, " "); got != "HEALTH↓ NAME STAGE STATUS INST INV/M 4XX 5XX AVG P99 CPU MEM ALARM INV 1H REASON PROJECT" {
		t.Fatalf("a wide terminal should show every column: %s", got)
	}
	line := lineWith(out, endpointstest.FraudProd)
	for _, want := range []string{"✗ CRIT", " prod ", "InService", "3/3 1/1", " 843 ", "0.3%", "32%", "141ms", "367ms", "140%", "57%", "1/2",
		"5xx errors at 32% of invocations (critical from 5%)", "mom-work-pass-fraud "} {
		if !strings.Contains(line, want) {
			t.Errorf("incident row lacks %q: %q", want, line)
		}
	}
	failed := lineWith(out, endpointstest.WSHStaging)
	for _, want := range []string{"✗ CRIT", "Failed", "0/1", "endpoint status Failed: The primary"} {
		if !strings.Contains(failed, want) {
			t.Errorf("failed row lacks %q: %q", want, failed)
		}
	}
}
