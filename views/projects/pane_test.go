package projects

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// sizes are the pane areas goldens are drawn at.
var sizes = kittest.PaneSizes()

func newPane(t *testing.T, w, h int) (*Pane, *kit.Context) {
	t.Helper()
	svc := kittest.NewService(kittest.Admin(), kittest.Now)
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: svc.Identity(), Styles: themes.BuildNoColorPlain(), Width: w, Height: h}
	p := New()
	p.Init(ctx)
	return p, ctx
}

func deliver(p *Pane, data any, state backend.FeedState) {
	state.Key = feed
	p.Update(kit.FeedMsg{Update: backend.Update{Key: feed, Data: data, State: state}})
}

func press(p *Pane, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, last = p.Update(msg)
	}
	return last
}

func fresh() backend.FeedState { return kittest.Fresh(feed, kittest.Now) }

// states drives the pane into each state a user can see.
var states = []struct {
	name  string
	drive func(p *Pane, ctx *kit.Context)
}{
	{"loading", func(p *Pane, ctx *kit.Context) {}},
	{"error", func(p *Pane, ctx *kit.Context) {
		deliver(p, nil, backend.FeedState{Err: "sagemaker:ListProjects: ThrottlingException: Rate exceeded", Stale: true})
	}},
	{"denied", func(p *Pane, ctx *kit.Context) {
		deliver(p, nil, backend.FeedState{Err: "User alice.tan is not authorized to perform sagemaker:ListProjects", AccessDenied: true})
	}},
	{"empty", func(p *Pane, ctx *kit.Context) { deliver(p, backend.ProjectsData{}, fresh()) }},
	{"data", func(p *Pane, ctx *kit.Context) { deliver(p, kittest.Projects(), fresh()) }},
	{"scoped_sorted", func(p *Pane, ctx *kit.Context) {
		deliver(p, kittest.Projects(), fresh())
		ctx.Scope = "lta-bus-eta"
		p.Update(kit.ScopeMsg{Project: ctx.Scope})
		press(p, "o", "o", "O", "down") // status descending
	}},
	{"filtered", func(p *Pane, ctx *kit.Context) {
		deliver(p, kittest.Projects(), fresh())
		p.Update(kit.FilterMsg{Text: "hdb"})
	}},
	{"detail", func(p *Pane, ctx *kit.Context) {
		deliver(p, kittest.Projects(), fresh())
		press(p, "enter")
	}},
	{"named_templates", func(p *Pane, ctx *kit.Context) { deliver(p, namedTemplates(), fresh()) }},
	{"named_templates_detail", func(p *Pane, ctx *kit.Context) {
		deliver(p, namedTemplates(), fresh())
		press(p, "enter")
	}},
	{"early", func(p *Pane, ctx *kit.Context) { deliver(p, earlyProjects(), fresh()) }},
	{"early_detail", func(p *Pane, ctx *kit.Context) {
		deliver(p, earlyProjects(), fresh())
		press(p, "enter")
	}},
	{"domains", func(p *Pane, ctx *kit.Context) {
		deliver(p, kittest.Projects(), fresh())
		press(p, "d")
	}},
	{"domain_detail", func(p *Pane, ctx *kit.Context) {
		deliver(p, kittest.Projects(), fresh())
		press(p, "d", "down", "down", "enter")
	}},
}

func TestPaneGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range states {
			t.Run(s.name+"_"+sz.Name, func(t *testing.T) {
				p, ctx := newPane(t, sz.W, sz.H)
				s.drive(p, ctx)
				out := p.View(sz.W, sz.H)
				kittest.RequireBlock(t, out, sz.W, sz.H)
				head := strings.Join(p.Crumbs(), " > ") + " | " + p.Info() + "\n"
				golden.RequireEqual(t, []byte(head+out))
			})
		}
	}
}

