package backend

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

func (r StopTrainingJob) Action() domain.Action { return domain.ActionStopTrainingJob }
func (r StopTrainingJob) Target() string        { return r.Name }
func (r StopTrainingJob) Plan() []string {
	return []string{
		"sagemaker:StopTrainingJob",
		"  TrainingJobName: " + r.Name,
		"The job moves to Stopping, then Stopped; SageMaker saves the model artefacts it has.",
	}
}

func (r StartExecution) Action() domain.Action { return domain.ActionStartPipeline }
func (r StartExecution) Target() string        { return r.Pipeline }
func (r StartExecution) Plan() []string {
	lines := []string{"sagemaker:StartPipelineExecution", "  PipelineName: " + r.Pipeline}
	if r.DisplayName != "" {
		lines = append(lines, "  PipelineExecutionDisplayName: "+r.DisplayName)
	}
	if len(r.Parameters) == 0 {
		lines = append(lines, "  PipelineParameters: (none changed; all defaults)")
	} else {
		lines = append(lines, "  PipelineParameters:")
		for _, k := range slices.Sorted(maps.Keys(r.Parameters)) {
			def := ""
			for _, p := range r.Declared {
				if p.Name == k {
					def = " (default " + p.Default + ")"
				}
			}
			lines = append(lines, "    "+k+" = "+r.Parameters[k]+def)
		}
	}
	if r.ClientToken != "" {
		lines = append(lines, "  ClientRequestToken: "+r.ClientToken)
	}
	return lines
}

func (r StopExecution) Action() domain.Action { return domain.ActionStopPipeline }
func (r StopExecution) Target() string        { return r.ARN }
func (r StopExecution) Plan() []string {
	return []string{"sagemaker:StopPipelineExecution", "  PipelineExecutionArn: " + r.ARN}
}

func (r RetryExecution) Action() domain.Action { return domain.ActionRetryPipeline }
func (r RetryExecution) Target() string        { return r.ARN }
func (r RetryExecution) Plan() []string {
	lines := []string{"sagemaker:RetryPipelineExecution", "  PipelineExecutionArn: " + r.ARN}
	if r.ClientToken != "" {
		lines = append(lines, "  ClientRequestToken: "+r.ClientToken)
	}
	return append(lines, "Failed steps run again; succeeded steps keep their results.")
}

func (r SetApproval) Action() domain.Action {
	if r.Approve {
		return domain.ActionApproveModel
	}
	return domain.ActionRejectModel
}
func (r SetApproval) Target() string {
	if r.Group != "" {
		return r.Group + " v" + strconv.Itoa(r.Version)
	}
	return r.ModelPackageARN
}
func (r SetApproval) Plan() []string {
	status := domain.ApprovalRejected
	if r.Approve {
		status = domain.ApprovalApproved
	}
	return []string{
		"sagemaker:UpdateModelPackage",
		"  ModelPackageArn: " + r.ModelPackageARN,
		"  ModelApprovalStatus: " + status,
		"  ApprovalDescription: " + fmt.Sprintf("%q", r.Note),
	}
}

func (r StartRestore) Action() domain.Action { return domain.ActionStartRestore }
func (r StartRestore) Target() string        { return r.FileSystemID }
func (r StartRestore) Plan() []string {
	lines := []string{
		"backup:StartRestoreJob",
		"  RecoveryPointArn: " + r.RecoveryPointARN,
		"  ResourceType: EFS",
		"  IamRoleArn: " + r.IAMRoleARN,
		"  Metadata:",
		"    file-system-id: " + r.FileSystemID,
		"    newFileSystem: false",
		"    itemsToRestore: " + strings.Join(quoteAll(r.Paths), ", "),
	}
	if r.IdempotencyToken != "" {
		lines = append(lines, "  IdempotencyToken: "+r.IdempotencyToken)
	}
	return append(lines, "Items are restored into a new directory aws-backup-restore_<timestamp> at the file system root; nothing is overwritten.")
}

func (r InvokeEndpoint) Action() domain.Action { return domain.ActionInvokeEndpoint }
func (r InvokeEndpoint) Target() string        { return r.Endpoint }
func (r InvokeEndpoint) Plan() []string {
	return []string{
		"sagemaker:InvokeEndpoint",
		"  EndpointName: " + r.Endpoint,
		"  ContentType: " + r.ContentType,
		fmt.Sprintf("  Body: %d bytes", len(r.Body)),
	}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
