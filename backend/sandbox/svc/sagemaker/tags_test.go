package sagemaker_test

import (
	"maps"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func worldTagMap(t *testing.T, w *world.World, arn string) map[string]string {
	t.Helper()
	tags, err := w.Tags(arn)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, tg := range tags {
		out[tg.Key] = tg.Value
	}
	return out
}

func TestListTagsOfEachKind(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "on-call")
	p, _ := w.Project("hdb-resale-valuation")
	u := w.UserProfiles("")[0]
	e := w.Endpoints()[0]
	g, _ := w.ModelPackageGroup("hdb-resale-valuation")
	job := allJobs(t, w)[0]
	for _, arn := range []string{p.ProjectArn, u.UserProfileArn, e.EndpointArn, g.ModelPackageGroupArn, job.TrainingJobArn, w.PipelineArn("hdb-resale-valuation")} {
		out, err := c.ListTags(t.Context(), &sm.ListTagsInput{ResourceArn: aws.String(arn)})
		if err != nil {
			t.Fatalf("%s: %v", arn, err)
		}
		want := worldTagMap(t, w, arn)
		if got := tagMap(out.Tags); !maps.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: tags %v, want %v", arn, got, want)
		}
	}
	out, _ := c.ListTags(t.Context(), &sm.ListTagsInput{ResourceArn: aws.String(p.ProjectArn)})
	if tagMap(out.Tags)["ag:training-instance-types"] != "ml.m5.xlarge ml.m5.2xlarge ml.m5.4xlarge" {
		t.Errorf("project limits tag = %q", tagMap(out.Tags)["ag:training-instance-types"])
	}

	_, err := c.ListTags(t.Context(), &sm.ListTagsInput{ResourceArn: aws.String(w.TrainingJobArn("no-such-job"))})
	servertest.WantCode(t, err, "ValidationException")
	_, err = c.ListTags(t.Context(), &sm.ListTagsInput{ResourceArn: aws.String(p.ProjectArn), MaxResults: aws.Int32(10)})
	servertest.WantCode(t, err, "ValidationException") // ListTags pages hold 50 to 100 tags
}

func TestAddAndDeleteTags(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	job := allJobs(t, w)[0]
	arn := aws.String(job.TrainingJobArn)
	before := worldTagMap(t, w, job.TrainingJobArn)

	// Data scientists and on-call may not tag; nothing changes.
	for _, who := range []string{"data-scientist", "on-call"} {
		_, err := client(t, env, who).AddTags(t.Context(), &sm.AddTagsInput{ResourceArn: arn,
			Tags: []types.Tag{{Key: aws.String("sagemaker:project-name"), Value: aws.String("stolen")}}})
		servertest.WantCode(t, err, "AccessDeniedException")
		_, err = client(t, env, who).DeleteTags(t.Context(), &sm.DeleteTagsInput{ResourceArn: arn, TagKeys: []string{"sagemaker:project-name"}})
		servertest.WantCode(t, err, "AccessDeniedException")
	}
	if got := worldTagMap(t, w, job.TrainingJobArn); !maps.Equal(got, before) {
		t.Fatalf("denied calls changed the tags: %v, was %v", got, before)
	}

	admin := client(t, env, "tan-wei-ming") // project admin
	added, err := admin.AddTags(t.Context(), &sm.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{{Key: aws.String("reviewed"), Value: aws.String("yes")}}})
	if err != nil {
		t.Fatal(err)
	}
	if tagMap(added.Tags)["reviewed"] != "yes" {
		t.Errorf("AddTags answered %v", tagMap(added.Tags))
	}
	out, err := admin.ListTags(t.Context(), &sm.ListTagsInput{ResourceArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	want := maps.Clone(before)
	want["reviewed"] = "yes"
	if got := tagMap(out.Tags); !maps.Equal(got, want) {
		t.Errorf("after AddTags: %v, want %v", got, want)
	}
	if _, err := admin.DeleteTags(t.Context(), &sm.DeleteTagsInput{ResourceArn: arn, TagKeys: []string{"reviewed"}}); err != nil {
		t.Fatal(err)
	}
	if got := worldTagMap(t, w, job.TrainingJobArn); !maps.Equal(got, before) {
		t.Errorf("after DeleteTags: %v, want %v", got, before)
	}
	_, err = admin.AddTags(t.Context(), &sm.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{{Key: aws.String("aws:reserved"), Value: aws.String("x")}}})
	servertest.WantCode(t, err, "ValidationException")
}
