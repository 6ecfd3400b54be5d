// Package sandbox runs agdash's embedded AWS-compatible account: a
// scenario-generated world served over the real AWS wire protocols on a
// loopback port, so the real SDK clients (and the AWS CLI) can use it
// exactly as they use AWS.
package sandbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/scenario"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Region is the sandbox account's region.
const Region = "ap-southeast-1"

// Options choose the account and how it behaves.
type Options struct {
	// Addr to listen on; "" means 127.0.0.1 on an ephemeral port.
	Addr string
	// Port, when Addr is empty, listens on 127.0.0.1:Port (0 = ephemeral).
	Port int
	// AllowNonLoopback permits a non-loopback Addr. Nothing in agdash sets
	// it by default: the sandbox has no real security.
	AllowNonLoopback bool
	// Seed makes the account and its faults reproducible.
	Seed int64
	// Speed runs the virtual clock at Speed × real time (1 when zero).
	Speed float64
	// Scale multiplies the training-job history (1 when zero).
	Scale float64
	// ScenarioPath is a user's own scenario file; "" uses the embedded one.
	ScenarioPath string
	// Clock drives the world instead of a scaled real clock (tests).
	Clock world.Clock
	// Start overrides the scenario's start instant.
	Start time.Time
	// Faults in force from the start.
	Faults server.Faults
	// NewJobFailureRate overrides the scenario's failure rate for new jobs.
	NewJobFailureRate *float64
	Logger            *slog.Logger
}

// Sandbox is a running embedded account.
type Sandbox struct {
	srv        *server.Server
	world      *world.World
	principals []iam.Principal
}

// Start generates the account and serves it until ctx ends or Close.
func Start(ctx context.Context, opts Options) (*Sandbox, error) {
	sc, err := loadScenario(opts.ScenarioPath)
	if err != nil {
		return nil, err
	}
	speed := opts.Speed
	if speed <= 0 {
		speed = 1
	}
	res, err := scenario.Generate(sc, scenario.Options{
		Seed:              opts.Seed,
		Scale:             opts.Scale,
		Start:             opts.Start,
		Clock:             opts.Clock,
		Speed:             speed,
		NewJobFailureRate: opts.NewJobFailureRate,
	})
	if err != nil {
		return nil, fmt.Errorf("sandbox scenario: %w", err)
	}
	srv, err := server.New(server.Options{
		Principals:       res.Principals,
		Seed:             uint64(opts.Seed),
		Faults:           opts.Faults,
		AllowNonLoopback: opts.AllowNonLoopback,
		Logger:           opts.Logger,
		Region:           res.World.Region(),
	})
	if err != nil {
		return nil, err
	}
	if err := registerServices(srv, res.World); err != nil {
		return nil, fmt.Errorf("sandbox services: %w", err)
	}
	addr := opts.Addr
	if addr == "" {
		addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(opts.Port))
	}
	if err := srv.Listen(addr); err != nil {
		return nil, err
	}
	sb := &Sandbox{srv: srv, world: res.World, principals: res.Principals}
	go func() {
		<-ctx.Done()
		sb.Close()
	}()
	return sb, nil
}

func loadScenario(path string) (*scenario.Scenario, error) {
	if path == "" {
		return scenario.Default()
	}
	return scenario.Load(path)
}

// URL is the endpoint to point SDKs at, e.g. http://127.0.0.1:41234.
func (s *Sandbox) URL() string { return s.srv.URL() }

// Region is the account's one region: the scenario's (Region for the
// embedded one). Clients must sign for it.
func (s *Sandbox) Region() string { return s.world.Region() }

// Now is the account's virtual time.
func (s *Sandbox) Now() time.Time { return s.world.Now() }

// World is the simulated account, for tests that check state directly.
func (s *Sandbox) World() *world.World { return s.world }

// Server is the HTTP server, for fault injection and call statistics.
func (s *Sandbox) Server() *server.Server { return s.srv }

// Principals are every set of credentials the sandbox accepts.
func (s *Sandbox) Principals() []iam.Principal {
	return append([]iam.Principal(nil), s.principals...)
}

// FeaturedProject is the project whose people a bare role name picks: the
// HDB resale-flat valuation model, the sandbox's main story.
const FeaturedProject = "hdb-resale-valuation"

// Principal finds credentials by user profile or session name
// ("lim-jia-hui"), or by role ("on-call", "data-scientist"): a role picks
// someone of FeaturedProject when it has one, else the first with it.
func (s *Sandbox) Principal(name string) (iam.Principal, error) {
	for _, p := range s.principals {
		if p.UserProfile == name || p.SessionName == name || p.RoleName == name {
			return p, nil
		}
	}
	var found *iam.Principal
	for i, p := range s.principals {
		if string(p.Role) != name || !s.carriesRoleTag(p) {
			continue
		}
		for _, proj := range p.Projects {
			if proj == FeaturedProject {
				return p, nil
			}
		}
		if found == nil {
			found = &s.principals[i]
		}
	}
	if found != nil {
		return *found, nil
	}
	return iam.Principal{}, errors.New("the sandbox has no principal or role named " + strconv.Quote(name))
}

// carriesRoleTag reports whether p's Studio user profile says its role in
// a tag, so a bare role name never picks the scenario's deliberately
// untagged user (a governance finding, not a demo identity).
func (s *Sandbox) carriesRoleTag(p iam.Principal) bool {
	if p.UserProfile == "" {
		return true
	}
	u, err := s.world.UserProfile(p.DomainID, p.UserProfile)
	if err != nil {
		return false
	}
	key := s.world.TagKeys().Role
	for _, t := range u.Tags {
		if t.Key == key && t.Value != "" {
			return true
		}
	}
	return false
}

// Close stops serving.
func (s *Sandbox) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
}
