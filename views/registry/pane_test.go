package registry

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/dialog"
	"github.com/agdash/agdash/views/kit/kittest"
)

// sizes are the pane areas goldens are drawn at.
var sizes = kittest.PaneSizes()

// engineer is an MLOps engineer of the HDB projects: may approve.
func engineer() domain.Identity {
	id := kittest.Admin()
	id.Principal, id.UserProfile, id.Role = "nur-aisyah", "nur-aisyah", domain.RoleMLOpsEngineer
	return id
}

func newPane(t *testing.T, w, h int, id domain.Identity) (*Pane, *kit.Context) {
	t.Helper()
	svc := kittest.NewService(id, kittest.Now)
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: svc.Identity(), Styles: themes.BuildNoColorPlain(), Width: w, Height: h}
	p := New()
	p.Init(ctx)
	return p, ctx
}

func deliver(p *Pane, key backend.FeedKey, data any, state backend.FeedState) tea.Cmd {
	state.Key = key
	_, cmd := p.Update(kit.FeedMsg{Update: backend.Update{Key: key, Data: data, State: state}})
	return cmd
}

func fresh(key backend.FeedKey) backend.FeedState { return kittest.Fresh(key, kittest.Now) }

// press sends keys one by one and returns the last command.
func press(p *Pane, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		_, last = p.Update(kittest.Key(k))
	}
	return last
}

// typeText types text into the focused field.
func typeText(p *Pane, text string) {
	p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
}

// openGroup delivers the groups, opens the named one and delivers its
// versions.
func openGroup(t *testing.T, p *Pane, data backend.ModelVersionsData) {
	t.Helper()
	deliver(p, groupsFeed, groupsData(), fresh(groupsFeed))
	for i := 0; i < p.groups.Len(); i++ {
		p.groups.MoveTo(i)
		if g, _ := p.groups.Selected(); g.Name == data.Group.Name {
			press(p, "enter")
			key := versionsFeed(data.Group.Name)
			if got := p.Feeds(); len(got) != 1 || got[0] != key {
				t.Fatalf("after opening %s the pane wants %v", data.Group.Name, got)
			}
			deliver(p, key, data, fresh(key))
			return
		}
	}
	t.Fatalf("no group %s in the list", data.Group.Name)
}

// moveTo puts the versions cursor on version n.
func moveTo(t *testing.T, p *Pane, n int) {
	t.Helper()
	p.selectVersion(n)
	if v, _ := p.versions.Selected(); v.Version != n {
		t.Fatalf("no version %d in the list", n)
	}
}

// mark marks the given versions.
func mark(t *testing.T, p *Pane, ns ...int) {
	t.Helper()
	for _, n := range ns {
		moveTo(t, p, n)
		press(p, "space")
	}
}

// run runs a command and the commands it batches, collecting messages.
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
	return []tea.Msg{msg}
}

func confirmOf(t *testing.T, cmd tea.Cmd) backend.SetApproval {
	t.Helper()
	for _, m := range run(cmd) {
		if c, ok := m.(kit.ConfirmMsg); ok {
			if c.Pane != kit.PaneRegistry {
				t.Fatalf("confirmation addressed to %s", c.Pane)
			}
			req, ok := c.Req.(backend.SetApproval)
			if !ok {
				t.Fatalf("request is %T", c.Req)
			}
			return req
		}
	}
	t.Fatal("no confirmation asked for")
	return backend.SetApproval{}
}

func notice(cmd tea.Cmd) string {
	for _, m := range run(cmd) {
		if n, ok := m.(kit.NotifyMsg); ok {
			return n.Level.String() + ": " + n.Text
		}
	}
	return ""
}

// state is one thing a user can see; extra is appended to the golden
// (what the shell would draw from the pane's commands).
type state struct {
	name  string
	id    func() domain.Identity
	drive func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) (extra string)
}

