package projects

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// FuzzHostileText puts fuzzed text in every string of the projects data
// (names, tags, templates, descriptions, findings, users, domains) and
// renders the list, a project's detail, the domains and a domain's
// detail with the plain no-colour styles: nothing a terminal would act
// on reaches the screen, and every view keeps its exact size.
func FuzzHostileText(f *testing.F) {
	for _, s := range kittest.HostileSeeds {
		f.Add(s, "x"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const w, h = 100, 30
		data := kittest.Projects()
		kittest.Poison(&data, a, b)
		p, _ := newPane(t, w, h)
		deliver(p, data, fresh())
		check := func(what string) {
			t.Helper()
			kittest.AssertPaneInert(t, what, p, p.View(w, h), w, h)
		}
		check("list")
		press(p, "enter")
		check("detail")
		press(p, "esc", "d")
		check("domains")
		press(p, "enter")
		check("domain detail")
		press(p, "esc", "esc")
		p.Update(kit.FilterMsg{Text: a})
		check("filtered list")
	})
}

// Project names in Chinese, Malay, Tamil and emoji keep the columns in
// line: each row's STATUS starts under the header's.
func TestWideTextGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.Name, func(t *testing.T) {
			data := kittest.Projects()
			for i, name := range kittest.WideNames {
				data.Projects[i%len(data.Projects)].Name = name
			}
			p, _ := newPane(t, sz.W, sz.H)
			deliver(p, data, fresh())
			out := p.View(sz.W, sz.H)
			kittest.RequireBlock(t, out, sz.W, sz.H)
			checkAligned(t, out, "STATUS", data.Projects)
			golden.RequireEqual(t, []byte(out))
		})
	}
}

func checkAligned(t *testing.T, out, column string, rows []domain.Project) {
	t.Helper()
	lines := strings.Split(out, "\n")
	want := -1
	for _, l := range lines {
		if c := kittest.ColumnAt(l, column); c >= 0 && strings.Contains(l, "NAME") {
			want = c
		}
	}
	if want < 0 {
		t.Fatalf("no header with %s:\n%s", column, out)
	}
	for _, r := range rows {
		for _, l := range lines {
			if strings.Contains(l, " "+string([]rune(r.Name)[:3])) {
				if got := kittest.ColumnAt(l, r.Status+" "); got != want {
					t.Errorf("row %q: %s at column %d, header at %d:\n%s", r.Name, column, got, want, out)
				}
				break
			}
		}
	}
}
