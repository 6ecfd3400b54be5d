package endpoints

import (
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
)

func fixture(t *testing.T, name string) domain.Endpoint {
	t.Helper()
	for _, e := range endpointstest.Fleet(now).Endpoints {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no fixture endpoint %s", name)
	return domain.Endpoint{}
}

// calm is a healthy model behind an API well within its limits.
func calm() domain.Endpoint {
	return domain.Endpoint{
		Name:    "e",
		Metrics: domain.EndpointMetrics{Known: true, InvocationsPerMin: 300, Rate4xx: 0.002, LatencyAvg: 20 * time.Millisecond, LatencyP99: 60 * time.Millisecond},
		Front:   &domain.APIFront{APIName: "e-api", Stage: "prod", RateLimit: 50, BurstLimit: 100, Known: true, Count: 300, Rate4xx: 0.004},
	}
}

func TestPathVerdict(t *testing.T) {
	d := health.DefaultThresholds()
	tests := []struct {
		name   string
		ep     func() domain.Endpoint
		answer string
	}{
		{"throttled clients, healthy model", func() domain.Endpoint { return fixture(t, endpointstest.DropoutProd) },
			"Clients are being throttled at the API (2,421 req/min at the 20 req/s limit; 50% get 4XX); the model is healthy."},
		{"failing model", func() domain.Endpoint { return fixture(t, endpointstest.FraudProd) },
			"The API passes the model's errors on (API 5XX 32%); the model is failing: 32% of invocations end in 5xx."},
		{"calm", calm, "Requests pass the API normally (4XX 0.4%, 5XX 0%); the model is healthy."},
		{"API Gateway fails on its own", func() domain.Endpoint { e := calm(); e.Front.Rate5xx = 0.2; return e },
			"API Gateway itself returns 5XX for 20% of requests: look at its integration (timeouts, permissions); the model is healthy."},
		{"4XX at the API but far from the limit is not throttling", func() domain.Endpoint { e := calm(); e.Front.Rate4xx = 0.3; return e },
			"Requests pass the API normally (4XX 30%, 5XX 0%); the model is healthy."},
		{"WAF blocking", func() domain.Endpoint { e := calm(); e.Front.WAFBlocked = 42; return e },
			"Requests pass the API normally (4XX 0.4%, 5XX 0%); WAF blocks 42 req/min before they reach the API; the model is healthy."},
		{"slow model", func() domain.Endpoint { e := calm(); e.Metrics.LatencyP99 = 900 * time.Millisecond; return e },
			"Requests pass the API normally (4XX 0.4%, 5XX 0%); the model is slow: p99 latency 900ms."},
		{"throttled and failing", func() domain.Endpoint {
			e := calm()
			e.Front.Count, e.Front.Rate4xx, e.Front.Rate5xx, e.Metrics.Rate5xx = 3100, 0.2, 0.08, 0.1
			return e
		}, "Clients are being throttled at the API (3,100 req/min at the 50 req/s limit; 20% get 4XX); the API passes the model's errors on (API 5XX 8.0%); the model is failing: 10% of invocations end in 5xx."},
		{"no API metrics yet", func() domain.Endpoint { e := calm(); e.Front.Known = false; return e },
			"No API Gateway metrics yet, so the path in front of the model cannot be judged."},
		{"model metrics not in", func() domain.Endpoint { e := calm(); e.Metrics = domain.EndpointMetrics{}; return e },
			"Requests pass the API normally (4XX 0.4%, 5XX 0%); the model's own metrics are not in yet."},
		{"no front", func() domain.Endpoint { e := calm(); e.Front = nil; return e }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pathVerdict(tt.ep(), d); got != tt.answer {
				t.Errorf("verdict:\n got %q\nwant %q", got, tt.answer)
			}
		})
	}
}

// The verdict and the backend's health reason must agree on throttling.
func TestVerdictAgreesWithHealthOnThrottling(t *testing.T) {
	e := fixture(t, endpointstest.DropoutProd)
	h := health.Evaluate(e, health.DefaultThresholds())
	if !mentions(h.Reasons, "clients throttled at API Gateway") {
		t.Fatalf("health does not see the throttling: %v", h.Reasons)
	}
	e.Front.Count = 1000 // under 90 % of 1,200/min
	h = health.Evaluate(e, health.DefaultThresholds())
	if mentions(h.Reasons, "clients throttled") {
		t.Fatalf("health sees throttling below the limit: %v", h.Reasons)
	}
	if got := pathVerdict(e, health.DefaultThresholds()); got != "Requests pass the API normally (4XX 50%, 5XX 0%); the model is healthy." {
		t.Fatalf("verdict below the limit: %q", got)
	}
}
