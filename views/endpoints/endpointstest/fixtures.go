// Package endpointstest holds realistic endpoint data for the Endpoints
// pane's tests and the demo: a fleet like the sandbox's (an incident, a
// throttled API, an update in progress, a failed endpoint), with the
// list's per-minute numbers and the detail's 24 hours of series, both
// drawn from the same traffic model so they agree.
package endpointstest

import (
	"fmt"
	"math"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
)

// Endpoint names the fixtures use.
const (
	HDBProd       = "hdb-resale-valuation-prod"
	HDBStaging    = "hdb-resale-valuation-staging"
	FlatDemand    = "hdb-flat-demand-prod"
	FraudProd     = "mom-work-pass-fraud-prod"
	FraudStaging  = "mom-work-pass-fraud-staging"
	WSHProd       = "mom-wsh-incident-risk-prod"
	WSHStaging    = "mom-wsh-incident-risk-staging"
	DropoutProd   = "ssg-course-dropout-prod"
	DropoutPOC    = "ssg-dropout-poc"
	FailureReason = "The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint."
)

// profile is one endpoint's traffic model.
type profile struct {
	ep        domain.Endpoint
	rpm       float64 // client demand per minute at the daily peak
	rate4xx   float64
	rate5xx   float64
	latencyMS float64
	cpu, mem  float64
	noMetrics bool
	// incident raises 5xx and latency between from and to (relative to now).
	incident *incident
	// demand is what clients send to the API; the stage's rate limit
	// throttles the excess with 429s.
	front *domain.APIFront
}

type incident struct {
	from, to      time.Duration
	errorRate     float64
	latencyFactor float64
}

func variant(name, model, instance string, count int, weight float64) domain.Variant {
	return domain.Variant{Name: name, ModelName: model, InstanceType: instance, CurrentCount: count, DesiredCount: count, Weight: weight}
}

func alarm(name, state, metric string, threshold float64, reason string, at time.Time) domain.Alarm {
	return domain.Alarm{Name: name, State: state, MetricName: metric, Namespace: "AWS/SageMaker", Threshold: threshold,
		Comparison: "GreaterThanThreshold", Reason: reason, UpdatedAt: at}
}

