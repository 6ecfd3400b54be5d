package sagemaker

import (
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// Search over the account's few catalogue resources: projects, pipelines
// and model package groups, each returned in full with its tags (what
// Describe and ListTags would say, in one call).

// SearchProject is a project as Search returns it: as DescribeProject
// does, with its tags.
type SearchProject struct {
	DescribeProjectOutput
	Tags []world.Tag
}

// SearchPipeline is a pipeline as Search returns it (no definition).
type SearchPipeline struct {
	PipelineArn         string
	PipelineName        string
	PipelineDisplayName string
	PipelineDescription string
	RoleArn             string
	PipelineStatus      string
	CreationTime        time.Time
	LastModifiedTime    time.Time
	LastRunTime         time.Time
	CreatedBy           *world.UserContext
	LastModifiedBy      *world.UserContext
	Tags                []world.Tag
}

// SearchModelPackageGroup is a model package group as Search returns it:
// as DescribeModelPackageGroup does, with its tags.
type SearchModelPackageGroup struct {
	DescribeModelPackageGroupOutput
	Tags []world.Tag
}

func (h handlers) searchProjects(expr *SearchExpression) ([]searchHit, error) {
	var hits []searchHit
	for _, p := range h.w.Projects() {
		r := catalogRecord{name: p.ProjectName, tags: p.Tags, props: map[string]any{
			"ProjectName": p.ProjectName, "ProjectArn": p.ProjectArn, "ProjectId": p.ProjectId,
			"ProjectStatus": p.ProjectStatus, "ProjectDescription": p.ProjectDescription,
			"CreationTime": p.CreationTime, "LastModifiedTime": p.LastModifiedTime,
		}}
		project := projectOut(p)
		project.CreatedBy = userContext(p.CreatedBy) // Search leaves out an empty CreatedBy; DescribeProject sends it
		rec := SearchRecord{Project: &SearchProject{DescribeProjectOutput: project, Tags: p.Tags}}
		if err := appendHit(&hits, expr, r, rec); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

func (h handlers) searchPipelines(expr *SearchExpression) ([]searchHit, error) {
	var hits []searchHit
	for _, p := range h.w.Pipelines() {
		r := catalogRecord{name: p.PipelineName, tags: p.Tags, props: map[string]any{
			"PipelineName": p.PipelineName, "PipelineArn": p.PipelineArn, "PipelineDisplayName": p.PipelineDisplayName,
			"PipelineDescription": p.PipelineDescription, "PipelineStatus": p.PipelineStatus, "RoleArn": p.RoleArn,
			"CreationTime": p.CreationTime, "LastModifiedTime": p.LastModifiedTime, "LastRunTime": p.LastRunTime,
		}}
		rec := SearchRecord{Pipeline: &SearchPipeline{
			PipelineArn: p.PipelineArn, PipelineName: p.PipelineName, PipelineDisplayName: p.PipelineDisplayName,
			PipelineDescription: p.PipelineDescription, RoleArn: p.RoleArn, PipelineStatus: p.PipelineStatus,
			CreationTime: p.CreationTime, LastModifiedTime: p.LastModifiedTime, LastRunTime: p.LastRunTime,
			CreatedBy: userContext(p.CreatedBy), LastModifiedBy: userContext(p.LastModifiedBy), Tags: p.Tags,
		}}
		if err := appendHit(&hits, expr, r, rec); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

func (h handlers) searchModelPackageGroups(expr *SearchExpression) ([]searchHit, error) {
	var hits []searchHit
	for _, g := range h.w.ModelPackageGroups() {
		r := catalogRecord{name: g.ModelPackageGroupName, tags: g.Tags, props: map[string]any{
			"ModelPackageGroupName": g.ModelPackageGroupName, "ModelPackageGroupArn": g.ModelPackageGroupArn,
			"ModelPackageGroupDescription": g.ModelPackageGroupDescription, "ModelPackageGroupStatus": g.ModelPackageGroupStatus,
			"CreationTime": g.CreationTime,
		}}
		rec := SearchRecord{ModelPackageGroup: &SearchModelPackageGroup{DescribeModelPackageGroupOutput: groupOut(g), Tags: g.Tags}}
		if err := appendHit(&hits, expr, r, rec); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// appendHit adds rec to hits when r matches expr.
func appendHit(hits *[]searchHit, expr *SearchExpression, r catalogRecord, rec SearchRecord) error {
	t, err := expr.eval(r)
	if err != nil || t != yes {
		return err
	}
	*hits = append(*hits, searchHit{id: r.name, rec: r, result: func() (SearchRecord, error) { return rec, nil }})
	return nil
}

// catalogRecord knows every property of a small resource up front.
type catalogRecord struct {
	name  string
	tags  []world.Tag
	props map[string]any
}

func (r catalogRecord) prop(name string) (any, bool, bool) {
	if key, ok := strings.CutPrefix(name, "Tags."); ok {
		v, found := world.TagValue(r.tags, key)
		return v, found, true
	}
	v, ok := r.props[name]
	switch x := v.(type) {
	case string:
		return x, x != "", true
	case time.Time:
		return x, !x.IsZero(), true
	}
	return v, ok, true
}
