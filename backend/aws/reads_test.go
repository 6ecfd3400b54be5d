package aws_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/aws/awsfake"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func queries(n int) []aws.MetricQuery {
	qs := make([]aws.MetricQuery, n)
	for i := range qs {
		qs[i] = aws.MetricQuery{
			ID: fmt.Sprintf("q%d", i), Namespace: "AWS/SageMaker", Metric: "Invocations", Stat: "Sum", Period: time.Minute,
			Dims: []aws.Dim{{Name: "EndpointName", Value: fmt.Sprintf("ep-%d", i)}, {Name: "VariantName", Value: "AllTraffic"}},
		}
	}
	return qs
}

func TestMetricDataBatchesUpTo500QueriesPerCall(t *testing.T) {
	for _, tc := range []struct{ queries, calls int }{{1, 1}, {140, 1}, {500, 1}, {501, 2}, {600, 2}, {1500, 3}} {
		f := awsfake.New(t0)
		f.SetMetric("AWS/SageMaker", "Invocations", "Sum", map[string]string{"EndpointName": "ep-0", "VariantName": "AllTraffic"},
			awsfake.Point{At: t0.Add(-2 * time.Minute), Value: 30}, awsfake.Point{At: t0.Add(-time.Minute), Value: 42})
		last := fmt.Sprintf("ep-%d", tc.queries-1)
		if tc.queries > 1 {
			f.SetMetric("AWS/SageMaker", "Invocations", "Sum", map[string]string{"EndpointName": last, "VariantName": "AllTraffic"},
				awsfake.Point{At: t0.Add(-time.Minute), Value: 7})
		}
		got, err := f.AWS().MetricData(context.Background(), queries(tc.queries), t0.Add(-time.Hour), t0)
		if err != nil {
			t.Fatalf("%d queries: %v", tc.queries, err)
		}
		if calls := f.Calls("cloudwatch:GetMetricData"); calls != int64(tc.calls) {
			t.Errorf("%d queries took %d GetMetricData calls, want %d", tc.queries, calls, tc.calls)
		}
		if len(got) != tc.queries {
			t.Errorf("%d queries gave %d series", tc.queries, len(got))
		}
		if s := got["q0"]; len(s.Values) != 2 || s.Values[1] != 42 || !s.Times[1].Equal(t0.Add(-time.Minute)) {
			t.Errorf("q0 = %+v, want the two stored points oldest first", s)
		}
		if s := got[fmt.Sprintf("q%d", tc.queries-1)]; tc.queries > 1 && (len(s.Values) != 1 || s.Values[0] != 7) {
			t.Errorf("last query (in the last batch) = %+v, want its point 7", s)
		}
	}
}

func TestMetricDataRefusesDuplicateIDs(t *testing.T) {
	f := awsfake.New(t0)
	qs := queries(2)
	qs[1].ID = qs[0].ID
	if _, err := f.AWS().MetricData(context.Background(), qs, t0.Add(-time.Hour), t0); err == nil {
		t.Fatal("duplicate query ids accepted")
	}
	if f.Calls("cloudwatch:GetMetricData") != 0 {
		t.Fatal("a malformed request reached AWS")
	}
}

func TestLogEventsContinueFromTheForwardToken(t *testing.T) {
	f := awsfake.New(t0)
	group, stream := "/aws/sagemaker/TrainingJobs", "hdb-resale/algo-1"
	f.AppendLog(group, stream, awsfake.Line{At: t0, Message: "epoch 1 rmse=31000"}, awsfake.Line{At: t0.Add(time.Second), Message: "epoch 2 rmse=27000"})
	acct := f.AWS()
	ctx := context.Background()

	events, token, err := acct.LogEvents(ctx, group, stream, "", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Message != "epoch 1 rmse=31000" || events[1].Stream != stream {
		t.Fatalf("first read = %+v", events)
	}
	events, token2, err := acct.LogEvents(ctx, group, stream, token, 5)
	if err != nil || len(events) != 0 || token2 != token {
		t.Fatalf("caught-up read = %+v, %q (%v); want nothing and the same token", events, token2, err)
	}
	f.AppendLog(group, stream, awsfake.Line{At: t0.Add(2 * time.Second), Message: "epoch 3 rmse=24000"})
	events, _, err = acct.LogEvents(ctx, group, stream, token2, 5)
	if err != nil || len(events) != 1 || events[0].Message != "epoch 3 rmse=24000" {
		t.Fatalf("read after new line = %+v (%v), want only the new line", events, err)
	}
	if got := f.Calls("logs:GetLogEvents"); got != 3 {
		t.Fatalf("GetLogEvents calls = %d, want one per read (a short page means caught up)", got)
	}
}

func TestParsers(t *testing.T) {
	for arn, want := range map[string][2]string{
		"arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan": {"alice.tan", "AG-HDB-DataScientist"},
		"arn:aws:iam::123456789012:user/ops/bob":                                {"bob", ""},
		"arn:aws-cn:sts::123456789012:assumed-role/AG-OnCall/oncall@agency":     {"oncall@agency", "AG-OnCall"},
		"not-an-arn": {"not-an-arn", ""},
	} {
		p, r := aws.ParseCallerARN(arn)
		if p != want[0] || r != want[1] {
			t.Errorf("ParseCallerARN(%q) = %q, %q; want %q, %q", arn, p, r, want[0], want[1])
		}
	}
	// Names read out of an ARN or URI, "" where it names none.
	for name, tc := range map[string]struct {
		parse func(string) string
		want  map[string]string // by input
	}{
		"SageMakerIntegrationEndpoint": {aws.SageMakerIntegrationEndpoint, map[string]string{
			"arn:aws:apigateway:ap-southeast-1:runtime.sagemaker:path//endpoints/hdb-resale-prod/invocations": "hdb-resale-prod",
			"arn:aws:apigateway:ap-southeast-1:lambda:path/2015-03-31/functions/x/invocations":                "",
			"https://example.com/endpoints/x/invocations":                                                     "",
		}},
		"PipelineOfExecution": {aws.PipelineOfExecution, map[string]string{
			"arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-resale-valuation/execution/abc123": "hdb-resale-valuation",
			"arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-resale-valuation":                  "hdb-resale-valuation",
			"arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/hdb-resale-valuation":              "",
		}},
	} {
		for in, want := range tc.want {
			if got := tc.parse(in); got != want {
				t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
			}
		}
	}
	if b, k, err := aws.ParseS3URI("s3://ag-hdb/eval/v3/evaluation.json"); err != nil || b != "ag-hdb" || k != "eval/v3/evaluation.json" {
		t.Errorf("ParseS3URI = %q %q %v", b, k, err)
	}
	for _, bad := range []string{"https://ag-hdb/x", "s3:///key", ""} {
		if _, _, err := aws.ParseS3URI(bad); err == nil {
			t.Errorf("ParseS3URI(%q) accepted", bad)
		}
	}
}
