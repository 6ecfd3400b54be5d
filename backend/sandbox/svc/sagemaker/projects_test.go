package sagemaker_test

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestListProjects(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "data-scientist")
	want := env.World().Projects()
	out, err := c.ListProjects(t.Context(), &sm.ListProjectsInput{SortBy: types.ProjectSortByName, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	var got, wantNames []string
	for _, p := range out.ProjectSummaryList {
		got = append(got, aws.ToString(p.ProjectName))
	}
	for _, p := range want {
		wantNames = append(wantNames, p.ProjectName)
	}
	slices.Sort(wantNames)
	if !slices.Equal(got, wantNames) {
		t.Errorf("projects by name = %v, want %v", got, wantNames)
	}
	for _, p := range out.ProjectSummaryList {
		w, _ := env.World().Project(aws.ToString(p.ProjectName))
		wantStr(t, "ProjectId", p.ProjectId, w.ProjectId)
		wantStr(t, "ProjectArn", p.ProjectArn, w.ProjectArn)
		wantStr(t, "ProjectDescription", p.ProjectDescription, w.ProjectDescription)
		if string(p.ProjectStatus) != w.ProjectStatus {
			t.Errorf("%s: status %s, want %s", w.ProjectName, p.ProjectStatus, w.ProjectStatus)
		}
		wantTime(t, "CreationTime", p.CreationTime, w.CreationTime)
	}

	// Default: CreationTime ascending, ten a page.
	def, err := c.ListProjects(t.Context(), &sm.ListProjectsInput{MaxResults: aws.Int32(2)})
	if err != nil {
		t.Fatal(err)
	}
	if len(def.ProjectSummaryList) != 2 || def.NextToken == nil || def.ProjectSummaryList[0].CreationTime.After(*def.ProjectSummaryList[1].CreationTime) {
		t.Errorf("first page of two: %d projects, token %v, ascending creation expected", len(def.ProjectSummaryList), def.NextToken)
	}

	hdb, err := c.ListProjects(t.Context(), &sm.ListProjectsInput{NameContains: aws.String("hdb-")})
	if err != nil {
		t.Fatal(err)
	}
	if len(hdb.ProjectSummaryList) != 2 {
		t.Errorf("NameContains hdb- = %d projects, want 2", len(hdb.ProjectSummaryList))
	}
}

func TestDescribeProject(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	w, err := env.World().Project("hdb-resale-valuation")
	if err != nil {
		t.Fatal(err)
	}
	d, err := c.DescribeProject(t.Context(), &sm.DescribeProjectInput{ProjectName: aws.String("hdb-resale-valuation")})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "ProjectId", d.ProjectId, w.ProjectId)
	wantStr(t, "ProjectArn", d.ProjectArn, w.ProjectArn)
	wantStr(t, "ProjectDescription", d.ProjectDescription, w.ProjectDescription)
	if d.ServiceCatalogProvisioningDetails == nil || aws.ToString(d.ServiceCatalogProvisioningDetails.ProductId) != w.ServiceCatalogProvisioningDetails.ProductId ||
		w.ServiceCatalogProvisioningDetails.ProductId == "" {
		t.Errorf("ServiceCatalogProvisioningDetails = %+v, want product %s", d.ServiceCatalogProvisioningDetails, w.ServiceCatalogProvisioningDetails.ProductId)
	}
	if d.ProjectStatus != types.ProjectStatusCreateCompleted {
		t.Errorf("ProjectStatus = %s", d.ProjectStatus)
	}
	wantTime(t, "CreationTime", d.CreationTime, w.CreationTime)
	_, err = c.DescribeProject(t.Context(), &sm.DescribeProjectInput{ProjectName: aws.String("no-such-project")})
	servertest.WantCode(t, err, "ValidationException")
}
