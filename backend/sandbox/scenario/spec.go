// Package scenario describes the sandbox's simulated AWS account in a short
// YAML file and generates the world (and its principals) from it.
package scenario

import "go.yaml.in/yaml/v3"

// Scenario is the parsed description. Field names follow the YAML keys.
type Scenario struct {
	Account        string                 `yaml:"account"`
	Region         string                 `yaml:"region"`
	Start          string                 `yaml:"start"`
	TagKeys        TagKeys                `yaml:"tag_keys"`
	History        History                `yaml:"history"`
	Agencies       []Agency               `yaml:"agencies"`
	Templates      []Template             `yaml:"templates"`
	Projects       []Project              `yaml:"projects"`
	PipelineShapes map[string][]ShapeStep `yaml:"pipeline_shapes"`
	Registry       Registry               `yaml:"registry"`
	Endpoints      []Endpoint             `yaml:"endpoints"`
	Alarms         Alarms                 `yaml:"alarms"`
	Backup         Backup                 `yaml:"backup"`
	Governance     Governance             `yaml:"governance"`
	Failures       []Failure              `yaml:"failures"`

	root *yaml.Node // for line numbers in errors
}

// TagKeys overrides the tag keys of the AG mapping.
type TagKeys struct {
	Role                  string `yaml:"role"`
	Projects              string `yaml:"projects"`
	TrainingInstanceTypes string `yaml:"training_instance_types"`
	EndpointInstanceTypes string `yaml:"endpoint_instance_types"`
	NotebookInstanceTypes string `yaml:"notebook_instance_types"`
	S3Access              string `yaml:"s3_access"`
}

// History sizes the past.
type History struct {
	Days              int            `yaml:"days"`
	TrainingJobs      int            `yaml:"training_jobs"`
	Outcomes          map[string]int `yaml:"outcomes"`
	InProgress        int            `yaml:"in_progress"`
	NewJobFailureRate float64        `yaml:"new_job_failure_rate"`
}

// Agency is one government agency with its Studio domain.
type Agency struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	Domain string `yaml:"domain"`
	EFSGiB int    `yaml:"efs_gib"`
	Users  []User `yaml:"users"`
	Apps   []App  `yaml:"apps"`
}

// User is a Studio user profile.
type User struct {
	Name     string   `yaml:"name"`
	Role     string   `yaml:"role"`
	Projects []string `yaml:"projects"`
	// Untagged leaves the ag:role tag off the profile (a governance finding);
	// the user's IAM role is still Role.
	Untagged bool `yaml:"untagged"`
}

// App is a Studio app of a user.
type App struct {
	User     string `yaml:"user"`
	Type     string `yaml:"type"`
	Instance string `yaml:"instance"`
	Status   string `yaml:"status"`
}

// Template is an MLOps template: the Service Catalog product that
// projects are provisioned from, and that they name only by its id.
type Template struct {
	Name        string `yaml:"name"`
	ID          string `yaml:"id"` // prod- and 13 lowercase letters or digits; empty: drawn from the seed
	Description string `yaml:"description"`
	Owner       string `yaml:"owner"`
}

// Project is a SageMaker project from an MLOps template, with its pipeline
// and model package group.
type Project struct {
	Name            string              `yaml:"name"`
	Agency          string              `yaml:"agency"`
	Description     string              `yaml:"description"`
	Template        string              `yaml:"template"` // the name of one of templates; with none declared, a template of its own name
	Language        string              `yaml:"language"`
	Problem         string              `yaml:"problem"`
	Quality         map[string]float64  `yaml:"quality"`
	Threshold       float64             `yaml:"threshold"`
	TrainingMinutes float64             `yaml:"training_minutes"`
	JobPrefix       string              `yaml:"job_prefix"`
	Hyperparameters map[string][]string `yaml:"hyperparameters"`
	Features        []string            `yaml:"features"` // the model's input columns, which failures name
	Pipeline        PipelineSpec        `yaml:"pipeline"`
	Limits          Limits              `yaml:"limits"`
	S3Access        []string            `yaml:"s3_access"`
}

// PipelineSpec picks a shape and how many historical executions to run.
type PipelineSpec struct {
	Shape      string `yaml:"shape"`
	Executions int    `yaml:"executions"`
	Running    bool   `yaml:"running"`
}

