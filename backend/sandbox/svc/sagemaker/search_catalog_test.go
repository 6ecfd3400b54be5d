package sagemaker_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// sdkTags turns Search's tags into a map.
func sdkTags(tags []types.Tag) map[string]string {
	m := map[string]string{}
	for _, t := range tags {
		m[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return m
}

func worldTags(tags []world.Tag) map[string]string {
	m := map[string]string{}
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return m
}

func sameTags(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestSearchProjectsReturnsEachInFullWithTags(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "project-admin")
	out, err := c.Search(t.Context(), &sm.SearchInput{Resource: types.ResourceTypeProject, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	want := env.World().Projects()
	if len(out.Results) != len(want) || len(want) == 0 {
		t.Fatalf("Search returned %d projects, the world has %d", len(out.Results), len(want))
	}
	byName := map[string]*types.Project{}
	for _, r := range out.Results {
		if r.Project == nil {
			t.Fatalf("record without a project: %+v", r)
		}
		byName[aws.ToString(r.Project.ProjectName)] = r.Project
	}
	for _, w := range want {
		p := byName[w.ProjectName]
		if p == nil {
			t.Fatalf("project %s missing", w.ProjectName)
		}
		if aws.ToString(p.ProjectArn) != w.ProjectArn || aws.ToString(p.ProjectId) != w.ProjectId ||
			string(p.ProjectStatus) != w.ProjectStatus || !aws.ToTime(p.CreationTime).Equal(w.CreationTime) ||
			aws.ToString(p.ServiceCatalogProvisioningDetails.ProductId) != w.ServiceCatalogProvisioningDetails.ProductId ||
			aws.ToString(p.CreatedBy.UserProfileName) != w.CreatedBy.UserProfileName {
			t.Errorf("project %s = %+v, want %+v", w.ProjectName, p, w)
		}
		if !sameTags(sdkTags(p.Tags), worldTags(w.Tags)) {
			t.Errorf("project %s tags = %v, want %v", w.ProjectName, sdkTags(p.Tags), worldTags(w.Tags))
		}
	}

	one, err := c.Search(t.Context(), &sm.SearchInput{Resource: types.ResourceTypeProject, SearchExpression: &types.SearchExpression{
		Filters: []types.Filter{filter("ProjectName", types.OperatorEquals, "hdb-resale-valuation")}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Results) != 1 || aws.ToString(one.Results[0].Project.ProjectName) != "hdb-resale-valuation" {
		t.Fatalf("filtered search = %+v, want only hdb-resale-valuation", one.Results)
	}
}

func TestSearchPipelinesAndModelPackageGroupsCarryTheirProjectTag(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	pipes, err := c.Search(t.Context(), &sm.SearchInput{Resource: types.ResourceTypePipeline, MaxResults: aws.Int32(100),
		SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("Tags.sagemaker:project-name", types.OperatorEquals, "hdb-flat-demand")}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(pipes.Results) != 1 {
		t.Fatalf("pipelines of hdb-flat-demand = %+v, want one", pipes.Results)
	}
	p := pipes.Results[0].Pipeline
	w, err := env.World().Pipeline(aws.ToString(p.PipelineName))
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(p.PipelineArn) != w.PipelineArn || string(p.PipelineStatus) != w.PipelineStatus ||
		!aws.ToTime(p.LastRunTime).Equal(w.LastRunTime) || !sameTags(sdkTags(p.Tags), worldTags(w.Tags)) {
		t.Fatalf("pipeline = %+v, want %+v", p, w)
	}

	groups, err := c.Search(t.Context(), &sm.SearchInput{Resource: types.ResourceTypeModelPackageGroup, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	want := env.World().ModelPackageGroups()
	if len(groups.Results) != len(want) || len(want) == 0 {
		t.Fatalf("Search returned %d groups, the world has %d", len(groups.Results), len(want))
	}
	for _, r := range groups.Results {
		g := r.ModelPackageGroup
		wg, err := env.World().ModelPackageGroup(aws.ToString(g.ModelPackageGroupName))
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(g.ModelPackageGroupArn) != wg.ModelPackageGroupArn || !sameTags(sdkTags(g.Tags), worldTags(wg.Tags)) ||
			sdkTags(g.Tags)["sagemaker:project-name"] == "" {
			t.Fatalf("group = %+v, want %+v with its project tag", g, wg)
		}
	}
}
