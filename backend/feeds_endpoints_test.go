package backend

import (
	"fmt"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

// endpointAccount has n InService endpoints with one variant each; the
// first is fronted by an API and has an alarm, and traffic for the last
// minutes.
func endpointAccount(n int) *awsfake.Account {
	f := awsfake.New(t0)
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("ep-%02d", i)
		f.AddEndpoints(awsfake.Endpoint{
			Name: name, Status: domain.EndpointInService, Config: name + "-cfg", Created: t0.Add(-48 * time.Hour),
			Variants: []awsfake.Variant{{Name: "AllTraffic", Current: 2, Desired: 2}},
			Tags:     map[string]string{"sagemaker:project-name": "hdb-resale", "ag:stage": "prod"},
		})
		f.AddEndpointConfigs(awsfake.EndpointConfig{
			Name: name + "-cfg", DataCapture: true,
			Variants: []awsfake.ConfigVariant{{Name: "AllTraffic", Model: name + "-model", InstanceType: "ml.m5.large", Count: 2}},
		})
	}
	dims := map[string]string{"EndpointName": "ep-00", "VariantName": "AllTraffic"}
	minute := t0.Truncate(time.Minute).Add(-2 * time.Minute)
	f.SetMetric("AWS/SageMaker", "Invocations", "Sum", dims, awsfake.Point{At: minute, Value: 1000})
	f.SetMetric("AWS/SageMaker", "Invocation5XXErrors", "Sum", dims, awsfake.Point{At: minute, Value: 20})
	f.SetMetric("AWS/SageMaker", "Invocation4XXErrors", "Sum", dims, awsfake.Point{At: minute, Value: 50})
	f.SetMetric("AWS/SageMaker", "ModelLatency", "Average", dims, awsfake.Point{At: minute, Value: 45000}) // µs
	f.SetMetric("AWS/SageMaker", "ModelLatency", "p99", dims, awsfake.Point{At: minute, Value: 180000})
	f.SetMetric("/aws/sagemaker/Endpoints", "CPUUtilization", "Average", dims, awsfake.Point{At: minute, Value: 130})
	f.SetMetric("AWS/ApiGateway", "Count", "Sum", map[string]string{"ApiName": "hdb-valuation", "Stage": "prod"}, awsfake.Point{At: minute, Value: 1200})
	f.SetMetric("AWS/ApiGateway", "5XXError", "Sum", map[string]string{"ApiName": "hdb-valuation", "Stage": "prod"}, awsfake.Point{At: minute, Value: 24})
	f.AddRestAPIs(awsfake.RestAPI{ID: "a1b2c3", Name: "hdb-valuation", Stage: "prod", Endpoint: "ep-00", Rate: 100, Burst: 200,
		WebACLArn: "arn:aws:wafv2:ap-southeast-1:123456789012:regional/webacl/ag-default/1111"})
	f.AddAlarms(awsfake.Alarm{Name: "ep-00-5xx", State: domain.AlarmAlarm, Reason: "Threshold crossed", Namespace: "AWS/SageMaker",
		Metric: "Invocation5XXErrors", Dims: map[string]string{"EndpointName": "ep-00"}, Threshold: 10})
	return f
}

var endpointsKey = FeedKey{Kind: FeedEndpoints}

