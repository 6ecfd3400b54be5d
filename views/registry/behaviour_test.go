package registry

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

func TestFeedsFollowTheView(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	if got := p.Feeds(); len(got) != 1 || got[0] != groupsFeed {
		t.Fatalf("groups view wants %v", got)
	}
	openGroup(t, p, hdbData())
	mark(t, p, 14, 12)
	press(p, "c")
	if got := p.Feeds(); len(got) != 1 || got[0] != versionsFeed("hdb-resale-valuation") {
		t.Fatalf("compare view wants %v", got)
	}
	press(p, "esc", "esc")
	if got := p.Feeds(); len(got) != 1 || got[0] != groupsFeed {
		t.Fatalf("back in the groups the pane wants %v", got)
	}
}

func TestVersionsOfAnotherGroupAreIgnored(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	other := fraudData()
	deliver(p, versionsFeed(other.Group.Name), other, fresh(versionsFeed(other.Group.Name)))
	if p.versionsData.Group.Name != "hdb-resale-valuation" || strings.Contains(p.View(100, 30), "AUC") {
		t.Fatal("a late delivery for another group replaced the open one")
	}
}

func TestMarksBelongToTheGroup(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	mark(t, p, 14, 13)
	if p.Info() != "5 versions · 2 marked" {
		t.Fatalf("Info = %q", p.Info())
	}
	press(p, "space") // v13 is selected: unmark it
	if p.Info() != "5 versions · 1 marked" {
		t.Fatalf("space should toggle: %q", p.Info())
	}
	press(p, "x")
	if len(p.marks) != 0 {
		t.Fatal("x should clear the marks")
	}
	mark(t, p, 14)
	press(p, "esc")
	p.groups.MoveTo(0) // hdb-flat-demand
	press(p, "enter")
	if len(p.marks) != 0 {
		t.Fatal("another group starts without marks")
	}
}

func TestCompareNeedsSomethingToCompare(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 12) // the approved one, nothing marked
	if got := notice(press(p, "c")); got != "info: Mark two or more versions with space, then press c to compare them." {
		t.Errorf("c = %q", got)
	}
	if p.mode != modeVersions {
		t.Error("no comparison should open")
	}
}

func TestComparisonFollowsNewData(t *testing.T) {
	p, _ := newPane(t, 120, 35, engineer())
	openGroup(t, p, hdbData())
	mark(t, p, 14, 12)
	press(p, "c", "a")
	typeText(p, "ok")
	req := confirmOf(t, press(p, "enter"))
	if req.Version != 14 {
		t.Fatalf("a in the comparison acted on v%d, want the focused v14", req.Version)
	}
	data := hdbData()
	data.Versions[0].Approval = domain.ApprovalApproved
	deliver(p, versionsFeed("hdb-resale-valuation"), data, fresh(versionsFeed("hdb-resale-valuation")))
	out := p.View(120, 35)
	if !strings.Contains(out, "Deltas against v14, the approved version") || !strings.Contains(out, "v14 (base)") {
		t.Fatalf("after v14's approval the baseline should move to it:\n%s", out)
	}
}

func TestDetailSaysWhenTheVersionIsGone(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "enter")
	data := hdbData()
	data.Versions = data.Versions[1:]
	deliver(p, versionsFeed("hdb-resale-valuation"), data, fresh(versionsFeed("hdb-resale-valuation")))
	if !strings.Contains(p.View(100, 30), "It is gone: v14 is no longer in hdb-resale-valuation") {
		t.Fatalf("detail:\n%s", p.View(100, 30))
	}
}

func TestFilterAndScope(t *testing.T) {
	p, ctx := newPane(t, 100, 30, engineer())
	deliver(p, groupsFeed, groupsData(), fresh(groupsFeed))
	p.Update(kit.FilterMsg{Text: "mom"})
	if p.groups.Len() != 1 || p.Info() != "1 of 5 groups" {
		t.Fatalf("filter: %q", p.Info())
	}
	p.Update(kit.FilterMsg{Text: ""})
	ctx.Scope = "lta-bus-eta"
	p.Update(kit.ScopeMsg{Project: ctx.Scope})
	if g, _ := p.groups.Selected(); p.groups.Total() != 1 || g.Name != "lta-bus-eta" {
		t.Fatalf("scoped to lta-bus-eta: %d groups", p.groups.Total())
	}
	// A jump may open a group outside the scope.
	p.Update(kit.NavigateMsg{Pane: kit.PaneRegistry, Arg: "hdb-resale-valuation"})
	deliver(p, versionsFeed("hdb-resale-valuation"), hdbData(), fresh(versionsFeed("hdb-resale-valuation")))
	p.Update(kit.FilterMsg{Text: "tan-wei-ming"})
	if p.versions.Len() != 2 {
		t.Errorf("/tan-wei-ming should keep the two versions he decided, got %d", p.versions.Len())
	}
	press(p, "enter")
	if _, ok := p.Filter(); ok {
		t.Error("a lineage cannot be filtered")
	}
}

