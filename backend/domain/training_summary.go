package domain

import (
	"strings"
	"time"
)

// TrainingJobSummary is a training job as the list of every job shows it:
// what ListTrainingJobs says of it, plus the instances, times and project
// that Search or a describe added. An account of 100,000 jobs is listed in
// summaries, so a summary is compact: 80 bytes and its name for a job
// known from the list, against 456 for a TrainingJob and the strings it
// holds. Its repeated values (statuses, project, instance type, the ARN's
// account and region) are shared between jobs, its times are instants of
// 8 bytes, its ARN is spelt from the name, and what only a describe or
// Search tells (instances, run times, a failure reason, a pipeline), which
// most jobs of a long history never need, is kept apart. Its project may be
// not known yet (ProjectKnown), which is not the same as none. It is made
// by TrainingJob.Summary, read through its methods and never modified.
type TrainingJobSummary struct {
	name      string
	status    sharedString
	secondary sharedString
	project   sharedString // from the sagemaker:project-name tag, "" if none; projectUnknown until read
	arnPrefix sharedString // the ARN up to the name, when the ARN is spelt from the name
	created   instant
	modified  instant
	ended     instant         // zero while running
	more      *jobSummaryMore // nil for a job known only from the list
}

// jobSummaryMore is what a describe or Search adds to a summary, and the
// ARN when it is not spelt from the name: 64 bytes. The history search
// gives one to every older job that carries a project, so the rare values
// (a failure reason, which jobs failing alike repeat, and an ARN of
// another shape) are shared handles, not strings.
type jobSummaryMore struct {
	instance             sharedString
	started              instant
	instances            int32
	billable             int32 // seconds
	training             int32 // seconds
	detailed             bool
	failureReason        sharedString
	arn                  sharedString
	pipelineExecutionARN string
}

// projectUnknown is the project of a job whose tags are not read yet. No
// tag value can spell it: AWS allows no control characters in one. It is
// set once, and a summary keeps the flag in its project's 8 bytes.
var projectUnknown = share("\x00")

// trainingJobARNPart is where a training job's ARN names the job, which it
// spells in lower case: arn:aws:sagemaker:REGION:ACCOUNT:training-job/NAME.
const trainingJobARNPart = ":training-job/"

// Summary is what the list shows of j. It keeps copies of j's strings, so
// that a summary does not hold on to the response they were decoded from
// (the SDK decodes a page's strings into shared blocks, which one kept
// string would hold whole).
func (j TrainingJob) Summary() TrainingJobSummary {
	s := TrainingJobSummary{
		name:   strings.Clone(j.Name),
		status: share(j.Status), secondary: share(j.SecondaryStatus), project: share(j.Project),
		created: instantOf(j.CreatedAt), modified: instantOf(j.LastModified), ended: instantOf(j.EndedAt),
	}
	more := jobSummaryMore{
		instance: share(j.InstanceType), started: instantOf(j.StartedAt),
		instances: clamp32(int64(j.InstanceCount)), billable: clamp32(j.BillableSeconds), training: clamp32(j.TrainingSeconds),
		detailed: j.Detailed, failureReason: share(j.FailureReason), pipelineExecutionARN: strings.Clone(j.PipelineExecutionARN),
	}
	if _, name, ok := strings.Cut(j.ARN, trainingJobARNPart); ok && name == strings.ToLower(j.Name) {
		s.arnPrefix = share(j.ARN[:len(j.ARN)-len(name)])
	} else {
		more.arn = share(j.ARN)
	}
	if more != (jobSummaryMore{}) {
		m := more // only this copy escapes: a listed job allocates none
		s.more = &m
	}
	return s
}

// Job is the summary as a TrainingJob whose details are not known.
func (s TrainingJobSummary) Job() TrainingJob {
	return TrainingJob{
		Name: s.name, ARN: s.ARN(), Status: s.Status(), SecondaryStatus: s.SecondaryStatus(), Project: s.Project(),
		InstanceType: s.InstanceType(), FailureReason: s.FailureReason(), PipelineExecutionARN: s.PipelineExecutionARN(),
		CreatedAt: s.CreatedAt(), LastModified: s.LastModified(), EndedAt: s.EndedAt(), StartedAt: s.StartedAt(),
		InstanceCount: s.InstanceCount(), BillableSeconds: s.BillableSeconds(), TrainingSeconds: s.TrainingSeconds(),
		Detailed: s.Detailed(),
	}
}

