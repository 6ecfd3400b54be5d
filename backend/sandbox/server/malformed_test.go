package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/fxamacker/cbor/v2"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// jsonError reads the code and message of an awsJson/restJson error.
func jsonError(t *testing.T, resp *http.Response, body []byte) (int, string, string) {
	t.Helper()
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, body)
	}
	if h := resp.Header.Get("X-Amzn-Errortype"); h != e.Type {
		t.Errorf("X-Amzn-ErrorType %q differs from __type %q", h, e.Type)
	}
	return resp.StatusCode, e.Type, e.Message
}

func TestMalformedJSON(t *testing.T) {
	srv := start(t, server.Options{})
	cases := []struct {
		name, target, body, code, msgPart string
	}{
		{"broken", "Logs_20140328.DescribeLogGroups", `{"limit":`, "SerializationException", "Malformed JSON"},
		{"not an object", "Logs_20140328.DescribeLogGroups", `[1,2]`, "SerializationException", "Expected a JSON object"},
		{"trailing data", "Logs_20140328.DescribeLogGroups", `{} {}`, "SerializationException", "unexpected data"},
		{"string for integer", "Logs_20140328.DescribeLogGroups", `{"limit":"ten"}`, "SerializationException", "Member 'limit': expected an integer, got a string"},
		{"fraction for integer", "Logs_20140328.DescribeLogGroups", `{"limit":1.5}`, "SerializationException", "expected an integer"},
		{"integer overflow", "Logs_20140328.DescribeLogGroups", `{"limit":99999999999}`, "SerializationException", "out of range"},
		{"object for string", "Logs_20140328.DescribeLogGroups", `{"logGroupNamePrefix":{"a":1}}`, "SerializationException", "expected a string"},
		{"list for struct", "Echo_20240101.Echo", `{"Text":"x","Nested":[1]}`, "SerializationException", "Member 'Nested': expected a structure"},
		{"bad base64", "Echo_20240101.Echo", `{"Text":"x","Blob":"***"}`, "SerializationException", "base64"},
		{"bad timestamp", "Echo_20240101.Echo", `{"Text":"x","Stamp":true}`, "SerializationException", "expected a timestamp"},
		{"missing required", "Echo_20240101.Echo", `{"Count":1}`, "ValidationException", "Value null at 'Text' failed to satisfy constraint: Member must not be null"},
		{"missing nested required", "GraniteServiceVersion20100801.GetMetricData", `{"StartTime":1,"EndTime":2,"MetricDataQueries":[{"Label":"x"}]}`, "ValidationException", "Value null at 'MetricDataQueries.1.Id'"},
		{"unknown operation", "Logs_20140328.DeleteEverything", `{}`, "UnknownOperationException", "DeleteEverything"},
		{"unknown target prefix", "Nobody_2020.List", `{}`, "UnknownOperationException", "Nobody_2020"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			service := map[string]string{"Logs_20140328": "logs", "Echo_20240101": "echo", "GraniteServiceVersion20100801": "monitoring", "Nobody_2020": "nobody"}[strings.Split(c.target, ".")[0]]
			resp, body := send(t, srv, servertest.Admin, service, "POST", "/", map[string]string{
				"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": c.target,
			}, []byte(c.body))
			status, code, msg := jsonError(t, resp, body)
			if status != 400 || code != c.code || !strings.Contains(msg, c.msgPart) {
				t.Errorf("got %d %s %q, want 400 %s containing %q", status, code, msg, c.code, c.msgPart)
			}
		})
	}
}

