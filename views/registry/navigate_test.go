package registry

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/views/kit"
)

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		arg   string
		group string
		n     int
	}{
		{packageARN("hdb-resale-valuation", 14), "hdb-resale-valuation", 14},
		{"arn:aws:sagemaker:ap-southeast-1:123456789012:model-package-group/hdb-resale-valuation", "hdb-resale-valuation", 0},
		{"hdb-resale-valuation/12", "hdb-resale-valuation", 12},
		{"hdb-resale-valuation:12", "hdb-resale-valuation", 12},
		{"hdb-resale-valuation v12", "hdb-resale-valuation", 12},
		{"hdb-resale-valuation 12", "hdb-resale-valuation", 12},
		{"hdb-resale-valuation", "hdb-resale-valuation", 0},
		{"  mom-work-pass-fraud  ", "mom-work-pass-fraud", 0},
		{"arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/x", "", 0},
		{"arn:aws:sagemaker", "", 0},
		{"", "", 0},
	} {
		g, n := parseTarget(tc.arg)
		if g != tc.group || n != tc.n {
			t.Errorf("parseTarget(%q) = %q, %d; want %q, %d", tc.arg, g, n, tc.group, tc.n)
		}
	}
}

func TestArrivingWithAVersionARNOpensItsLineage(t *testing.T) {
	p, _ := newPane(t, 100, 40, engineer())
	deliver(p, groupsFeed, groupsData(), fresh(groupsFeed))
	p.Update(kit.NavigateMsg{Pane: kit.PaneRegistry, Arg: packageARN("hdb-resale-valuation", 13)})
	key := versionsFeed("hdb-resale-valuation")
	if got := p.Feeds(); len(got) != 1 || got[0] != key {
		t.Fatalf("the pane wants %v, not the group's versions", got)
	}
	if !strings.Contains(p.View(100, 40), "Loading the versions of hdb-resale-valuation") {
		t.Fatalf("before the versions arrive:\n%s", p.View(100, 40))
	}
	deliver(p, key, hdbData(), fresh(key))
	if got := strings.Join(p.Crumbs(), " > "); got != "Registry > hdb-resale-valuation > v13" {
		t.Fatalf("crumbs = %s", got)
	}
	if out := p.View(100, 40); !strings.Contains(out, "Worse RMSE than v12 on 4-room flats") {
		t.Fatalf("v13's lineage:\n%s", out)
	}
	press(p, "esc")
	if v, _ := p.versions.Selected(); p.mode != modeVersions || v.Version != 13 {
		t.Fatalf("esc should show the versions with v13 selected (mode %d, v%d)", p.mode, v.Version)
	}
	// A second jump into the same group needs no new data.
	p.Update(kit.NavigateMsg{Pane: kit.PaneRegistry, Arg: "hdb-resale-valuation v12"})
	if got := strings.Join(p.Crumbs(), " > "); got != "Registry > hdb-resale-valuation > v12" {
		t.Fatalf("crumbs = %s", got)
	}
}

func TestArrivingWithAGroupOpensItsVersions(t *testing.T) {
	p, _ := newPane(t, 100, 40, engineer())
	p.Update(kit.NavigateMsg{Pane: kit.PaneRegistry, Arg: "arn:aws:sagemaker:ap-southeast-1:123456789012:model-package-group/mom-work-pass-fraud"})
	if got := strings.Join(p.Crumbs(), " > "); got != "Registry > mom-work-pass-fraud" {
		t.Fatalf("crumbs = %s", got)
	}
	// Messages for other panes are not ours.
	p.Update(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: "hdb-resale-valuation"})
	if p.group != "mom-work-pass-fraud" {
		t.Fatal("a jump to another pane changed the registry")
	}
}

func TestLineageJumpsToExecutionAndJob(t *testing.T) {
	p, _ := newPane(t, 100, 40, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "enter")
	want := map[string]kit.NavigateMsg{
		"p": {Pane: kit.PanePipelines, Arg: executionARN("hdb-resale-valuation", "k3j2h5g6f714")},
		"t": {Pane: kit.PaneJobs, Arg: "hdb-resale-ranger-20250524-0905"},
	}
	for key, w := range want {
		msgs := run(press(p, key))
		if len(msgs) != 1 || msgs[0] != w {
			t.Errorf("%s → %#v, want %#v", key, msgs, w)
		}
	}
	// From the list too, for the selected version.
	press(p, "esc")
	moveTo(t, p, 12)
	if msgs := run(press(p, "t")); len(msgs) != 1 || msgs[0].(kit.NavigateMsg).Arg != "hdb-resale-ranger-20250522-0905" {
		t.Errorf("t on v12 → %#v", msgs)
	}
}

func TestJumpWithoutLineageSaysSo(t *testing.T) {
	p, _ := newPane(t, 100, 40, engineer())
	openGroup(t, p, busData())
	press(p, "enter")
	if got := notice(press(p, "p")); got != "info: No pipeline execution is recorded for v2." {
		t.Errorf("p = %q", got)
	}
	if got := notice(press(p, "t")); got != "info: No training job is recorded for v2." {
		t.Errorf("t = %q", got)
	}
}