// Limits are a project's allowed instance types per function.
type Limits struct {
	Training []string `yaml:"training"`
	Endpoint []string `yaml:"endpoint"`
	Notebook []string `yaml:"notebook"`
}

// ShapeStep is one step of a pipeline shape.
type ShapeStep struct {
	Name  string   `yaml:"name"`
	Type  string   `yaml:"type"` // Processing, Training, Evaluation, Condition
	After []string `yaml:"after"`
	If    []string `yaml:"if"`
	Else  []string `yaml:"else"`
}

// Registry tunes the model registry's history.
type Registry struct {
	FailuresPerPipeline struct {
		Training int `yaml:"training"`
		Quality  int `yaml:"quality"`
	} `yaml:"failures_per_pipeline"`
	MalformedReport string `yaml:"malformed_report"`
	MissingMetric   struct {
		Group  string `yaml:"group"`
		Metric string `yaml:"metric"`
	} `yaml:"missing_metric"`
}

// Endpoint is one SageMaker endpoint and its traits.
type Endpoint struct {
	Name      string             `yaml:"name"`
	Project   string             `yaml:"project"`
	Stage     string             `yaml:"stage"`
	Instance  string             `yaml:"instance"`
	Count     int32              `yaml:"count"`
	RPM       float64            `yaml:"rpm"`
	LatencyMs float64            `yaml:"latency_ms"`
	Variants  map[string]float64 `yaml:"variants"`
	API       *API               `yaml:"api"`
	Incident  *Window            `yaml:"incident"`
	Updating  *Window            `yaml:"updating"`
	Failed    string             `yaml:"failed"`
	Untagged  bool               `yaml:"untagged"`
}

// API is the REST API in front of an endpoint.
type API struct {
	Rate  float64 `yaml:"rate"`
	Burst int32   `yaml:"burst"`
}

// Window is a span relative to the start instant ("-35m", "55m").
type Window struct {
	From          string  `yaml:"from"`
	To            string  `yaml:"to"`
	ErrorRate     float64 `yaml:"error_rate"`
	LatencyFactor float64 `yaml:"latency_factor"`
}

// Alarms are the CloudWatch alarms made for each endpoint and API.
type Alarms struct {
	Errors5xx  AlarmSpec `yaml:"errors_5xx"`
	LatencyP99 AlarmSpec `yaml:"latency_p99_ms"`
	API4xxRate AlarmSpec `yaml:"api_4xx_rate"`
}

// AlarmSpec sizes one kind of alarm.
type AlarmSpec struct {
	Period            int32   `yaml:"period"`
	EvaluationPeriods int32   `yaml:"evaluation_periods"`
	DatapointsToAlarm int32   `yaml:"datapoints_to_alarm"`
	Threshold         float64 `yaml:"threshold"`
}

// Backup describes AWS Backup of the Studio file systems.
type Backup struct {
	RetentionDays int64  `yaml:"retention_days"`
	Schedule      string `yaml:"schedule"`
	Partial       struct {
		Agency  string `yaml:"agency"`
		DaysAgo int    `yaml:"days_ago"`
		Message string `yaml:"message"`
	} `yaml:"partial"`
	Restores []Restore `yaml:"restores"`
}

// Restore is a past item-level restore.
type Restore struct {
	Agency  string   `yaml:"agency"`
	User    string   `yaml:"user"`
	DaysAgo int      `yaml:"days_ago"`
	Paths   []string `yaml:"paths"` // relative to the user's home directory
	Failure string   `yaml:"failure"`
}

// Governance plants resources that break the rules.
type Governance struct {
	OverLimitJob struct {
		Project    string `yaml:"project"`
		Instance   string `yaml:"instance"`
		RunningFor string `yaml:"running_for"`
		Total      string `yaml:"total"`
	} `yaml:"over_limit_job"`
	UntaggedJob struct {
		Name     string `yaml:"name"`
		Instance string `yaml:"instance"`
	} `yaml:"untagged_job"`
}

// Failure is one entry of the training failure vocabulary.
type Failure struct {
	Phase  string   `yaml:"phase"`
	Lang   string   `yaml:"lang"`
	GPU    bool     `yaml:"gpu"`
	Weight float64  `yaml:"weight"`
	Reason string   `yaml:"reason"`
	Log    []string `yaml:"log"`
}