// profiles is the fleet at now.
func profiles(now time.Time) []profile {
	arn := func(name string) string { return "arn:aws:sagemaker:ap-southeast-1:123456789012:endpoint/" + name }
	base := func(name, project, stage string, vs ...domain.Variant) domain.Endpoint {
		return domain.Endpoint{Name: name, ARN: arn(name), Status: domain.EndpointInService, ConfigName: name + "-config-0412",
			CreatedAt: now.Add(-41 * 24 * time.Hour), LastModified: now.Add(-6 * 24 * time.Hour), Project: project, Stage: stage,
			Variants: vs}
	}
	okAlarms := func(name string) []domain.Alarm {
		return []domain.Alarm{
			alarm(name+"-5xx-errors", domain.AlarmOK, "Invocation5XXErrors", 10, "Threshold Crossed: no datapoints were greater than the threshold (10.0).", now.Add(-3*time.Hour)),
			alarm(name+"-latency-p99", domain.AlarmOK, "ModelLatency", 400000, "Threshold Crossed: 1 datapoint [41230.0] was not greater than the threshold (400000.0).", now.Add(-5*time.Hour)),
		}
	}
	hdb := base(HDBProd, "hdb-resale-valuation", "prod", variant("AllTraffic", "hdb-resale-valuation-v12", "ml.m5.xlarge", 2, 1))
	hdb.Alarms = okAlarms(HDBProd)
	fraud := base(FraudProd, "mom-work-pass-fraud", "prod",
		variant("Primary", "mom-work-pass-fraud-v7", "ml.m5.xlarge", 3, 0.9),
		variant("Challenger", "mom-work-pass-fraud-v8", "ml.m5.xlarge", 1, 0.1))
	fraud.Alarms = []domain.Alarm{
		alarm(FraudProd+"-5xx-errors", domain.AlarmAlarm, "Invocation5XXErrors", 10,
			"Threshold Crossed: 2 out of the last 3 datapoints [298.0 (01/06/25 01:59:00), 305.0 (01/06/25 01:58:00)] were greater than the threshold (10.0) (minimum 2 datapoints for OK -> ALARM transition).",
			now.Add(-33*time.Minute)),
		alarm(FraudProd+"-latency-p99", domain.AlarmOK, "ModelLatency", 400000, "Threshold Crossed: 1 datapoint [262000.0] was not greater than the threshold (400000.0).", now.Add(-2*time.Hour)),
	}
	fraud.Alarms[0].Description = "Page the MOM fraud on-call rota: the work-pass fraud model returns server errors."
	fraudStaging := base(FraudStaging, "mom-work-pass-fraud", "staging", variant("AllTraffic", "mom-work-pass-fraud-v8", "ml.m5.large", 1, 1))
	fraudStaging.Status, fraudStaging.LastModified = domain.EndpointUpdating, now.Add(-12*time.Minute)
	wshStaging := base(WSHStaging, "mom-wsh-incident-risk", "staging", variant("AllTraffic", "mom-wsh-incident-risk-v3", "ml.m5.large", 0, 1))
	wshStaging.Variants[0].DesiredCount = 1
	wshStaging.Status, wshStaging.FailureReason = domain.EndpointFailed, FailureReason
	poc := base(DropoutPOC, "", "", variant("AllTraffic", "ssg-dropout-poc-model", "ml.m5.large", 1, 1))
	dropout := base(DropoutProd, "ssg-course-dropout", "prod", variant("AllTraffic", "ssg-course-dropout-v4", "ml.m5.large", 2, 1))
	dropout.Alarms = []domain.Alarm{
		{Name: "ssg-course-dropout-api-4xx-rate", State: domain.AlarmAlarm, MetricName: "4XXError", Namespace: "AWS/ApiGateway",
			Threshold: 0.05, Comparison: "GreaterThanThreshold", UpdatedAt: now.Add(-3 * time.Hour),
			Reason: "Threshold Crossed: 1 datapoint [0.556 (01/06/25 01:55:00)] was greater than the threshold (0.05)."},
	}
	return []profile{
		{ep: hdb, rpm: 420, rate4xx: 0.004, rate5xx: 0.0002, latencyMS: 38, cpu: 64, mem: 41,
			front: &domain.APIFront{APIID: "k3v9hdb01a", APIName: "hdb-resale-valuation-api", Stage: "prod", RateLimit: 50, BurstLimit: 100, WebACL: "ag-public-api-acl"}},
		{ep: base(HDBStaging, "hdb-resale-valuation", "staging", variant("AllTraffic", "hdb-resale-valuation-v13", "ml.m5.large", 1, 1)),
			rpm: 4, rate4xx: 0.01, latencyMS: 41, cpu: 7, mem: 33},
		{ep: base(FlatDemand, "hdb-flat-demand", "prod", variant("AllTraffic", "hdb-flat-demand-v5", "ml.m5.large", 1, 1)),
			rpm: 35, rate4xx: 0.002, latencyMS: 12, cpu: 18, mem: 29,
			front: &domain.APIFront{APIID: "p2d7flat9x", APIName: "hdb-flat-demand-api", Stage: "prod", RateLimit: 20, BurstLimit: 40}},
		{ep: fraud, rpm: 950, rate4xx: 0.003, rate5xx: 0.0005, latencyMS: 22, cpu: 138, mem: 57,
			incident: &incident{from: -35 * time.Minute, to: 55 * time.Minute, errorRate: 0.32, latencyFactor: 6},
			front:    &domain.APIFront{APIID: "m8q1fraud2", APIName: "mom-work-pass-fraud-api", Stage: "prod", RateLimit: 100, BurstLimit: 200}},
		{ep: fraudStaging, rpm: 6, rate4xx: 0.01, latencyMS: 24, cpu: 9, mem: 35},
		{ep: base(WSHProd, "mom-wsh-incident-risk", "prod", variant("AllTraffic", "mom-wsh-incident-risk-v2", "ml.m5.large", 1, 1)),
			rpm: 60, rate4xx: 0.001, latencyMS: 15, cpu: 22, mem: 38},
		{ep: wshStaging, noMetrics: true},
		{ep: dropout, rpm: 2700, rate4xx: 0.001, latencyMS: 9, cpu: 71, mem: 44,
			front: &domain.APIFront{APIID: "s5c0drop7q", APIName: "ssg-course-dropout-api", Stage: "prod", RateLimit: 20, BurstLimit: 40}},
		{ep: poc, rpm: 2, latencyMS: 10, cpu: 3, mem: 22},
	}
}

// phase sets each endpoint's wobble apart, so sparklines differ.
func (p profile) phase() float64 {
	h := 0
	for _, c := range p.ep.Name {
		h = (h*31 + int(c)) % 997
	}
	return float64(h) / 97
}

