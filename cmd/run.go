package cmd

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/cmd/logging"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/ui"
	"github.com/agdash/agdash/views/endpoints"
)

// runDashboard builds the backend the flags ask for and runs the shell
// until the user quits.
func runDashboard(ctx context.Context, o *globalOptions, stderr io.Writer) error {
	if err := checkDashboardFlags(o); err != nil {
		return withCode(ExitUsage, err)
	}
	logger, closeLog, err := logging.Open(o.logFile, slog.LevelInfo)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	defer func() { _ = closeLog() }()

	cfg := loadConfig(o, logger)
	s, err := openSession(ctx, o, cfg.Config, logger)
	if err != nil {
		return err
	}
	defer s.close()
	c, err := s.connect(ctx, "", "")
	if err != nil {
		return err
	}
	svc := backend.Logged(c, logger)
	defer svc.Close()

	theme := o.theme
	if theme == "" {
		theme = cfg.Config.Theme
	}
	settings := cfg.Config
	return ui.Run(ctx, svc, ui.Options{
		Pane:         o.pane,
		Theme:        theme,
		ReadOnly:     o.readOnly,
		Project:      o.project,
		Mouse:        !o.noMouse,
		NoColor:      o.noColor,
		Bell:         o.bell,
		Version:      versionString(),
		KeyOverrides: cfg.Config.KeyOverrides(),
		Samples: func(e domain.Endpoint) (endpoints.Sample, bool) {
			sm, ok := settings.SampleFor(e.Name)
			return endpoints.Sample{ContentType: sm.ContentType, Body: sm.Body}, ok
		},
		Health:         cfg.Config.Health,
		RestoreRoleARN: cfg.Config.Backups.RestoreRoleARN,
		Notices:        cfg.notices(),
		Reconnect:      s.reconnect,
		Profiles:       s.profileNames,
		Regions:        s.regionNames(),
		Panes:          drillPanes(o.getenv(panicDrillEnv)),
	})
}

// checkDashboardFlags refuses a --pane or --theme that names nothing, as
// a usage error, before a sandbox or AWS session is started for nothing.
func checkDashboardFlags(o *globalOptions) error {
	if o.pane != "" {
		if err := ui.CheckPane(o.pane); err != nil {
			return err
		}
	}
	if o.theme != "" {
		if _, err := themes.Load(o.theme); err != nil {
			return err
		}
	}
	return nil
}

// reconnect is the shell's :profile and :region: a new backend on the
// same session (sandbox or AWS), logged like the first.
// An empty profile or region keeps the one in use.
func (s *session) reconnect(ctx context.Context, profile, region string) (backend.Service, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	s.mu.Lock()
	if profile == "" {
		profile = s.current.profile
	}
	if region == "" {
		region = s.current.region
	}
	s.mu.Unlock()
	c, err := s.connect(ctx, profile, region)
	if err != nil {
		s.log.Warn("switch failed", "profile", profile, "region", region, "error", err.Error())
		return nil, err
	}
	s.mu.Lock()
	s.current.profile, s.current.region = profile, region
	s.mu.Unlock()
	return backend.Logged(c, s.log), nil
}

// startSandbox generates and serves the embedded account in-process.
func startSandbox(ctx context.Context, f sandboxFlags, logger *slog.Logger) (*sandbox.Sandbox, error) {
	sb, err := sandbox.Start(ctx, sandbox.Options{
		Seed:         f.seed,
		Speed:        f.speed,
		Scale:        f.scale,
		ScenarioPath: f.scenario,
		Logger:       logger,
	})
	if err != nil {
		return nil, fmt.Errorf("start the sandbox: %w", err)
	}
	return sb, nil
}
