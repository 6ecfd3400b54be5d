// Package config reads agdash's config file: theme, polling intervals,
// endpoint health thresholds, tag keys, smoke-test samples, the restore
// role and key bindings. A file with any problem is not applied: agdash
// runs on the built-in defaults and reports each problem with its line.
package config

import (
	"path"
	"sort"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
)

// Config is the whole file. Every key is optional.
type Config struct {
	// Theme is a built-in theme name; --theme overrides it.
	Theme     string         `yaml:"theme"`
	Intervals Intervals      `yaml:"intervals"`
	Health    health.Config  `yaml:"health"`
	TagKeys   domain.TagKeys `yaml:"tag_keys"`
	// Samples are smoke-test payloads by endpoint name or shell pattern.
	Samples map[string]Sample `yaml:"samples"`
	Backups Backups           `yaml:"backups"`
	// Keys rebind keys by binding name (docs/KEYS.md lists the names).
	Keys map[string]KeyList `yaml:"keys"`
}

// Intervals are the feeds' polling periods (Go durations in the file).
type Intervals struct {
	RunningJobs    time.Duration `yaml:"running_jobs"`
	TrainingList   time.Duration `yaml:"training_list"`
	Endpoints      time.Duration `yaml:"endpoints"`
	Pipelines      time.Duration `yaml:"pipelines"`
	Projects       time.Duration `yaml:"projects"`
	Registry       time.Duration `yaml:"registry"`
	Backups        time.Duration `yaml:"backups"`
	RestoreRunning time.Duration `yaml:"restore_running"`
	RestoreIdle    time.Duration `yaml:"restore_idle"`
	Logs           time.Duration `yaml:"logs"`
}

// Sample is a request the Endpoints pane's smoke test starts from.
type Sample struct {
	ContentType string `yaml:"content_type"`
	Body        string `yaml:"body"`
}

// Backups configures restores.
type Backups struct {
	// RestoreRoleARN is the IAM role AWS Backup restores with; "" lets
	// agdash use the backup's own role, else AWS Backup's default role.
	RestoreRoleARN string `yaml:"restore_role_arn"`
}

// DefaultTheme is the theme when the file names none.
const DefaultTheme = "dark"

// DefaultSampleContentType is a sample's content type when it names none.
const DefaultSampleContentType = "application/json"

// Default is the configuration without a file.
func Default() Config {
	iv := backend.DefaultIntervals()
	return Config{
		Theme: DefaultTheme,
		Intervals: Intervals{
			RunningJobs: iv.RunningJobs, TrainingList: iv.TrainingList, Endpoints: iv.Endpoints,
			Pipelines: iv.Pipelines, Projects: iv.Projects, Registry: iv.Registry, Backups: iv.Backups,
			RestoreRunning: iv.RestoreRunning, RestoreIdle: iv.RestoreIdle, Logs: iv.Logs,
		},
		Health:  health.Config{Default: health.DefaultThresholds()},
		TagKeys: domain.DefaultTagKeys(),
	}
}

// BackendIntervals are the intervals as the backend takes them.
func (c Config) BackendIntervals() backend.Intervals {
	iv := c.Intervals
	return backend.Intervals{
		RunningJobs: iv.RunningJobs, TrainingList: iv.TrainingList, Endpoints: iv.Endpoints,
		Pipelines: iv.Pipelines, Projects: iv.Projects, Registry: iv.Registry, Backups: iv.Backups,
		RestoreRunning: iv.RestoreRunning, RestoreIdle: iv.RestoreIdle, Logs: iv.Logs,
	}
}

// KeyOverrides are the key bindings as the shell takes them.
func (c Config) KeyOverrides() map[string][]string {
	if len(c.Keys) == 0 {
		return nil
	}
	out := make(map[string][]string, len(c.Keys))
	for name, keys := range c.Keys {
		out[name] = []string(keys)
	}
	return out
}