func TestEndpointsFetchAllMetricsInOneCall(t *testing.T) {
	f := endpointAccount(20)
	c, clock := newTestClient(t, f, Options{})
	var first EndpointsData
	var unsubscribe func()
	calls := delta(f, func() {
		unsubscribe = c.Subscribe(endpointsKey)
		first = next(t, c, endpointsKey).Data.(EndpointsData)
		idle(t, clock, 1)
	})
	defer unsubscribe()
	if calls["cloudwatch:GetMetricData"] != 1 || calls["sagemaker:DescribeEndpoint"] != 20 || calls["sagemaker:DescribeEndpointConfig"] != 20 {
		t.Fatalf("first poll calls = %v, want one GetMetricData for all 20 endpoints", calls)
	}
	if len(first.Endpoints) != 20 {
		t.Fatalf("%d endpoints delivered", len(first.Endpoints))
	}
	e := first.Endpoints[0]
	m := e.Metrics
	if e.Name != "ep-00" || !m.Known || m.InvocationsPerMin != 1000 || m.Rate5xx != 0.02 || m.Rate4xx != 0.05 ||
		m.LatencyAvg != 45*time.Millisecond || m.LatencyP99 != 180*time.Millisecond || m.CPUPercent != 130 {
		t.Fatalf("ep-00 metrics = %+v", m)
	}
	if e.Project != "hdb-resale" || e.Stage != "prod" || e.Variants[0].InstanceType != "ml.m5.large" || e.Variants[0].CurrentCount != 2 {
		t.Fatalf("ep-00 = %+v, want its project, stage and variant from tags, describe and config", e)
	}
	if f := e.Front; f == nil || f.APIName != "hdb-valuation" || f.RateLimit != 100 || f.WebACL != "ag-default" || f.Count != 1200 || f.Rate5xx != 0.02 {
		t.Fatalf("ep-00 front = %+v", e.Front)
	}
	if len(e.Alarms) != 1 || e.Alarms[0].State != domain.AlarmAlarm || len(first.Endpoints[1].Alarms) != 0 {
		t.Fatalf("alarms = %+v / %+v, want ep-00's alarm on ep-00 only", e.Alarms, first.Endpoints[1].Alarms)
	}
	if e.Health.Level == domain.HealthUnknown || e.Health.Level == domain.HealthOK {
		t.Fatalf("ep-00 health = %+v, want a warning for 2%% 5xx", e.Health)
	}

	// Steady state: per poll one list, one metrics call, one alarms call;
	// nothing described again, the configs never.
	calls = delta(f, func() {
		for range 4 {
			step(t, c, clock, f, endpointsKey, 15*time.Second)
		}
	})
	want := map[string]int64{"sagemaker:ListEndpoints": 4, "cloudwatch:GetMetricData": 4, "cloudwatch:DescribeAlarms": 4}
	if !sameCalls(calls, want) {
		t.Fatalf("calls per minute = %v, want %v", calls, want)
	}

	// An endpoint that changes is described again; its config is new.
	f.UpdateEndpoint("ep-05", domain.EndpointUpdating)
	calls = delta(f, func() { step(t, c, clock, f, endpointsKey, 15*time.Second) })
	if calls["sagemaker:DescribeEndpoint"] != 1 || calls["sagemaker:DescribeEndpointConfig"] != 0 {
		t.Fatalf("after an update: %v, want one describe and no config read", calls)
	}
}

func TestEndpointMetricsBeyond500QueriesTakeTwoCalls(t *testing.T) {
	f := endpointAccount(86) // 86 x 7 = 602 queries, plus the front's
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(endpointsKey)()
	next(t, c, endpointsKey)
	calls := delta(f, func() { step(t, c, clock, f, endpointsKey, 15*time.Second) })
	if calls["cloudwatch:GetMetricData"] != 2 {
		t.Fatalf("GetMetricData calls for 86 endpoints = %d, want 2", calls["cloudwatch:GetMetricData"])
	}
}

func TestEndpointDetailHas24HoursOfSeries(t *testing.T) {
	f := endpointAccount(2)
	c, _ := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedEndpoint, Arg: "ep-00"}
	defer c.Subscribe(key)()
	d := next(t, c, key).Data.(EndpointData)
	if d.Window != 24*time.Hour || d.Config.Name != "ep-00-cfg" || !d.Config.DataCapture || d.Config.VariantSpecs[0].ModelName != "ep-00-model" {
		t.Fatalf("detail = %+v", d)
	}
	lat := d.Series["ModelLatency"]
	if lat.Unit != "ms" || len(lat.Values) != 1 || lat.Values[0] != 45 {
		t.Fatalf("latency series = %+v, want milliseconds", lat)
	}
	if inv := d.Series["Invocations"]; len(inv.Values) != 1 || inv.Values[0] != 1000 {
		t.Fatalf("invocations series = %+v", inv)
	}
	if d.Endpoint.Front == nil || len(d.Endpoint.Alarms) != 1 {
		t.Fatalf("detail endpoint lacks its front or alarm: %+v", d.Endpoint)
	}
}