var states = []state{
	{"groups_loading", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string { return "" }},
	{"groups_denied", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		deliver(p, groupsFeed, nil, backend.FeedState{AccessDenied: true,
			Err: "User arn:aws:sts::123456789012:assumed-role/ag-data-scientist/lim-jia-hui is not authorized to perform sagemaker:ListModelPackageGroups"})
		return ""
	}},
	{"groups", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		deliver(p, groupsFeed, groupsData(), fresh(groupsFeed))
		return ""
	}},
	{"groups_scoped", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		deliver(p, groupsFeed, groupsData(), fresh(groupsFeed))
		ctx.Scope = "hdb-resale-valuation"
		p.Update(kit.ScopeMsg{Project: ctx.Scope})
		return ""
	}},
	{"versions_loading", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		deliver(p, groupsFeed, groupsData(), fresh(groupsFeed))
		press(p, "down", "enter")
		return ""
	}},
	{"versions", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		return ""
	}},
	{"versions_marked", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		mark(t, p, 14, 12)
		return ""
	}},
	{"compare_hdb", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		mark(t, p, 14, 13, 12)
		press(p, "c")
		return ""
	}},
	{"compare_unreadable", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		mark(t, p, 14, 13, 12, 11)
		press(p, "c", "left", "left", "left")
		return ""
	}},
	{"compare_added_baseline", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "c")
		return ""
	}},
	{"compare_classification", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, fraudData())
		mark(t, p, 8, 7, 6)
		press(p, "c")
		return ""
	}},
	{"compare_many", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, demandData())
		mark(t, p, 1, 2, 3, 4, 5, 6, 7, 8, 9)
		press(p, "c")
		return ""
	}},
	{"compare_many_scrolled", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, demandData())
		mark(t, p, 1, 2, 3, 4, 5, 6, 7, 8, 9)
		press(p, "c", "left", "left", "left", "left", "left", "left")
		return ""
	}},
	{"compare_no_approved", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, busData())
		mark(t, p, 1, 2)
		press(p, "c")
		return ""
	}},
	{"lineage", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "enter")
		return ""
	}},
	{"lineage_approved", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 12)
		press(p, "enter")
		return ""
	}},
	{"approve_form", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "a")
		typeText(p, "Beats v12 on RMSE and MAE; checked 4-room flats.")
		return ""
	}},
	{"reject_form_needs_comment", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "r", "enter")
		return ""
	}},
	{"confirm", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "a")
		typeText(p, "Beats v12 on RMSE and MAE; checked 4-room flats.")
		req := confirmOf(t, press(p, "enter"))
		return "--- the shell's confirmation:\n" + kit.FitLines(dialog.ForAction(req, ctx.Identity).View(ctx.Styles, w), w, 12)
	}},
	{"refused_scientist", kittest.Scientist, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		n := notice(press(p, "a"))
		var b strings.Builder
		b.WriteString("--- notification: " + n + "\n--- keys:")
		for _, k := range p.Keys() {
			if k.Disabled() != "" {
				b.WriteString("\n" + k.Label() + " " + k.Help + " — off: " + k.Disabled())
			}
		}
		return b.String()
	}},
	{"approved_answer", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "a")
		typeText(p, "Beats v12.")
		req := confirmOf(t, press(p, "enter"))
		p.Update(kit.ActionDoneMsg{Pane: kit.PaneRegistry, Req: req,
			Result: backend.ActionResult{Action: req.Action(), Target: req.Target(), Message: "Approved hdb-resale-valuation v14."}})
		data := hdbData()
		data.Versions[0].Approval, data.Versions[0].ModifiedBy, data.Versions[0].ApprovalNote = domain.ApprovalApproved, "nur-aisyah", "Beats v12."
		deliver(p, versionsFeed(data.Group.Name), data, fresh(versionsFeed(data.Group.Name)))
		return ""
	}},
	{"denied_answer", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		moveTo(t, p, 13)
		press(p, "a", "enter")
		req := backend.SetApproval{ModelPackageARN: packageARN("hdb-resale-valuation", 13), Group: "hdb-resale-valuation", Version: 13, Approve: true}
		p.Update(kit.ActionDoneMsg{Pane: kit.PaneRegistry, Req: req, Err: &backend.ActionError{
			Action: req.Action(), Target: req.Target(), Operation: "sagemaker:UpdateModelPackage", Code: "AccessDeniedException",
			Role: domain.RoleMLOpsEngineer, Message: "User is not authorized to perform sagemaker:UpdateModelPackage on resource model-package/hdb-resale-valuation/13"}})
		return ""
	}},
	{"export_form", engineer, func(t *testing.T, p *Pane, ctx *kit.Context, w, h int) string {
		openGroup(t, p, hdbData())
		mark(t, p, 14, 12)
		press(p, "c", "e")
		return ""
	}},
}

func TestPaneGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range states {
			t.Run(s.name+"_"+sz.Name, func(t *testing.T) {
				p, ctx := newPane(t, sz.W, sz.H, s.id())
				extra := s.drive(t, p, ctx, sz.W, sz.H)
				out := p.View(sz.W, sz.H)
				kittest.RequireBlock(t, out, sz.W, sz.H)
				head := strings.Join(p.Crumbs(), " > ") + " | " + p.Info() + "\n"
				if extra != "" {
					out += "\n" + extra
				}
				golden.RequireEqual(t, []byte(head+out+"\n"))
			})
		}
	}
}
