package config

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/themes"
)

// minInterval keeps a mistyped interval from hammering the account-wide
// SageMaker rate limits that the user's teammates share.
const minInterval = time.Second

var roleARN = regexp.MustCompile(`^arn:aws(-[a-z]+)*:iam::\d{12}:role/[\w+=,.@/-]+$`)

// validate checks what the YAML decoder cannot: values in range, names
// that exist, patterns that parse.
func validate(file string, ix index, c Config) []Problem {
	var ps []Problem
	add := func(path, format string, args ...any) {
		ps = append(ps, Problem{File: file, Line: ix.line(path), Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if c.Theme != "" && !slices.Contains(themes.Names(), c.Theme) {
		add("theme", "no theme named %q (themes: %s)", c.Theme, strings.Join(themes.Names(), ", "))
	}
	for _, iv := range []struct {
		key string
		d   time.Duration
	}{
		{"running_jobs", c.Intervals.RunningJobs}, {"training_list", c.Intervals.TrainingList},
		{"endpoints", c.Intervals.Endpoints}, {"pipelines", c.Intervals.Pipelines}, {"projects", c.Intervals.Projects},
		{"registry", c.Intervals.Registry}, {"backups", c.Intervals.Backups}, {"restore_running", c.Intervals.RestoreRunning},
		{"restore_idle", c.Intervals.RestoreIdle}, {"logs", c.Intervals.Logs},
	} {
		if iv.d != 0 && iv.d < minInterval {
			add("intervals."+iv.key, "%v is too short: poll at most once a second (SageMaker's rate limits are shared by the whole account)", iv.d)
		}
	}
	if err := (health.Config{Default: c.Health.Default}).Validate(); err != nil {
		add("health.default", "%s", strings.TrimPrefix(err.Error(), "health default: "))
	}
	for _, name := range slices.Sorted(maps.Keys(c.Health.PerEndpoint)) {
		one := health.Config{Default: c.Health.Default, PerEndpoint: map[string]health.Thresholds{name: c.Health.PerEndpoint[name]}}
		if err := one.Validate(); err != nil {
			msg := err.Error()
			if _, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "health thresholds for") {
				msg = rest
			}
			add("health.endpoints."+name, "%s", msg)
		}
	}
	tags := map[string]string{
		"role": c.TagKeys.Role, "projects": c.TagKeys.Projects, "training_instances": c.TagKeys.TrainingInstances,
		"endpoint_instances": c.TagKeys.EndpointInstances, "notebook_instances": c.TagKeys.NotebookInstances,
		"s3_access": c.TagKeys.S3Access, "project_name": c.TagKeys.ProjectName, "project_id": c.TagKeys.ProjectID, "stage": c.TagKeys.Stage,
	}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		v := tags[k]
		switch {
		case v != "" && strings.TrimSpace(v) != v:
			add("tag_keys."+k, "%q has spaces at its ends", v)
		case len(v) > 128:
			add("tag_keys."+k, "is %d characters long; AWS tag keys are at most 128", len(v))
		case strings.HasPrefix(strings.ToLower(v), "aws:"):
			add("tag_keys."+k, "%q: keys starting aws: are reserved by AWS", v)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.Samples)) {
		s := c.Samples[name]
		if _, err := path.Match(name, ""); err != nil {
			add("samples."+name, "%q is not a valid endpoint name or pattern", name)
		}
		if strings.TrimSpace(s.Body) == "" {
			add("samples."+name, "has no body")
		}
		if s.ContentType != "" && !strings.Contains(s.ContentType, "/") {
			add("samples."+name+".content_type", "%q is not a content type (like application/json or text/csv)", s.ContentType)
		}
	}
	if r := c.Backups.RestoreRoleARN; r != "" && !roleARN.MatchString(r) {
		add("backups.restore_role_arn", "%q is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)", r)
	}
	for _, name := range slices.Sorted(maps.Keys(c.Keys)) {
		if strings.TrimSpace(name) == "" {
			add("keys."+name, "a key binding needs a name")
		}
	}
	return ps
}
