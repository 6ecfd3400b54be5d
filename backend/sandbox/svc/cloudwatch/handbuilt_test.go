package cloudwatch_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// Hand-built, SigV4-signed awsQuery and awsJson1_0 requests must get the
// same answers as the Go SDK's default rpcv2Cbor client.

func queryForm(action string, kv ...string) []byte {
	v := url.Values{"Action": {action}, "Version": {"2010-08-01"}}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return []byte(v.Encode())
}

func postQuery(t *testing.T, env *sandboxtest.Env, body []byte, into any) {
	t.Helper()
	resp, b := signedRequest(t, env, "on-call", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, body)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/xml" {
		t.Fatalf("awsQuery: status %d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	if err := xml.Unmarshal(b, into); err != nil {
		t.Fatalf("awsQuery response: %v\n%s", err, b)
	}
}

func postJSON(t *testing.T, env *sandboxtest.Env, op string, body any, into any) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	resp, out := signedRequest(t, env, "on-call", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "GraniteServiceVersion20100801." + op,
	}, b)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-amz-json-1.0" {
		t.Fatalf("awsJson1_0 %s: status %d: %s", op, resp.StatusCode, out)
	}
	if err := json.Unmarshal(out, into); err != nil {
		t.Fatalf("awsJson1_0 response: %v\n%s", err, out)
	}
}

func TestHandBuiltGetMetricDataMatchesSDK(t *testing.T) {
	env := sandboxtest.Start(t)
	bad, good := variant(t, env, incidentEndpoint), variant(t, env, healthyEndpoint)
	start, end := sandboxtest.Epoch.Add(-20*time.Minute), sandboxtest.Epoch
	queries := incidentQueries(t, env)
	sdk, err := client(t, env, "on-call", "rpcv2Cbor").GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(start), EndTime: aws.Time(end), MetricDataQueries: queries,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := resultsOf(sdk)

	t.Run("awsQuery", func(t *testing.T) {
		kv := []string{"StartTime", start.Format(time.RFC3339), "EndTime", end.Format(time.RFC3339)}
		for i, q := range queries {
			p := "MetricDataQueries.member." + strconv.Itoa(i+1) + "."
			kv = append(kv, p+"Id", *q.Id)
			if q.Expression != nil {
				kv = append(kv, p+"Expression", *q.Expression, p+"Label", *q.Label)
				continue
			}
			ms := q.MetricStat
			kv = append(kv, p+"MetricStat.Period", strconv.Itoa(int(*ms.Period)), p+"MetricStat.Stat", *ms.Stat,
				p+"MetricStat.Metric.Namespace", *ms.Metric.Namespace, p+"MetricStat.Metric.MetricName", *ms.Metric.MetricName)
			for k, d := range ms.Metric.Dimensions {
				dp := p + "MetricStat.Metric.Dimensions.member." + strconv.Itoa(k+1) + "."
				kv = append(kv, dp+"Name", *d.Name, dp+"Value", *d.Value)
			}
		}
		var doc struct {
			XMLName xml.Name `xml:"http://monitoring.amazonaws.com/doc/2010-08-01/ GetMetricDataResponse"`
			Results []struct {
				ID         string      `xml:"Id"`
				Label      string      `xml:"Label"`
				Status     string      `xml:"StatusCode"`
				Timestamps []time.Time `xml:"Timestamps>member"`
				Values     []float64   `xml:"Values>member"`
			} `xml:"GetMetricDataResult>MetricDataResults>member"`
		}
		postQuery(t, env, queryForm("GetMetricData", kv...), &doc)
		var got []result
		for _, r := range doc.Results {
			got = append(got, result{r.ID, r.Label, r.Status, utc(r.Timestamps), r.Values})
		}
		sameResults(t, "awsQuery vs SDK", got, want)
	})

	t.Run("awsJson1_0", func(t *testing.T) {
		dims := func(e, v string) []map[string]string {
			return []map[string]string{{"Name": "EndpointName", "Value": e}, {"Name": "VariantName", "Value": v}}
		}
		stat := func(id, e, v, name, stat string, period int) map[string]any {
			return map[string]any{"Id": id, "MetricStat": map[string]any{"Period": period, "Stat": stat,
				"Metric": map[string]any{"Namespace": "AWS/SageMaker", "MetricName": name, "Dimensions": dims(e, v)}}}
		}
		body := map[string]any{"StartTime": start.Unix(), "EndTime": end.Unix(), "MetricDataQueries": []map[string]any{
			stat("bad5xx", incidentEndpoint, bad, "Invocation5XXErrors", "Sum", 60),
			stat("badinv", incidentEndpoint, bad, "Invocations", "Sum", 60),
			stat("good5xx", healthyEndpoint, good, "Invocation5XXErrors", "Sum", 60),
			stat("goodinv", healthyEndpoint, good, "Invocations", "Sum", 60),
			stat("latavg", healthyEndpoint, good, "ModelLatency", "Average", 300),
			stat("latp99", healthyEndpoint, good, "ModelLatency", "p99", 300),
			{"Id": "badrate", "Expression": "100 * bad5xx / badinv", "Label": "5xx %"},
		}}
		var doc struct {
			MetricDataResults []struct {
				ID         string    `json:"Id"`
				Label      string    `json:"Label"`
				Status     string    `json:"StatusCode"`
				Timestamps []float64 `json:"Timestamps"`
				Values     []float64 `json:"Values"`
			}
		}
		postJSON(t, env, "GetMetricData", body, &doc)
		var got []result
		for _, r := range doc.MetricDataResults {
			var ts []time.Time
			for _, s := range r.Timestamps {
				ts = append(ts, time.Unix(int64(s), 0).UTC())
			}
			got = append(got, result{r.ID, r.Label, r.Status, ts, r.Values})
		}
		sameResults(t, "awsJson1_0 vs SDK", got, want)
	})
}