func TestMalformedCBOR(t *testing.T) {
	srv := start(t, server.Options{})
	mustCBOR := func(v any) []byte {
		b, err := cbor.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name, op string
		body     []byte
		code     string
	}{
		{"garbage", "ListMetrics", []byte{0xff, 0x00, 0x13}, "SerializationException"},
		{"truncated", "ListMetrics", mustCBOR(map[string]any{"Namespace": "AWS/SageMaker"})[:5], "SerializationException"},
		{"array body", "ListMetrics", mustCBOR([]int{1, 2}), "SerializationException"},
		{"integer keys", "ListMetrics", mustCBOR(map[int]string{1: "x"}), "SerializationException"},
		{"string for integer", "GetMetricData", mustCBOR(map[string]any{"StartTime": cbor.Tag{Number: 1, Content: 1}, "EndTime": cbor.Tag{Number: 1, Content: 2},
			"MetricDataQueries": []any{map[string]any{"Id": "a", "MetricStat": map[string]any{"Period": "sixty", "Stat": "Sum", "Metric": map[string]any{}}}}}), "SerializationException"},
		{"bytes for string", "ListMetrics", mustCBOR(map[string]any{"Namespace": []byte("AWS")}), "SerializationException"},
		{"unknown operation", "PutEverything", mustCBOR(map[string]any{}), "UnknownOperationException"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := send(t, srv, servertest.Admin, "monitoring", "POST", "/service/GraniteServiceVersion20100801/operation/"+c.op, map[string]string{
				"Content-Type": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor",
			}, c.body)
			var e struct {
				Type    string `cbor:"__type"`
				Message string `cbor:"message"`
			}
			if err := cbor.Unmarshal(body, &e); err != nil {
				t.Fatalf("error body is not CBOR: %v", err)
			}
			if resp.StatusCode != 400 || e.Type != c.code || e.Message == "" {
				t.Errorf("got %d %s %q, want 400 %s", resp.StatusCode, e.Type, e.Message, c.code)
			}
		})
	}
}

func TestMalformedQuery(t *testing.T) {
	srv := start(t, server.Options{})
	cases := []struct {
		name, body, code string
	}{
		{"bad escape", "Action=ListMetrics&Version=2010-08-01&Namespace=%zz", "MalformedInput"},
		{"no action", "Version=2010-08-01&Namespace=AWS", "InvalidAction"},
		{"unknown action", "Action=DeleteEverything&Version=2010-08-01", "InvalidAction"},
		{"not a number", "Action=GetMetricData&Version=2010-08-01&StartTime=2024-06-01T00:00:00Z&EndTime=2024-06-01T01:00:00Z&MetricDataQueries.member.1.Id=a&MetricDataQueries.member.1.MetricStat.Metric.MetricName=m&MetricDataQueries.member.1.MetricStat.Stat=Sum&MetricDataQueries.member.1.MetricStat.Period=sixty", "MalformedInput"},
		{"not a timestamp", "Action=GetMetricData&Version=2010-08-01&StartTime=yesterday&EndTime=2024-06-01T01:00:00Z&MetricDataQueries.member.1.Id=a", "MalformedInput"},
		{"bad list index", "Action=ListMetrics&Version=2010-08-01&Dimensions.member.first.Name=x", "MalformedInput"},
		{"value and structure", "Action=ListMetrics&Version=2010-08-01&Namespace=x&Namespace.member.1=y", "MalformedInput"},
		{"missing required", "Action=GetMetricData&Version=2010-08-01&EndTime=2024-06-01T01:00:00Z&MetricDataQueries.member.1.Id=a", "ValidationError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := send(t, srv, servertest.Admin, "monitoring", "POST", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(c.body))
			if resp.StatusCode != 400 || !strings.Contains(string(body), "<Code>"+c.code+"</Code>") || !strings.Contains(string(body), "<Type>Sender</Type>") {
				t.Errorf("got %d %s, want 400 with code %s", resp.StatusCode, body, c.code)
			}
		})
	}
}

