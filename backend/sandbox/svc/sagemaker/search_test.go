package sagemaker_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// searchAll pages Search to the end, failing on a repeated result.
func searchAll(t *testing.T, c *sm.Client, in sm.SearchInput) []types.SearchRecord {
	t.Helper()
	var out []types.SearchRecord
	seen := map[string]bool{}
	p := sm.NewSearchPaginator(c, &in)
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Results {
			id := ""
			switch {
			case r.TrainingJob != nil:
				id = aws.ToString(r.TrainingJob.TrainingJobName)
			case r.Endpoint != nil:
				id = aws.ToString(r.Endpoint.EndpointName)
			}
			if seen[id] {
				t.Fatalf("%s appears twice", id)
			}
			seen[id] = true
			out = append(out, r)
		}
	}
	return out
}

func filter(name string, op types.Operator, value string) types.Filter {
	return types.Filter{Name: aws.String(name), Operator: op, Value: aws.String(value)}
}

func TestSearchTrainingJobsByProjectTag(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	for _, project := range []string{"hdb-resale-valuation", "ssg-course-dropout"} {
		want := jobsOfProject(t, env.World(), project)
		if len(want) < 20 {
			t.Fatalf("%s has %d jobs; want enough to page", project, len(want))
		}
		results := searchAll(t, c, sm.SearchInput{
			Resource:         types.ResourceTypeTrainingJob,
			SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("Tags.sagemaker:project-name", types.OperatorEquals, project)}},
			MaxResults:       aws.Int32(100),
		})
		var got []string
		for _, r := range results {
			j := r.TrainingJob
			if j == nil {
				t.Fatal("a TrainingJob search returned another kind of record")
			}
			if tagMap(j.Tags)["sagemaker:project-name"] != project {
				t.Errorf("%s has tags %v", aws.ToString(j.TrainingJobName), tagMap(j.Tags))
			}
			if i := len(got); i > 0 && j.LastModifiedTime.After(*results[i-1].TrainingJob.LastModifiedTime) {
				t.Error("results are not by LastModifiedTime, newest first (the default)")
			}
			got = append(got, aws.ToString(j.TrainingJobName))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Search found %d jobs, the world has %d", project, len(got), len(want))
		}
	}
}

