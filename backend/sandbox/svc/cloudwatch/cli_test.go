package cloudwatch_test

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// cliTime reads a timestamp as the CLI prints it: ISO 8601 or epoch seconds.
func cliTime(t *testing.T, raw json.RawMessage) time.Time {
	t.Helper()
	var s string
	if json.Unmarshal(raw, &s) == nil {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999-07:00"} {
			if v, err := time.Parse(layout, s); err == nil {
				return v.UTC()
			}
		}
		t.Fatalf("timestamp %q", s)
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		t.Fatalf("timestamp %s: %v", raw, err)
	}
	return time.Unix(int64(f), 0).UTC()
}

func TestAWSCLIGetMetricDataAndDescribeAlarms(t *testing.T) {
	env := sandboxtest.Start(t)
	start, end := sandboxtest.Epoch.Add(-15*time.Minute), sandboxtest.Epoch
	all := incidentQueries(t, env)
	queries := []cwtypes.MetricDataQuery{all[0], all[1], all[6]} // 5xx, invocations and their ratio
	sdk, err := client(t, env, "on-call", "rpcv2Cbor").GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(start), EndTime: aws.Time(end), MetricDataQueries: queries,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := resultsOf(sdk)
	q, err := json.Marshal(cliQueries(queries))
	if err != nil {
		t.Fatal(err)
	}
	out := env.AWSCLI(t, "on-call", "cloudwatch", "get-metric-data", "--metric-data-queries", string(q),
		"--start-time", start.Format(time.RFC3339), "--end-time", end.Format(time.RFC3339))
	var doc struct {
		MetricDataResults []struct {
			ID         string            `json:"Id"`
			Label      string            `json:"Label"`
			StatusCode string            `json:"StatusCode"`
			Timestamps []json.RawMessage `json:"Timestamps"`
			Values     []float64         `json:"Values"`
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var got []result
	for _, r := range doc.MetricDataResults {
		var ts []time.Time
		for _, raw := range r.Timestamps {
			ts = append(ts, cliTime(t, raw))
		}
		got = append(got, result{r.ID, r.Label, r.StatusCode, ts, r.Values})
	}
	sameResults(t, "aws cloudwatch get-metric-data", got, want)
	if len(got) != 3 || len(got[0].Values) != 15 || sum(got[0].Values) < 0.2*sum(got[1].Values) {
		t.Errorf("CLI results %+v: want 15 minutes of the incident's 5xx", got)
	}

	out = env.AWSCLI(t, "on-call", "cloudwatch", "describe-alarms", "--state-value", "ALARM")
	var alarms struct {
		MetricAlarms []struct{ AlarmName, StateValue, StateReason string }
	}
	if err := json.Unmarshal(out, &alarms); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var names []string
	for _, a := range alarms.MetricAlarms {
		names = append(names, a.AlarmName)
		if a.StateValue != "ALARM" || a.StateReason == "" {
			t.Errorf("CLI alarm %+v", a)
		}
	}
	if !slices.Contains(names, incidentEndpoint+"-5xx-errors") {
		t.Errorf("aws cloudwatch describe-alarms --state-value ALARM = %v, want the incident's 5xx alarm", names)
	}
}

// cliQueries writes queries as the CLI's --metric-data-queries JSON, with
// absent members left out (botocore refuses nulls).
func cliQueries(queries []cwtypes.MetricDataQuery) []map[string]any {
	var out []map[string]any
	for _, q := range queries {
		m := map[string]any{"Id": aws.ToString(q.Id)}
		if q.Expression != nil {
			m["Expression"] = *q.Expression
		}
		if q.Label != nil {
			m["Label"] = *q.Label
		}
		if ms := q.MetricStat; ms != nil {
			var dims []map[string]string
			for _, d := range ms.Metric.Dimensions {
				dims = append(dims, map[string]string{"Name": aws.ToString(d.Name), "Value": aws.ToString(d.Value)})
			}
			m["MetricStat"] = map[string]any{"Period": aws.ToInt32(ms.Period), "Stat": aws.ToString(ms.Stat), "Metric": map[string]any{
				"Namespace": aws.ToString(ms.Metric.Namespace), "MetricName": aws.ToString(ms.Metric.MetricName), "Dimensions": dims}}
		}
		out = append(out, m)
	}
	return out
}
