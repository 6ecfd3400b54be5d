package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// reloadingService answers ReloadIdentity with what the test sets.
type reloadingService struct {
	*kittest.Service
	reloads int
	err     error
	id      domain.Identity
}

func (s *reloadingService) ReloadIdentity(context.Context) (domain.Identity, error) {
	s.reloads++
	if s.err != nil {
		return domain.Identity{}, s.err
	}
	return s.id, nil
}

// With the banner up, ctrl+r reloads the credentials and identity and
// refreshes every held feed, the background ones too, while the panes
// keep their data; a reload AWS still refuses says so and changes nothing.
func TestCtrlRReloadsExpiredCredentialsAndRefreshesEveryFeed(t *testing.T) {
	id := kittest.Admin()
	id.Profile = "analytics"
	h := newHarness(t, 100, 24, withIdentity(id)).withProjects()
	svc := &reloadingService{Service: h.svc, err: errors.New("Credentials expired calling sts:GetCallerIdentity (token expired).")}
	h.m.svc, h.m.ctx.Service = svc, svc
	h.keys("2") // the Jobs pane: projects stays held in the background
	jobs := backend.FeedKey{Kind: backend.FeedTrainingJobs}
	expired := freshProjects()
	expired.Err, expired.Expired, expired.Stale = "Credentials expired calling sagemaker:ListDomains (expired).", true, true
	h.deliver(projectsKey, nil, expired)
	if !strings.Contains(h.screen(), "Credentials expired: run  aws sso login --profile analytics  then ctrl+r") {
		t.Fatalf("no banner for the expired background feed:\n%s", h.screen())
	}

	h.keys("ctrl+r")
	if svc.reloads != 1 || len(h.svc.Refreshed()) != 0 {
		t.Fatalf("reloads %d, refreshed %v: a failed reload should refresh nothing", svc.reloads, h.svc.Refreshed())
	}
	if s := h.screen(); !strings.Contains(s, "The credentials are still not accepted") || !strings.Contains(s, "aws sso login --profile analytics") {
		t.Fatalf("a failed reload should say so and keep the banner:\n%s", s)
	}

	svc.err = nil
	svc.id = id
	svc.id.Principal = "alice.tan@agency.gov.sg"
	h.keys("ctrl+r")
	got := map[backend.FeedKey]bool{}
	for _, k := range h.svc.Refreshed() {
		got[k] = true
	}
	if svc.reloads != 2 || !got[projectsKey] || !got[jobs] {
		t.Fatalf("reloads %d, refreshed %v: want both the background projects feed and the jobs feed", svc.reloads, h.svc.Refreshed())
	}
	if h.m.ctx.Identity.Principal != "alice.tan@agency.gov.sg" {
		t.Fatalf("identity = %+v, want the reloaded one", h.m.ctx.Identity)
	}
	if !strings.Contains(h.screen(), "Credentials reloaded: acting as alice.tan@agency.gov.sg") {
		t.Fatalf("no word of the reload:\n%s", h.screen())
	}
	h.deliver(projectsKey, kittest.Projects(), freshProjects())
	if strings.Contains(h.screen(), "Credentials expired") {
		t.Fatalf("the banner outlived the expiry:\n%s", h.screen())
	}
	// Once nothing is expired, ctrl+r is a plain refresh again.
	h.keys("ctrl+r")
	if svc.reloads != 2 {
		t.Fatalf("ctrl+r reloaded credentials that had not expired")
	}
}
