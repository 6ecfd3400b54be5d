package sagemaker

import (
	"cmp"
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Search over training jobs, endpoints and (search_catalog.go) projects,
// pipelines and model package groups. A training-job search scans
// every job's summary and tags in one pass and describes only the jobs
// that a filter on a described property (hyperparameters, metrics, …)
// still has to decide, and the page it returns.

var searchResourceTypes = []string{"TrainingJob", "Experiment", "ExperimentTrial", "ExperimentTrialComponent", "Endpoint", "Model",
	"ModelPackage", "ModelPackageGroup", "Pipeline", "PipelineExecution", "FeatureGroup", "FeatureMetadata", "Image", "ImageVersion",
	"Project", "HyperParameterTuningJob", "ModelCard", "PipelineVersion", "Job", "HubContent"}

type SearchInput struct {
	Resource         string `aws:",required"`
	SearchExpression *SearchExpression
	SortBy           *string
	SortOrder        string
	MaxResults       *int32
	NextToken        *string
}

// SearchTrainingJob is a training job as Search returns it: the describe
// shape with its tags.
type SearchTrainingJob struct {
	TrainingJob
	Tags []world.Tag
}

// SearchEndpoint is an endpoint as Search returns it, with its tags.
type SearchEndpoint struct {
	Endpoint
	Tags []world.Tag
}

type SearchRecord struct {
	TrainingJob       *SearchTrainingJob
	Endpoint          *SearchEndpoint
	Project           *SearchProject
	Pipeline          *SearchPipeline
	ModelPackageGroup *SearchModelPackageGroup
}

type TotalHits struct {
	Value    int64
	Relation string
}

type SearchOutput struct {
	Results   []SearchRecord
	NextToken *string
	TotalHits *TotalHits
}

// search is `aws sagemaker search --resource TrainingJob --search-expression '{"Filters":[…]}'`.
// Results are sorted by SortBy (LastModifiedTime by default), descending
// unless SortOrder says Ascending; 10 a page by default, at most 100.
func (h handlers) search(_ context.Context, _ *server.Call, in *SearchInput) (*SearchOutput, error) {
	if err := checkEnum("resource", in.Resource, searchResourceTypes...); err != nil {
		return nil, err
	}
	if err := checkEnum("sortOrder", in.SortOrder, sortOrders...); err != nil {
		return nil, err
	}
	expr := &SearchExpression{}
	if in.SearchExpression != nil {
		expr = in.SearchExpression
		if err := expr.check(1); err != nil {
			return nil, err
		}
	}
	sortBy := "LastModifiedTime"
	if in.SortBy != nil && *in.SortBy != "" {
		sortBy = *in.SortBy
	}
	var hits []searchHit
	var err error
	switch in.Resource {
	case "TrainingJob":
		hits, err = h.searchTrainingJobs(expr, sortBy)
	case "Endpoint":
		hits, err = h.searchEndpoints(expr)
	case "Project":
		hits, err = h.searchProjects(expr)
	case "Pipeline":
		hits, err = h.searchPipelines(expr)
	case "ModelPackageGroup":
		hits, err = h.searchModelPackageGroups(expr)
	default:
		return nil, server.ValidationException("The sandbox's Search supports the TrainingJob, Endpoint, Project, Pipeline and ModelPackageGroup resources, not %s.", in.Resource)
	}
	if err != nil {
		return nil, err
	}
	desc := descending(in.SortOrder, "Descending")
	sortItems(hits, false, func(a, b searchHit) int {
		av, aok, _ := a.rec.prop(sortBy)
		bv, bok, _ := b.rec.prop(sortBy)
		if aok != bok { // absent values last, whichever the order
			return compareValues(av, bv, aok, bok)
		}
		c := compareValues(av, bv, aok, bok)
		if desc {
			c = -c
		}
		return cmp.Or(c, strings.Compare(a.id, b.id))
	})
	page, err := pageOf("Search/"+in.Resource, hits, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	out := &SearchOutput{Results: make([]SearchRecord, 0, len(page.Items)), NextToken: page.Next,
		TotalHits: &TotalHits{Value: int64(len(hits)), Relation: "EqualTo"}}
	for _, hit := range page.Items {
		r, err := hit.result()
		if err != nil {
			return nil, err
		}
		out.Results = append(out.Results, r)
	}
	return out, nil
}

// searchHit is one matching resource and how to render it.
type searchHit struct {
	id     string
	rec    record
	result func() (SearchRecord, error)
}

func (h handlers) searchTrainingJobs(expr *SearchExpression, sortBy string) ([]searchHit, error) {
	var matched, undecided []*trainingRecord
	var scanErr error
	h.w.EachTrainingJob(func(s world.TrainingJobSummary, tags []world.Tag) bool {
		r := &trainingRecord{sum: s, tags: tags}
		t, err := expr.eval(r)
		switch {
		case err != nil:
			scanErr = err
			return false
		case t == yes:
			matched = append(matched, r)
		case t == maybe:
			undecided = append(undecided, r)
		}
		return true
	})
	if scanErr != nil {
		return nil, scanErr
	}
	for _, r := range undecided {
		if err := r.describe(h.w); err != nil {
			continue // gone since the scan
		}
		t, err := expr.eval(r)
		if err != nil {
			return nil, err
		}
		if t == yes {
			matched = append(matched, r)
		}
	}
	hits := make([]searchHit, 0, len(matched))
	for _, r := range matched {
		if _, _, known := r.prop(sortBy); !known {
			if err := r.describe(h.w); err != nil {
				continue
			}
		}
		r := r
		hits = append(hits, searchHit{id: r.sum.TrainingJobName, rec: r, result: func() (SearchRecord, error) {
			if err := r.describe(h.w); err != nil {
				return SearchRecord{}, fromWorld(err, nil)
			}
			return SearchRecord{TrainingJob: &SearchTrainingJob{TrainingJob: trainingJobOut(*r.full), Tags: r.tags}}, nil
		}})
	}
	return hits, nil
}

func (h handlers) searchEndpoints(expr *SearchExpression) ([]searchHit, error) {
	var hits []searchHit
	for _, s := range h.w.Endpoints() {
		e, err := h.w.Endpoint(s.EndpointName)
		if err != nil {
			continue
		}
		r := endpointRecord{e: e}
		t, err := expr.eval(r)
		if err != nil {
			return nil, err
		}
		if t != yes {
			continue
		}
		hits = append(hits, searchHit{id: e.EndpointName, rec: r, result: func() (SearchRecord, error) {
			return SearchRecord{Endpoint: &SearchEndpoint{Endpoint: endpointOut(e), Tags: e.Tags}}, nil
		}})
	}
	return hits, nil
}

// trainingRecord knows a job's summary and tags, and its description once
// describe has run.
type trainingRecord struct {
	sum  world.TrainingJobSummary
	tags []world.Tag
	full *world.TrainingJob
}

func (r *trainingRecord) describe(w *world.World) error {
	if r.full != nil {
		return nil
	}
	j, err := w.TrainingJob(r.sum.TrainingJobName)
	if err != nil {
		return err
	}
	r.full = &j
	return nil
}

func (r *trainingRecord) prop(name string) (any, bool, bool) {
	s := r.sum
	switch name {
	case "TrainingJobName":
		return s.TrainingJobName, true, true
	case "TrainingJobArn":
		return s.TrainingJobArn, true, true
	case "TrainingJobStatus":
		return string(s.TrainingJobStatus), true, true
	case "SecondaryStatus":
		return s.SecondaryStatus, s.SecondaryStatus != "", true
	case "CreationTime":
		return s.CreationTime, true, true
	case "LastModifiedTime":
		return s.LastModifiedTime, true, true
	case "TrainingEndTime":
		return s.TrainingEndTime, !s.TrainingEndTime.IsZero(), true
	}
	if key, ok := strings.CutPrefix(name, "Tags."); ok {
		v, found := world.TagValue(r.tags, key)
		return v, found, true
	}
	if r.full == nil {
		return nil, false, false
	}
	v, ok := describedProp(r.full, name)
	return v, ok, true
}

// describedProp is a property that only DescribeTrainingJob knows.
func describedProp(j *world.TrainingJob, name string) (any, bool) {
	str := func(v string) (any, bool) { return v, v != "" }
	num := func(v int32) (any, bool) { return float64(v), v != 0 }
	at := func(t time.Time) (any, bool) { return t, !t.IsZero() }
	spec := j.TrainingJobSpec
	switch name {
	case "FailureReason":
		return str(j.FailureReason)
	case "TrainingStartTime":
		return at(j.TrainingStartTime)
	case "TrainingTimeInSeconds":
		return num(j.TrainingTimeInSeconds)
	case "BillableTimeInSeconds":
		return num(j.BillableTimeInSeconds)
	case "RoleArn":
		return str(spec.RoleArn)
	case "AlgorithmSpecification.TrainingImage":
		return str(spec.AlgorithmSpecification.TrainingImage)
	case "AlgorithmSpecification.TrainingInputMode":
		return str(spec.AlgorithmSpecification.TrainingInputMode)
	case "ResourceConfig.InstanceType":
		return str(spec.ResourceConfig.InstanceType)
	case "ResourceConfig.InstanceCount":
		return num(spec.ResourceConfig.InstanceCount)
	case "ResourceConfig.VolumeSizeInGB":
		return num(spec.ResourceConfig.VolumeSizeInGB)
	case "OutputDataConfig.S3OutputPath":
		return str(spec.OutputDataConfig.S3OutputPath)
	case "ModelArtifacts.S3ModelArtifacts":
		return str(j.ModelArtifacts.S3ModelArtifacts)
	case "StoppingCondition.MaxRuntimeInSeconds":
		return num(spec.StoppingCondition.MaxRuntimeInSeconds)
	case "EnableManagedSpotTraining":
		return boolText(spec.EnableManagedSpotTraining), true
	case "EnableNetworkIsolation":
		return boolText(spec.EnableNetworkIsolation), true
	case "ExperimentConfig.ExperimentName":
		return str(spec.ExperimentConfig.ExperimentName)
	case "ExperimentConfig.TrialName":
		return str(spec.ExperimentConfig.TrialName)
	}
	if key, ok := strings.CutPrefix(name, "HyperParameters."); ok {
		v, found := spec.HyperParameters[key]
		return v, found
	}
	if key, ok := strings.CutPrefix(name, "Environment."); ok {
		v, found := spec.Environment[key]
		return v, found
	}
	for _, prefix := range []string{"Metrics.", "FinalMetricDataList."} {
		if metric, ok := strings.CutPrefix(name, prefix); ok {
			for _, m := range j.FinalMetricDataList {
				if m.MetricName == metric {
					return m.Value, true
				}
			}
			return nil, false
		}
	}
	return nil, false
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// endpointRecord knows everything about an endpoint: there are few.
type endpointRecord struct {
	e world.Endpoint
}

func (r endpointRecord) prop(name string) (any, bool, bool) {
	e := r.e
	str := func(v string) (any, bool, bool) { return v, v != "", true }
	switch name {
	case "EndpointName":
		return str(e.EndpointName)
	case "EndpointArn":
		return str(e.EndpointArn)
	case "EndpointConfigName":
		return str(e.EndpointConfigName)
	case "EndpointStatus":
		return str(e.EndpointStatus)
	case "FailureReason":
		return str(e.FailureReason)
	case "CreationTime":
		return e.CreationTime, true, true
	case "LastModifiedTime":
		return e.LastModifiedTime, true, true
	}
	if key, ok := strings.CutPrefix(name, "Tags."); ok {
		v, found := world.TagValue(e.Tags, key)
		return v, found, true
	}
	return nil, false, true
}
