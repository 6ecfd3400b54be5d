package logs_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestDescribeLogGroupsPagesAndFilters(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	want := env.World().LogGroups("")
	if len(want) < 8 {
		t.Fatalf("world has %d log groups", len(want))
	}
	var got []types.LogGroup
	pages := 0
	p := cloudwatchlogs.NewDescribeLogGroupsPaginator(c, &cloudwatchlogs.DescribeLogGroupsInput{Limit: aws.Int32(3)})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(out.LogGroups) > 3 {
			t.Errorf("page of %d groups, limit 3", len(out.LogGroups))
		}
		got = append(got, out.LogGroups...)
	}
	if len(got) != len(want) || pages != (len(want)+2)/3 {
		t.Fatalf("%d groups in %d pages, world has %d", len(got), pages, len(want))
	}
	for i, g := range got {
		w := want[i]
		if aws.ToString(g.LogGroupName) != w.LogGroupName || aws.ToString(g.Arn) != w.Arn || aws.ToString(g.LogGroupArn) != w.LogGroupArn ||
			aws.ToInt64(g.CreationTime) != w.CreationTime || aws.ToInt32(g.RetentionInDays) != w.RetentionInDays ||
			aws.ToInt64(g.StoredBytes) != w.StoredBytes || string(g.LogGroupClass) != w.LogGroupClass {
			t.Errorf("group %d = %+v, want %+v", i, g, w)
		}
	}
	names := func(in *cloudwatchlogs.DescribeLogGroupsInput) []string {
		out, err := c.DescribeLogGroups(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		var ns []string
		for _, g := range out.LogGroups {
			ns = append(ns, aws.ToString(g.LogGroupName))
		}
		return ns
	}
	endpoints := names(&cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String(world.EndpointLogPrefix)})
	if !slices.Contains(endpoints, world.EndpointLogPrefix+incidentEndpoint) || slices.Contains(endpoints, world.TrainingLogGroup) {
		t.Errorf("endpoint groups = %v", endpoints)
	}
	for _, n := range endpoints {
		if !strings.HasPrefix(n, world.EndpointLogPrefix) {
			t.Errorf("prefix filter let %s through", n)
		}
	}
	fraud := names(&cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePattern: aws.String("FRAUD")})
	if len(fraud) != 2 || !slices.Contains(fraud, world.EndpointLogPrefix+incidentEndpoint) {
		t.Errorf("pattern FRAUD (case-insensitive) = %v, want the two fraud endpoints", fraud)
	}
	_, err := c.DescribeLogGroups(context.Background(), &cloudwatchlogs.DescribeLogGroupsInput{
		LogGroupNamePrefix: aws.String("/aws"), LogGroupNamePattern: aws.String("x")})
	var ipe *types.InvalidParameterException
	if !errorsAs(err, &ipe) {
		t.Errorf("prefix and pattern: %v, want InvalidParameterException", err)
	}
	_, err = c.DescribeLogGroups(context.Background(), &cloudwatchlogs.DescribeLogGroupsInput{Limit: aws.Int32(51)})
	if code, msg := servertest.APIError(t, err); code != "InvalidParameterException" || !strings.Contains(msg, "limit") {
		t.Errorf("limit 51: %s %s", code, msg)
	}
}

func TestDescribeLogStreamsPagesByNameBothWays(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	prefix := "mom-fraud-xgb"
	var want []world.LogStream
	after := ""
	for {
		page, err := env.World().LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: prefix, After: after})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, page.Streams...)
		if page.Next == "" {
			break
		}
		after = page.Next
	}
	if len(want) < 20 {
		t.Fatalf("only %d streams of %s jobs", len(want), prefix)
	}
	for _, desc := range []bool{false, true} {
		var got []types.LogStream
		p := cloudwatchlogs.NewDescribeLogStreamsPaginator(c, &cloudwatchlogs.DescribeLogStreamsInput{
			LogGroupName: aws.String(world.TrainingLogGroup), LogStreamNamePrefix: aws.String(prefix),
			Descending: aws.Bool(desc), Limit: aws.Int32(7)})
		for p.HasMorePages() {
			out, err := p.NextPage(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(out.LogStreams) > 7 {
				t.Errorf("page of %d, limit 7", len(out.LogStreams))
			}
			got = append(got, out.LogStreams...)
		}
		if desc {
			slices.Reverse(got)
		}
		if len(got) != len(want) {
			t.Fatalf("descending %v: %d streams, want %d", desc, len(got), len(want))
		}
		for i, s := range got {
			w := want[i]
			//lint:ignore SA1019 AWS still sends the deprecated storedBytes, and so does the sandbox; this checks its value
			stored := aws.ToInt64(s.StoredBytes)
			if aws.ToString(s.LogStreamName) != w.LogStreamName || aws.ToString(s.Arn) != w.Arn || aws.ToInt64(s.CreationTime) != w.CreationTime ||
				aws.ToInt64(s.FirstEventTimestamp) != w.FirstEventTimestamp || aws.ToInt64(s.LastEventTimestamp) != w.LastEventTimestamp ||
				aws.ToInt64(s.LastIngestionTime) != w.LastIngestionTime || stored != w.StoredBytes {
				t.Errorf("descending %v: stream %d = %+v\nwant %+v", desc, i, s, w)
			}
			if !strings.HasPrefix(w.LogStreamName, prefix) || !strings.Contains(w.LogStreamName, "/algo-") {
				t.Errorf("stream name %q is not <job>/algo-<n>-<epoch>", w.LogStreamName)
			}
		}
	}
}

