package sagemaker_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// listAll pages ListTrainingJobs to the end and fails on any repeat.
func listAll(t *testing.T, c *sm.Client, in sm.ListTrainingJobsInput) (items []types.TrainingJobSummary, pages int) {
	t.Helper()
	seen := map[string]bool{}
	p := sm.NewListTrainingJobsPaginator(c, &in)
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		pages++
		if in.MaxResults != nil && len(out.TrainingJobSummaries) > int(*in.MaxResults) {
			t.Fatalf("page %d has %d jobs, more than MaxResults %d", pages, len(out.TrainingJobSummaries), *in.MaxResults)
		}
		for _, s := range out.TrainingJobSummaries {
			name := aws.ToString(s.TrainingJobName)
			if seen[name] {
				t.Fatalf("job %s appears twice (page %d)", name, pages)
			}
			seen[name] = true
			items = append(items, s)
		}
	}
	return items, pages
}

func names(items []types.TrainingJobSummary) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = aws.ToString(s.TrainingJobName)
	}
	return out
}

func TestListTrainingJobsPagesEveryJobOnceInBothOrders(t *testing.T) {
	env := sandboxtest.Start(t, func(o *sandbox.Options) { o.Scale = 3 })
	c := client(t, env, "data-scientist")
	want := allJobs(t, env.World())
	if len(want) < 1000 {
		t.Fatalf("the world has %d jobs; the test wants several pages of 100", len(want))
	}

	asc, pages := listAll(t, c, sm.ListTrainingJobsInput{MaxResults: aws.Int32(100)})
	if wantPages := (len(want) + 99) / 100; pages != wantPages {
		t.Errorf("%d pages, want %d", pages, wantPages)
	}
	if len(asc) != len(want) {
		t.Fatalf("listed %d jobs, the world has %d", len(asc), len(want))
	}
	for i, s := range asc {
		w := want[i]
		if aws.ToString(s.TrainingJobName) != w.TrainingJobName {
			t.Fatalf("job %d = %s, want %s (ascending creation order)", i, aws.ToString(s.TrainingJobName), w.TrainingJobName)
		}
		wantStr(t, "TrainingJobArn", s.TrainingJobArn, w.TrainingJobArn)
		if string(s.TrainingJobStatus) != string(w.TrainingJobStatus) || string(s.SecondaryStatus) != w.SecondaryStatus {
			t.Errorf("%s: status %s/%s, want %s/%s", w.TrainingJobName, s.TrainingJobStatus, s.SecondaryStatus, w.TrainingJobStatus, w.SecondaryStatus)
		}
		wantTime(t, w.TrainingJobName+" CreationTime", s.CreationTime, w.CreationTime)
		wantTime(t, w.TrainingJobName+" LastModifiedTime", s.LastModifiedTime, w.LastModifiedTime)
		wantTime(t, w.TrainingJobName+" TrainingEndTime", s.TrainingEndTime, w.TrainingEndTime)
		if i > 0 && s.CreationTime.Before(*asc[i-1].CreationTime) {
			t.Fatalf("job %d was created before job %d", i, i-1)
		}
	}

	desc, _ := listAll(t, c, sm.ListTrainingJobsInput{MaxResults: aws.Int32(100), SortOrder: types.SortOrderDescending})
	reversed := names(asc)
	slices.Reverse(reversed)
	if !slices.Equal(names(desc), reversed) {
		t.Error("Descending is not the ascending list reversed")
	}

	byName, _ := listAll(t, c, sm.ListTrainingJobsInput{MaxResults: aws.Int32(100), SortBy: types.SortByName})
	byNameDesc, _ := listAll(t, c, sm.ListTrainingJobsInput{MaxResults: aws.Int32(100), SortBy: types.SortByName, SortOrder: types.SortOrderDescending})
	sorted := names(asc)
	slices.Sort(sorted)
	if !slices.Equal(names(byName), sorted) {
		t.Error("SortBy Name Ascending does not list every job in name order")
	}
	slices.Reverse(sorted)
	if !slices.Equal(names(byNameDesc), sorted) {
		t.Error("SortBy Name Descending does not list every job in reverse name order")
	}

	byStatus, _ := listAll(t, c, sm.ListTrainingJobsInput{MaxResults: aws.Int32(100), SortBy: types.SortByStatus})
	if len(byStatus) != len(want) {
		t.Errorf("SortBy Status listed %d jobs, want %d", len(byStatus), len(want))
	}
	for i := 1; i < len(byStatus); i++ {
		if byStatus[i].TrainingJobStatus < byStatus[i-1].TrainingJobStatus {
			t.Fatalf("SortBy Status: %s after %s", byStatus[i].TrainingJobStatus, byStatus[i-1].TrainingJobStatus)
		}
	}
}

func TestListTrainingJobsDefaultsToTenAndCapsAtHundred(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	out, err := c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.TrainingJobSummaries) != 10 || out.NextToken == nil {
		t.Errorf("default page: %d jobs, NextToken %v; want 10 and a token", len(out.TrainingJobSummaries), out.NextToken)
	}
	oldest := allJobs(t, env.World())[:10]
	for i, s := range out.TrainingJobSummaries {
		wantStr(t, "job", s.TrainingJobName, oldest[i].TrainingJobName)
	}
	_, err = c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{MaxResults: aws.Int32(101)})
	if msg := servertest.WantCode(t, err, "ValidationException"); !strings.Contains(msg, "maxResults") {
		t.Errorf("message %q does not name maxResults", msg)
	}
	_, err = c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{MaxResults: aws.Int32(0)})
	servertest.WantCode(t, err, "ValidationException")
}

