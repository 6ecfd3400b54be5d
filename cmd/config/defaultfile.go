package config

import (
	"bytes"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/agdash/agdash/themes"
)

// defaultFileTemplate is the file `agdash config init` writes, filled
// from Default so that the values it shows are the ones agdash uses.
const defaultFileTemplate = `# agdash configuration.
#
# Every key is optional: leave one out and agdash uses the built-in value
# shown here. If this file has any problem, agdash says where and starts on
# the built-in defaults. Check it with:  agdash config check
# Every key is described in docs/CONFIG.md.

# Colour theme: {{.Themes}}.
# --theme overrides it for one run.
theme: {{.C.Theme}}

# How often each feed polls AWS, as Go durations (5s, 2m, 1h30m); at
# least 1s. SageMaker's List and Describe rate limits are shared by
# everyone in the account: poll no faster than you need.
intervals:
  {{kv "running_jobs" (dur .C.Intervals.RunningJobs) "describe running training jobs"}}
  {{kv "training_list" (dur .C.Intervals.TrainingList) "list training jobs"}}
  {{kv "endpoints" (dur .C.Intervals.Endpoints) "endpoints, their metrics and alarms"}}
  {{kv "pipelines" (dur .C.Intervals.Pipelines) "pipelines and their executions"}}
  {{kv "projects" (dur .C.Intervals.Projects) "projects, users, Studio apps, findings"}}
  {{kv "registry" (dur .C.Intervals.Registry) "model package groups and versions"}}
  {{kv "backups" (dur .C.Intervals.Backups) "file systems and recovery points"}}
  {{kv "restore_running" (dur .C.Intervals.RestoreRunning) "restore jobs while one runs"}}
  {{kv "restore_idle" (dur .C.Intervals.RestoreIdle) "restore jobs otherwise"}}
  {{kv "logs" (dur .C.Intervals.Logs) "log tails while you follow them"}}

# Endpoint health: when an endpoint turns WARN or CRIT. Rates are
# fractions of invocations (0.01 is 1%); latency is p99 model latency;
# CPU is percent per vCPU; memory is percent. A threshold left out (or 0)
# takes the built-in value.
health:
  default:
    warn_5xx_rate: {{num .C.Health.Default.Warn5xxRate}}
    crit_5xx_rate: {{num .C.Health.Default.Crit5xxRate}}
    warn_4xx_rate: {{num .C.Health.Default.Warn4xxRate}}
    warn_latency_p99: {{dur .C.Health.Default.WarnLatencyP99}}
    crit_latency_p99: {{dur .C.Health.Default.CritLatencyP99}}
    warn_cpu: {{num .C.Health.Default.WarnCPU}}
    warn_memory: {{num .C.Health.Default.WarnMemory}}
  # Per endpoint, by name or shell pattern ("*-staging"); only the keys
  # given override the default above. An exact name beats a pattern.
  endpoints: {}
  #  hdb-resale-prod:
  #    crit_latency_p99: 1500ms
  #  "*-staging":
  #    warn_5xx_rate: 0.1
  #    crit_5xx_rate: 0.3

# The tags that carry Analytics.gov's concepts on AWS resources. Change
# them if your agency names its tags differently.
tag_keys:
  {{kv "role" (q .C.TagKeys.Role) "user profile: the AG role"}}
  {{kv "projects" (q .C.TagKeys.Projects) "user profile: space-separated project names"}}
  {{kv "training_instances" (q .C.TagKeys.TrainingInstances) "project: allowed training instance types"}}
  {{kv "endpoint_instances" (q .C.TagKeys.EndpointInstances) "project: allowed endpoint instance types"}}
  {{kv "notebook_instances" (q .C.TagKeys.NotebookInstances) "project: allowed notebook instance types"}}
  {{kv "s3_access" (q .C.TagKeys.S3Access) "project: buckets and access points it may use"}}
  {{kv "project_name" (q .C.TagKeys.ProjectName) "any resource: its project's name"}}
  {{kv "project_id" (q .C.TagKeys.ProjectID) "any resource: its project's id"}}
  {{kv "stage" (q .C.TagKeys.Stage) "endpoint: prod or staging"}}

# Smoke-test requests for the Endpoints pane (key i), by endpoint name or
# shell pattern. content_type defaults to application/json.
samples: {}
#  hdb-resale-prod:
#    content_type: application/json
#    body: '{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":93,"storey_range":"07 TO 09","remaining_lease":62}'
#  "cpf-*":
#    content_type: text/csv
#    body: "55,1,0,3200"

backups:
  # The IAM role AWS Backup restores Studio files with. Empty: the role
  # that took the backup, else the account's AWSBackupDefaultServiceRole.
  restore_role_arn: {{q .C.Backups.RestoreRoleARN}}

# Key bindings, by binding name (docs/KEYS.md lists every one): one key
# or a list. Keys are spelled j, G, enter, esc, ctrl+r, alt+1, shift+tab,
# pgdown, f5, space.
keys: {}
#  table.down: [j, down, ctrl+n]
#  global.console: [W, ctrl+g]
`

// commentColumn lines up the default file's end-of-line comments.
const commentColumn = 50

// DefaultFile is the commented config file with every built-in value.
func DefaultFile() []byte {
	t := template.Must(template.New("config").Funcs(template.FuncMap{
		"dur": shortDuration,
		"num": func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) },
		"q":   strconv.Quote,
		"kv": func(key, value, comment string) string {
			kv := key + ": " + value
			return kv + strings.Repeat(" ", max(1, commentColumn-len(kv))) + "# " + comment
		},
	}).Parse(defaultFileTemplate))
	var b bytes.Buffer
	if err := t.Execute(&b, struct {
		C      Config
		Themes string
	}{Default(), strings.Join(themes.Names(), ", ")}); err != nil {
		panic("config: the default file template is broken: " + err.Error()) // a programming error, caught by the tests
	}
	return b.Bytes()
}

// shortDuration writes 60s as 1m and 90m as 1h30m.
func shortDuration(d time.Duration) string {
	s := d.String()
	s = strings.Replace(s, "h0m", "h", 1)
	s = strings.Replace(s, "m0s", "m", 1)
	return s
}
