package ui

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// TestHeaderKeepsTheRoleWhenNarrow: with every badge up, the user's name
// gives way before the role, and the app's name before either.
func TestHeaderKeepsTheRoleWhenNarrow(t *testing.T) {
	id := kittest.Scientist()
	id.Principal, id.Sandbox, id.ReadOnly = "lim-jia-hui", true, true
	badges := "project mom-wsh-incident-risk   SANDBOX   READ-ONLY"
	for _, c := range []struct {
		width int
		want  string // the header up to the badges
	}{
		{130, "agdash │ lim-jia-hui (data scientist) │ ap-southeast-1 │ acct 210987654321"},
		{120, "agdash │ lim-jia-hui (data scientist) │ ap-southeast-1"},
		{93, "agdash │ lim-jia-hui (data scientist)"},
		{92, "lim-jia-hui (data scientist)"}, // the app's name goes first
		{80, "lim-ji… (data scientist)"},
		{76, "li… (data scientist)"},
		{75, "lim-jia-hui (data …"}, // no room for the role whole
	} {
		h := newHarness(t, c.width, 24, withIdentity(id), withOptions(func(o *Options) { o.Project = "mom-wsh-incident-risk" })).withProjects()
		header := strings.Split(h.screen(), "\n")[0]
		left, _, ok := strings.Cut(header, badges)
		if !ok || !strings.HasSuffix(header, badges+" ") {
			t.Fatalf("%d columns: the badges are not whole at the right: %q", c.width, header)
		}
		if got := strings.TrimSpace(left); got != c.want {
			t.Errorf("%d columns: header %q, want %q", c.width, got, c.want)
		}
	}
}

// TestHeaderLongNameBesideOneBadge: a long SSO name drops the app's name
// rather than itself.
func TestHeaderLongNameBesideOneBadge(t *testing.T) {
	id := kittest.Scientist()
	id.Principal, id.Role, id.ReadOnly = "someone-with-a-very-long-sso-name@agency.gov.sg", domain.RoleUnknown, true
	h := newHarness(t, 80, 24, withIdentity(id)).withProjects()
	header := strings.Split(h.screen(), "\n")[0]
	if want := " someone-with-a-very-long-sso-name@agency.gov.sg (unknown role)       READ-ONLY "; header != want {
		t.Fatalf("header %q, want %q", header, want)
	}
}