// sample is one period's numbers for an endpoint at t.
type sample struct {
	inv, e4, e5, latMS, p99MS, cpu, mem float64
	apiCount, api4, api5, apiLatMS      float64
}

// at is the traffic model: a daily rhythm around the peak rate, the
// incident's errors and slowness, and the API's throttling of demand
// above its stage limit. Sums are per period of mins minutes.
func (p profile) at(t, now time.Time, mins float64) sample {
	hour := float64(t.Hour()) + float64(t.Minute())/60
	rhythm := 0.55 + 0.45*math.Max(0, math.Sin((hour-7)/14*math.Pi)) // quiet at night, busy by day
	wobble := 1 + 0.08*math.Sin(float64(t.Unix()/60)/5.3+p.phase())
	demand := p.rpm * rhythm * wobble
	served := demand
	var s sample
	if f := p.front; f != nil {
		limit := f.RateLimit * 60
		throttled := math.Max(0, demand-limit)
		served = demand - throttled
		s.apiCount = demand * mins
		s.api4 = (throttled + served*p.rate4xx) * mins
		s.apiLatMS = p.latencyMS + 14
	}
	e5, lat := p.rate5xx, p.latencyMS
	if in := p.incident; in != nil && !t.Before(now.Add(in.from)) && t.Before(now.Add(in.to)) {
		e5, lat = in.errorRate, p.latencyMS*in.latencyFactor
	}
	s.inv = served * mins
	s.e4 = served * p.rate4xx * mins
	s.e5 = served * e5 * mins
	s.latMS = lat * wobble
	s.p99MS = lat * 2.6 * wobble
	s.cpu = p.cpu * (0.7 + 0.3*rhythm) * wobble
	s.mem = p.mem
	if p.front != nil {
		s.api5 = s.e5
		s.apiLatMS += s.latMS
	}
	return s
}

// series builds every metric's series over window in steps of period.
func (p profile) series(now time.Time, window, period time.Duration) map[string]domain.Series {
	names := []struct{ name, unit string }{
		{"Invocations", "count"}, {"Invocation4XXErrors", "count"}, {"Invocation5XXErrors", "count"},
		{"ModelLatency", "ms"}, {"ModelLatencyP99", "ms"}, {"CPUUtilization", "%"}, {"MemoryUtilization", "%"},
		{"ApiCount", "count"}, {"Api4XXError", "count"}, {"Api5XXError", "count"}, {"ApiLatency", "ms"},
	}
	out := map[string]domain.Series{}
	if p.noMetrics {
		return out
	}
	end := now.Truncate(period)
	mins := period.Minutes()
	for _, n := range names {
		if n.name[:3] == "Api" && p.front == nil {
			continue
		}
		s := domain.Series{Label: n.name, Unit: n.unit}
		for t := end.Add(-window + period); !t.After(end); t = t.Add(period) {
			v := p.at(t, now, mins)
			s.Times = append(s.Times, t)
			s.Values = append(s.Values, map[string]float64{
				"Invocations": v.inv, "Invocation4XXErrors": v.e4, "Invocation5XXErrors": v.e5,
				"ModelLatency": v.latMS, "ModelLatencyP99": v.p99MS, "CPUUtilization": v.cpu, "MemoryUtilization": v.mem,
				"ApiCount": v.apiCount, "Api4XXError": v.api4, "Api5XXError": v.api5, "ApiLatency": v.apiLatMS,
			}[n.name])
		}
		out[n.name] = s
	}
	return out
}

// endpoint is the profile's endpoint with the numbers of the last period
// of series and its health evaluated by the backend's rules.
func (p profile) endpoint(series map[string]domain.Series, period time.Duration) domain.Endpoint {
	e := p.ep
	if p.front != nil {
		f := *p.front
		e.Front = &f
	}
	inv := series["Invocations"]
	if n := len(inv.Values); n > 0 {
		last := func(name string) float64 { s := series[name]; return s.Values[len(s.Values)-1] }
		calls := last("Invocations")
		mins := period.Minutes()
		e.Metrics = domain.EndpointMetrics{
			Known: true, At: inv.Times[n-1], InvocationsPerMin: calls / mins,
			LatencyAvg: ms(last("ModelLatency")), LatencyP99: ms(last("ModelLatencyP99")),
			CPUPercent: last("CPUUtilization"), MemoryPercent: last("MemoryUtilization"),
			Invocations: series["Invocations"], Errors5xx: series["Invocation5XXErrors"], Latency: series["ModelLatency"],
		}
		if calls > 0 {
			e.Metrics.Rate4xx, e.Metrics.Rate5xx = last("Invocation4XXErrors")/calls, last("Invocation5XXErrors")/calls
		}
		if f := e.Front; f != nil {
			count := last("ApiCount")
			f.Known, f.At, f.Count, f.Latency = true, e.Metrics.At, count/mins, ms(last("ApiLatency"))
			if count > 0 {
				f.Rate4xx, f.Rate5xx = last("Api4XXError")/count, last("Api5XXError")/count
			}
			if f.WebACL != "" {
				f.WAFBlocked = 3
			}
		}
	}
	e.Health = health.Evaluate(e, health.DefaultThresholds())
	return e
}

