package logs_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// filterAll pages FilterLogEvents to the end.
func filterAll(t *testing.T, c *cloudwatchlogs.Client, in *cloudwatchlogs.FilterLogEventsInput) ([]types.FilteredLogEvent, int) {
	t.Helper()
	var got []types.FilteredLogEvent
	pages := 0
	p := cloudwatchlogs.NewFilterLogEventsPaginator(c, in)
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if in.Limit != nil && len(out.Events) > int(*in.Limit) {
			t.Errorf("page %d has %d events, limit %d", pages, len(out.Events), *in.Limit)
		}
		got = append(got, out.Events...)
		if pages > 2000 {
			t.Fatal("FilterLogEvents never ends")
		}
	}
	return got, pages
}

var errorLine = regexp.MustCompile(`Error|ERROR|Traceback|halted`)

func TestFilterLogEventsFindsTheErrorOfAFailedJob(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	job, stream := jobWithStatus(t, env, world.TrainingFailed, func(ev []world.LogEvent) bool {
		return errorLine.MatchString(ev[len(ev)-1].Message)
	})
	want := allEvents(t, env, world.TrainingLogGroup, stream)
	lastLine := want[len(want)-1]

	got, _ := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName: aws.String(world.TrainingLogGroup), LogStreamNamePrefix: aws.String(job.TrainingJobName + "/"),
		FilterPattern: aws.String("?Error ?ERROR ?Traceback ?halted"),
	})
	if len(got) == 0 {
		t.Fatalf("no error lines found in %s (failure: %s); its last line is %q", job.TrainingJobName, job.FailureReason, lastLine.Message)
	}
	found := false
	for _, e := range got {
		msg := aws.ToString(e.Message)
		if !errorLine.MatchString(msg) {
			t.Errorf("%q matched ?Error ?ERROR ?Traceback ?halted", msg)
		}
		if !strings.HasPrefix(aws.ToString(e.LogStreamName), job.TrainingJobName+"/algo-") || len(aws.ToString(e.EventId)) != 56 {
			t.Errorf("event stream %q id %q", aws.ToString(e.LogStreamName), aws.ToString(e.EventId))
		}
		if msg == lastLine.Message && aws.ToInt64(e.Timestamp) == lastLine.Timestamp && aws.ToString(e.LogStreamName) == stream {
			found = true
		}
	}
	if !found {
		t.Errorf("the failing line %q is not among %d matches", lastLine.Message, len(got))
	}

	// A quoted phrase with spaces and punctuation finds exactly its lines.
	phrase := lastLine.Message
	if len(phrase) > 30 {
		phrase = phrase[:30]
	}
	quoted := `"` + strings.ReplaceAll(phrase, `"`, `\"`) + `"`
	exact, _ := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{
		LogGroupName: aws.String(world.TrainingLogGroup), LogStreamNames: []string{stream}, FilterPattern: aws.String(quoted)})
	wantN := 0
	for _, e := range want {
		if strings.Contains(e.Message, phrase) {
			wantN++
		}
	}
	if len(exact) != wantN || wantN == 0 {
		t.Errorf("pattern %s: %d matches, want %d", quoted, len(exact), wantN)
	}
}

func TestFilterLogEventsTermsAreCaseSensitiveAndExclusive(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	group := world.EndpointLogPrefix + incidentEndpoint
	start := sandboxtest.Epoch.Add(-30 * time.Minute).UnixMilli()
	count := func(pattern string) []string {
		t.Helper()
		got, _ := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(group), StartTime: aws.Int64(start),
			FilterPattern: aws.String(pattern)})
		var msgs []string
		for _, e := range got {
			msgs = append(msgs, aws.ToString(e.Message))
			if aws.ToInt64(e.Timestamp) < start {
				t.Errorf("event at %d before startTime %d", aws.ToInt64(e.Timestamp), start)
			}
		}
		return msgs
	}
	errs := count("ERROR")
	if len(errs) < 20 {
		t.Fatalf("%d ERROR lines in the incident's last 30 minutes", len(errs))
	}
	for _, m := range errs {
		if !strings.Contains(m, "ERROR") {
			t.Errorf("ERROR matched %q", m)
		}
	}
	if lower := count("error"); len(lower) >= len(errs) {
		t.Errorf("lower-case 'error' matched %d lines, as many as 'ERROR' (%d): matching must be case-sensitive", len(lower), len(errs))
	}
	everything := count("")
	noErrors := count("POST -ERROR")
	for _, m := range noErrors {
		if strings.Contains(m, "ERROR") || !strings.Contains(m, "POST") {
			t.Errorf("'POST -ERROR' matched %q", m)
		}
	}
	if len(noErrors) == 0 || len(noErrors)+len(errs) > len(everything) {
		t.Errorf("%d lines without ERROR, %d with, %d in all", len(noErrors), len(errs), len(everything))
	}
	healthy, _ := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.EndpointLogPrefix + healthyEndpoint),
		StartTime: aws.Int64(start), FilterPattern: aws.String("ERROR")})
	if len(healthy) != 0 {
		t.Errorf("healthy endpoint logged %d ERROR lines, e.g. %q", len(healthy), aws.ToString(healthy[0].Message))
	}
	if re := count(`%worker (pool|did not)%`); len(re) != len(errs) {
		t.Errorf("regex pattern matched %d, want the %d incident errors", len(re), len(errs))
	}
}