func TestDescribeLogStreamsByLastEventTime(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	group := world.EndpointLogPrefix + incidentEndpoint
	out, err := c.DescribeLogStreams(context.Background(), &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(group), OrderBy: types.OrderByLastEventTime, Descending: aws.Bool(true), Limit: aws.Int32(2)})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.LogStreams) != 2 || out.NextToken == nil {
		t.Fatalf("first page: %d streams, token %v", len(out.LogStreams), out.NextToken)
	}
	seen := map[string]bool{}
	last := aws.ToInt64(out.LogStreams[0].LastEventTimestamp)
	for {
		for _, s := range out.LogStreams {
			name := aws.ToString(s.LogStreamName)
			if seen[name] {
				t.Errorf("%s listed twice", name)
			}
			seen[name] = true
			if ts := aws.ToInt64(s.LastEventTimestamp); ts > last {
				t.Errorf("%s last event %d after the previous stream's %d: not descending", name, ts, last)
			} else {
				last = ts
			}
		}
		if out.NextToken == nil {
			break
		}
		out, err = c.DescribeLogStreams(context.Background(), &cloudwatchlogs.DescribeLogStreamsInput{
			LogGroupName: aws.String(group), OrderBy: types.OrderByLastEventTime, Descending: aws.Bool(true), Limit: aws.Int32(2), NextToken: out.NextToken})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Primary has three instances, Challenger one or more.
	if len(seen) < 4 {
		t.Errorf("%d streams for the incident endpoint, want one per instance", len(seen))
	}
	for name := range seen {
		if !strings.HasPrefix(name, "Primary/") && !strings.HasPrefix(name, "Challenger/") {
			t.Errorf("endpoint stream %q is not <variant>/<instance>", name)
		}
	}
}

func TestDescribeLogStreamsErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	cases := []struct {
		name string
		in   cloudwatchlogs.DescribeLogStreamsInput
		code string
		msg  string
	}{
		{"unknown group", cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String("/aws/sagemaker/Endpoints/nope")},
			"ResourceNotFoundException", "The specified log group does not exist."},
		{"prefix with LastEventTime", cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(world.TrainingLogGroup),
			LogStreamNamePrefix: aws.String("hdb"), OrderBy: types.OrderByLastEventTime}, "InvalidParameterException", "LastEventTime"},
		{"limit 51", cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(world.TrainingLogGroup), Limit: aws.Int32(51)},
			"InvalidParameterException", "limit"},
		{"no group", cloudwatchlogs.DescribeLogStreamsInput{}, "InvalidParameterException", "logGroupName"},
		{"bad order", cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(world.TrainingLogGroup), OrderBy: "Size"},
			"InvalidParameterException", "orderBy"},
		{"forged token", cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: aws.String(world.TrainingLogGroup), NextToken: aws.String("abc")},
			"InvalidParameterException", "nextToken"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.DescribeLogStreams(context.Background(), &tc.in)
			servertest.WantCodeContaining(t, err, tc.code, tc.msg)
		})
	}
	// A token from one group does not page another.
	out, err := c.DescribeLogStreams(context.Background(), &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(world.EndpointLogPrefix + incidentEndpoint), Limit: aws.Int32(1)})
	if err != nil || out.NextToken == nil {
		t.Fatalf("%v %v", err, out)
	}
	_, err = c.DescribeLogStreams(context.Background(), &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(world.EndpointLogPrefix + healthyEndpoint), NextToken: out.NextToken})
	if code, _ := servertest.APIError(t, err); code != "InvalidParameterException" {
		t.Errorf("another group's token: %s", code)
	}
}