func TestMouseSelectsAVersion(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	p.View(100, 30)
	p.Update(tea.MouseMsg{X: 5, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if v, _ := p.versions.Selected(); v.Version != 12 {
		t.Fatalf("click selected v%d", v.Version)
	}
}

// hostile is text that would move the cursor, set the title, write the
// clipboard or ring the bell if it reached the terminal.
const hostile = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\r\u009b31m\x07"

func TestHostileTextRendersInert(t *testing.T) {
	v := hdbVersions()[0]
	v.Group = "hdb" + hostile
	v.Description = "desc" + hostile
	v.ApprovalNote = "note" + hostile
	v.Approval = domain.ApprovalRejected
	v.ModifiedBy = "eve" + hostile
	v.CreatedBy = "eve" + hostile
	v.Status = "Completed" + hostile
	v.MetricsURI = "s3://b/" + hostile
	v.Lineage.PipelineExecutionARN += hostile
	v.Lineage.TrainingJobName += hostile
	v.Lineage.InputData = []string{"s3://in/" + hostile}
	v.Lineage.Image += hostile
	v.Lineage.ProjectID += hostile
	v.Hyperparameter = map[string]string{"k" + hostile: "v" + hostile}
	v.Report.Metrics = append(v.Report.Metrics, domainMetric("acc"+hostile, 0.5))
	v.Report.Format += hostile
	bad := hdbVersions()[3]
	bad.Group = v.Group
	bad.Report.Err = "boom" + hostile
	data := backend.ModelVersionsData{Group: domain.ModelGroup{Name: v.Group, Project: "p" + hostile}, Versions: []domain.ModelVersion{v, bad}}
	groups := backend.ModelGroupsData{Groups: []domain.ModelGroup{{Name: v.Group, Project: "p" + hostile, Versions: 2}}}

	p, _ := newPane(t, 120, 60, engineer())
	deliver(p, groupsFeed, groups, fresh(groupsFeed))
	views := []string{p.View(120, 60)}
	press(p, "enter")
	deliver(p, versionsFeed(v.Group), data, fresh(versionsFeed(v.Group)))
	views = append(views, p.View(120, 60))
	mark(t, p, 14, 11)
	press(p, "c")
	views = append(views, p.View(120, 60), strings.Join(p.Crumbs(), " "), p.Info())
	press(p, "e")
	views = append(views, p.View(120, 60))
	press(p, "esc", "a")
	views = append(views, p.View(120, 60))
	press(p, "esc", "esc")
	moveTo(t, p, 14)
	press(p, "enter")
	views = append(views, p.View(120, 60), strings.Join(p.Crumbs(), " "))
	for i, out := range views {
		if strings.ContainsAny(out, "\x1b\x07\r\u009b") {
			t.Errorf("view %d lets a control sequence through: %q", i, out)
		}
		if strings.Contains(out, "]52;") || strings.Contains(out, "]0;") {
			t.Errorf("view %d shows an escape's body", i)
		}
	}
	if !strings.Contains(views[1], "eve") || !strings.Contains(views[len(views)-2], "note") {
		t.Error("the text around the sequences should survive")
	}
}

func domainMetric(name string, v float64) domain.ReportMetric {
	return domain.ReportMetric{Name: name, Value: v, Better: metrics.Direction(name)}
}

func TestWideCharactersKeepColumnsAligned(t *testing.T) {
	groups := backend.ModelGroupsData{Groups: []domain.ModelGroup{
		{Name: "房屋估价模型", Project: "组屋转售", Versions: 17, LatestApproved: 3, Pending: 2},
		{Name: "harga-rumah-flat", Project: "perumahan-rakyat", Versions: 23, LatestApproved: 9, Pending: 1},
		{Name: "வீட்டு-மதிப்பீடு", Project: "வீடமைப்பு", Versions: 31, Pending: 4},
		{Name: "🏠-valuation-🚀", Project: "emoji-😀", Versions: 47, LatestApproved: 12},
	}}
	p, _ := newPane(t, 100, 20, engineer())
	deliver(p, groupsFeed, groups, fresh(groupsFeed))
	out := p.View(100, 20)
	lines := strings.Split(out, "\n")
	header := lines[0]
	end := kit.Width(header[:strings.Index(header, "VERSIONS")+len("VERSIONS")])
	for i, n := range []string{"17", "23", "31", "47"} {
		l := lines[i+1]
		at := strings.Index(l, " "+n+" ")
		if at < 0 {
			t.Fatalf("row %d lacks %s: %q", i, n, l)
		}
		if got := kit.Width(l[:at+1+len(n)]); got != end {
			t.Errorf("row %d: VERSIONS ends at cell %d, header at %d:\n%s", i, got, end, out)
		}
		if kit.Width(l) != 100 {
			t.Errorf("row %d is %d cells wide", i, kit.Width(l))
		}
	}

	// And in the comparison, with wide metric names and hyperparameter values.
	vs := hdbVersions()[:3]
	for i := range vs {
		vs[i].Report.Metrics = append(vs[i].Report.Metrics, domainMetric("准确率_accuracy", 0.9+float64(i)/100))
		vs[i].Hyperparameter["பயிற்சி"] = strings.Repeat("மா", i+1)
	}
	c := newComparison("hdb", vs, []int{14, 13, 12})
	l := c.layout(100)
	body := c.body(themes.BuildNoColorPlain(), l, 100)
	width := -1
	for _, line := range strings.Split(body, "\n") {
		if strings.Contains(line, "准确率") || strings.Contains(line, "rmse") {
			w := kit.Width(strings.TrimRight(line, " "))
			if width >= 0 && w != width {
				t.Errorf("metric lines end at %d and %d cells:\n%s", width, w, body)
			}
			width = w
		}
	}
}