// TestFilterLogEventsPagesWithoutRepeats pages with a small limit and over
// more streams than one call searches: the pages together hold every
// match exactly once.
func TestFilterLogEventsPagesWithoutRepeats(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)

	group := world.EndpointLogPrefix + incidentEndpoint
	start := sandboxtest.Epoch.Add(-20 * time.Minute).UnixMilli()
	whole, pages := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(group), StartTime: aws.Int64(start)})
	if pages != 1 || len(whole) < 50 {
		t.Fatalf("unlimited: %d events in %d pages", len(whole), pages)
	}
	if !slices.IsSortedFunc(whole, func(a, b types.FilteredLogEvent) int { return int(aws.ToInt64(a.Timestamp) - aws.ToInt64(b.Timestamp)) }) {
		t.Error("events of one batch are not in time order")
	}
	paged, pages := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(group), StartTime: aws.Int64(start), Limit: aws.Int32(7)})
	if pages != (len(whole)+6)/7 {
		t.Errorf("%d pages of 7 for %d events", pages, len(whole))
	}
	sameEvents(t, paged, whole)

	// Every stream of many jobs: more than one batch of 100 streams.
	prefix := "mom-"
	streams := streamsOf(t, c, world.TrainingLogGroup, prefix)
	if len(streams) <= 100 {
		t.Fatalf("only %d streams start with %s", len(streams), prefix)
	}
	var want []types.FilteredLogEvent
	for _, s := range streams {
		for _, e := range allEvents(t, env, world.TrainingLogGroup, s) {
			if strings.Contains(e.Message, "iter 3/") {
				want = append(want, types.FilteredLogEvent{LogStreamName: aws.String(s), Timestamp: aws.Int64(e.Timestamp), Message: aws.String(e.Message)})
			}
		}
	}
	got, pages := filterAll(t, c, &cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup),
		LogStreamNamePrefix: aws.String(prefix), FilterPattern: aws.String(`"iter 3/"`), Limit: aws.Int32(4)})
	if pages < 2 || len(want) < 20 {
		t.Fatalf("%d pages, %d expected matches: too few to test paging", pages, len(want))
	}
	sortEvents(got)
	sortEvents(want)
	sameEvents(t, got, want)
}

func sortEvents(es []types.FilteredLogEvent) {
	slices.SortFunc(es, func(a, b types.FilteredLogEvent) int {
		if c := strings.Compare(aws.ToString(a.LogStreamName), aws.ToString(b.LogStreamName)); c != 0 {
			return c
		}
		return int(aws.ToInt64(a.Timestamp) - aws.ToInt64(b.Timestamp))
	})
}

func sameEvents(t *testing.T, got, want []types.FilteredLogEvent) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	ids := map[string]bool{}
	for i := range want {
		g, w := got[i], want[i]
		if aws.ToString(g.LogStreamName) != aws.ToString(w.LogStreamName) || aws.ToInt64(g.Timestamp) != aws.ToInt64(w.Timestamp) ||
			aws.ToString(g.Message) != aws.ToString(w.Message) {
			t.Errorf("event %d = %s %d %q\nwant %s %d %q", i, aws.ToString(g.LogStreamName), aws.ToInt64(g.Timestamp), aws.ToString(g.Message),
				aws.ToString(w.LogStreamName), aws.ToInt64(w.Timestamp), aws.ToString(w.Message))
		}
		id := aws.ToString(g.EventId)
		if ids[id] {
			t.Errorf("event id %s twice", id)
		}
		ids[id] = true
	}
}

func TestFilterLogEventsRejectsBadInput(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	cases := []struct {
		name string
		in   cloudwatchlogs.FilterLogEventsInput
		code string
		msg  string
	}{
		{"unknown group", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String("/nope")}, "ResourceNotFoundException", "log group does not exist"},
		{"unquoted punctuation", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), FilterPattern: aws.String("algo-1")},
			"InvalidParameterException", "Invalid character(s) in term 'algo-1'"},
		{"unterminated quote", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), FilterPattern: aws.String(`"oops`)},
			"InvalidParameterException", "unterminated"},
		{"json pattern", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), FilterPattern: aws.String(`{ $.level = "ERROR" }`)},
			"InvalidParameterException", "JSON"},
		{"names and prefix", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), LogStreamNames: []string{"a"},
			LogStreamNamePrefix: aws.String("a")}, "InvalidParameterException", "mutually exclusive"},
		{"forged token", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), NextToken: aws.String("Zm9v")},
			"InvalidParameterException", "nextToken"},
		{"bad regex", cloudwatchlogs.FilterLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), FilterPattern: aws.String(`%(%`)},
			"InvalidParameterException", "regex"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.FilterLogEvents(context.Background(), &tc.in)
			servertest.WantCodeContaining(t, err, tc.code, tc.msg)
		})
	}
}
