package logs_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// awsCLI runs the real AWS CLI (v1, botocore) against the sandbox as who.
func awsCLI(t *testing.T, env *sandboxtest.Env, who string, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI (aws) is not on PATH; install awscli to run this test")
	}
	p, err := env.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, append(args, "--endpoint-url", env.URL(), "--output", "json")...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"AWS_ACCESS_KEY_ID=" + p.AccessKeyID, "AWS_SECRET_ACCESS_KEY=" + p.SecretAccessKey,
		"AWS_DEFAULT_REGION=" + sandbox.Region,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=1", "AWS_PAGER=",
	}
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("aws %v: %v\n%s", args, err, ee.Stderr)
		}
		t.Fatal(err)
	}
	return out
}

func TestAWSCLILogs(t *testing.T) {
	env := sandboxtest.Start(t)
	job, stream := jobWithStatus(t, env, world.TrainingFailed, func(ev []world.LogEvent) bool {
		return errorLine.MatchString(ev[len(ev)-1].Message)
	})
	want := allEvents(t, env, world.TrainingLogGroup, stream)

	out := awsCLI(t, env, "on-call", "logs", "get-log-events", "--log-group-name", world.TrainingLogGroup,
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

	out = awsCLI(t, env, "on-call", "logs", "filter-log-events", "--log-group-name", world.TrainingLogGroup,
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
