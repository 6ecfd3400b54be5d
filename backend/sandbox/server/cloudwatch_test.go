package server_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
	"github.com/fxamacker/cbor/v2"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// One CloudWatch handler set answers in rpcv2Cbor, awsJson1_0 and awsQuery;
// every way of asking must get the same answer.

var (
	cwStart = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	cwEnd   = cwStart.Add(time.Hour)
)

// cwResult is a GetMetricData result in a protocol-neutral form.
type cwResult struct {
	ID, Label  string
	Timestamps []time.Time
	Values     []float64
}

// wantMetricData is what getMetricData must answer to the two queries the
// tests send.
func wantMetricData() []cwResult {
	return []cwResult{
		{
			ID: "inv", Label: "Invocations Sum EndpointName=hdb-resale-prod",
			Timestamps: []time.Time{cwStart, cwStart.Add(5 * time.Minute), cwStart.Add(10 * time.Minute)},
			Values:     []float64{100.25, 101.25, 102.25},
		},
		{
			ID: "lat", Label: "ModelLatency Average EndpointName=hdb-resale-prod VariantName=AllTraffic",
			Timestamps: []time.Time{cwStart, cwStart.Add(time.Minute), cwStart.Add(2 * time.Minute)},
			Values:     []float64{200.25, 201.25, 202.25},
		},
	}
}

func sdkMetricDataInput() *cloudwatch.GetMetricDataInput {
	return &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(cwStart), EndTime: aws.Time(cwEnd),
		MetricDataQueries: []cwtypes.MetricDataQuery{
			{Id: aws.String("inv"), MetricStat: &cwtypes.MetricStat{
				Period: aws.Int32(300), Stat: aws.String("Sum"),
				Metric: &cwtypes.Metric{Namespace: aws.String("AWS/SageMaker"), MetricName: aws.String("Invocations"),
					Dimensions: []cwtypes.Dimension{{Name: aws.String("EndpointName"), Value: aws.String("hdb-resale-prod")}}},
			}},
			{Id: aws.String("lat"), MetricStat: &cwtypes.MetricStat{
				Period: aws.Int32(60), Stat: aws.String("Average"),
				Metric: &cwtypes.Metric{Namespace: aws.String("AWS/SageMaker"), MetricName: aws.String("ModelLatency"),
					Dimensions: []cwtypes.Dimension{
						{Name: aws.String("EndpointName"), Value: aws.String("hdb-resale-prod")},
						{Name: aws.String("VariantName"), Value: aws.String("AllTraffic")},
					}},
			}},
		},
	}
}

func fromSDK(out *cloudwatch.GetMetricDataOutput) []cwResult {
	var rs []cwResult
	for _, r := range out.MetricDataResults {
		rs = append(rs, cwResult{ID: aws.ToString(r.Id), Label: aws.ToString(r.Label), Timestamps: utc(r.Timestamps), Values: r.Values})
	}
	return rs
}

func utc(ts []time.Time) []time.Time {
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = t.UTC()
	}
	return out
}

func sameResults(t *testing.T, got, want []cwResult) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Label != w.Label || !slices.Equal(g.Values, w.Values) ||
			!slices.EqualFunc(g.Timestamps, w.Timestamps, time.Time.Equal) {
			t.Errorf("result %d = %+v, want %+v", i, g, w)
		}
	}
}

// cwClients are the Go SDK's CloudWatch client in each protocol: its
// default (rpcv2Cbor) and the two older ones it can be switched to.
func cwClients(srv *server.Server, p iam.Principal) map[string]*cloudwatch.Client {
	cfg := servertest.Config(srv, p)
	with := func(proto smithyhttp.ClientProtocol) *cloudwatch.Client {
		return cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) {
			if proto != nil {
				o.Protocol = proto
			}
		})
	}
	return map[string]*cloudwatch.Client{
		"rpcv2Cbor":  with(nil),
		"awsJson1_0": with(awsjson.New10(schemas.GraniteServiceVersion20100801)),
		"awsQuery":   with(awsquery.New(schemas.GraniteServiceVersion20100801)),
	}
}

