package backend

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// worldJobs is every training job of the world, newest first.
func worldJobs(t testing.TB, w *world.World) []world.TrainingJobSummary {
	t.Helper()
	var out []world.TrainingJobSummary
	q := world.TrainingJobQuery{MaxResults: 100, SortBy: "CreationTime", SortOrder: world.Descending}
	for {
		page, err := w.TrainingJobs(q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page.Items...)
		if page.Next == "" {
			return out
		}
		q.After = page.Next
	}
}

// worldRunningJobs is the world's running training jobs, described.
func worldRunningJobs(t testing.TB, w *world.World) []world.TrainingJob {
	t.Helper()
	var out []world.TrainingJob
	for _, s := range worldJobs(t, w) {
		if s.TrainingJobStatus == world.TrainingInProgress || s.TrainingJobStatus == world.TrainingStopping {
			j, err := w.TrainingJob(s.TrainingJobName)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, j)
		}
	}
	return out
}

func TestSandboxProjectsAreTheWorldsWithMembersLimitsAndFindings(t *testing.T) {
	s := onNewSandbox(t, "project-admin")
	w := s.env.World()
	key := FeedKey{Kind: FeedProjects}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(ProjectsData)

	// Workspaces and users.
	if len(d.Domains) != len(w.Domains()) {
		t.Fatalf("domains = %d, the world has %d", len(d.Domains), len(w.Domains()))
	}
	for _, dom := range d.Domains {
		wd, err := w.Domain(dom.ID)
		if err != nil || dom.Name != wd.DomainName || dom.HomeEFSID != wd.HomeEfsFileSystemId || dom.HomeEFSID == "" {
			t.Errorf("domain %+v, want %s with home EFS %s (%v)", dom, wd.DomainName, wd.HomeEfsFileSystemId, err)
		}
	}
	wantUsers := 0
	for _, dom := range w.Domains() {
		wantUsers += len(w.UserProfiles(dom.DomainId))
	}
	if len(d.Users) != wantUsers {
		t.Fatalf("users = %d, the world has %d", len(d.Users), wantUsers)
	}
	for _, u := range d.Users {
		wu, err := w.UserProfile(u.DomainID, u.Name)
		if err != nil {
			t.Fatal(err)
		}
		tags := tagMap(wu.Tags)
		if string(u.Role) != tags["ag:role"] || !slices.Equal(u.Projects, fields(tags["ag:projects"])) {
			t.Errorf("user %s: role %q projects %v, want role %q projects %q from its tags", u.Name, u.Role, u.Projects, tags["ag:role"], tags["ag:projects"])
		}
	}

	// Projects: template, creator, limits and S3 access from tags, members.
	wantProjects := w.Projects()
	if len(d.Projects) != len(wantProjects) {
		t.Fatalf("projects = %d, the world has %d", len(d.Projects), len(wantProjects))
	}
	for _, p := range d.Projects {
		wp, err := w.Project(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		tags := tagMap(wp.Tags)
		product, err := w.Product(wp.ServiceCatalogProvisioningDetails.ProductId)
		if err != nil {
			t.Fatal(err)
		}
		if p.ARN != wp.ProjectArn || p.ID != wp.ProjectId || p.Status != wp.ProjectStatus ||
			p.Template != product.Name || p.TemplateID != product.ProductId || p.CreatedBy != wp.CreatedBy.UserProfileName || p.CreatedBy == "" {
			t.Errorf("project %s = %+v, want %+v of template %q", p.Name, p, wp, product.Name)
		}
		if !slices.Equal(p.Limits.Training, fields(tags["ag:training-instance-types"])) ||
			!slices.Equal(p.Limits.Endpoint, fields(tags["ag:endpoint-instance-types"])) ||
			!slices.Equal(p.Limits.Notebook, fields(tags["ag:notebook-instance-types"])) ||
			!slices.Equal(p.S3Access, fields(tags["ag:s3-access"])) || len(p.Limits.Training) == 0 || len(p.S3Access) == 0 {
			t.Errorf("project %s limits %+v, S3 %v; want them from tags %v", p.Name, p.Limits, p.S3Access, tags)
		}
		var members, want []string
		for _, m := range p.Members {
			members = append(members, m.Name)
		}
		for _, u := range d.Users {
			if slices.Contains(u.Projects, p.Name) {
				want = append(want, u.Name)
			}
		}
		if len(want) == 0 || !slices.Equal(sortedCopy(members), sortedCopy(want)) {
			t.Errorf("project %s members %v, want %v (users whose ag:projects names it)", p.Name, members, want)
		}
	}
	hdb := projectNamed(d.Projects, "hdb-resale-valuation")
	if hdb.Usage.Endpoints != 2 || hdb.Usage.Pipelines != 1 || hdb.Usage.RunningJobs == 0 || hdb.Usage.InstanceHoursMonth <= 0 {
		t.Errorf("hdb-resale-valuation usage = %+v, want its two endpoints, one pipeline and running jobs", hdb.Usage)
	}

	// The four findings the scenario plants, each with its sentence.
	var gpu world.TrainingJob
	for _, j := range worldRunningJobs(t, w) {
		if j.ResourceConfig.InstanceType == "ml.p3.16xlarge" {
			gpu = j
		}
	}
	if gpu.TrainingJobName == "" {
		t.Fatal("the world runs no ml.p3.16xlarge job")
	}
	var app world.App
	for _, a := range w.Apps("") {
		if a.ResourceSpec.InstanceType == "ml.g5.12xlarge" {
			app = a
		}
	}
	if app.AppName == "" {
		t.Fatal("the world has no ml.g5.12xlarge app")
	}
	chua := userNamed(d.Users, "chua-bee-lian")
	want := []domain.Finding{
		{Kind: domain.FindingInstanceOutsideLimits, Project: "hdb-flat-demand", ResourceType: "Studio app",
			ResourceName: "rajesh-kumar/JupyterLab/" + app.AppName, InstanceType: "ml.g5.12xlarge",
			Detail: fmt.Sprintf("JupyterLab app %s of user rajesh-kumar runs on ml.g5.12xlarge, outside project hdb-flat-demand's notebook limit (ml.t3.medium, ml.m5.large, ml.m5.xlarge).", app.AppName)},
		{Kind: domain.FindingInstanceOutsideLimits, Project: "hdb-resale-valuation", ResourceType: "training job",
			ResourceName: gpu.TrainingJobName, InstanceType: "ml.p3.16xlarge",
			Detail: fmt.Sprintf("Training job %s runs on ml.p3.16xlarge, outside project hdb-resale-valuation's training limit (ml.m5.xlarge, ml.m5.2xlarge, ml.m5.4xlarge).", gpu.TrainingJobName)},
		{Kind: domain.FindingUserWithoutRole, Project: "hdb-resale-valuation", ResourceType: "user profile", ResourceName: "chua-bee-lian",
			Detail: fmt.Sprintf("User profile chua-bee-lian in domain %s has no role, so agdash cannot tell whether chua-bee-lian is a data scientist, MLOps engineer or project admin.", chua.DomainID)},
		{Kind: domain.FindingResourceNoProject, ResourceType: "endpoint", ResourceName: "ssg-dropout-poc",
			Detail: "Endpoint ssg-dropout-poc is running with no project tag, so no project's limits or usage cover it."},
	}
	got := map[string]domain.Finding{}
	for _, f := range d.Findings {
		got[f.ResourceName] = f
	}
	if len(d.Findings) != len(want) {
		t.Errorf("findings = %d, want %d:", len(d.Findings), len(want))
		for _, f := range d.Findings {
			t.Errorf("  %s", f.Detail)
		}
	}
	for _, wf := range want {
		f := got[wf.ResourceName]
		if f.Kind != wf.Kind || f.Project != wf.Project || f.ResourceType != wf.ResourceType || f.InstanceType != wf.InstanceType || f.Detail != wf.Detail {
			t.Errorf("finding for %s =\n  %+v\nwant\n  %+v", wf.ResourceName, f, wf)
		}
	}
	if hdb.FindingCount != 2 {
		t.Errorf("hdb-resale-valuation counts %d findings, want 2 (the GPU job, the untagged user)", hdb.FindingCount)
	}
}

func TestSandboxProjectsArriveEarlyThenComplete(t *testing.T) {
	// The domains are described in the second stage: holding those calls
	// back keeps the complete delivery from replacing the early one.
	httpClient, open := gatedClient(t, "DescribeDomain")
	s := clientOn(t, sandboxtest.Start(t), "data-scientist", Options{AWS: aws.Options{HTTPClient: httpClient}})
	key := FeedKey{Kind: FeedProjects}
	defer s.c.Subscribe(key)()
	early := next(t, s.c, key)
	open()
	d, ok := early.Data.(ProjectsData)
	if !ok || !d.Loading || len(d.Projects) != len(s.env.World().Projects()) || len(d.Findings) != 0 {
		t.Fatalf("first delivery = %+v, want every project early, before findings", early)
	}
	if p := projectNamed(d.Projects, "hdb-resale-valuation"); len(p.Limits.Training) == 0 || p.Template != "R model build, train and deploy (plumber)" {
		t.Fatalf("early project = %+v, want its limits and its template's name already", p)
	}
	full := s.settled(t, key).Data.(ProjectsData)
	if len(full.Findings) == 0 || len(projectNamed(full.Projects, "hdb-resale-valuation").Members) == 0 {
		t.Fatalf("complete delivery has no findings or members: %+v", full)
	}
}

func TestSandboxProjectsFallBackWhereSearchIsRefused(t *testing.T) {
	env := sandboxtest.Start(t)
	s := clientOn(t, env, "project-admin", Options{})
	// As if this account's Search refused projects (an emulator, or an IAM
	// policy without sagemaker:Search): they are read one by one instead.
	s.c.projects.search.refused = map[string]bool{"Project": true}
	key := FeedKey{Kind: FeedProjects}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(ProjectsData)
	calls := s.c.Calls().ByOp
	n := int64(len(env.World().Projects()))
	if calls["sagemaker:DescribeProject"] != n || calls["sagemaker:ListProjects"] != 1 {
		t.Fatalf("calls = %v, want one DescribeProject per project", calls)
	}
	p := projectNamed(d.Projects, "hdb-resale-valuation")
	if strings.Join(p.Limits.Training, " ") != "ml.m5.xlarge ml.m5.2xlarge ml.m5.4xlarge" || p.Template == "" || p.CreatedBy == "" {
		t.Fatalf("project read one by one = %+v", p)
	}
}

func projectNamed(ps []domain.Project, name string) domain.Project {
	for _, p := range ps {
		if p.Name == name {
			return p
		}
	}
	return domain.Project{}
}

func userNamed(us []domain.User, name string) domain.User {
	for _, u := range us {
		if u.Name == name {
			return u
		}
	}
	return domain.User{}
}
