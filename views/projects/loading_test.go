package projects

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// The first poll delivers the projects as soon as they are listed, before
// members, usage and findings are read: the list and the details say
// "…" and "reading", never a 0 or "none" a user would take as the truth.
func TestEarlyDeliveryShowsNoFalseCounts(t *testing.T) {
	p, _ := newPane(t, 120, 30)
	deliver(p, earlyProjects(), fresh())

	out := p.View(120, 30)
	row := strings.Fields(lineWith(out, "hdb-resale-valuation"))
	if got := strings.Join(row[len(row)-6:], " "); got != "… … … … … …" {
		t.Fatalf("while members and usage load, the counts read %q, want … in each:\n%s", got, out)
	}
	if info := p.Info(); info != "4 projects · reading members and usage…" {
		t.Fatalf("Info = %q", info)
	}
	press(p, "enter")
	out = p.View(120, 30)
	for _, want := range []string{"Reading the user profiles' tags…", "Counting the running resources", "ml.m5.xlarge, ml.m5.2xlarge"} {
		if !strings.Contains(out, want) {
			t.Errorf("the early detail lacks %q:\n%s", want, out)
		}
	}
	for _, wrong := range []string{"Members (0)", "No user profile names this project", "0 training jobs", "Governance findings (0)"} {
		if strings.Contains(out, wrong) {
			t.Errorf("the early detail claims %q:\n%s", wrong, out)
		}
	}

	// The full delivery brings the real counts.
	deliver(p, kittest.Projects(), fresh())
	if out := p.View(120, 30); !strings.Contains(out, "Members (3)") {
		t.Fatalf("the full delivery should show the members:\n%s", out)
	}
	press(p, "esc")
	row = strings.Fields(lineWith(p.View(120, 30), "hdb-resale-valuation"))
	if got := strings.Join(row[len(row)-6:], " "); got != "3 2 2 3 412.5 2" {
		t.Fatalf("after the full delivery the counts read %q", got)
	}
	if info := p.Info(); info != "4 projects" {
		t.Fatalf("Info = %q", info)
	}
}

// earlyProjects is the first poll's early delivery of the fixtures:
// projects listed, with their tags, and nothing read of their members,
// usage or findings, nor the users' roles.
func earlyProjects() backend.ProjectsData {
	d := kittest.Projects()
	for i := range d.Projects {
		d.Projects[i].Members, d.Projects[i].FindingCount = nil, 0
		d.Projects[i].Usage = domain.ProjectUsage{}
	}
	for i := range d.Users {
		d.Users[i].Role, d.Users[i].Projects = domain.RoleUnknown, nil
	}
	d.Findings = nil
	d.Loading = true
	return d
}
