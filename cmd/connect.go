package cmd

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/agdash/agdash/backend"
	awsb "github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/cmd/config"
	"github.com/agdash/agdash/ui"
)

// session is what a command talks to: the account (the sandbox's, when
// --sandbox) and the settings every backend it builds shares.
type session struct {
	o      *globalOptions
	cfg    config.Config
	log    *slog.Logger
	sb     *sandbox.Sandbox // nil on real AWS
	closer func()
	// oneShot is for `agdash get`: every Fetch reads afresh, so a large
	// training-job list pages in over consecutive calls.
	oneShot bool

	// crashes writes the reports of feeds that panicked.
	crashes *crashReports

	// current is the profile (in the sandbox: role or user) and region
	// the last :profile or :region switched to; "" for the flags'.
	mu      sync.Mutex
	current struct{ profile, region string }
}

// openSession starts the sandbox if asked; close stops it.
func openSession(ctx context.Context, o *globalOptions, cfg config.Config, log *slog.Logger) (*session, error) {
	s := &session{o: o, cfg: cfg, log: log, closer: func() {}, crashes: &crashReports{write: func(where string, value any, stack []byte) (string, error) {
		return ui.WriteCrashReport("", versionString(), where, value, stack)
	}}}
	if o.sandbox.enabled {
		sb, err := startSandbox(ctx, o.sandbox, log)
		if err != nil {
			return nil, err
		}
		s.sb, s.closer = sb, sb.Close
	}
	return s, nil
}

func (s *session) close() { s.closer() }

// options are the backend's options for a profile (in the sandbox: a role
// or user) and region; "" takes the flags'.
func (s *session) options(profile, region string) (backend.Options, error) {
	opts := backend.Options{
		ReadOnly:  s.o.readOnly,
		Intervals: s.cfg.BackendIntervals(),
		TagKeys:   s.cfg.TagKeys,
		Health:    s.cfg.Health,
		OnPanic:   s.crashes.report,
	}
	if s.o.getenv != nil {
		opts.WrapSpec = drillFeeds(s.o.getenv(panicDrillEnv))
	}
	if s.oneShot {
		opts.Intervals.TrainingList = time.Nanosecond
	}
	if s.sb == nil {
		if profile == "" {
			profile = s.o.profile
		}
		if region == "" {
			region = s.o.region
		}
		opts.AWS = awsb.Options{Profile: profile, Region: region, EndpointURL: s.o.endpointURL}
		return opts, nil
	}
	if profile == "" {
		profile = s.o.sandbox.role
	}
	if region != "" && region != s.sb.Region() {
		return opts, fmt.Errorf("the sandbox account has one region, %s", s.sb.Region())
	}
	p, err := s.sb.Principal(profile)
	if err != nil {
		return opts, withCode(ExitUsage, fmt.Errorf("%w%s", err, identityHint(profile, sandboxIdentities(s.sb))))
	}
	opts.Sandbox = true
	opts.Clock = s.sb.Now
	opts.AWS = awsb.Options{
		EndpointURL:     s.sb.URL(),
		Region:          s.sb.Region(),
		AccessKeyID:     p.AccessKeyID,
		SecretAccessKey: p.SecretAccessKey,
		SessionToken:    p.SessionToken,
	}
	return opts, nil
}

// connect builds a backend for profile and region and learns who it acts
// as; credentials AWS will not take are ExitAuth.
func (s *session) connect(ctx context.Context, profile, region string) (*backend.Client, error) {
	opts, err := s.options(profile, region)
	if err != nil {
		return nil, err
	}
	c, err := backend.New(ctx, opts)
	if err != nil {
		if s.sb == nil && profile == "" {
			profile = s.o.profile
		}
		endpoint := s.o.endpointURL
		if s.sb != nil {
			endpoint = ""
		}
		return nil, connectError(err, profile, endpoint, s.sb != nil)
	}
	id := c.Identity()
	s.log.Info("connected", "account", id.Account, "principal", id.Principal, "role", string(id.Role), "region", id.Region, "sandbox", id.Sandbox)
	return c, nil
}
