package aws

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// hermetic keeps the developer's AWS configuration out of a test.
func hermetic(t *testing.T) {
	t.Helper()
	for _, k := range []string{"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"} {
		t.Setenv(k, "")
	}
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/credentials")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
}

func testAccount(t *testing.T, url string, limits map[string]float64) *Account {
	t.Helper()
	hermetic(t)
	acct, err := New(context.Background(), Options{
		Region: "ap-southeast-1", EndpointURL: url, AccessKeyID: "AKIDSANDBOX", SecretAccessKey: "secret",
		MaxBackoff: time.Millisecond, RateLimits: limits,
	})
	if err != nil {
		t.Fatal(err)
	}
	return acct
}

func TestMeterCountsEveryAttemptThroughTheRealClient(t *testing.T) {
	var hits atomic.Int32
	var target atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target.Store(r.Header.Get("X-Amz-Target"))
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if hits.Add(1) <= 2 {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"__type":"ThrottlingException","message":"Rate exceeded"}`)
			return
		}
		io.WriteString(w, `{"logStreams":[{"logStreamName":"hdb-resale-2025-03-01/algo-1","lastEventTimestamp":1740819600000}]}`)
	}))
	defer srv.Close()
	acct := testAccount(t, srv.URL, map[string]float64{"logs": 0})

	streams, err := acct.LogStreams(context.Background(), "/aws/sagemaker/TrainingJobs", "hdb-resale-2025-03-01/", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(streams) != 1 || streams[0].Name != "hdb-resale-2025-03-01/algo-1" ||
		!streams[0].LastEventTime.Equal(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)) {
		t.Fatalf("streams = %+v", streams)
	}
	if got := target.Load(); got != "Logs_20140328.DescribeLogStreams" {
		t.Fatalf("request went to %v, want the logs service at the custom endpoint", got)
	}
	s := acct.Meter.Stats()
	if s.ByOp["logs:DescribeLogStreams"] != 3 || s.Total != 3 || s.Errors != 2 || s.Throttles != 2 {
		t.Fatalf("stats = %+v, want 3 attempts of logs:DescribeLogStreams, 2 throttled", s)
	}
}

func TestRateLimitWaitsWithTheContext(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>`+
			`<Arn>arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan</Arn><UserId>AROAX:alice.tan</UserId>`+
			`<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`)
	}))
	defer srv.Close()
	// One call per 1000 seconds: the first passes on the burst, the
	// second must wait far beyond its deadline and so is refused at once.
	acct := testAccount(t, srv.URL, map[string]float64{"sts": 0.001})

	c, err := acct.Caller(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Account != "123456789012" || c.Principal != "alice.tan" || c.RoleName != "AG-HDB-DataScientist" {
		t.Fatalf("caller = %+v", c)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := acct.Caller(ctx); err == nil {
		t.Fatal("second call inside the rate limit succeeded")
	}
	if got := hits.Load(); got != 1 {
		t.Fatalf("server saw %d requests, want 1: the limiter must stop the second before the wire", got)
	}
}

func TestCustomEndpointUsesPathStyleS3(t *testing.T) {
	var path, host atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path.Store(r.URL.Path)
		host.Store(r.Host)
		io.WriteString(w, `{"regression_metrics":{"rmse":{"value":21000}}}`)
	}))
	defer srv.Close()
	acct := testAccount(t, srv.URL, nil)

	body, err := acct.GetObject(context.Background(), "s3://ag-hdb-models/eval/v3/evaluation.json", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != `{"regression_metrics":{"rmse":{"value":21000}}}` {
		t.Fatalf("body = %q", body)
	}
	if path.Load() != "/ag-hdb-models/eval/v3/evaluation.json" || host.Load() != srv.Listener.Addr().String() {
		t.Fatalf("request %v%v, want path-style on the endpoint host", host.Load(), path.Load())
	}
	if _, err := acct.GetObject(context.Background(), "s3://ag-hdb-models/eval/v3/evaluation.json", 10); err == nil {
		t.Fatal("a report larger than the limit was read")
	}
	if got := acct.Meter.Stats().ByOp["s3:GetObject"]; got != 2 {
		t.Fatalf("s3:GetObject counted %d times, want 2", got)
	}
}

func TestRateLimitsBurstFiveSecondsOfTheSustainedRate(t *testing.T) {
	m := NewMeter(map[string]float64{"logs": 0, "sts": 0.001})
	for _, tc := range []struct {
		service   string
		perSecond float64
		burst     int
	}{
		{"sagemaker", 8, 40}, // a start's few dozen reads go out at once
		{"cloudwatch", 10, 50},
		{"sts", 0.001, 1}, // never below one call
		{"logs", 0, 0},    // unlimited
	} {
		if r, b := m.Limit(tc.service); r != tc.perSecond || b != tc.burst {
			t.Errorf("%s limit = %v/s burst %d, want %v/s burst %d", tc.service, r, b, tc.perSecond, tc.burst)
		}
	}
}