// The detail asks for 5-minute periods ending on a period boundary, not
// at the current minute: at 09:07:30 its 24 hours run from 09:05
// yesterday to 09:05, so the period 09:05-09:10, two and a half minutes
// old, is left out rather than read as a fall in traffic.
func TestEndpointDetailEndsOnAWholePeriod(t *testing.T) {
	f := endpointAccount(1)
	f.Advance(7*time.Minute + 30*time.Second) // 09:07:30
	dims := map[string]string{"EndpointName": "ep-00", "VariantName": "AllTraffic"}
	yesterday := t0.Add(-24 * time.Hour)
	f.SetMetric("AWS/SageMaker", "Invocations", "Sum", dims,
		awsfake.Point{At: yesterday, Value: 3},                      // before the window
		awsfake.Point{At: yesterday.Add(5 * time.Minute), Value: 7}, // its first period
		awsfake.Point{At: t0, Value: 500},                           // its last whole period
		awsfake.Point{At: t0.Add(5 * time.Minute), Value: 40},       // still filling
	)
	c, _ := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedEndpoint, Arg: "ep-00"}
	defer c.Subscribe(key)()
	d := next(t, c, key).Data.(EndpointData)
	inv := d.Series["Invocations"]
	wantTimes := []time.Time{yesterday.Add(5 * time.Minute), t0}
	if len(inv.Values) != 2 || inv.Values[0] != 7 || inv.Values[1] != 500 || !inv.Times[0].Equal(wantTimes[0]) || !inv.Times[1].Equal(wantTimes[1]) {
		t.Fatalf("invocations = %v at %v; want 7 and 500 at %v", inv.Values, inv.Times, wantTimes)
	}
	if m := d.Endpoint.Metrics; !m.Known || !m.At.Equal(t0) {
		t.Fatalf("latest metrics at %v (known %v), want the last whole period, %v", m.At, m.Known, t0)
	}
}

func TestFailedPollKeepsDataAndIsStale(t *testing.T) {
	f := endpointAccount(2)
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(endpointsKey)()
	good := next(t, c, endpointsKey)

	f.Fail("sagemaker:ListEndpoints", awsfake.APIError("ThrottlingException", "Rate exceeded"))
	u := step(t, c, clock, f, endpointsKey, 15*time.Second)
	if u.Data != nil || !u.State.Stale || u.State.Err != "AWS throttled sagemaker:ListEndpoints (Rate exceeded); backing off." {
		t.Fatalf("failed poll = %+v, want a stale state with the throttling sentence", u.State)
	}
	if !u.State.LastSuccess.Equal(good.State.LastSuccess) || u.State.Age(clock.Now()) != 15*time.Second {
		t.Fatalf("state = %+v, want the last success kept (age 15s)", u.State)
	}
	states := c.Feeds()
	if len(states) != 1 || states[0].Err != u.State.Err || !states[0].Stale {
		t.Fatalf("Feeds() = %+v", states)
	}

	f.Fail("sagemaker:ListEndpoints", awsfake.APIError("ExpiredTokenException", "The security token included in the request is expired"))
	d, _ := clock.NextDeadline()
	u = step(t, c, clock, f, endpointsKey, d)
	if !u.State.Expired || u.State.AccessDenied {
		t.Fatalf("state = %+v, want Expired", u.State)
	}

	d, _ = clock.NextDeadline()
	u = step(t, c, clock, f, endpointsKey, d)
	if u.State.Stale || u.State.Err != "" || len(u.Data.(EndpointsData).Endpoints) != 2 {
		t.Fatalf("after recovery: %+v", u.State)
	}
}
