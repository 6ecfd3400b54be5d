package cmd

import (
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// The shapes `agdash get -o json|yaml` prints: snake_case field names,
// timestamps in RFC 3339 (UTC), empty values left out. These names are a
// promise to scripts: add fields, never rename them.

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

type projectOut struct {
	Name                  string   `json:"name" yaml:"name"`
	ID                    string   `json:"id,omitempty" yaml:"id,omitempty"`
	ARN                   string   `json:"arn,omitempty" yaml:"arn,omitempty"`
	Status                string   `json:"status" yaml:"status"`
	Description           string   `json:"description,omitempty" yaml:"description,omitempty"`
	Template              string   `json:"template,omitempty" yaml:"template,omitempty"`
	TemplateID            string   `json:"template_id,omitempty" yaml:"template_id,omitempty"`
	CreatedAt             string   `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	CreatedBy             string   `json:"created_by,omitempty" yaml:"created_by,omitempty"`
	Members               []string `json:"members" yaml:"members"`
	TrainingInstanceTypes []string `json:"training_instance_types,omitempty" yaml:"training_instance_types,omitempty"`
	EndpointInstanceTypes []string `json:"endpoint_instance_types,omitempty" yaml:"endpoint_instance_types,omitempty"`
	NotebookInstanceTypes []string `json:"notebook_instance_types,omitempty" yaml:"notebook_instance_types,omitempty"`
	S3Access              []string `json:"s3_access,omitempty" yaml:"s3_access,omitempty"`
	RunningJobs           int      `json:"running_jobs" yaml:"running_jobs"`
	Endpoints             int      `json:"endpoints" yaml:"endpoints"`
	Pipelines             int      `json:"pipelines" yaml:"pipelines"`
	RunningApps           int      `json:"running_apps" yaml:"running_apps"`
	InstanceHoursMonth    float64  `json:"instance_hours_month" yaml:"instance_hours_month"`
	Findings              int      `json:"findings" yaml:"findings"`
}

func projectRow(p domain.Project) projectOut {
	members := make([]string, 0, len(p.Members))
	for _, u := range p.Members {
		members = append(members, u.Name)
	}
	return projectOut{
		Name: p.Name, ID: p.ID, ARN: p.ARN, Status: p.Status, Description: p.Description, Template: p.Template, TemplateID: p.TemplateID,
		CreatedAt: rfc3339(p.CreatedAt), CreatedBy: p.CreatedBy, Members: members,
		TrainingInstanceTypes: p.Limits.Training, EndpointInstanceTypes: p.Limits.Endpoint, NotebookInstanceTypes: p.Limits.Notebook,
		S3Access: p.S3Access, RunningJobs: p.Usage.RunningJobs, Endpoints: p.Usage.Endpoints, Pipelines: p.Usage.Pipelines,
		RunningApps: p.Usage.RunningApps, InstanceHoursMonth: p.Usage.InstanceHoursMonth, Findings: p.FindingCount,
	}
}

type jobOut struct {
	Name                 string `json:"name" yaml:"name"`
	ARN                  string `json:"arn,omitempty" yaml:"arn,omitempty"`
	Status               string `json:"status" yaml:"status"`
	SecondaryStatus      string `json:"secondary_status,omitempty" yaml:"secondary_status,omitempty"`
	Project              string `json:"project,omitempty" yaml:"project,omitempty"`
	InstanceType         string `json:"instance_type,omitempty" yaml:"instance_type,omitempty"`
	InstanceCount        int    `json:"instance_count,omitempty" yaml:"instance_count,omitempty"`
	CreatedAt            string `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	StartedAt            string `json:"started_at,omitempty" yaml:"started_at,omitempty"`
	EndedAt              string `json:"ended_at,omitempty" yaml:"ended_at,omitempty"`
	TrainingSeconds      int64  `json:"training_seconds,omitempty" yaml:"training_seconds,omitempty"`
	BillableSeconds      int64  `json:"billable_seconds,omitempty" yaml:"billable_seconds,omitempty"`
	FailureReason        string `json:"failure_reason,omitempty" yaml:"failure_reason,omitempty"`
	PipelineExecutionARN string `json:"pipeline_execution_arn,omitempty" yaml:"pipeline_execution_arn,omitempty"`
}

func jobRow(j domain.TrainingJob) jobOut {
	return jobOut{
		Name: j.Name, ARN: j.ARN, Status: j.Status, SecondaryStatus: j.SecondaryStatus, Project: j.Project,
		InstanceType: j.InstanceType, InstanceCount: j.InstanceCount, CreatedAt: rfc3339(j.CreatedAt),
		StartedAt: rfc3339(j.StartedAt), EndedAt: rfc3339(j.EndedAt), TrainingSeconds: j.TrainingSeconds,
		BillableSeconds: j.BillableSeconds, FailureReason: j.FailureReason, PipelineExecutionARN: j.PipelineExecutionARN,
	}
}

type executionSummaryOut struct {
	ARN       string `json:"arn" yaml:"arn"`
	Status    string `json:"status" yaml:"status"`
	StartedAt string `json:"started_at,omitempty" yaml:"started_at,omitempty"`
}

type pipelineOut struct {
	Name          string               `json:"name" yaml:"name"`
	ARN           string               `json:"arn,omitempty" yaml:"arn,omitempty"`
	DisplayName   string               `json:"display_name,omitempty" yaml:"display_name,omitempty"`
	Project       string               `json:"project,omitempty" yaml:"project,omitempty"`
	CreatedAt     string               `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	LastModified  string               `json:"last_modified,omitempty" yaml:"last_modified,omitempty"`
	Running       int                  `json:"running" yaml:"running"`
	SuccessRate   float64              `json:"success_rate" yaml:"success_rate"`
	LastExecution *executionSummaryOut `json:"last_execution,omitempty" yaml:"last_execution,omitempty"`
}

func pipelineRow(p domain.Pipeline) pipelineOut {
	out := pipelineOut{
		Name: p.Name, ARN: p.ARN, DisplayName: p.DisplayName, Project: p.Project, CreatedAt: rfc3339(p.CreatedAt),
		LastModified: rfc3339(p.LastModified), Running: p.Running, SuccessRate: p.SuccessRate,
	}
	if e := p.LastExecution; e != nil {
		out.LastExecution = &executionSummaryOut{ARN: e.ARN, Status: e.Status, StartedAt: rfc3339(e.StartedAt)}
	}
	return out
}

type executionOut struct {
	ARN           string            `json:"arn" yaml:"arn"`
	ID            string            `json:"id" yaml:"id"`
	Pipeline      string            `json:"pipeline" yaml:"pipeline"`
	DisplayName   string            `json:"display_name,omitempty" yaml:"display_name,omitempty"`
	Status        string            `json:"status" yaml:"status"`
	StartedAt     string            `json:"started_at,omitempty" yaml:"started_at,omitempty"`
	EndedAt       string            `json:"ended_at,omitempty" yaml:"ended_at,omitempty"`
	StartedBy     string            `json:"started_by,omitempty" yaml:"started_by,omitempty"`
	FailureReason string            `json:"failure_reason,omitempty" yaml:"failure_reason,omitempty"`
	Parameters    map[string]string `json:"parameters,omitempty" yaml:"parameters,omitempty"`
}

func executionRow(e domain.PipelineExecution) executionOut {
	return executionOut{
		ARN: e.ARN, ID: lastSegment(e.ARN), Pipeline: e.PipelineName, DisplayName: e.DisplayName, Status: e.Status,
		StartedAt: rfc3339(e.StartedAt), EndedAt: rfc3339(e.EndedAt), StartedBy: e.StartedBy,
		FailureReason: e.FailureReason, Parameters: e.Parameters,
	}
}

type modelGroupOut struct {
	Name           string `json:"name" yaml:"name"`
	ARN            string `json:"arn,omitempty" yaml:"arn,omitempty"`
	Project        string `json:"project,omitempty" yaml:"project,omitempty"`
	Description    string `json:"description,omitempty" yaml:"description,omitempty"`
	CreatedAt      string `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	Versions       int    `json:"versions" yaml:"versions"`
	LatestApproved int    `json:"latest_approved,omitempty" yaml:"latest_approved,omitempty"`
	Pending        int    `json:"pending" yaml:"pending"`
}

func modelGroupRow(g domain.ModelGroup) modelGroupOut {
	return modelGroupOut{
		Name: g.Name, ARN: g.ARN, Project: g.Project, Description: g.Description, CreatedAt: rfc3339(g.CreatedAt),
		Versions: g.Versions, LatestApproved: g.LatestApproved, Pending: g.Pending,
	}
}

type modelVersionOut struct {
	Group                string             `json:"group" yaml:"group"`
	Version              int                `json:"version" yaml:"version"`
	ARN                  string             `json:"arn,omitempty" yaml:"arn,omitempty"`
	Approval             string             `json:"approval" yaml:"approval"`
	ApprovalNote         string             `json:"approval_note,omitempty" yaml:"approval_note,omitempty"`
	Status               string             `json:"status,omitempty" yaml:"status,omitempty"`
	CreatedAt            string             `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	CreatedBy            string             `json:"created_by,omitempty" yaml:"created_by,omitempty"`
	Description          string             `json:"description,omitempty" yaml:"description,omitempty"`
	Metrics              map[string]float64 `json:"metrics,omitempty" yaml:"metrics,omitempty"`
	PipelineExecutionARN string             `json:"pipeline_execution_arn,omitempty" yaml:"pipeline_execution_arn,omitempty"`
	TrainingJob          string             `json:"training_job,omitempty" yaml:"training_job,omitempty"`
}

func modelVersionRow(v domain.ModelVersion) modelVersionOut {
	out := modelVersionOut{
		Group: v.Group, Version: v.Version, ARN: v.ARN, Approval: v.Approval, ApprovalNote: v.ApprovalNote, Status: v.Status,
		CreatedAt: rfc3339(v.CreatedAt), CreatedBy: v.CreatedBy, Description: v.Description,
		PipelineExecutionARN: v.Lineage.PipelineExecutionARN, TrainingJob: v.Lineage.TrainingJobName,
	}
	if len(v.Report.Metrics) > 0 {
		out.Metrics = map[string]float64{}
		for _, m := range v.Report.Metrics {
			out.Metrics[m.Name] = m.Value
		}
	}
	return out
}

type variantOut struct {
	Name          string  `json:"name" yaml:"name"`
	InstanceType  string  `json:"instance_type,omitempty" yaml:"instance_type,omitempty"`
	CurrentCount  int     `json:"current_count" yaml:"current_count"`
	DesiredCount  int     `json:"desired_count" yaml:"desired_count"`
	Weight        float64 `json:"weight" yaml:"weight"`
	ServerlessMiB int     `json:"serverless_memory_mib,omitempty" yaml:"serverless_memory_mib,omitempty"`
}

type endpointOut struct {
	Name              string       `json:"name" yaml:"name"`
	ARN               string       `json:"arn,omitempty" yaml:"arn,omitempty"`
	Status            string       `json:"status" yaml:"status"`
	Health            string       `json:"health" yaml:"health"`
	HealthReasons     []string     `json:"health_reasons,omitempty" yaml:"health_reasons,omitempty"`
	Stage             string       `json:"stage,omitempty" yaml:"stage,omitempty"`
	Project           string       `json:"project,omitempty" yaml:"project,omitempty"`
	CreatedAt         string       `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	LastModified      string       `json:"last_modified,omitempty" yaml:"last_modified,omitempty"`
	FailureReason     string       `json:"failure_reason,omitempty" yaml:"failure_reason,omitempty"`
	Instances         int          `json:"instances" yaml:"instances"`
	Variants          []variantOut `json:"variants,omitempty" yaml:"variants,omitempty"`
	InvocationsPerMin *float64     `json:"invocations_per_min,omitempty" yaml:"invocations_per_min,omitempty"`
	Rate4xx           *float64     `json:"rate_4xx,omitempty" yaml:"rate_4xx,omitempty"`
	Rate5xx           *float64     `json:"rate_5xx,omitempty" yaml:"rate_5xx,omitempty"`
	LatencyP99Ms      *float64     `json:"latency_p99_ms,omitempty" yaml:"latency_p99_ms,omitempty"`
	AlarmsFiring      []string     `json:"alarms_firing,omitempty" yaml:"alarms_firing,omitempty"`
}

func endpointRow(e domain.Endpoint) endpointOut {
	out := endpointOut{
		Name: e.Name, ARN: e.ARN, Status: e.Status, Health: e.Health.Level.String(), HealthReasons: e.Health.Reasons,
		Stage: e.Stage, Project: e.Project, CreatedAt: rfc3339(e.CreatedAt), LastModified: rfc3339(e.LastModified),
		FailureReason: e.FailureReason,
	}
	for _, v := range e.Variants {
		out.Instances += v.CurrentCount
		out.Variants = append(out.Variants, variantOut{Name: v.Name, InstanceType: v.InstanceType, CurrentCount: v.CurrentCount,
			DesiredCount: v.DesiredCount, Weight: v.Weight, ServerlessMiB: v.ServerlessMem})
	}
	if m := e.Metrics; m.Known {
		inv, r4, r5, p99 := m.InvocationsPerMin, m.Rate4xx, m.Rate5xx, float64(m.LatencyP99)/float64(time.Millisecond)
		out.InvocationsPerMin, out.Rate4xx, out.Rate5xx, out.LatencyP99Ms = &inv, &r4, &r5, &p99
	}
	for _, a := range e.Alarms {
		if a.State == domain.AlarmAlarm {
			out.AlarmsFiring = append(out.AlarmsFiring, a.Name)
		}
	}
	return out
}

type recoveryPointOut struct {
	ARN          string `json:"arn" yaml:"arn"`
	FileSystemID string `json:"file_system_id" yaml:"file_system_id"`
	Vault        string `json:"vault,omitempty" yaml:"vault,omitempty"`
	ResourceARN  string `json:"resource_arn,omitempty" yaml:"resource_arn,omitempty"`
	Status       string `json:"status" yaml:"status"`
	CreatedAt    string `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	CompletedAt  string `json:"completed_at,omitempty" yaml:"completed_at,omitempty"`
	SizeBytes    int64  `json:"size_bytes" yaml:"size_bytes"`
	Plan         string `json:"plan,omitempty" yaml:"plan,omitempty"`
	IAMRoleARN   string `json:"iam_role_arn,omitempty" yaml:"iam_role_arn,omitempty"`
}

func recoveryPointRow(fsID string, p domain.RecoveryPoint) recoveryPointOut {
	return recoveryPointOut{
		ARN: p.ARN, FileSystemID: fsID, Vault: p.Vault, ResourceARN: p.ResourceARN, Status: p.Status,
		CreatedAt: rfc3339(p.CreatedAt), CompletedAt: rfc3339(p.CompletedAt), SizeBytes: p.SizeBytes,
		Plan: p.PlanName, IAMRoleARN: p.IAMRoleARN,
	}
}

type restoreJobOut struct {
	ID                 string `json:"id" yaml:"id"`
	Status             string `json:"status" yaml:"status"`
	PercentDone        string `json:"percent_done,omitempty" yaml:"percent_done,omitempty"`
	StatusMessage      string `json:"status_message,omitempty" yaml:"status_message,omitempty"`
	RecoveryPointARN   string `json:"recovery_point_arn,omitempty" yaml:"recovery_point_arn,omitempty"`
	ResourceType       string `json:"resource_type,omitempty" yaml:"resource_type,omitempty"`
	CreatedAt          string `json:"created_at,omitempty" yaml:"created_at,omitempty"`
	CompletedAt        string `json:"completed_at,omitempty" yaml:"completed_at,omitempty"`
	BackupSizeBytes    int64  `json:"backup_size_bytes,omitempty" yaml:"backup_size_bytes,omitempty"`
	CreatedResourceARN string `json:"created_resource_arn,omitempty" yaml:"created_resource_arn,omitempty"`
	IAMRoleARN         string `json:"iam_role_arn,omitempty" yaml:"iam_role_arn,omitempty"`
}

func restoreJobRow(j domain.RestoreJob) restoreJobOut {
	return restoreJobOut{
		ID: j.ID, Status: j.Status, PercentDone: j.PercentDone, StatusMessage: j.StatusMessage, RecoveryPointARN: j.RecoveryPointARN,
		ResourceType: j.ResourceType, CreatedAt: rfc3339(j.CreatedAt), CompletedAt: rfc3339(j.CompletedAt),
		BackupSizeBytes: j.BackupSizeBytes, CreatedResourceARN: j.CreatedResourceARN, IAMRoleARN: j.IAMRoleARN,
	}
}

// lastSegment is what follows an ARN's last / or :, its id.
func lastSegment(arn string) string {
	return arn[strings.LastIndexAny(arn, "/:")+1:]
}
