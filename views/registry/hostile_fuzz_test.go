package registry

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// FuzzHostileEverywhere puts fuzzed text in every string of the model
// groups and of a group's versions (names, projects, approval notes,
// metrics, lineage, hyperparameters, report errors) and renders the
// groups, the versions, a version's lineage and a comparison with the
// plain no-colour styles: nothing a terminal would act on reaches the
// screen, and every view keeps its exact size.
func FuzzHostileEverywhere(f *testing.F) {
	for _, s := range kittest.HostileSeeds {
		f.Add(s, "x"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const w, h = 110, 30
		p, _ := newPane(t, w, h, engineer())
		check := func(what string) {
			t.Helper()
			kittest.AssertPaneInert(t, what, p, p.View(w, h), w, h)
		}
		groups := groupsData()
		kittest.Poison(&groups, a, b)
		deliver(p, groupsFeed, groups, fresh(groupsFeed))
		check("groups")
		press(p, "enter")
		versions := hdbData()
		kittest.Poison(&versions, b, a)
		for _, key := range p.Feeds() {
			deliver(p, key, versions, fresh(key))
		}
		check("versions")
		press(p, "enter")
		check("lineage")
		press(p, "esc", "space", "down", "space", "down", "space", "c")
		check("comparison")
		p.Update(kit.FilterMsg{Text: a})
		check("filtered")
	})
}

// Model group names in Chinese, Malay, Tamil and emoji keep the groups'
// columns in line.
func TestWideTextGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.Name, func(t *testing.T) {
			groups := groupsData()
			for i, name := range kittest.WideNames {
				groups.Groups[i%len(groups.Groups)].Name = name
			}
			p, _ := newPane(t, sz.W, sz.H, engineer())
			deliver(p, groupsFeed, groups, fresh(groupsFeed))
			out := p.View(sz.W, sz.H)
			kittest.RequireBlock(t, out, sz.W, sz.H)
			kittest.RequireColumnsAligned(t, out, "NAME", "PROJECT", kittest.WideNames)
			golden.RequireEqual(t, []byte(out))
		})
	}
}
