package scenario

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var testStart = time.Date(2025, 6, 2, 2, 30, 0, 0, time.UTC) // 10:30 on a Monday in Singapore

func generate(t testing.TB) *Result {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Generate(s, Options{Seed: 7, Start: testStart, Clock: world.NewManualClock(testStart)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestDefaultScenarioHasTheStudioMinimum(t *testing.T) {
	w := generate(t).World
	domains := w.Domains()
	if len(domains) < 3 {
		t.Fatalf("got %d domains, want at least 3", len(domains))
	}
	names := map[string]bool{}
	for _, d := range domains {
		names[d.DomainName] = true
		fs, err := w.FileSystem(d.HomeEfsFileSystemId)
		if err != nil {
			t.Fatalf("domain %s: home EFS %s: %v", d.DomainName, d.HomeEfsFileSystemId, err)
		}
		if v, _ := world.TagValue(fs.Tags, "sagemaker:domain-id"); v != d.DomainId {
			t.Errorf("EFS %s tagged with domain %q, want %s", fs.FileSystemId, v, d.DomainId)
		}
		if !regexp.MustCompile(`^fs-[0-9a-f]{8}$`).MatchString(fs.FileSystemId) || fs.SizeInBytes.Value <= 0 {
			t.Errorf("EFS %+v: want an fs-xxxxxxxx id and a size", fs)
		}
		if !regexp.MustCompile(`^d-[a-z0-9]{12}$`).MatchString(d.DomainId) {
			t.Errorf("domain id %q is not d-xxxxxxxxxxxx", d.DomainId)
		}
	}
	for _, n := range []string{"hdb-analytics", "mom-analytics", "ssg-analytics"} {
		if !names[n] {
			t.Errorf("no domain %s", n)
		}
	}
	users := w.UserProfiles("")
	untagged := 0
	for _, u := range users {
		if !regexp.MustCompile(`^2\d{5}$`).MatchString(u.HomeEfsFileSystemUid) {
			t.Errorf("user %s has uid %q", u.UserProfileName, u.HomeEfsFileSystemUid)
		}
		if _, ok := world.TagValue(u.Tags, "ag:role"); !ok {
			untagged++
		}
		if _, ok := world.TagValue(u.Tags, "ag:projects"); !ok {
			t.Errorf("user %s has no ag:projects tag", u.UserProfileName)
		}
	}
	if untagged != 1 {
		t.Errorf("%d users lack the ag:role tag, want exactly 1", untagged)
	}
	running, types := 0, map[string]bool{}
	for _, a := range w.Apps("") {
		types[a.AppType] = true
		if a.Status == "InService" {
			running++
		}
	}
	if running < 3 || !types["JupyterLab"] || !types["KernelGateway"] || !types["RSessionGateway"] {
		t.Errorf("apps: %d running, types %v", running, types)
	}
}

func TestDefaultScenarioHasProjectsWithLimits(t *testing.T) {
	w := generate(t).World
	projects := w.Projects()
	if len(projects) < 5 {
		t.Fatalf("got %d projects, want at least 5", len(projects))
	}
	for _, p := range projects {
		for _, k := range []string{"ag:training-instance-types", "ag:endpoint-instance-types", "ag:notebook-instance-types", "ag:s3-access", "sagemaker:project-id"} {
			if v, ok := world.TagValue(p.Tags, k); !ok || v == "" {
				t.Errorf("project %s lacks tag %s", p.ProjectName, k)
			}
		}
	}
	if _, err := w.Project("hdb-resale-valuation"); err != nil {
		t.Error(err)
	}
}

func TestDefaultScenarioHasTrainingHistory(t *testing.T) {
	w := generate(t).World
	if n := w.TrainingJobCount(); n < 300 {
		t.Fatalf("got %d training jobs, want at least 300", n)
	}
	status := map[world.TrainingJobStatus]int{}
	reasons := ""
	var q world.TrainingJobQuery
	for {
		page, err := w.TrainingJobs(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Items {
			status[s.TrainingJobStatus]++
			if s.TrainingJobStatus == world.TrainingFailed {
				j, _ := w.TrainingJob(s.TrainingJobName)
				reasons += j.FailureReason + "\n"
			}
		}
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	for _, st := range []world.TrainingJobStatus{world.TrainingCompleted, world.TrainingFailed, world.TrainingStopped, world.TrainingInProgress} {
		if status[st] == 0 {
			t.Errorf("no %s training jobs: %v", st, status)
		}
	}
	if status[world.TrainingInProgress] > 10 {
		t.Errorf("%d jobs in progress, want a few", status[world.TrainingInProgress])
	}
	for _, want := range []string{"CUDA out of memory", "Data download failed", "Access Denied", "ResourceLimitExceeded", "Execution halted"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("no failure reason mentions %q", want)
		}
	}
	if strings.Contains(reasons, "{bucket}") || strings.Contains(reasons, "{project}") {
		t.Error("failure reasons keep unexpanded placeholders")
	}
	page, _ := w.TrainingJobs(world.TrainingJobQuery{StatusEquals: world.TrainingCompleted, NameContains: "pipelines-", MaxResults: 1})
	j, err := w.TrainingJob(page.Items[0].TrainingJobName)
	if err != nil {
		t.Fatal(err)
	}
	if len(j.SecondaryStatusTransitions) < 5 || j.SecondaryStatusTransitions[len(j.SecondaryStatusTransitions)-1].Status != "Completed" {
		t.Errorf("transitions %+v", j.SecondaryStatusTransitions)
	}
	if len(j.HyperParameters) == 0 || len(j.InputDataConfig) != 2 || !strings.HasPrefix(j.InputDataConfig[0].DataSource.S3DataSource.S3Uri, "s3://") {
		t.Errorf("job spec incomplete: %+v", j.TrainingJobSpec)
	}
	if len(j.FinalMetricDataList) != len(j.AlgorithmSpecification.MetricDefinitions) || j.BillableTimeInSeconds <= 0 {
		t.Errorf("metrics %v billable %d", j.FinalMetricDataList, j.BillableTimeInSeconds)
	}
	if j.PipelineExecutionArn == "" || j.ExperimentConfig.TrialName == "" {
		t.Errorf("pipeline job %s does not name its execution", j.TrainingJobName)
	}
	if !strings.HasSuffix(j.ModelArtifacts.S3ModelArtifacts, "/"+j.TrainingJobName+"/output/model.tar.gz") {
		t.Errorf("artefact %q", j.ModelArtifacts.S3ModelArtifacts)
	}
	if j.TrainingJobArn != "arn:aws:sagemaker:ap-southeast-1:318224574112:training-job/"+strings.ToLower(j.TrainingJobName) {
		t.Errorf("arn %s", j.TrainingJobArn)
	}
}

func TestDefaultScenarioHasPipelinesWithConditionsAndHistory(t *testing.T) {
	w := generate(t).World
	pipelines := w.Pipelines()
	if len(pipelines) < 3 {
		t.Fatalf("got %d pipelines", len(pipelines))
	}
	shapes := map[int]bool{}
	for _, p := range pipelines {
		var def struct {
			Version    string
			Parameters []struct{ Name, Type string }
			Steps      []struct {
				Name, Type string
				Arguments  map[string]any
			}
		}
		if err := json.Unmarshal([]byte(p.PipelineDefinition), &def); err != nil {
			t.Fatalf("%s: definition is not JSON: %v", p.PipelineName, err)
		}
		if def.Version != "2020-12-01" || len(def.Parameters) == 0 {
			t.Errorf("%s: version %q, %d parameters", p.PipelineName, def.Version, len(def.Parameters))
		}
		if !strings.Contains(p.PipelineDefinition, `"Std:JsonGet"`) || !strings.Contains(p.PipelineDefinition, `"Steps.TrainModel.ModelArtifacts.S3ModelArtifacts"`) ||
			!strings.Contains(p.PipelineDefinition, `"RegisterModel"`) || !strings.Contains(p.PipelineDefinition, `"ElseSteps"`) {
			t.Errorf("%s: definition lacks property references, RegisterModel or branches", p.PipelineName)
		}
		shapes[len(def.Steps)] = true
		if len(def.Steps)+2 < 5 {
			t.Errorf("%s has %d steps", p.PipelineName, len(def.Steps))
		}
		execs, _ := w.PipelineExecutions(p.PipelineName, world.ExecutionQuery{})
		failed := 0
		for _, e := range execs {
			if e.PipelineExecutionStatus == world.ExecutionFailed {
				failed++
				steps, _ := w.PipelineExecutionSteps(e.PipelineExecutionArn, world.Ascending)
				reason := ""
				for _, s := range steps {
					if s.StepStatus == world.StepFailed {
						reason = s.FailureReason
					}
				}
				if reason == "" {
					t.Errorf("%s: failed execution without a failed step", p.PipelineName)
				}
			}
		}
		if failed == 0 {
			t.Errorf("%s: no failed executions", p.PipelineName)
		}
		var newest string
		for _, e := range execs {
			if e.PipelineExecutionStatus == world.ExecutionSucceeded {
				newest = e.PipelineExecutionArn
				break
			}
		}
		steps, _ := w.PipelineExecutionSteps(newest, world.Ascending)
		meta := map[string]bool{}
		for _, s := range steps {
			m := s.Metadata
			meta["training"] = meta["training"] || m.TrainingJob != nil
			meta["processing"] = meta["processing"] || m.ProcessingJob != nil
			meta["register"] = meta["register"] || m.RegisterModel != nil
			meta["condition"] = meta["condition"] || (m.Condition != nil && m.Condition.Outcome == "True")
		}
		if len(meta) != 4 || !meta["training"] || !meta["processing"] || !meta["register"] || !meta["condition"] {
			t.Errorf("%s newest succeeded execution metadata: %v", p.PipelineName, meta)
		}
	}
	if len(shapes) < 2 {
		t.Errorf("all pipelines have the same shape")
	}
}

func TestDefaultScenarioHasARegistryWithReports(t *testing.T) {
	w := generate(t).World
	groups := w.ModelPackageGroups()
	if len(groups) < 5 {
		t.Fatalf("got %d groups", len(groups))
	}
	malformed, missing := 0, 0
	for _, g := range groups {
		list, _ := w.ModelPackages(world.ModelPackageQuery{Group: g.ModelPackageGroupName})
		if len(list) < 8 {
			t.Errorf("%s has %d versions, want at least 8", g.ModelPackageGroupName, len(list))
		}
		if list[0].ModelApprovalStatus != world.PendingManualApproval {
			t.Errorf("%s: newest version is %s", g.ModelPackageGroupName, list[0].ModelApprovalStatus)
		}
		states := map[string]int{}
		for _, s := range list {
			states[s.ModelApprovalStatus]++
			p, _ := w.ModelPackage(s.ModelPackageArn)
			if !strings.HasPrefix(p.MetadataProperties.GeneratedBy, "arn:aws:sagemaker:ap-southeast-1:318224574112:pipeline/"+g.ModelPackageGroupName+"/execution/") || p.MetadataProperties.ProjectId == "" {
				t.Errorf("%s: lineage %+v", p.ModelPackageArn, p.MetadataProperties)
			}
			if len(p.InferenceSpecification.Containers) != 1 || p.InferenceSpecification.Containers[0].ModelDataUrl == "" {
				t.Errorf("%s: no container", p.ModelPackageArn)
			}
			b, k, _ := splitS3(p.ModelMetrics.ModelQuality.Statistics.S3Uri)
			obj, err := w.Object(b, k)
			if err != nil {
				t.Fatalf("%s: report: %v", p.ModelPackageArn, err)
			}
			var doc map[string]map[string]struct {
				Value             *float64 `json:"value"`
				StandardDeviation *float64 `json:"standard_deviation"`
			}
			if err := json.Unmarshal(obj.Body, &doc); err != nil {
				var generic any
				if json.Unmarshal(obj.Body, &generic) != nil {
					malformed++
					continue
				}
				t.Fatalf("%s: report shape: %v", p.ModelPackageArn, err)
			}
			for kind, metrics := range doc {
				want := []string{"rmse", "mae", "mse", "r2"}
				if kind == "binary_classification_metrics" {
					want = []string{"accuracy", "precision", "recall", "f1", "auc"}
				}
				for _, m := range want {
					if v, ok := metrics[m]; !ok {
						missing++
					} else if v.Value == nil || v.StandardDeviation == nil {
						t.Errorf("%s: %s lacks value or standard_deviation", p.ModelPackageArn, m)
					}
				}
				if g.ModelPackageGroupName == "hdb-resale-valuation" && p.ModelApprovalStatus != world.Rejected && s.ModelPackageVersion != 1 {
					if r := *metrics["rmse"].Value; r < 20000 || r > 60000 {
						t.Errorf("HDB rmse %v is not SGD tens of thousands", r)
					}
					if r2 := *metrics["r2"].Value; r2 < 0.85 || r2 > 0.95 {
						t.Errorf("HDB r2 %v", r2)
					}
				}
			}
		}
		if states[world.Approved] == 0 || states[world.Rejected]+states[world.Approved] < 3 {
			t.Errorf("%s approval states %v", g.ModelPackageGroupName, states)
		}
	}
	if malformed != 1 || missing != 1 {
		t.Errorf("%d malformed reports and %d missing metrics, want one each", malformed, missing)
	}
	// Exactly one production version per group: the Approved one its prod endpoint serves.
	for _, g := range groups {
		served := map[string]bool{}
		for _, e := range w.Endpoints() {
			ep, _ := w.Endpoint(e.EndpointName)
			if v, _ := world.TagValue(ep.Tags, "ag:stage"); v != "prod" {
				continue
			}
			cfg, _ := w.EndpointConfig(ep.EndpointConfigName)
			m, _ := w.Model(cfg.ProductionVariants[0].ModelName)
			if strings.Contains(m.PrimaryContainer.ModelPackageName, "/"+g.ModelPackageGroupName+"/") {
				served[m.PrimaryContainer.ModelPackageName] = true
				p, _ := w.ModelPackage(m.PrimaryContainer.ModelPackageName)
				if p.ModelApprovalStatus != world.Approved {
					t.Errorf("production serves %s, which is %s", p.ModelPackageArn, p.ModelApprovalStatus)
				}
			}
		}
		if len(served) != 1 {
			t.Errorf("%s: %d production versions, want 1", g.ModelPackageGroupName, len(served))
		}
	}
}

func TestDefaultScenarioHasEndpointsInEveryState(t *testing.T) {
	w := generate(t).World
	eps := w.Endpoints()
	if len(eps) < 6 {
		t.Fatalf("got %d endpoints", len(eps))
	}
	status := map[string]int{}
	untagged := 0
	for _, e := range eps {
		status[e.EndpointStatus]++
		d, _ := w.Endpoint(e.EndpointName)
		if e.EndpointStatus == world.EndpointFailed && !strings.Contains(d.FailureReason, "ping health check") {
			t.Errorf("failed endpoint reason %q", d.FailureReason)
		}
		if e.EndpointStatus == world.EndpointUpdating && d.PendingDeploymentSummary == nil {
			t.Error("updating endpoint has no pending deployment")
		}
		if _, ok := world.TagValue(d.Tags, "sagemaker:project-name"); !ok {
			untagged++
		}
		for _, v := range d.ProductionVariants {
			if v.CurrentInstanceCount < 1 || v.CurrentWeight <= 0 || len(v.DeployedImages) == 0 {
				t.Errorf("%s variant %+v", e.EndpointName, v)
			}
		}
	}
	if status[world.EndpointFailed] != 1 || status[world.EndpointUpdating] != 1 || status[world.EndpointInService] < 4 {
		t.Errorf("endpoint states %v", status)
	}
	if untagged != 1 {
		t.Errorf("%d endpoints without a project tag, want 1", untagged)
	}
	alarms := w.Alarms(nil, "mom-work-pass-fraud-prod", "")
	for _, a := range alarms {
		if a.StateValue != world.AlarmAlarm || !strings.HasPrefix(a.StateReason, "Threshold Crossed:") {
			t.Errorf("incident alarm %s is %s: %s", a.AlarmName, a.StateValue, a.StateReason)
		}
	}
	if len(alarms) != 2 {
		t.Errorf("incident endpoint has %d alarms", len(alarms))
	}
	if ok := w.Alarms([]string{"hdb-resale-valuation-prod-5xx-errors"}, "", ""); len(ok) != 1 || ok[0].StateValue != world.AlarmOK {
		t.Errorf("healthy endpoint alarm %+v", ok)
	}
}

func TestDefaultScenarioHasApisAndOneIsThrottled(t *testing.T) {
	w := generate(t).World
	apis := w.RestApis()
	if len(apis) < 3 {
		t.Fatalf("got %d APIs", len(apis))
	}
	throttled := ""
	for _, a := range apis {
		res, _ := w.Resources(a.Id)
		uri := ""
		for _, r := range res {
			if m, ok := r.ResourceMethods["POST"]; ok {
				uri = m.MethodIntegration.Uri
			}
		}
		if !regexp.MustCompile(`^arn:aws:apigateway:ap-southeast-1:runtime\.sagemaker:path//endpoints/[a-z0-9-]+/invocations$`).MatchString(uri) {
			t.Errorf("%s integration uri %q", a.Name, uri)
		}
		st, err := w.Stage(a.Id, "prod")
		if err != nil {
			t.Fatal(err)
		}
		ms := st.MethodSettings["*/*"]
		if ms.ThrottlingRateLimit <= 0 || ms.ThrottlingBurstLimit <= 0 {
			t.Errorf("%s throttling %+v", a.Name, ms)
		}
		dims := map[string]string{"ApiName": a.Name, "Stage": "prod"}
		from := testStart.Add(-2 * time.Hour)
		_, count, _ := w.MetricData(world.NamespaceApiGateway, "Count", dims, "Sum", time.Hour, from, testStart)
		_, err4, _ := w.MetricData(world.NamespaceApiGateway, "4XXError", dims, "Average", time.Hour, from, testStart)
		if len(count) == 0 {
			t.Fatalf("%s has no traffic", a.Name)
		}
		if err4[len(err4)-1] > 0.05 {
			if count[len(count)-1]/60 < ms.ThrottlingRateLimit*60*0.99 {
				t.Errorf("%s: 4xx rate %.3f but only %.0f requests/min", a.Name, err4[len(err4)-1], count[len(count)-1]/60)
			}
			throttled = a.Name
		}
		acl := strings.TrimSuffix(st.WebAclArn[strings.Index(st.WebAclArn, "webacl/")+7:], "")
		acl = acl[:strings.IndexByte(acl, '/')]
		_, blocked, _ := w.MetricData(world.NamespaceWAF, "BlockedRequests", map[string]string{"WebACL": acl, "Region": "ap-southeast-1", "Rule": "ALL"}, "Sum", time.Hour, from, testStart)
		if len(blocked) == 0 || blocked[0] <= 0 {
			t.Errorf("%s: WAF blocked %v", a.Name, blocked)
		}
	}
	if throttled != "ssg-course-dropout-api" {
		t.Errorf("throttled API is %q", throttled)
	}
	// Its endpoint is healthy: answers flat at the limit, no 5xx.
	dims := map[string]string{"EndpointName": "ssg-course-dropout-prod", "VariantName": "AllTraffic"}
	_, inv, _ := w.MetricData(world.NamespaceSageMaker, "Invocations", dims, "Sum", time.Minute, testStart.Add(-30*time.Minute), testStart)
	_, e5, _ := w.MetricData(world.NamespaceSageMaker, "Invocation5XXErrors", dims, "Average", time.Hour, testStart.Add(-time.Hour), testStart)
	for _, v := range inv {
		if v != 1200 {
			t.Fatalf("throttled endpoint serves %v/min, want the stage limit 1200", v)
		}
	}
	for _, v := range e5 {
		if v > 0.001 {
			t.Errorf("throttled API's endpoint has a 5xx rate of %v", v)
		}
	}
	if len(e5) == 0 {
		t.Error("throttled API's endpoint reports no 5xx datapoints")
	}
}

func TestDefaultScenarioHasBackups(t *testing.T) {
	w := generate(t).World
	vaults := w.BackupVaults()
	if len(vaults) != 3 {
		t.Fatalf("got %d vaults", len(vaults))
	}
	partial := 0
	for _, fs := range w.FileSystems() {
		points, _ := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
		if len(points) != 35 {
			t.Errorf("%s has %d recovery points, want 35", fs.FileSystemId, len(points))
		}
		for i, p := range points {
			if p.Status == "PARTIAL" {
				partial++
			} else if p.Status != "COMPLETED" {
				t.Errorf("recovery point status %s", p.Status)
			}
			if i > 0 && p.BackupSizeInBytes > points[i-1].BackupSizeInBytes {
				t.Errorf("%s: sizes shrink over time", fs.FileSystemId)
			}
			if p.CreatedBy.BackupPlanName == "" || !regexp.MustCompile(`^arn:aws:backup:ap-southeast-1:318224574112:recovery-point:[0-9A-F-]{36}$`).MatchString(p.RecoveryPointArn) {
				t.Errorf("recovery point %+v", p)
			}
		}
		if len(points) > 1 && points[0].CreationDate.Sub(points[1].CreationDate) != 24*time.Hour {
			t.Errorf("backups are not daily: %v, %v", points[0].CreationDate, points[1].CreationDate)
		}
	}
	if partial != 1 {
		t.Errorf("%d PARTIAL recovery points, want 1", partial)
	}
	jobs := w.RestoreJobs("")
	st := map[string]int{}
	for _, j := range jobs {
		st[j.Status]++
		if j.Status == "FAILED" && j.StatusMessage == "" {
			t.Error("failed restore has no message")
		}
	}
	if st["COMPLETED"] < 2 || st["FAILED"] != 1 {
		t.Errorf("restore jobs %v", st)
	}
}

func TestDefaultScenarioHasGovernanceFindings(t *testing.T) {
	w := generate(t).World
	page, _ := w.TrainingJobs(world.TrainingJobQuery{StatusEquals: world.TrainingInProgress})
	over := false
	for _, s := range page.Items {
		j, _ := w.TrainingJob(s.TrainingJobName)
		proj, _ := world.TagValue(j.Tags, "sagemaker:project-name")
		p, err := w.Project(proj)
		if err != nil {
			continue
		}
		allowed, _ := world.TagValue(p.Tags, "ag:training-instance-types")
		if !strings.Contains(" "+allowed+" ", " "+j.ResourceConfig.InstanceType+" ") {
			over = true
			if j.ResourceConfig.InstanceType != "ml.p3.16xlarge" {
				t.Errorf("unexpected over-limit job on %s", j.ResourceConfig.InstanceType)
			}
		}
	}
	if !over {
		t.Error("no running training job breaks its project's limits")
	}
	page, _ = w.TrainingJobs(world.TrainingJobQuery{NameContains: "scratch-xgb-benchmark"})
	if len(page.Items) != 1 {
		t.Fatalf("untagged job: %v", page.Items)
	}
	tags, err := w.Tags(page.Items[0].TrainingJobArn)
	if err != nil || len(tags) != 0 {
		t.Errorf("untagged job has tags %v (%v)", tags, err)
	}
}

func TestPrincipalsAreDeterministic(t *testing.T) {
	a, b := generate(t).Principals, generate(t).Principals
	if len(a) != 13 {
		t.Fatalf("got %d principals, want 12 users and on-call", len(a))
	}
	keys := map[string]bool{}
	for i, p := range a {
		if p.AccessKeyID != b[i].AccessKeyID || p.SecretAccessKey != b[i].SecretAccessKey || p.ARN != b[i].ARN {
			t.Errorf("principal %s differs between runs", p.SessionName)
		}
		if !regexp.MustCompile(`^AKIA[A-Z0-9]{16}$`).MatchString(p.AccessKeyID) || len(p.SecretAccessKey) != 40 || keys[p.AccessKeyID] {
			t.Errorf("bad or repeated key %q / %q", p.AccessKeyID, p.SecretAccessKey)
		}
		keys[p.AccessKeyID] = true
		if p.Account != "318224574112" || !strings.HasPrefix(p.ARN, "arn:aws:sts::318224574112:assumed-role/") {
			t.Errorf("principal %+v", p)
		}
	}
	last := a[len(a)-1]
	if last.Role != iam.RoleOnCall || last.UserProfile != "" || len(last.Projects) != 0 {
		t.Errorf("on-call principal %+v", last)
	}
	if a[0].UserProfile == "" || a[0].DomainID == "" || len(a[0].Projects) == 0 {
		t.Errorf("user principal %+v", a[0])
	}
}

func TestInvalidScenariosReportTheLine(t *testing.T) {
	base := string(DefaultYAML())
	cases := []struct {
		name, from, to, want string
	}{
		{"syntax", "region: ap-southeast-1", "region: [ap-southeast-1", "line "},
		{"unknown field", "  days: 120 ", "  dayz: 120 ", "line 11: field dayz not found"},
		{"wrong type", "  in_progress: 4 ", "  in_progress: four ", "line 14: cannot unmarshal"},
		{"unknown agency", "    agency: mom\n    description: Risk score", "    agency: moe\n    description: Risk score", `line 107: project mom-work-pass-fraud: agency "moe" is not defined`},
		{"bad role", "role: mlops-engineer, projects: [mom-work-pass-fraud, mom-wsh", "role: engineer, projects: [mom-work-pass-fraud, mom-wsh", "line 39: user muhammad-hafiz: role"},
		{"bad shape", "pipeline: {shape: fan-in, executions: 12}", "pipeline: {shape: diamond, executions: 12}", `line 100: project hdb-flat-demand: pipeline shape "diamond"`},
		{"unknown template", "    template: R model build, train and deploy (plumber)", "    template: R model build and deploy",
			`line 73: project hdb-resale-valuation: template "R model build and deploy" is not defined under templates`},
		{"template twice", "  - name: Python model build, train and deploy", "  - name: R model build, train and deploy (plumber)",
			`line 63: template "R model build, train and deploy (plumber)" is defined twice`},
		{"bad product id", "  - name: Python model build, train and deploy\n", "  - name: Python model build, train and deploy\n    id: prod-XYZ\n",
			`line 64: template "Python model build, train and deploy": id "prod-XYZ" is not prod- and 13 lowercase letters or digits`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(base, c.from, c.to, 1)
			if text == base {
				t.Fatalf("case does not change the scenario")
			}
			_, err := Parse([]byte(text), "custom.yaml")
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "custom.yaml: ") {
				t.Errorf("error %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestLoadReadsAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.yaml")
	text := strings.Replace(string(DefaultYAML()), `account: "318224574112"`, `account: "111122223333"`, 1)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Account != "111122223333" {
		t.Errorf("account %s", s.Account)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
