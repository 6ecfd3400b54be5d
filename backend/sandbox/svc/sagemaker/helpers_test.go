package sagemaker_test

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go/middleware"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// client is a SageMaker client of the real SDK that signs as who.
func client(t testing.TB, env *sandboxtest.Env, who string) *sm.Client {
	t.Helper()
	return sm.NewFromConfig(config(t, env, who))
}

// uncheckedClient skips the SDK's own required-member checks, so that the
// sandbox's answer to an incomplete request can be seen.
func uncheckedClient(t testing.TB, env *sandboxtest.Env, who string) *sm.Client {
	t.Helper()
	return sm.NewFromConfig(config(t, env, who), func(o *sm.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			_, err := s.Initialize.Remove("OperationInputValidation")
			return err
		})
	})
}

// config is env's SDK configuration for who, with request bodies handed to
// net/http in memory. The SDK closes the body it built as soon as the
// response arrives, but net/http may read it once more after sending it
// (looking for bytes beyond Content-Length); that read fails on the closed
// body, and net/http then closes the connection under the response still
// being read: "use of closed network connection" with status 200
// (aws/aws-sdk-go-v2#2737). A local server answers fast enough to hit this
// often with large answers, such as pages of 100 training jobs.
func config(t testing.TB, env *sandboxtest.Env, who string) aws.Config {
	t.Helper()
	cfg := env.Config(t, who)
	cfg.HTTPClient = &http.Client{Transport: inMemoryBodies{next: awshttp.NewBuildableClient().GetTransport()}}
	return cfg
}

// inMemoryBodies reads each request body into memory before net/http sees
// it, so net/http never reads the body the SDK closes.
type inMemoryBodies struct {
	next http.RoundTripper
}

func (b inMemoryBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return b.next.RoundTrip(r)
	}
	data, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	if err != nil {
		return nil, err
	}
	r = r.Clone(r.Context())
	r.Body = io.NopCloser(bytes.NewReader(data))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	return b.next.RoundTrip(r)
}

// allJobs is every training job the world holds, ascending by creation.
func allJobs(t testing.TB, w *world.World) []world.TrainingJobSummary {
	t.Helper()
	var out []world.TrainingJobSummary
	q := world.TrainingJobQuery{MaxResults: 100}
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

// jobsOfProject is the names of the world's training jobs tagged with project.
func jobsOfProject(t testing.TB, w *world.World, project string) []string {
	t.Helper()
	var names []string
	for _, j := range allJobs(t, w) {
		tags, err := w.Tags(j.TrainingJobArn)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := world.TagValue(tags, "sagemaker:project-name"); v == project {
			names = append(names, j.TrainingJobName)
		}
	}
	slices.Sort(names)
	return names
}

// sameTime compares an SDK timestamp with the world's, to the millisecond
// that both keep.
func sameTime(got *time.Time, want time.Time) bool {
	if got == nil {
		return want.IsZero()
	}
	return got.UnixMilli() == want.UnixMilli()
}

// wantTime fails unless the SDK's timestamp is the world's.
func wantTime(t testing.TB, what string, got *time.Time, want time.Time) {
	t.Helper()
	if !sameTime(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// wantStr fails unless the SDK's string is want.
func wantStr(t testing.TB, what string, got *string, want string) {
	t.Helper()
	if aws.ToString(got) != want {
		t.Errorf("%s = %q, want %q", what, aws.ToString(got), want)
	}
}

// tagMap turns SDK tags into a map.
func tagMap(tags []types.Tag) map[string]string {
	out := map[string]string{}
	for _, tg := range tags {
		out[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
	}
	return out
}
