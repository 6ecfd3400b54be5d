package logs_test

import (
	"encoding/json"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestAWSCLILogs(t *testing.T) {
	env := sandboxtest.Start(t)
	job, stream := jobWithStatus(t, env, world.TrainingFailed, func(ev []world.LogEvent) bool {
		return errorLine.MatchString(ev[len(ev)-1].Message)
	})
	want := allEvents(t, env, world.TrainingLogGroup, stream)

	out := env.AWSCLI(t, "on-call", "logs", "get-log-events", "--log-group-name", world.TrainingLogGroup,
		"--log-stream-name", stream, "--start-from-head")
	var got struct {
		Events []struct {
			Timestamp     int64  `json:"timestamp"`
			Message       string `json:"message"`
			IngestionTime int64  `json:"ingestionTime"`
		} `json:"events"`
		NextForwardToken string `json:"nextForwardToken"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Events) != len(want) || got.NextForwardToken == "" {
		t.Fatalf("aws logs get-log-events: %d events (token %q), want %d", len(got.Events), got.NextForwardToken, len(want))
	}
	for i, e := range got.Events {
		if e.Timestamp != want[i].Timestamp || e.Message != want[i].Message || e.IngestionTime != want[i].IngestionTime {
			t.Errorf("event %d = %+v, want %+v", i, e, want[i])
		}
	}

	out = env.AWSCLI(t, "on-call", "logs", "filter-log-events", "--log-group-name", world.TrainingLogGroup,
		"--log-stream-name-prefix", job.TrainingJobName+"/", "--filter-pattern", "?Error ?ERROR ?Traceback ?halted")
	var filtered struct {
		Events []struct {
			LogStreamName string `json:"logStreamName"`
			Message       string `json:"message"`
			EventID       string `json:"eventId"`
		} `json:"events"`
	}
	if err := json.Unmarshal(out, &filtered); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	last := want[len(want)-1].Message
	found := false
	for _, e := range filtered.Events {
		found = found || (e.Message == last && e.LogStreamName == stream && e.EventID != "")
	}
	if !found {
		t.Errorf("aws logs filter-log-events found %d events, not the failing line %q", len(filtered.Events), last)
	}
}