func TestSearchTrainingJobRecordsAreFull(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	out, err := c.Search(t.Context(), &sm.SearchInput{
		Resource: types.ResourceTypeTrainingJob,
		SearchExpression: &types.SearchExpression{Filters: []types.Filter{
			filter("TrainingJobStatus", types.OperatorEquals, "Failed"),
			filter("FailureReason", types.OperatorContains, "out of memory"),
		}},
		SortBy: aws.String("CreationTime"), SortOrder: types.SearchSortOrderAscending, MaxResults: aws.Int32(100),
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range allJobs(t, env.World()) {
		if s.TrainingJobStatus != world.TrainingFailed {
			continue
		}
		j, _ := env.World().TrainingJob(s.TrainingJobName)
		if strings.Contains(strings.ToLower(j.FailureReason), "out of memory") {
			want = append(want, j.TrainingJobName)
		}
	}
	if len(want) == 0 {
		t.Fatal("the world has no out-of-memory failure; the test would prove nothing")
	}
	var got []string
	for _, r := range out.Results {
		j := r.TrainingJob
		got = append(got, aws.ToString(j.TrainingJobName))
		if j.TrainingJobStatus != types.TrainingJobStatusFailed || !strings.Contains(strings.ToLower(aws.ToString(j.FailureReason)), "out of memory") {
			t.Errorf("%s: %s %q", aws.ToString(j.TrainingJobName), j.TrainingJobStatus, aws.ToString(j.FailureReason))
		}
		if j.ResourceConfig == nil || j.AlgorithmSpecification == nil || len(j.SecondaryStatusTransitions) == 0 || len(j.Tags) == 0 {
			t.Errorf("%s: the record lacks the describe members or tags", aws.ToString(j.TrainingJobName))
		}
	}
	if !slices.Equal(got, want) || aws.ToInt64(out.TotalHits.Value) != int64(len(want)) {
		t.Errorf("found %v (total %d), want %v in creation order", got, aws.ToInt64(out.TotalHits.Value), want)
	}
}

func TestSearchOperatorsAndDescribedProperties(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	all := allJobs(t, env.World())
	count := func(keep func(world.TrainingJob, []world.Tag) bool) int {
		n := 0
		for _, s := range all {
			j, _ := env.World().TrainingJob(s.TrainingJobName)
			tags, _ := env.World().Tags(j.TrainingJobArn)
			if keep(j, tags) {
				n++
			}
		}
		return n
	}
	project := func(tags []world.Tag) string { v, _ := world.TagValue(tags, "sagemaker:project-name"); return v }
	cases := []struct {
		name string
		expr types.SearchExpression
		want int
	}{
		{"Or of two projects", types.SearchExpression{Operator: types.BooleanOperatorOr, Filters: []types.Filter{
			filter("Tags.sagemaker:project-name", types.OperatorEquals, "hdb-flat-demand"),
			filter("Tags.sagemaker:project-name", types.OperatorEquals, "ssg-course-dropout")}},
			count(func(_ world.TrainingJob, tags []world.Tag) bool {
				return project(tags) == "hdb-flat-demand" || project(tags) == "ssg-course-dropout"
			})},
		{"hyperparameter", types.SearchExpression{Filters: []types.Filter{
			filter("Tags.sagemaker:project-name", types.OperatorEquals, "hdb-resale-valuation"),
			filter("HyperParameters.num_trees", types.OperatorEquals, "800")}},
			count(func(j world.TrainingJob, tags []world.Tag) bool {
				return project(tags) == "hdb-resale-valuation" && j.HyperParameters["num_trees"] == "800"
			})},
		{"instance type In", types.SearchExpression{Filters: []types.Filter{
			filter("ResourceConfig.InstanceType", types.OperatorIn, "ml.m5.4xlarge,ml.g4dn.xlarge")}},
			count(func(j world.TrainingJob, _ []world.Tag) bool {
				return j.ResourceConfig.InstanceType == "ml.m5.4xlarge" || j.ResourceConfig.InstanceType == "ml.g4dn.xlarge"
			})},
		{"untagged", types.SearchExpression{Filters: []types.Filter{{Name: aws.String("Tags.sagemaker:project-name"), Operator: types.OperatorNotExists}}},
			count(func(_ world.TrainingJob, tags []world.Tag) bool { return project(tags) == "" })},
		{"sub-expression: long and not completed", types.SearchExpression{
			Filters: []types.Filter{filter("TrainingTimeInSeconds", types.OperatorGreaterThan, "2400")},
			SubExpressions: []types.SearchExpression{{Operator: types.BooleanOperatorOr, Filters: []types.Filter{
				filter("TrainingJobStatus", types.OperatorEquals, "Failed"), filter("TrainingJobStatus", types.OperatorEquals, "Stopped")}}}},
			count(func(j world.TrainingJob, _ []world.Tag) bool {
				return j.TrainingTimeInSeconds > 2400 && (j.TrainingJobStatus == world.TrainingFailed || j.TrainingJobStatus == world.TrainingStopped)
			})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.want == 0 {
				t.Fatal("no job matches in the world; the test would prove nothing")
			}
			expr := tc.expr
			got := searchAll(t, c, sm.SearchInput{Resource: types.ResourceTypeTrainingJob, SearchExpression: &expr, MaxResults: aws.Int32(100)})
			if len(got) != tc.want {
				t.Errorf("found %d jobs, want %d", len(got), tc.want)
			}
		})
	}
	_, err := c.Search(t.Context(), &sm.SearchInput{Resource: types.ResourceTypeTrainingJob, SearchExpression: &types.SearchExpression{
		Filters: []types.Filter{filter("CreationTime", types.OperatorGreaterThan, "last tuesday")}}})
	servertest.WantCode(t, err, "ValidationException")
	_, err = c.Search(t.Context(), &sm.SearchInput{Resource: "Spaceship"})
	servertest.WantCode(t, err, "ValidationException")
}

func TestSearchEndpoints(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	got := searchAll(t, c, sm.SearchInput{Resource: types.ResourceTypeEndpoint, SearchExpression: &types.SearchExpression{
		Filters: []types.Filter{filter("EndpointName", types.OperatorContains, "-prod")}},
		SortBy: aws.String("EndpointName"), SortOrder: types.SearchSortOrderAscending})
	var names []string
	for _, r := range got {
		e := r.Endpoint
		names = append(names, aws.ToString(e.EndpointName))
		w, _ := env.World().Endpoint(aws.ToString(e.EndpointName))
		if len(e.ProductionVariants) != len(w.ProductionVariants) || tagMap(e.Tags)["sagemaker:project-name"] == "" {
			t.Errorf("%s: %d variants, tags %v", w.EndpointName, len(e.ProductionVariants), tagMap(e.Tags))
		}
	}
	var want []string
	for _, e := range env.World().Endpoints() {
		if strings.Contains(e.EndpointName, "-prod") {
			want = append(want, e.EndpointName)
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("endpoints %v, want %v", names, want)
	}
	failed := searchAll(t, c, sm.SearchInput{Resource: types.ResourceTypeEndpoint, SearchExpression: &types.SearchExpression{
		Filters: []types.Filter{filter("EndpointStatus", types.OperatorEquals, "Failed")}}})
	if len(failed) != 1 || aws.ToString(failed[0].Endpoint.FailureReason) == "" {
		t.Errorf("failed endpoints = %d", len(failed))
	}
}
