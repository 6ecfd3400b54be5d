package ui

import (
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// A few resources of each pane, as the backend delivers them, on the
// Scientist's account and region.
const (
	selAccount = "210987654321"
	sgConsole  = "https://ap-southeast-1.console.aws.amazon.com/"
	smARN      = "arn:aws:sagemaker:ap-southeast-1:" + selAccount + ":"
	execARN    = smARN + "pipeline/hdb-resale-train/execution/k2x9q0w7f3ab"
	versionARN = smARN + "model-package/hdb-resale-valuation/12"
	pointARN   = "arn:aws:backup:ap-southeast-1:" + selAccount + ":recovery-point:0f3e1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
)

func selJobs() backend.TrainingJobsData {
	now := kittest.Now
	running := domain.TrainingJob{Name: "hdb-resale-train-0413", ARN: smARN + "training-job/hdb-resale-train-0413", Status: domain.JobInProgress,
		CreatedAt: now.Add(-10 * time.Minute), Project: "hdb-resale-valuation"}.Summary()
	finished := domain.TrainingJob{Name: "hdb-resale-train-0412", ARN: smARN + "training-job/hdb-resale-train-0412", Status: domain.JobCompleted,
		CreatedAt: now.Add(-3 * time.Hour), EndedAt: now.Add(-2 * time.Hour), Project: "hdb-resale-valuation"}.Summary()
	return backend.TrainingJobsData{Jobs: []*domain.TrainingJobSummary{&running, &finished}}
}

func selPipelines() backend.PipelinesData {
	return backend.PipelinesData{Pipelines: []domain.Pipeline{
		{Name: "hdb-resale-deploy", ARN: smARN + "pipeline/hdb-resale-deploy", Project: "hdb-resale-valuation", SuccessRate: -1},
		{Name: "hdb-resale-train", ARN: smARN + "pipeline/hdb-resale-train", Project: "hdb-resale-valuation", SuccessRate: -1},
	}}
}

func selExecutions() backend.ExecutionsData {
	pl := selPipelines().Pipelines[1]
	return backend.ExecutionsData{Pipeline: pl, Executions: []domain.PipelineExecution{
		{ARN: execARN, PipelineName: pl.Name, Status: domain.ExecSucceeded,
			StartedAt: kittest.Now.Add(-time.Hour), EndedAt: kittest.Now.Add(-30 * time.Minute)},
	}}
}

// selExecution is the execution's graph: one training step, done.
func selExecution() backend.ExecutionData {
	e := selExecutions().Executions[0]
	step := domain.PipelineStep{Name: "Train", Type: "Training", Status: domain.StepSucceeded,
		StartedAt: e.StartedAt, EndedAt: e.EndedAt, TrainingJobARN: smARN + "training-job/pipelines-k2x9q0w7f3ab-Train-Ab12Cd34"}
	return backend.ExecutionData{Execution: e,
		Definition: domain.PipelineDefinition{Steps: []domain.StepDefinition{{Name: "Train", Type: "Training"}}},
		Steps:      map[string]domain.PipelineStep{"Train": step}}
}

func selGroups() backend.ModelGroupsData {
	return backend.ModelGroupsData{Groups: []domain.ModelGroup{
		{Name: "hdb-resale-valuation", ARN: smARN + "model-package-group/hdb-resale-valuation", Project: "hdb-resale-valuation"},
	}}
}

func selVersions() backend.ModelVersionsData {
	g := selGroups().Groups[0]
	return backend.ModelVersionsData{Group: g, Versions: []domain.ModelVersion{
		{Group: g.Name, Version: 12, ARN: versionARN, Approval: domain.ApprovalPending, CreatedAt: kittest.Now.Add(-time.Hour)},
		{Group: g.Name, Version: 11, ARN: smARN + "model-package/hdb-resale-valuation/11", Approval: domain.ApprovalApproved,
			CreatedAt: kittest.Now.Add(-48 * time.Hour)},
	}}
}

func selEndpoints() backend.EndpointsData {
	return backend.EndpointsData{Endpoints: []domain.Endpoint{
		{Name: "hdb-resale-prod", ARN: smARN + "endpoint/hdb-resale-prod", Status: domain.EndpointInService,
			Project: "hdb-resale-valuation", Stage: "prod"},
	}}
}

func selFileSystems() backend.FileSystemsData {
	return backend.FileSystemsData{FileSystems: []domain.FileSystem{
		{ID: "fs-0hdb0001", ARN: "arn:aws:elasticfilesystem:ap-southeast-1:" + selAccount + ":file-system/fs-0hdb0001",
			Name: "hdb-studio-home", DomainID: "d-hdb0001", DomainName: "hdb-analytics", State: "available",
			CreatedAt: kittest.Now.Add(-400 * 24 * time.Hour)},
	}}
}

func selPoints() backend.RecoveryPointsData {
	return backend.RecoveryPointsData{FileSystemID: "fs-0hdb0001", Points: []domain.RecoveryPoint{
		{ARN: pointARN, Vault: "ag-studio-efs", Status: "COMPLETED", CreatedAt: kittest.Now.Add(-8 * time.Hour)},
	}}
}

func selRestoreJobs() backend.RestoreJobsData {
	return backend.RestoreJobsData{Jobs: []domain.RestoreJob{
		{ID: "restore-0a1b2c3d", RecoveryPointARN: pointARN, Status: domain.RestoreCompleted,
			CreatedAt: kittest.Now.Add(-2 * time.Hour), CompletedAt: kittest.Now.Add(-time.Hour)},
	}}
}

// give delivers a feed's data, fresh.
func (h *harness) give(kind backend.FeedKind, arg string, data any) {
	h.t.Helper()
	key := backend.FeedKey{Kind: kind, Arg: arg}
	h.deliver(key, data, kittest.Fresh(key, kittest.Now))
}

// The drives to each pane's views, with their data delivered.
func toJobs(h *harness) {
	h.keys("2")
	h.give(backend.FeedTrainingJobs, "", selJobs())
}

func toPipelines(h *harness) {
	h.keys("3")
	h.give(backend.FeedPipelines, "", selPipelines())
}

func toExecutions(h *harness) {
	toPipelines(h)
	h.keys("j", "enter")
	h.give(backend.FeedExecutions, "hdb-resale-train", selExecutions())
}

func toGraph(h *harness) {
	toExecutions(h)
	h.keys("enter")
	h.give(backend.FeedExecution, execARN, selExecution())
}

func toGroups(h *harness) {
	h.keys("4")
	h.give(backend.FeedModelGroups, "", selGroups())
}

func toEndpoints(h *harness) {
	h.keys("5")
	h.give(backend.FeedEndpoints, "", selEndpoints())
}

func toFileSystems(h *harness) {
	h.keys("6")
	h.give(backend.FeedFileSystems, "", selFileSystems())
}

// Every pane says what is selected, in AWS's words, and the shell's W
// and Y act on it: the console page it opens and the ARN (or id) it
// copies are those of the row under the cursor or the item open.
func TestEveryPaneSaysWhatIsSelected(t *testing.T) {
	cases := []struct {
		name  string
		drive func(h *harness)
		want  kit.Resource
		url   string
	}{
		{"training job under the cursor", func(h *harness) { toJobs(h); h.keys("j") }, kit.Resource{Kind: kit.ResourceTrainingJob, Name: "hdb-resale-train-0412", ARN: smARN + "training-job/hdb-resale-train-0412"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/jobs/hdb-resale-train-0412"},
		{"training job open in detail", func(h *harness) { toJobs(h); h.keys("enter") }, kit.Resource{Kind: kit.ResourceTrainingJob, Name: "hdb-resale-train-0413", ARN: smARN + "training-job/hdb-resale-train-0413"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/jobs/hdb-resale-train-0413"},
		{"pipeline", func(h *harness) { toPipelines(h); h.keys("j") }, kit.Resource{Kind: kit.ResourcePipeline, Name: "hdb-resale-train", ARN: smARN + "pipeline/hdb-resale-train"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/pipelines/hdb-resale-train"},
		{"pipeline execution", toExecutions, kit.Resource{Kind: kit.ResourcePipelineExecution, Name: "k2x9q0w7f3ab", ARN: execARN, Parent: "hdb-resale-train"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/pipelines/hdb-resale-train/executions/k2x9q0w7f3ab"},
		{"pipeline execution open in its graph", toGraph, kit.Resource{Kind: kit.ResourcePipelineExecution, Name: "k2x9q0w7f3ab", ARN: execARN, Parent: "hdb-resale-train"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/pipelines/hdb-resale-train/executions/k2x9q0w7f3ab"},
		{"a training step in detail: its training job", func(h *harness) { toGraph(h); h.keys("enter") }, kit.Resource{Kind: kit.ResourceTrainingJob, Name: "pipelines-k2x9q0w7f3ab-Train-Ab12Cd34", ARN: smARN + "training-job/pipelines-k2x9q0w7f3ab-Train-Ab12Cd34"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/jobs/pipelines-k2x9q0w7f3ab-Train-Ab12Cd34"},
		{"model package group", toGroups, kit.Resource{Kind: kit.ResourceModelGroup, Name: "hdb-resale-valuation", ARN: smARN + "model-package-group/hdb-resale-valuation"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/model-registry/hdb-resale-valuation/details"},
		{"model version", func(h *harness) {
			toGroups(h)
			h.keys("enter")
			h.give(backend.FeedModelVersions, "hdb-resale-valuation", selVersions())
		}, kit.Resource{Kind: kit.ResourceModelVersion, Parent: "hdb-resale-valuation", Name: "12", ARN: versionARN},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/model-registry/hdb-resale-valuation/versions/12"},
		{"endpoint", toEndpoints, kit.Resource{Kind: kit.ResourceEndpoint, Name: "hdb-resale-prod", ARN: smARN + "endpoint/hdb-resale-prod"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/endpoints/hdb-resale-prod"},
		{"endpoint open in detail", func(h *harness) { toEndpoints(h); h.keys("enter") }, kit.Resource{Kind: kit.ResourceEndpoint, Name: "hdb-resale-prod", ARN: smARN + "endpoint/hdb-resale-prod"},
			sgConsole + "sagemaker/home?region=ap-southeast-1#/endpoints/hdb-resale-prod"},
		{"EFS file system", toFileSystems, kit.Resource{Kind: kit.ResourceFileSystem, ID: "fs-0hdb0001", Name: "hdb-studio-home",
			ARN: "arn:aws:elasticfilesystem:ap-southeast-1:" + selAccount + ":file-system/fs-0hdb0001"},
			sgConsole + "efs/home?region=ap-southeast-1#/file-systems/fs-0hdb0001"},
		{"recovery point", func(h *harness) {
			toFileSystems(h)
			h.keys("enter")
			h.give(backend.FeedRecoveryPoints, "fs-0hdb0001", selPoints())
		}, kit.Resource{Kind: kit.ResourceRecoveryPoint, ARN: pointARN, Parent: "ag-studio-efs"},
			sgConsole + "backup/home?region=ap-southeast-1#/backupvaults/details/ag-studio-efs/" + url.QueryEscape(pointARN)},
		{"restore job", func(h *harness) {
			toFileSystems(h)
			h.give(backend.FeedRestoreJobs, "", selRestoreJobs())
			h.keys("R")
		}, kit.Resource{Kind: kit.ResourceRestoreJob, ID: "restore-0a1b2c3d"},
			sgConsole + "backup/home?region=ap-southeast-1#/jobs/restore/details/restore-0a1b2c3d"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, 120, 40, withIdentity(kittest.Scientist()))
			var b fakeBrowser
			var clip clipWriter
			h.m.deps.browser, h.m.deps.clipboard = b.open, &clip
			c.drive(h)

			sel, ok := h.m.activePane().(kit.Selector)
			if !ok {
				t.Fatalf("the %s pane does not implement kit.Selector", h.m.activePane().Title())
			}
			got, ok := sel.Selected()
			if !ok || got != c.want {
				t.Fatalf("Selected() = %+v, %v; want %+v", got, ok, c.want)
			}
			if u, err := consoleURL(got, "ap-southeast-1"); err != nil || u != c.url {
				t.Fatalf("console URL %q (%v), want %q", u, err, c.url)
			}

			h.keys("W")
			if opened := b.opened(); len(opened) != 1 || opened[0] != c.url {
				t.Fatalf("W opened %q, want %q", opened, c.url)
			}
			h.keys("Y")
			copied := c.want.ARN
			if copied == "" {
				copied = c.want.ID
			}
			if got, want := clip.String(), "\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte(copied))+"\a"; got != want {
				t.Fatalf("Y copied %q, want %q (%s)", got, want, copied)
			}
			if note := noteText(h); !strings.HasPrefix(note, "Copied the "+noun(c.want.Kind)+"'s ") {
				t.Fatalf("notification %q", note)
			}
		})
	}
}

// A pane with nothing loaded has nothing selected, and says so.
func TestEmptyPanesSelectNothing(t *testing.T) {
	for _, key := range []string{"2", "3", "4", "5", "6"} {
		h := newHarness(t, 120, 40, withIdentity(kittest.Scientist()))
		h.keys(key)
		sel, ok := h.m.activePane().(kit.Selector)
		if !ok {
			t.Fatalf("pane %s does not implement kit.Selector", key)
		}
		if r, ok := sel.Selected(); ok {
			t.Errorf("pane %s, before any data: Selected() = %+v", key, r)
		}
		h.keys("W")
		if got := noteText(h); got != "Nothing is selected." {
			t.Errorf("pane %s: W said %q", key, got)
		}
	}
}