func TestCloudWatchSDKSameAnswerInEveryProtocol(t *testing.T) {
	srv := start(t, server.Options{})
	ctx := context.Background()
	for name, client := range cwClients(srv, servertest.OnCall) {
		t.Run(name, func(t *testing.T) {
			out, err := client.GetMetricData(ctx, sdkMetricDataInput())
			if err != nil {
				t.Fatalf("GetMetricData: %v", err)
			}
			sameResults(t, fromSDK(out), wantMetricData())
			if got := out.MetricDataResults[0].StatusCode; got != cwtypes.StatusCodeComplete {
				t.Errorf("StatusCode = %q, want Complete", got)
			}

			lm, err := client.ListMetrics(ctx, &cloudwatch.ListMetricsInput{
				Namespace:  aws.String("AWS/SageMaker"),
				Dimensions: []cwtypes.DimensionFilter{{Name: aws.String("EndpointName"), Value: aws.String("hdb-resale-prod")}},
			})
			if err != nil {
				t.Fatalf("ListMetrics: %v", err)
			}
			var names []string
			for _, m := range lm.Metrics {
				names = append(names, aws.ToString(m.MetricName))
				if len(m.Dimensions) != 2 || aws.ToString(m.Dimensions[1].Value) != "AllTraffic" {
					t.Errorf("metric %s dimensions = %+v", aws.ToString(m.MetricName), m.Dimensions)
				}
			}
			if !slices.Equal(names, []string{"Invocations", "ModelLatency"}) {
				t.Errorf("ListMetrics names = %v, want [Invocations ModelLatency]", names)
			}

			_, err = client.GetMetricData(ctx, &cloudwatch.GetMetricDataInput{
				StartTime: aws.Time(cwEnd), EndTime: aws.Time(cwStart),
				MetricDataQueries: sdkMetricDataInput().MetricDataQueries,
			})
			// CloudWatch models ValidationException (query code ValidationError):
			// every protocol must decode into that type with our message.
			var ve *cwtypes.ValidationException
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want *types.ValidationException", err)
			}
			if msg := ve.ErrorMessage(); msg != "The parameter StartTime must be less than the parameter EndTime." {
				t.Errorf("message = %q", msg)
			}
		})
	}
}

// queryGetMetricData is GetMetricData as a hand-written awsQuery form.
func queryGetMetricData() url.Values {
	return url.Values{
		"Action":                        {"GetMetricData"},
		"Version":                       {"2010-08-01"},
		"StartTime":                     {"2024-06-01T00:00:00Z"},
		"EndTime":                       {"2024-06-01T01:00:00Z"},
		"MetricDataQueries.member.1.Id": {"inv"},
		"MetricDataQueries.member.1.MetricStat.Period":                           {"300"},
		"MetricDataQueries.member.1.MetricStat.Stat":                             {"Sum"},
		"MetricDataQueries.member.1.MetricStat.Metric.Namespace":                 {"AWS/SageMaker"},
		"MetricDataQueries.member.1.MetricStat.Metric.MetricName":                {"Invocations"},
		"MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name":  {"EndpointName"},
		"MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value": {"hdb-resale-prod"},
		"MetricDataQueries.member.2.Id":                                          {"lat"},
		"MetricDataQueries.member.2.MetricStat.Period":                           {"60"},
		"MetricDataQueries.member.2.MetricStat.Stat":                             {"Average"},
		"MetricDataQueries.member.2.MetricStat.Metric.Namespace":                 {"AWS/SageMaker"},
		"MetricDataQueries.member.2.MetricStat.Metric.MetricName":                {"ModelLatency"},
		"MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Name":  {"EndpointName"},
		"MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Value": {"hdb-resale-prod"},
		"MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.2.Name":  {"VariantName"},
		"MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.2.Value": {"AllTraffic"},
	}
}

// jsonGetMetricData is the same call as awsJson1_0 sends it.
const jsonGetMetricData = `{"StartTime":1717200000,"EndTime":1717203600,"MetricDataQueries":[
 {"Id":"inv","MetricStat":{"Period":300,"Stat":"Sum","Metric":{"Namespace":"AWS/SageMaker","MetricName":"Invocations","Dimensions":[{"Name":"EndpointName","Value":"hdb-resale-prod"}]}}},
 {"Id":"lat","MetricStat":{"Period":60,"Stat":"Average","Metric":{"Namespace":"AWS/SageMaker","MetricName":"ModelLatency","Dimensions":[{"Name":"EndpointName","Value":"hdb-resale-prod"},{"Name":"VariantName","Value":"AllTraffic"}]}}}]}`