// Equal reports whether two summaries say the same of a job.
func (s TrainingJobSummary) Equal(o TrainingJobSummary) bool {
	m, om := s.more, o.more
	s.more, o.more = nil, nil
	return s == o && (m == om || m != nil && om != nil && *m == *om)
}

func (s TrainingJobSummary) Name() string { return s.name }

// ARN is the job's ARN, "" if it is not known.
func (s TrainingJobSummary) ARN() string {
	if s.arnPrefix != (sharedString{}) {
		return s.arnPrefix.String() + strings.ToLower(s.name)
	}
	return s.extra().arn.String()
}

func (s TrainingJobSummary) Status() string          { return s.status.String() }
func (s TrainingJobSummary) SecondaryStatus() string { return s.secondary.String() }

// Project is the job's sagemaker:project-name tag, "" if none or if it is
// not known yet (ProjectKnown).
func (s TrainingJobSummary) Project() string {
	if s.project == projectUnknown {
		return ""
	}
	return s.project.String()
}

// ProjectKnown reports whether the job's tags have been read, so that an
// empty Project means the job has none.
func (s TrainingJobSummary) ProjectKnown() bool { return s.project != projectUnknown }

// WithProject is s with its project known to be project ("" for none).
func (s TrainingJobSummary) WithProject(project string) TrainingJobSummary {
	s.project = share(project)
	return s
}

// WithProjectUnknown is s with its project not known yet: what the list
// shows of a job whose tags have not been read.
func (s TrainingJobSummary) WithProjectUnknown() TrainingJobSummary {
	s.project = projectUnknown
	return s
}

// InstanceType and the other fields a describe or Search adds are zero
// until then.
func (s TrainingJobSummary) InstanceType() string { return s.extra().instance.String() }

func (s TrainingJobSummary) InstanceCount() int { return int(s.extra().instances) }

func (s TrainingJobSummary) FailureReason() string { return s.extra().failureReason.String() }

func (s TrainingJobSummary) PipelineExecutionARN() string { return s.extra().pipelineExecutionARN }

// CreatedAt and the other times are in UTC, as AWS gives them; zero when
// not known.
func (s TrainingJobSummary) CreatedAt() time.Time    { return s.created.time() }
func (s TrainingJobSummary) LastModified() time.Time { return s.modified.time() }

// EndedAt is zero while the job runs.
func (s TrainingJobSummary) EndedAt() time.Time   { return s.ended.time() }
func (s TrainingJobSummary) StartedAt() time.Time { return s.extra().started.time() }

func (s TrainingJobSummary) BillableSeconds() int64 { return int64(s.extra().billable) }

func (s TrainingJobSummary) TrainingSeconds() int64 { return int64(s.extra().training) }

// Detailed is true once the job has been described (or found by Search):
// its instances, billable time and pipeline are known.
func (s TrainingJobSummary) Detailed() bool { return s.extra().detailed }

// extra is what a describe or Search added, all zero when nothing did.
func (s TrainingJobSummary) extra() jobSummaryMore {
	if s.more == nil {
		return jobSummaryMore{}
	}
	return *s.more
}

// Terminal reports whether the job has finished and will not change again.
func (s TrainingJobSummary) Terminal() bool { return terminalJob(s.Status()) }

// Running reports whether the job is still in progress or stopping.
func (s TrainingJobSummary) Running() bool { return !s.Terminal() }

// Elapsed is the wall time from creation to end (or to now while running).
func (s TrainingJobSummary) Elapsed(now time.Time) time.Duration {
	return elapsed(s.CreatedAt(), s.EndedAt(), s.LastModified(), s.Terminal(), now)
}

// NewerFirst orders jobs as the list does by default: running first, then
// newest first, then by name.
func (s *TrainingJobSummary) NewerFirst(o *TrainingJobSummary) int {
	if rs, ro := s.Running(), o.Running(); rs != ro {
		if rs {
			return -1
		}
		return 1
	}
	switch {
	case s.created > o.created:
		return -1
	case s.created < o.created:
		return 1
	}
	return strings.Compare(s.name, o.name)
}

func clamp32(n int64) int32 {
	return int32(max(-1<<31, min(n, 1<<31-1)))
}
