package world_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestTagsAddAndDelete(t *testing.T) {
	w, _ := newWorld(t, 17)
	page, _ := w.TrainingJobs(world.TrainingJobQuery{MaxResults: 2})
	arn := page.Items[0].TrainingJobArn
	before, _ := w.Tags(arn)
	if err := w.AddTags(arn, []world.Tag{{Key: "ag:reviewed", Value: "yes"}}); err != nil {
		t.Fatal(err)
	}
	after, _ := w.Tags(arn)
	if v, _ := world.TagValue(after, "ag:reviewed"); v != "yes" || len(after) != len(before)+1 {
		t.Errorf("tags %v", after)
	}
	// Another job from the same template keeps its own tags.
	other, _ := w.Tags(page.Items[1].TrainingJobArn)
	if _, ok := world.TagValue(other, "ag:reviewed"); ok {
		t.Error("a tag leaked to another job")
	}
	if err := w.DeleteTags(arn, []string{"ag:reviewed"}); err != nil {
		t.Fatal(err)
	}
	if now, _ := w.Tags(arn); len(now) != len(before) {
		t.Errorf("after delete %v", now)
	}
	if err := w.AddTags(arn, []world.Tag{{Key: "aws:reserved", Value: "x"}}); err == nil {
		t.Error("aws: tag accepted")
	}
	many := make([]world.Tag, 60)
	for i := range many {
		many[i] = world.Tag{Key: "k" + itoa(int32(i)), Value: "v"}
	}
	var le world.ErrLimitExceeded
	if err := w.AddTags(arn, many); !errors.As(err, &le) {
		t.Errorf("60 tags: %v", err)
	}
	ep, _ := w.Endpoint("hdb-resale-valuation-prod")
	if tags, err := w.Tags(ep.EndpointArn); err != nil || len(tags) == 0 {
		t.Errorf("endpoint tags %v %v", tags, err)
	}
	var nf world.ErrNotFound
	if _, err := w.Tags("arn:aws:sagemaker:ap-southeast-1:318224574112:endpoint/nope"); !errors.As(err, &nf) {
		t.Errorf("missing resource: %v", err)
	}
}

func TestEndpointLogsServeAnEndlessTail(t *testing.T) {
	w, c := newWorld(t, 17)
	group := world.EndpointLogPrefix + "mom-work-pass-fraud-prod"
	streams, err := w.LogStreams(world.LogStreamQuery{Group: group})
	if err != nil {
		t.Fatal(err)
	}
	if len(streams.Streams) != 6 || !strings.HasPrefix(streams.Streams[0].LogStreamName, "Challenger/i-0") {
		t.Fatalf("streams %+v", streams.Streams)
	}
	name := streams.Streams[len(streams.Streams)-1].LogStreamName
	page, _ := w.LogEvents(world.LogEventsQuery{Group: group, Stream: name, Limit: 20})
	if len(page.Events) != 20 || page.Events[19].Timestamp > testStart.UnixMilli() {
		t.Fatalf("latest events %+v", page.Events)
	}
	errs := 0
	for _, e := range page.Events {
		if strings.Contains(e.Message, "ERROR") {
			errs++
		}
	}
	if errs == 0 {
		t.Error("no errors logged during the incident")
	}
	token := page.NextForwardToken
	same, _ := w.LogEvents(world.LogEventsQuery{Group: group, Stream: name, Token: token})
	if len(same.Events) != 0 || same.NextForwardToken != token {
		t.Errorf("nothing new, yet %d events and token %s", len(same.Events), same.NextForwardToken)
	}
	c.Advance(5 * time.Minute)
	more, _ := w.LogEvents(world.LogEventsQuery{Group: group, Stream: name, Token: token})
	if len(more.Events) < 10 || more.Events[0].Timestamp <= page.Events[19].Timestamp {
		t.Errorf("after five minutes: %d events", len(more.Events))
	}
	back, _ := w.LogEvents(world.LogEventsQuery{Group: group, Stream: name, Token: page.NextBackwardToken, Limit: 5})
	if len(back.Events) != 5 || back.Events[4].Timestamp >= page.Events[0].Timestamp {
		t.Errorf("backward page %+v", back.Events)
	}
	if _, err := w.LogStreams(world.LogStreamQuery{Group: group, Prefix: "x", OrderBy: "LastEventTime"}); err == nil {
		t.Error("LastEventTime order with a prefix was accepted")
	}
	if _, err := w.LogEvents(world.LogEventsQuery{Group: group, Stream: "nope"}); err == nil {
		t.Error("a missing stream was found")
	}
}

func TestTrainingLogStreamsPageByName(t *testing.T) {
	w, _ := newWorld(t, 17)
	seen := map[string]bool{}
	q := world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: "hdb-", Limit: 17}
	last := ""
	for {
		page, err := w.LogStreams(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Streams {
			if seen[s.LogStreamName] || s.LogStreamName <= last || !strings.HasPrefix(s.LogStreamName, "hdb-") {
				t.Fatalf("stream %s after %s", s.LogStreamName, last)
			}
			seen[s.LogStreamName] = true
			last = s.LogStreamName
		}
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	if len(seen) < 50 {
		t.Errorf("only %d hdb streams", len(seen))
	}
}