func utc(ts []time.Time) []time.Time {
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = t.UTC()
	}
	return out
}

func TestHandBuiltListMetricsMatchesSDK(t *testing.T) {
	env := sandboxtest.Start(t)
	sdk, err := client(t, env, "on-call", "rpcv2Cbor").ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{
		Namespace:  aws.String("AWS/SageMaker"),
		Dimensions: []cwtypes.DimensionFilter{{Name: aws.String("EndpointName"), Value: aws.String(incidentEndpoint)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range sdk.Metrics {
		want = append(want, sdkMetricKey(m))
	}
	if len(want) != 12 {
		t.Fatalf("SDK listed %d metrics", len(want))
	}
	type dim struct{ Name, Value string }
	key := func(ns, name string, ds []dim) string {
		m := cwtypes.Metric{Namespace: &ns, MetricName: &name}
		for _, d := range ds {
			m.Dimensions = append(m.Dimensions, cwtypes.Dimension{Name: aws.String(d.Name), Value: aws.String(d.Value)})
		}
		return sdkMetricKey(m)
	}

	t.Run("awsQuery", func(t *testing.T) {
		var doc struct {
			XMLName xml.Name `xml:"http://monitoring.amazonaws.com/doc/2010-08-01/ ListMetricsResponse"`
			Metrics []struct {
				Namespace  string `xml:"Namespace"`
				MetricName string `xml:"MetricName"`
				Dimensions []dim  `xml:"Dimensions>member"`
			} `xml:"ListMetricsResult>Metrics>member"`
		}
		postQuery(t, env, queryForm("ListMetrics", "Namespace", "AWS/SageMaker",
			"Dimensions.member.1.Name", "EndpointName", "Dimensions.member.1.Value", incidentEndpoint), &doc)
		var got []string
		for _, m := range doc.Metrics {
			got = append(got, key(m.Namespace, m.MetricName, m.Dimensions))
		}
		if !slices.Equal(got, want) {
			t.Errorf("awsQuery ListMetrics = %v\nSDK %v", got, want)
		}
	})
	t.Run("awsJson1_0", func(t *testing.T) {
		var doc struct {
			Metrics []struct {
				Namespace, MetricName string
				Dimensions            []dim
			}
		}
		postJSON(t, env, "ListMetrics", map[string]any{"Namespace": "AWS/SageMaker",
			"Dimensions": []map[string]string{{"Name": "EndpointName", "Value": incidentEndpoint}}}, &doc)
		var got []string
		for _, m := range doc.Metrics {
			got = append(got, key(m.Namespace, m.MetricName, m.Dimensions))
		}
		if !slices.Equal(got, want) {
			t.Errorf("awsJson1_0 ListMetrics = %v\nSDK %v", got, want)
		}
	})
}

func TestHandBuiltDescribeAlarmsMatchesSDK(t *testing.T) {
	env := sandboxtest.Start(t)
	sdk, err := client(t, env, "on-call", "rpcv2Cbor").DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{
		StateValue: cwtypes.StateValueAlarm,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sdk.MetricAlarms) == 0 {
		t.Fatal("no alarm in ALARM")
	}
	type alarm struct {
		AlarmName, AlarmArn, StateValue, StateReason, StateReasonData, MetricName, Namespace, ComparisonOperator string
		Threshold                                                                                                float64
		Period, EvaluationPeriods                                                                                int32
	}
	var want []alarm
	for _, a := range sdk.MetricAlarms {
		want = append(want, alarm{aws.ToString(a.AlarmName), aws.ToString(a.AlarmArn), string(a.StateValue), aws.ToString(a.StateReason),
			aws.ToString(a.StateReasonData), aws.ToString(a.MetricName), aws.ToString(a.Namespace), string(a.ComparisonOperator),
			aws.ToFloat64(a.Threshold), aws.ToInt32(a.Period), aws.ToInt32(a.EvaluationPeriods)})
	}

	t.Run("awsQuery", func(t *testing.T) {
		var doc struct {
			XMLName xml.Name `xml:"http://monitoring.amazonaws.com/doc/2010-08-01/ DescribeAlarmsResponse"`
			Alarms  []alarm  `xml:"DescribeAlarmsResult>MetricAlarms>member"`
		}
		postQuery(t, env, queryForm("DescribeAlarms", "StateValue", "ALARM"), &doc)
		if !slices.Equal(doc.Alarms, want) {
			t.Errorf("awsQuery DescribeAlarms = %+v\nSDK %+v", doc.Alarms, want)
		}
	})
	t.Run("awsJson1_0", func(t *testing.T) {
		var doc struct{ MetricAlarms []alarm }
		postJSON(t, env, "DescribeAlarms", map[string]string{"StateValue": "ALARM"}, &doc)
		if !slices.Equal(doc.MetricAlarms, want) {
			t.Errorf("awsJson1_0 DescribeAlarms = %+v\nSDK %+v", doc.MetricAlarms, want)
		}
	})
}

// TestHandBuiltErrorsNameTheQueryCode: awsQuery answers ValidationError
// in its XML; awsJson1_0 carries the same code in X-Amzn-Query-Error.
func TestHandBuiltErrorsNameTheQueryCode(t *testing.T) {
	env := sandboxtest.Start(t)
	resp, b := signedRequest(t, env, "on-call", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
		queryForm("DescribeAlarms", "StateValue", "FIRING"))
	var doc struct {
		XMLName xml.Name `xml:"ErrorResponse"`
		Code    string   `xml:"Error>Code"`
		Type    string   `xml:"Error>Type"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil || resp.StatusCode != 400 || doc.Code != "ValidationError" || doc.Type != "Sender" {
		t.Errorf("awsQuery error: %d %+v %v\n%s", resp.StatusCode, doc, err, b)
	}
	body, _ := json.Marshal(map[string]string{"NextToken": "forged"})
	resp, b = signedRequest(t, env, "on-call", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "GraniteServiceVersion20100801.ListMetrics",
	}, body)
	if resp.StatusCode != 400 || resp.Header.Get("X-Amzn-Query-Error") != "InvalidNextToken;Sender" {
		t.Errorf("awsJson1_0 error: %d %q %s", resp.StatusCode, resp.Header.Get("X-Amzn-Query-Error"), b)
	}
}
