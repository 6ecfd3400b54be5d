package health

import (
	"reflect"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// prod is the HDB resale valuation endpoint on a quiet, healthy afternoon.
func prod() domain.Endpoint {
	return domain.Endpoint{
		Name:     "hdb-resale-prod",
		Status:   domain.EndpointInService,
		Project:  "hdb-resale-valuation",
		Stage:    "prod",
		Variants: []domain.Variant{{Name: "AllTraffic", ModelName: "hdb-resale-v12", InstanceType: "ml.m5.large", CurrentCount: 2, DesiredCount: 2, Weight: 1}},
		Metrics: domain.EndpointMetrics{
			Known:             true,
			InvocationsPerMin: 120,
			Rate4xx:           0.004,
			Rate5xx:           0.0008,
			LatencyAvg:        85 * time.Millisecond,
			LatencyP99:        310 * time.Millisecond,
			CPUPercent:        64, // of 200 % on two vCPUs
			MemoryPercent:     41,
		},
		Alarms: []domain.Alarm{
			{Name: "hdb-resale-prod-5xx", State: domain.AlarmOK, MetricName: "Invocation5XXErrors", Threshold: 5, Comparison: "GreaterThanThreshold"},
			{Name: "hdb-resale-prod-latency", State: domain.AlarmInsufficientData, MetricName: "ModelLatency", Threshold: 2e6, Comparison: "GreaterThanThreshold"},
		},
		Front: &domain.APIFront{APIID: "a1b2c3d4e5", APIName: "hdb-resale-api", Stage: "prod", RateLimit: 50, BurstLimit: 100,
			Known: true, Count: 900, Rate4xx: 0.01, Rate5xx: 0.001, Latency: 120 * time.Millisecond},
	}
}

func TestEvaluate(t *testing.T) {
	d := DefaultThresholds()
	tests := []struct {
		name    string
		change  func(e *domain.Endpoint)
		level   domain.HealthLevel
		reasons []string
	}{
		{"healthy", func(*domain.Endpoint) {}, domain.HealthOK, nil},
		{
			"failed endpoint",
			func(e *domain.Endpoint) {
				e.Status = domain.EndpointFailed
				e.FailureReason = "The primary container for production variant AllTraffic did not pass the ping health check."
				e.Metrics = domain.EndpointMetrics{}
			},
			domain.HealthCrit,
			[]string{"endpoint status Failed: The primary container for production variant AllTraffic did not pass the ping health check.", "no metrics yet"},
		},
		{"failed without a reason", func(e *domain.Endpoint) { e.Status = domain.EndpointFailed }, domain.HealthCrit, []string{"endpoint status Failed"}},
		{"updating", func(e *domain.Endpoint) { e.Status = domain.EndpointUpdating }, domain.HealthWarn, []string{"updating: capacity may change"}},
		{
			"creating, no metrics",
			func(e *domain.Endpoint) {
				e.Status = domain.EndpointCreating
				e.Metrics = domain.EndpointMetrics{}
				e.Front = nil
			},
			domain.HealthWarn,
			[]string{"creating: not serving yet", "no metrics yet"},
		},
		{"out of service", func(e *domain.Endpoint) { e.Status = "OutOfService" }, domain.HealthCrit, []string{"endpoint is OutOfService: it serves no requests"}},
		{"unfamiliar status", func(e *domain.Endpoint) { e.Status = "Hibernating" }, domain.HealthWarn, []string{"endpoint status Hibernating"}},
		{
			"in service, metrics not in yet",
			func(e *domain.Endpoint) { e.Metrics = domain.EndpointMetrics{}; e.Front = nil },
			domain.HealthUnknown,
			[]string{"no metrics yet"},
		},
		{
			"5xx alarm firing is critical",
			func(e *domain.Endpoint) { e.Alarms[0].State = domain.AlarmAlarm },
			domain.HealthCrit,
			[]string{"alarm hdb-resale-prod-5xx firing (Invocation5XXErrors > 5)"},
		},
		{
			"latency alarm firing is critical",
			func(e *domain.Endpoint) {
				e.Alarms[1].State = domain.AlarmAlarm
				e.Alarms[1].Comparison = "GreaterThanOrEqualToThreshold"
			},
			domain.HealthCrit,
			[]string{"alarm hdb-resale-prod-latency firing (ModelLatency ≥ 2e+06)"},
		},
		{
			"cpu alarm firing is a warning",
			func(e *domain.Endpoint) {
				e.Alarms = append(e.Alarms, domain.Alarm{Name: "hdb-cpu", State: domain.AlarmAlarm, MetricName: "CPUUtilization", Threshold: 80, Comparison: "GreaterThanThreshold"})
			},
			domain.HealthWarn,
			[]string{"alarm hdb-cpu firing (CPUUtilization > 80)"},
		},
		{
			"composite alarm without a metric",
			func(e *domain.Endpoint) { e.Alarms = []domain.Alarm{{Name: "hdb-any", State: domain.AlarmAlarm}} },
			domain.HealthWarn,
			[]string{"alarm hdb-any firing"},
		},
		{
			"anomaly band alarm",
			func(e *domain.Endpoint) {
				e.Alarms = []domain.Alarm{{Name: "hdb-traffic", State: domain.AlarmAlarm, MetricName: "Invocations", Comparison: "LessThanLowerThreshold"}}
			},
			domain.HealthWarn,
			[]string{"alarm hdb-traffic firing (Invocations below its band)"},
		},
		{"5xx warning", func(e *domain.Endpoint) { e.Metrics.Rate5xx = 0.013 }, domain.HealthWarn, []string{"5xx errors at 1.3% of invocations (warning from 1%)"}},
		{"5xx critical", func(e *domain.Endpoint) { e.Metrics.Rate5xx = 0.062 }, domain.HealthCrit, []string{"5xx errors at 6.2% of invocations (critical from 5%)"}},
		{"5xx exactly at warning", func(e *domain.Endpoint) { e.Metrics.Rate5xx = 0.01 }, domain.HealthWarn, []string{"5xx errors at 1% of invocations (warning from 1%)"}},
		{"latency warning", func(e *domain.Endpoint) { e.Metrics.LatencyP99 = 740 * time.Millisecond }, domain.HealthWarn, []string{"p99 model latency 740 ms (warning from 500 ms)"}},
		{"latency critical", func(e *domain.Endpoint) { e.Metrics.LatencyP99 = 2400 * time.Millisecond }, domain.HealthCrit, []string{"p99 model latency 2.4 s (critical from 2 s)"}},
		{
			"average latency when no p99",
			func(e *domain.Endpoint) { e.Metrics.LatencyP99 = 0; e.Metrics.LatencyAvg = 3 * time.Second },
			domain.HealthCrit,
			[]string{"average model latency 3 s (critical from 2 s)"},
		},
		{
			"4xx alone is never critical",
			func(e *domain.Endpoint) { e.Metrics.Rate4xx = 0.9 },
			domain.HealthWarn,
			[]string{"4xx errors at 90% of invocations: clients send requests the model rejects"},
		},
		{"cpu per vCPU", func(e *domain.Endpoint) { e.Metrics.CPUPercent = 184 }, domain.HealthWarn, []string{"CPU at 92% per vCPU (warning from 85%)"}},
		{
			"cpu of unknown cores not judged",
			func(e *domain.Endpoint) {
				e.Variants[0].InstanceType = ""
				e.Variants[0].ServerlessMem = 2048
				e.Metrics.CPUPercent = 99
			},
			domain.HealthOK,
			nil,
		},
		{"memory", func(e *domain.Endpoint) { e.Metrics.MemoryPercent = 95.4 }, domain.HealthWarn, []string{"memory at 95% (warning from 90%)"}},
		{"missing instance", func(e *domain.Endpoint) { e.Variants[0].CurrentCount = 1 }, domain.HealthWarn, []string{"variant AllTraffic runs 1 of 2 instances"}},
		{
			"throttled at API Gateway: said, not degraded",
			func(e *domain.Endpoint) { e.Front.Count = 3000; e.Front.Rate4xx = 0.31 },
			domain.HealthOK,
			[]string{"clients throttled at API Gateway (50 req/s limit)"},
		},
		{
			"throttled: the API's 4xx alarm fires because the limit works",
			func(e *domain.Endpoint) {
				e.Front.Count, e.Front.Rate4xx = 3000, 0.31
				e.Alarms = append(e.Alarms, domain.Alarm{Name: "hdb-resale-api-4xx-rate", State: domain.AlarmAlarm, Namespace: "AWS/ApiGateway",
					MetricName: "4XXError", Threshold: 0.05, Comparison: "GreaterThanThreshold"})
			},
			domain.HealthOK,
			[]string{"alarm hdb-resale-api-4xx-rate firing (4XXError > 0.05)", "clients throttled at API Gateway (50 req/s limit)"},
		},
		{
			"an API 4xx alarm without throttling warns",
			func(e *domain.Endpoint) {
				e.Alarms = append(e.Alarms, domain.Alarm{Name: "hdb-resale-api-4xx-rate", State: domain.AlarmAlarm, Namespace: "AWS/ApiGateway",
					MetricName: "4XXError", Threshold: 0.05, Comparison: "GreaterThanThreshold"})
			},
			domain.HealthWarn,
			[]string{"alarm hdb-resale-api-4xx-rate firing (4XXError > 0.05)"},
		},
		{
			"high API 4xx below the limit is not throttling",
			func(e *domain.Endpoint) { e.Front.Count = 1200; e.Front.Rate4xx = 0.31 },
			domain.HealthOK,
			nil,
		},
		{
			"API Gateway 5xx",
			func(e *domain.Endpoint) { e.Front.Rate5xx = 0.08 },
			domain.HealthCrit,
			[]string{"API Gateway 5xx errors at 8% of requests (critical from 5%)"},
		},
		{
			"several problems, most severe first",
			func(e *domain.Endpoint) {
				e.Status = domain.EndpointUpdating
				e.Metrics.Rate5xx = 0.07
				e.Metrics.Rate4xx = 0.2
				e.Front.Count = 3000
				e.Front.Rate4xx = 0.5
				e.Alarms[0].State = domain.AlarmAlarm
			},
			domain.HealthCrit,
			[]string{
				"alarm hdb-resale-prod-5xx firing (Invocation5XXErrors > 5)",
				"5xx errors at 7% of invocations (critical from 5%)",
				"updating: capacity may change",
				"4xx errors at 20% of invocations: clients send requests the model rejects",
				"clients throttled at API Gateway (50 req/s limit)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := prod()
			tt.change(&e)
			h := Evaluate(e, d)
			if h.Level != tt.level || !reflect.DeepEqual(h.Reasons, tt.reasons) {
				t.Errorf("got %v %q\nwant %v %q", h.Level, h.Reasons, tt.level, tt.reasons)
			}
		})
	}
}

func TestEvaluateZeroThresholdsDisableChecks(t *testing.T) {
	e := prod()
	e.Metrics.Rate5xx = 0.5
	e.Metrics.LatencyP99 = time.Minute
	e.Metrics.CPUPercent = 200
	if h := Evaluate(e, Thresholds{}); h.Level != domain.HealthOK || len(h.Reasons) != 0 {
		t.Errorf("with every check disabled: %v %q", h.Level, h.Reasons)
	}
}

func TestChanged(t *testing.T) {
	warn := func(reasons ...string) domain.Health {
		return domain.Health{Level: domain.HealthWarn, Reasons: reasons}
	}
	tests := []struct {
		name       string
		old, new   domain.Health
		wantChange bool
	}{
		{"same", warn("5xx errors at 1.3% of invocations (warning from 1%)"), warn("5xx errors at 1.3% of invocations (warning from 1%)"), false},
		{"numbers moved", warn("5xx errors at 1.3% of invocations (warning from 1%)"), warn("5xx errors at 2.75% of invocations (warning from 1%)"), false},
		{"order only", warn("a", "b"), warn("b", "a"), false},
		{"level", warn("x"), domain.Health{Level: domain.HealthCrit, Reasons: []string{"x"}}, true},
		{"new reason", warn("updating: capacity may change"), warn("updating: capacity may change", "memory at 95% (warning from 90%)"), true},
		{"different reason", warn("p99 model latency 740 ms (warning from 500 ms)"), warn("5xx errors at 1.3% of invocations (warning from 1%)"), true},
		{"unit changed", warn("p99 model latency 740 ms (warning from 500 ms)"), warn("p99 model latency 1.2 s (warning from 500 ms)"), true},
		{"both empty", domain.Health{}, domain.Health{}, false},
	}
	for _, tt := range tests {
		if got := Changed(tt.old, tt.new); got != tt.wantChange {
			t.Errorf("%s: Changed = %v, want %v", tt.name, got, tt.wantChange)
		}
	}
}

func TestInstanceVCPUs(t *testing.T) {
	tests := map[string]int{
		"ml.t2.medium": 2, "ml.m5.large": 2, "ml.m5.xlarge": 4, "ml.c5.2xlarge": 8, "ml.g4dn.12xlarge": 48,
		"ml.p4d.24xlarge": 96, "ml.g5.48xlarge": 192, "ml.m5.metal": 0, "m5.large": 0, "": 0, "ml.m5.0xlarge": 0, "ml.m5.-2xlarge": 0,
	}
	for it, want := range tests {
		if got := instanceVCPUs(it); got != want {
			t.Errorf("instanceVCPUs(%q) = %d, want %d", it, got, want)
		}
	}
	mixed := []domain.Variant{{InstanceType: "ml.m5.large"}, {InstanceType: "ml.m5.4xlarge"}, {ServerlessMem: 1024}}
	if got := vCPUs(mixed); got != 16 {
		t.Errorf("vCPUs(mixed) = %d, want the largest, 16", got)
	}
}