func TestListShowsWhatAUserChecks(t *testing.T) {
	p, _ := newPane(t, 120, 20)
	deliver(p, kittest.Projects(), fresh())
	out := p.View(120, 20)
	for _, want := range []string{
		"hdb-resale-valuation  ", "CreateCompleted", "R model build, train", "412.5", "1287 ",
		"moh-triage-nlp", "CreateFailed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	// hdb-resale-valuation: 3 users, 2 jobs, 2 endpoints, 3 pipelines, 2 findings.
	line := lineWith(out, "hdb-resale-valuation")
	if f := strings.Fields(line); fmt.Sprint(f[len(f)-7:]) != "[3 2 2 3 412.5 2]" && fmt.Sprint(f[len(f)-6:]) != "[3 2 2 3 412.5 2]" {
		t.Errorf("hdb-resale-valuation row = %q", line)
	}
	if p.Info() != "4 projects" {
		t.Errorf("Info = %q", p.Info())
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

func TestDetailShowsMembersLimitsAndFindings(t *testing.T) {
	p, _ := newPane(t, 120, 60)
	deliver(p, kittest.Projects(), fresh())
	press(p, "enter")
	if got := strings.Join(p.Crumbs(), ">"); got != "Projects>hdb-resale-valuation" {
		t.Fatalf("crumbs = %s", got)
	}
	out := p.View(120, 60)
	for _, want := range []string{
		"Members (3)", "alice-tan  project admin", "bala-k     data scientist", "chen-wei   MLOps engineer",
		"training   ml.m5.xlarge, ml.m5.2xlarge", "endpoints  ml.m5.large", "notebooks  ml.t3.medium, ml.m5.large",
		"S3 access", "hdb-resale-transactions",
		"2 training jobs · 2 endpoints · 3 pipelines · 2 Studio apps", "412.5 training instance-hours this month",
		"bala-k", "RStudioServerPro",
		"Governance findings (2)",
		"! Training job hdb-resale-train-0412 runs on ml.p3.2xlarge, outside the project's training limit",
		"! Endpoint hdb-resale-staging serves on ml.c5.4xlarge",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("detail lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "!") != 2 {
		t.Errorf("each finding should have one marker, wrapped lines none:\n%s", out)
	}
	if strings.Contains(out, "siti-nur") {
		t.Error("a non-member's (and deleted) app is listed")
	}
	if _, ok := p.Filter(); ok {
		t.Error("a detail cannot be filtered")
	}
	press(p, "esc")
	if len(p.Crumbs()) != 1 {
		t.Fatal("esc should go back to the list")
	}
}

func TestScopeKeyAsksTheShell(t *testing.T) {
	p, _ := newPane(t, 80, 19)
	deliver(p, kittest.Projects(), fresh())
	cmd := press(p, "down", "down", "s")
	if cmd == nil {
		t.Fatal("s returned no command")
	}
	if msg, ok := cmd().(kit.ScopeRequestMsg); !ok || msg.Project != "lta-bus-eta" {
		t.Fatalf("s asked for %#v", cmd())
	}
	press(p, "enter")
	if msg := press(p, "s")(); msg.(kit.ScopeRequestMsg).Project != "lta-bus-eta" {
		t.Fatalf("s in detail asked for %#v", msg)
	}
}

func TestDetailFollowsNewDataAndVanishing(t *testing.T) {
	p, _ := newPane(t, 100, 40)
	deliver(p, kittest.Projects(), fresh())
	press(p, "enter")
	data := kittest.Projects()
	data.Projects[0].Members = data.Projects[0].Members[:1]
	deliver(p, data, fresh())
	if !strings.Contains(p.View(100, 40), "Members (1)") {
		t.Fatal("detail did not follow new data")
	}
	data.Projects = data.Projects[1:]
	deliver(p, data, fresh())
	if !strings.Contains(p.View(100, 40), "It is gone: hdb-resale-valuation") {
		t.Fatalf("a vanished project should say so:\n%s", p.View(100, 40))
	}
}

func TestUnknownRoleIsNamed(t *testing.T) {
	p, _ := newPane(t, 100, 40)
	deliver(p, kittest.Projects(), fresh())
	press(p, "d", "down", "down", "enter") // moh-health-analytics
	out := p.View(100, 40)
	if !strings.Contains(out, "farah-a") || !strings.Contains(out, "no ag:role tag") {
		t.Fatalf("domain detail:\n%s", out)
	}
}

func TestFindingTextFallsBackToFields(t *testing.T) {
	f := domain.Finding{Kind: domain.FindingInstanceOutsideLimits, ResourceType: "training job", ResourceName: "j1",
		InstanceType: "ml.p4d.24xlarge", Allowed: []string{"ml.m5.xlarge"}}
	if got := findingText(f); got != "training job j1 runs on ml.p4d.24xlarge, outside the allowed ml.m5.xlarge." {
		t.Fatalf("findingText = %q", got)
	}
}

func TestMouseSelectsAndScrolls(t *testing.T) {
	p, _ := newPane(t, 80, 19)
	deliver(p, kittest.Projects(), fresh())
	p.View(80, 19)
	p.Update(tea.MouseMsg{X: 5, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if pr, _ := p.projects.Selected(); pr.Name != "lta-bus-eta" {
		t.Fatalf("click selected %s", pr.Name)
	}
}