func TestOversizedBodies(t *testing.T) {
	srv := start(t, server.Options{})
	big := func(n int) []byte { return bytes.Repeat([]byte("a"), n) }

	// SageMaker Runtime allows 6 MiB payloads; 5 MiB passes, 6 MiB + 1 does not.
	resp, body := send(t, srv, servertest.Admin, "sagemaker", "POST", "/endpoints/hdb-resale-prod/invocations",
		map[string]string{"Content-Type": "text/csv"}, append([]byte(`"`), append(big(5<<20), '"')...))
	if resp.StatusCode != 200 {
		t.Errorf("5 MiB invocation: %d %.200s", resp.StatusCode, body)
	}
	resp, body = send(t, srv, servertest.Admin, "sagemaker", "POST", "/endpoints/hdb-resale-prod/invocations",
		map[string]string{"Content-Type": "text/csv"}, big(6<<20+1))
	status, code, msg := jsonError(t, resp, body)
	if status != 413 || code != "ValidationException" || !strings.Contains(msg, "6291456-byte limit") {
		t.Errorf("6 MiB + 1 invocation: %d %s %q", status, code, msg)
	}

	// Other services: the default 4 MiB.
	payload := []byte(`{"logGroupNamePrefix":"` + string(big(server.DefaultMaxBodyBytes)) + `"}`)
	resp, body = send(t, srv, servertest.Admin, "logs", "POST", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"}, payload)
	if status, code, _ := jsonError(t, resp, body); status != 413 || code != "ValidationException" {
		t.Errorf("oversized JSON: %d %s", status, code)
	}
	resp, body = send(t, srv, servertest.Admin, "s3", "GET", "/ag-hdb-models/readme.txt", nil, big(server.DefaultMaxBodyBytes+1))
	if resp.StatusCode != 400 || !strings.Contains(string(body), "<Code>EntityTooLarge</Code>") {
		t.Errorf("oversized S3: %d %.300s", resp.StatusCode, body)
	}
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestHandlerPanicBecomesInternalFailure(t *testing.T) {
	var logs syncBuffer
	srv := start(t, server.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	resp, body := send(t, srv, servertest.Admin, "logs", "POST", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"}, []byte(`{"logGroupNamePrefix":"/boom"}`))
	status, code, _ := jsonError(t, resp, body)
	if status != 500 || code != "InternalFailure" {
		t.Errorf("got %d %s, want 500 InternalFailure", status, code)
	}
	if l := logs.String(); !strings.Contains(l, "handler panicked") || !strings.Contains(l, "handler bug") || !strings.Contains(l, "DescribeLogGroups") {
		t.Errorf("log = %q, want the panic logged with its operation", l)
	}
	// The server still answers.
	resp, _ = send(t, srv, servertest.Admin, "logs", "POST", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"}, []byte(`{}`))
	if resp.StatusCode != 200 {
		t.Errorf("after a panic: status %d", resp.StatusCode)
	}
}

// protocolRequests are, per protocol, a signed request carrying body.
var protocolRequests = []struct {
	name, service, path string
	header              map[string]string
}{
	{"awsJson1_1", "echo", "/", map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Echo_20240101.Echo"}},
	{"rpcv2Cbor", "echo", "/service/Echo/operation/Echo", map[string]string{"Content-Type": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor"}},
	{"awsQuery", "echo", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}},
	{"restJson1", "backup", "/restore-jobs", map[string]string{"Content-Type": "application/json"}},
	{"restJson1-payload", "sagemaker", "/endpoints/hdb-resale-prod/invocations", map[string]string{"Content-Type": "application/json"}},
}

// FuzzRequestBodies: no body, however broken, makes the server fail (500)
// or panic; each is answered with a success or a client error.
func FuzzRequestBodies(f *testing.F) {
	seeds := []string{
		`{}`, `{"Text":"x","Count":1,"Items":[{"label":"a","scores":[1,2]}]}`, `{"Text":`, `[]`, `null`, `{"Text":null}`,
		"Action=Echo&Version=2024-01-01&Text=x&Strings.member.1=a&Tags.entry.1.key=k&Tags.entry.1.value=v",
		"Action=Echo&Text=x&Items.member.1.scores.member.x=1", "Action=Echo&Text.a.b=1&Text=", "\xa1\x64Text\x61x", "\xbf\xff", "\x9f",
		`{"RecoveryPointArn":"a","Metadata":{"k":1}}`,
	}
	for _, s := range seeds {
		for i := range protocolRequests {
			f.Add(i, []byte(s))
		}
	}
	srv, err := server.New(server.Options{Principals: servertest.Principals()})
	if err != nil {
		f.Fatal(err)
	}
	if err := registerAll(srv); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which int, body []byte) {
		if which < 0 {
			which = -which
		}
		pr := protocolRequests[which%len(protocolRequests)]
		if pr.name == "awsQuery" && !bytes.Contains(body, []byte("Action=")) {
			body = append([]byte("Action=Echo&Version=2024-01-01&"), body...)
		}
		req := httptest.NewRequest("POST", "http://127.0.0.1:1"+pr.path, bytes.NewReader(body))
		for k, v := range pr.header {
			req.Header.Set(k, v)
		}
		servertest.Sign(t, req, servertest.Admin, pr.service, body)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			b, _ := io.ReadAll(rec.Body)
			t.Errorf("%s body %q: status %d: %s", pr.name, body, rec.Code, b)
		}
	})
}