func TestCloudWatchHandBuiltRequestsSameAnswer(t *testing.T) {
	srv := start(t, server.Options{})
	p := servertest.DataScientist

	t.Run("awsQuery", func(t *testing.T) {
		body := []byte(queryGetMetricData().Encode())
		resp, b := send(t, srv, p, "monitoring", "POST", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, body)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/xml" {
			t.Errorf("Content-Type = %q, want text/xml", ct)
		}
		var doc struct {
			XMLName xml.Name `xml:"http://monitoring.amazonaws.com/doc/2010-08-01/ GetMetricDataResponse"`
			Results []struct {
				ID         string      `xml:"Id"`
				Label      string      `xml:"Label"`
				Timestamps []time.Time `xml:"Timestamps>member"`
				Values     []float64   `xml:"Values>member"`
			} `xml:"GetMetricDataResult>MetricDataResults>member"`
			RequestID string `xml:"ResponseMetadata>RequestId"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("response is not the awsQuery XML: %v\n%s", err, b)
		}
		if doc.RequestID == "" || doc.RequestID != resp.Header.Get("X-Amzn-Requestid") {
			t.Errorf("RequestId %q, header %q: want the same non-empty id", doc.RequestID, resp.Header.Get("X-Amzn-Requestid"))
		}
		var got []cwResult
		for _, r := range doc.Results {
			got = append(got, cwResult{ID: r.ID, Label: r.Label, Timestamps: utc(r.Timestamps), Values: r.Values})
		}
		sameResults(t, got, wantMetricData())
	})

	t.Run("awsJson1_0", func(t *testing.T) {
		resp, b := send(t, srv, p, "monitoring", "POST", "/", map[string]string{
			"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "GraniteServiceVersion20100801.GetMetricData",
		}, []byte(jsonGetMetricData))
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/x-amz-json-1.0" {
			t.Errorf("Content-Type = %q", ct)
		}
		sameResults(t, jsonResults(t, b), wantMetricData())
	})

	t.Run("rpcv2Cbor", func(t *testing.T) {
		var in any
		if err := json.Unmarshal([]byte(jsonGetMetricData), &in); err != nil {
			t.Fatal(err)
		}
		m := in.(map[string]any)
		m["StartTime"] = cbor.Tag{Number: 1, Content: float64(cwStart.Unix())}
		m["EndTime"] = cbor.Tag{Number: 1, Content: cwEnd.Unix()}
		body, err := cbor.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		resp, b := send(t, srv, p, "monitoring", "POST", "/service/GraniteServiceVersion20100801/operation/GetMetricData", map[string]string{
			"Content-Type": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor", "Accept": "application/cbor",
		}, body)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %x", resp.StatusCode, b)
		}
		if resp.Header.Get("Smithy-Protocol") != "rpc-v2-cbor" || resp.Header.Get("Content-Type") != "application/cbor" {
			t.Errorf("headers = %v", resp.Header)
		}
		var doc struct {
			MetricDataResults []struct {
				ID         string      `cbor:"Id"`
				Label      string      `cbor:"Label"`
				Timestamps []time.Time `cbor:"Timestamps"`
				Values     []float64   `cbor:"Values"`
			}
		}
		if err := cbor.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%v", err)
		}
		var got []cwResult
		for _, r := range doc.MetricDataResults {
			got = append(got, cwResult{ID: r.ID, Label: r.Label, Timestamps: utc(r.Timestamps), Values: r.Values})
		}
		sameResults(t, got, wantMetricData())
	})
}

// TestCloudWatchQueryCompatibleErrors: the CBOR and JSON protocols carry
// the awsQuery code in X-Amzn-Query-Error, so every client sees the same code.
func TestCloudWatchQueryCompatibleErrors(t *testing.T) {
	srv := start(t, server.Options{})
	for name, client := range cwClients(srv, servertest.DataScientist) {
		t.Run(name, func(t *testing.T) {
			_, err := client.DeleteAlarms(context.Background(), &cloudwatch.DeleteAlarmsInput{AlarmNames: []string{"hdb-resale/5xx"}})
			msg := servertest.WantCode(t, err, "AccessDenied")
			want := iam.DenyMessage(servertest.DataScientist, "cloudwatch:DeleteAlarms", "arn:aws:cloudwatch:ap-southeast-1:123456789012:alarm:hdb-resale/5xx")
			if msg != want {
				t.Errorf("message = %q, want %q", msg, want)
			}
		})
	}
}

// TestAWSCLICloudWatch: botocore speaks rpcv2Cbor to CloudWatch.
func TestAWSCLICloudWatch(t *testing.T) {
	srv := start(t, server.Options{})
	queries, err := json.Marshal([]map[string]any{
		{"Id": "inv", "MetricStat": map[string]any{"Period": 300, "Stat": "Sum", "Metric": map[string]any{
			"Namespace": "AWS/SageMaker", "MetricName": "Invocations",
			"Dimensions": []map[string]string{{"Name": "EndpointName", "Value": "hdb-resale-prod"}}}}},
		{"Id": "lat", "MetricStat": map[string]any{"Period": 60, "Stat": "Average", "Metric": map[string]any{
			"Namespace": "AWS/SageMaker", "MetricName": "ModelLatency",
			"Dimensions": []map[string]string{{"Name": "EndpointName", "Value": "hdb-resale-prod"}, {"Name": "VariantName", "Value": "AllTraffic"}}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	out := servertest.CLI(srv, servertest.OnCall).Run(t, "cloudwatch", "get-metric-data",
		"--start-time", "2024-06-01T00:00:00Z", "--end-time", "2024-06-01T01:00:00Z", "--metric-data-queries", string(queries))
	// CLI v1 prints timestamps as received: epoch seconds from CBOR.
	sameResults(t, jsonResults(t, out), wantMetricData())
}

// jsonResults reads GetMetricData's JSON answer, whose timestamps are epoch
// seconds, as awsJson1_0 and the CLI print it.
func jsonResults(t *testing.T, b []byte) []cwResult {
	t.Helper()
	var doc struct {
		MetricDataResults []struct {
			ID         string    `json:"Id"`
			Label      string    `json:"Label"`
			Timestamps []float64 `json:"Timestamps"`
			Values     []float64 `json:"Values"`
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	var got []cwResult
	for _, r := range doc.MetricDataResults {
		var ts []time.Time
		for _, s := range r.Timestamps {
			ts = append(ts, time.Unix(int64(s), 0).UTC())
		}
		got = append(got, cwResult{ID: r.ID, Label: r.Label, Timestamps: ts, Values: r.Values})
	}
	return got
}