func ms(v float64) time.Duration { return time.Duration(v * float64(time.Millisecond)) }

// Fleet is the endpoints feed at now: the last hour per minute.
func Fleet(now time.Time) backend.EndpointsData {
	var out backend.EndpointsData
	for _, p := range profiles(now) {
		out.Endpoints = append(out.Endpoints, p.endpoint(p.series(now, time.Hour, time.Minute), time.Minute))
	}
	return out
}

// Healthy is the fleet on a calm day: no incident, no failure, no
// update, and the dropout API's clients within their limit.
func Healthy(now time.Time) backend.EndpointsData {
	var out backend.EndpointsData
	for _, p := range profiles(now) {
		switch p.ep.Name {
		case WSHStaging, FraudStaging:
			continue
		case FraudProd:
			p.incident = nil
			p.ep.Alarms[0].State, p.ep.Alarms[0].Reason = domain.AlarmOK, "Threshold Crossed: no datapoints were greater than the threshold (10.0)."
		case DropoutProd:
			p.rpm = 900
			p.ep.Alarms[0].State = domain.AlarmOK
		}
		out.Endpoints = append(out.Endpoints, p.endpoint(p.series(now, time.Hour, time.Minute), time.Minute))
	}
	return out
}

// Detail is the endpoint feed for name at now: 24 hours in 5-minute
// points, and its configuration.
func Detail(name string, now time.Time) (backend.EndpointData, error) {
	for _, p := range profiles(now) {
		if p.ep.Name != name {
			continue
		}
		series := p.series(now, 24*time.Hour, 5*time.Minute)
		e := p.endpoint(series, 5*time.Minute)
		return backend.EndpointData{
			Endpoint: e,
			Config: backend.EndpointConfig{Name: e.ConfigName, CreatedAt: e.LastModified.Add(-time.Hour), DataCapture: e.Stage == "prod",
				KMSKey: "alias/ag-" + e.Project + "-endpoints", VariantSpecs: e.Variants},
			Series: series,
			Window: 24 * time.Hour,
		}, nil
	}
	return backend.EndpointData{}, fmt.Errorf("endpoint %s does not exist", name)
}

// Logs is the first delivery of the endpoint's log tail at now.
func Logs(name string, now time.Time) backend.LogsData {
	group := "/aws/sagemaker/Endpoints/" + name
	stream := "AllTraffic/i-0a1b2c3d4e5f60718"
	ev := func(ago time.Duration, msg string) domain.LogEvent {
		return domain.LogEvent{Stream: stream, Timestamp: now.Add(-ago), Message: msg}
	}
	events := []domain.LogEvent{
		ev(50*time.Minute, `INFO  plumber: POST /invocations 200 (38 ms)`),
		ev(40*time.Minute, `INFO  plumber: GET /ping 200 (1 ms)`),
	}
	if name == FraudProd {
		events = append(events,
			ev(35*time.Minute, `WARN  worker pool saturated: 16/16 busy, queue 212`),
			ev(34*time.Minute, `ERROR upstream prediction worker timed out after 2000 ms`),
			ev(33*time.Minute, "ERROR Traceback (most recent call last):\n  File \"/opt/ml/code/serve.py\", line 88, in predict\n    score = model.predict_proba(features)[0][1]\nTimeoutError: feature store lookup exceeded 1500 ms"),
			ev(2*time.Minute, `ERROR upstream prediction worker timed out after 2000 ms`),
		)
	}
	return backend.LogsData{Group: group, Streams: []domain.LogStream{{Group: group, Name: stream, LastEventTime: now.Add(-2 * time.Minute)}},
		Events: events, Reset: true}
}
