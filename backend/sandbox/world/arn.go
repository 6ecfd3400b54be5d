package world

import (
	"strings"
)

// ARN builders: one place that knows how each kind's identifier is spelled.

func (w *World) smArn(kind, name string) string {
	return "arn:aws:sagemaker:" + w.region + ":" + w.account + ":" + kind + "/" + strings.ToLower(name)
}

// TrainingJobArn is arn:aws:sagemaker:<region>:<acct>:training-job/<name-lowercase>.
func (w *World) TrainingJobArn(name string) string { return w.smArn("training-job", name) }

// ProcessingJobArn is the processing job's ARN.
func (w *World) ProcessingJobArn(name string) string { return w.smArn("processing-job", name) }

// PipelineArn is the pipeline's ARN.
func (w *World) PipelineArn(name string) string { return w.smArn("pipeline", name) }

// PipelineExecutionArn is .../pipeline/<name>/execution/<id>.
func (w *World) PipelineExecutionArn(pipeline, id string) string {
	return w.smArn("pipeline", pipeline) + "/execution/" + id
}

// ModelPackageGroupArn is the group's ARN.
func (w *World) ModelPackageGroupArn(group string) string {
	return w.smArn("model-package-group", group)
}

// ModelPackageArn is .../model-package/<group>/<version>.
func (w *World) ModelPackageArn(group string, version int32) string {
	return w.smArn("model-package", group) + "/" + itoa(int64(version))
}

func (w *World) logsArn(group string) string {
	return "arn:aws:logs:" + w.region + ":" + w.account + ":log-group:" + group
}

func (w *World) efsArn(id string) string {
	return "arn:aws:elasticfilesystem:" + w.region + ":" + w.account + ":file-system/" + id
}

func (w *World) backupArn(kind, id string) string {
	return "arn:aws:backup:" + w.region + ":" + w.account + ":" + kind + ":" + id
}

func (w *World) roleArn(name string) string {
	return "arn:aws:iam::" + w.account + ":role/" + name
}

// Arn is a parsed ARN.
type Arn struct {
	Partition, Service, Region, Account, Resource string
}

// ParseArn splits an ARN; ok is false if s is not one.
func ParseArn(s string) (Arn, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return Arn{}, false
	}
	return Arn{Partition: parts[1], Service: parts[2], Region: parts[3], Account: parts[4], Resource: parts[5]}, true
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