// SampleFor is the sample for an endpoint: an exact name wins over
// patterns; among patterns, the first in sorted order that matches.
func (c Config) SampleFor(endpoint string) (Sample, bool) {
	if s, ok := c.Samples[endpoint]; ok {
		return s.withDefaults(), true
	}
	patterns := make([]string, 0, len(c.Samples))
	for p := range c.Samples {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	for _, p := range patterns {
		if ok, err := path.Match(p, endpoint); err == nil && ok {
			return c.Samples[p].withDefaults(), true
		}
	}
	return Sample{}, false
}

func (s Sample) withDefaults() Sample {
	if s.ContentType == "" {
		s.ContentType = DefaultSampleContentType
	}
	return s
}

// withDefaults fills what the file left out from Default.
func (c Config) withDefaults() Config {
	d := Default()
	if c.Theme == "" {
		c.Theme = d.Theme
	}
	for _, p := range []struct{ v, def *time.Duration }{
		{&c.Intervals.RunningJobs, &d.Intervals.RunningJobs}, {&c.Intervals.TrainingList, &d.Intervals.TrainingList},
		{&c.Intervals.Endpoints, &d.Intervals.Endpoints}, {&c.Intervals.Pipelines, &d.Intervals.Pipelines},
		{&c.Intervals.Projects, &d.Intervals.Projects}, {&c.Intervals.Registry, &d.Intervals.Registry},
		{&c.Intervals.Backups, &d.Intervals.Backups}, {&c.Intervals.RestoreRunning, &d.Intervals.RestoreRunning},
		{&c.Intervals.RestoreIdle, &d.Intervals.RestoreIdle}, {&c.Intervals.Logs, &d.Intervals.Logs},
	} {
		if *p.v == 0 {
			*p.v = *p.def
		}
	}
	c.Health.Default = fillThresholds(c.Health.Default, d.Health.Default)
	// Empty sections read as nothing set, as if left out.
	if len(c.Health.PerEndpoint) == 0 {
		c.Health.PerEndpoint = nil
	}
	if len(c.Samples) == 0 {
		c.Samples = nil
	}
	if len(c.Keys) == 0 {
		c.Keys = nil
	}
	for _, p := range []struct{ v, def *string }{
		{&c.TagKeys.Role, &d.TagKeys.Role}, {&c.TagKeys.Projects, &d.TagKeys.Projects},
		{&c.TagKeys.TrainingInstances, &d.TagKeys.TrainingInstances}, {&c.TagKeys.EndpointInstances, &d.TagKeys.EndpointInstances},
		{&c.TagKeys.NotebookInstances, &d.TagKeys.NotebookInstances}, {&c.TagKeys.S3Access, &d.TagKeys.S3Access},
		{&c.TagKeys.ProjectName, &d.TagKeys.ProjectName}, {&c.TagKeys.ProjectID, &d.TagKeys.ProjectID},
		{&c.TagKeys.Stage, &d.TagKeys.Stage},
	} {
		if *p.v == "" {
			*p.v = *p.def
		}
	}
	return c
}

// fillThresholds takes each threshold left out (or 0) from def, as
// health.Config.For does when it judges an endpoint.
func fillThresholds(t, def health.Thresholds) health.Thresholds {
	for _, f := range []struct{ v, d *float64 }{
		{&t.Warn5xxRate, &def.Warn5xxRate}, {&t.Crit5xxRate, &def.Crit5xxRate}, {&t.Warn4xxRate, &def.Warn4xxRate},
		{&t.WarnCPU, &def.WarnCPU}, {&t.WarnMemory, &def.WarnMemory},
	} {
		if *f.v == 0 {
			*f.v = *f.d
		}
	}
	if t.WarnLatencyP99 == 0 {
		t.WarnLatencyP99 = def.WarnLatencyP99
	}
	if t.CritLatencyP99 == 0 {
		t.CritLatencyP99 = def.CritLatencyP99
	}
	return t
}
