package logs_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

const (
	incidentEndpoint = "mom-work-pass-fraud-prod"
	healthyEndpoint  = "hdb-resale-valuation-prod"
)

func client(t *testing.T, env *sandboxtest.Env) *cloudwatchlogs.Client {
	t.Helper()
	return cloudwatchlogs.NewFromConfig(env.Config(t, "data-scientist"))
}

// jobWithStatus finds the newest training job in status whose first
// stream has logged, and for which ok (given that stream's events) holds.
func jobWithStatus(t *testing.T, env *sandboxtest.Env, status world.TrainingJobStatus, ok func([]world.LogEvent) bool) (world.TrainingJob, string) {
	t.Helper()
	after := ""
	for {
		page, err := env.World().TrainingJobs(world.TrainingJobQuery{StatusEquals: status, SortOrder: world.Descending, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Items {
			j, err := env.World().TrainingJob(s.TrainingJobName)
			if err != nil || j.TrainingStartTime.IsZero() {
				continue
			}
			st, err := env.World().LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: j.TrainingJobName + "/"})
			if err != nil || len(st.Streams) == 0 {
				continue
			}
			name := st.Streams[0].LogStreamName
			if ev := allEvents(t, env, world.TrainingLogGroup, name); len(ev) > 0 && ok(ev) {
				return j, name
			}
		}
		if page.Next == "" {
			t.Fatalf("no suitable %s training job with logs in the scenario", status)
		}
		after = page.Next
	}
}

// allEvents reads a whole stream from the world, oldest first.
func allEvents(t *testing.T, env *sandboxtest.Env, group, stream string) []world.LogEvent {
	t.Helper()
	page, err := env.World().LogEvents(world.LogEventsQuery{Group: group, Stream: stream, StartFromHead: true})
	if err != nil {
		t.Fatal(err)
	}
	return page.Events
}

func streamsOf(t *testing.T, c *cloudwatchlogs.Client, group, prefix string) []string {
	t.Helper()
	var names []string
	p := cloudwatchlogs.NewDescribeLogStreamsPaginator(c, &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(group), LogStreamNamePrefix: aws.String(prefix)})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.LogStreams {
			names = append(names, aws.ToString(s.LogStreamName))
		}
	}
	return names
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
