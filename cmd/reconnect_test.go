package cmd

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/cmd/config"
)

// In the sandbox, :profile switches between its principals and :region
// keeps whoever was chosen.
func TestSandboxReconnectSwitchesPrincipals(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := &globalOptions{getenv: func(string) string { return "" }, sandbox: sandboxFlags{enabled: true, role: "data-scientist", seed: 1, speed: 1, scale: 1}}
	s, err := openSession(ctx, o, config.Default(), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()

	svc, err := s.reconnect(ctx, "on-call", "")
	if err != nil {
		t.Fatal(err)
	}
	if id := svc.Identity(); id.Principal != "on-call" || id.Role != domain.RoleOnCall || !id.Sandbox {
		t.Fatalf("after :profile on-call, identity %+v", id)
	}
	svc.Close()

	svc, err = s.reconnect(ctx, "", "ap-southeast-1")
	if err != nil {
		t.Fatal(err)
	}
	if id := svc.Identity(); id.Principal != "on-call" {
		t.Fatalf(":region must keep the principal chosen before, got %+v", id)
	}
	svc.Close()

	if _, err := s.reconnect(ctx, "", "eu-west-1"); err == nil || !strings.Contains(err.Error(), "the sandbox account has one region, ap-southeast-1") {
		t.Fatalf(":region eu-west-1 in the sandbox: %v", err)
	}
	if _, err := s.reconnect(ctx, "nobody", ""); err == nil || !strings.Contains(err.Error(), `no principal or role named "nobody"`) {
		t.Fatalf(":profile nobody: %v", err)
	}
	names := s.profileNames()
	for _, want := range []string{"on-call", "project-admin", "lim-jia-hui"} {
		if !strings.Contains(","+strings.Join(names, ",")+",", ","+want+",") {
			t.Errorf(":profile completes %v, lacking %s", names, want)
		}
	}
	if got := s.regionNames(); len(got) != 1 || got[0] != "ap-southeast-1" {
		t.Errorf(":region completes %v in the sandbox", got)
	}
}