func TestListTrainingJobsRefusesBadTokens(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	for _, tok := range []string{"garbage", "bm90LWEtdG9rZW4", ""} {
		if tok == "" {
			continue
		}
		_, err := c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{NextToken: aws.String(tok)})
		servertest.WantCode(t, err, "ValidationException")
	}
	first, err := c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{MaxResults: aws.Int32(5)})
	if err != nil {
		t.Fatal(err)
	}
	// A token is only good for the sort it came from.
	_, err = c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{NextToken: first.NextToken, SortBy: types.SortByName})
	servertest.WantCode(t, err, "ValidationException")
	// Nor for another operation.
	_, err = c.ListEndpoints(t.Context(), &sm.ListEndpointsInput{NextToken: first.NextToken})
	servertest.WantCode(t, err, "ValidationException")
}

func TestListTrainingJobsFilters(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	all := allJobs(t, env.World())
	count := func(keep func(world.TrainingJobSummary) bool) []string {
		var out []string
		for _, j := range all {
			if keep(j) {
				out = append(out, j.TrainingJobName)
			}
		}
		return out
	}
	mid := all[len(all)/2].CreationTime
	late := all[len(all)*3/4].LastModifiedTime
	cases := []struct {
		name string
		in   sm.ListTrainingJobsInput
		want []string
	}{
		{"InProgress", sm.ListTrainingJobsInput{StatusEquals: types.TrainingJobStatusInProgress},
			count(func(j world.TrainingJobSummary) bool { return j.TrainingJobStatus == world.TrainingInProgress })},
		{"Failed", sm.ListTrainingJobsInput{StatusEquals: types.TrainingJobStatusFailed},
			count(func(j world.TrainingJobSummary) bool { return j.TrainingJobStatus == world.TrainingFailed })},
		{"NameContains RANGER", sm.ListTrainingJobsInput{NameContains: aws.String("RANGER")},
			count(func(j world.TrainingJobSummary) bool { return strings.Contains(j.TrainingJobName, "ranger") })},
		{"CreationTimeAfter", sm.ListTrainingJobsInput{CreationTimeAfter: aws.Time(mid)},
			count(func(j world.TrainingJobSummary) bool { return j.CreationTime.After(mid) })},
		{"CreationTimeBefore", sm.ListTrainingJobsInput{CreationTimeBefore: aws.Time(mid)},
			count(func(j world.TrainingJobSummary) bool { return j.CreationTime.Before(mid) })},
		{"LastModifiedTimeAfter", sm.ListTrainingJobsInput{LastModifiedTimeAfter: aws.Time(late)},
			count(func(j world.TrainingJobSummary) bool { return j.LastModifiedTime.After(late) })},
		{"LastModifiedTimeBefore", sm.ListTrainingJobsInput{LastModifiedTimeBefore: aws.Time(late)},
			count(func(j world.TrainingJobSummary) bool { return j.LastModifiedTime.Before(late) })},
		{"Deleting", sm.ListTrainingJobsInput{StatusEquals: types.TrainingJobStatusDeleting}, nil},
		{"WarmPoolStatusEquals", sm.ListTrainingJobsInput{WarmPoolStatusEquals: types.WarmPoolResourceStatusAvailable}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name != "Deleting" && tc.name != "WarmPoolStatusEquals" && len(tc.want) == 0 {
				t.Fatal("the world has no job for this filter; the test would prove nothing")
			}
			in := tc.in
			in.MaxResults = aws.Int32(100)
			got, _ := listAll(t, c, in)
			if !slices.Equal(names(got), tc.want) {
				t.Errorf("got %d jobs, want %d", len(got), len(tc.want))
			}
		})
	}
	_, err := c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{StatusEquals: "Running"})
	servertest.WantCode(t, err, "ValidationException")
	_, err = c.ListTrainingJobs(t.Context(), &sm.ListTrainingJobsInput{SortBy: "Size"})
	servertest.WantCode(t, err, "ValidationException")
}

// A job created between two pages neither repeats an item nor hides one.
func TestListTrainingJobsPagingSurvivesNewJobs(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "data-scientist")
	before := allJobs(t, env.World())
	in := &sm.ListTrainingJobsInput{MaxResults: aws.Int32(100)}
	first, err := c.ListTrainingJobs(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(time.Minute)
	if _, err := c.CreateTrainingJob(t.Context(), newJobInput("hdb-paging-probe", "hdb-resale-valuation")); err != nil {
		t.Fatal(err)
	}
	got := names(first.TrainingJobSummaries)
	in.NextToken = first.NextToken
	rest, _ := listAll(t, c, *in)
	got = append(got, names(rest)...)
	var want []string
	for _, j := range before {
		want = append(want, j.TrainingJobName)
	}
	want = append(want, "hdb-paging-probe")
	if !slices.Equal(got, want) {
		t.Errorf("listed %d jobs across the creation, want %d (every old job once, then the new one)", len(got), len(want))
	}
}
