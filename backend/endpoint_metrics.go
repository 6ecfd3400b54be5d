package backend

import (
	"fmt"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// One endpoint metric agdash reads, per variant.
type endpointMetric struct {
	key       string // query id suffix
	name      string // series name in EndpointData.Series
	namespace string
	metric    string
	stat      string
	combine   func([]float64) float64 // across variants
	unit      string
	factor    float64 // to unit (ModelLatency is reported in microseconds)
}

func endpointMetrics() []endpointMetric {
	const sm, host = "AWS/SageMaker", "/aws/sagemaker/Endpoints"
	return []endpointMetric{
		{"inv", "Invocations", sm, "Invocations", "Sum", sum, "count", 1},
		{"e4", "Invocation4XXErrors", sm, "Invocation4XXErrors", "Sum", sum, "count", 1},
		{"e5", "Invocation5XXErrors", sm, "Invocation5XXErrors", "Sum", sum, "count", 1},
		{"lat", "ModelLatency", sm, "ModelLatency", "Average", average, "ms", 0.001},
		{"p99", "ModelLatencyP99", sm, "ModelLatency", "p99", maximum, "ms", 0.001},
		{"cpu", "CPUUtilization", host, "CPUUtilization", "Average", average, "%", 1},
		{"mem", "MemoryUtilization", host, "MemoryUtilization", "Average", average, "%", 1},
	}
}

// One API Gateway (or WAF) metric of an endpoint's front.
func frontMetrics() []endpointMetric {
	return []endpointMetric{
		{"cnt", "ApiCount", "AWS/ApiGateway", "Count", "Sum", sum, "count", 1},
		{"a4", "Api4XXError", "AWS/ApiGateway", "4XXError", "Sum", sum, "count", 1},
		{"a5", "Api5XXError", "AWS/ApiGateway", "5XXError", "Sum", sum, "count", 1},
		{"alat", "ApiLatency", "AWS/ApiGateway", "Latency", "Average", average, "ms", 1},
		{"waf", "WAFBlockedRequests", "AWS/WAFV2", "BlockedRequests", "Sum", sum, "count", 1},
	}
}

// variantNames are the variants to query; an endpoint not yet described
// is queried for SageMaker's default variant name.
func variantNames(e domain.Endpoint) []string {
	if len(e.Variants) == 0 {
		return []string{"AllTraffic"}
	}
	names := make([]string, len(e.Variants))
	for i, v := range e.Variants {
		names[i] = v.Name
	}
	return names
}

// endpointQueries are the queries for one endpoint (and its front, if
// any), with ids starting with prefix.
func endpointQueries(prefix string, e domain.Endpoint, region string, period time.Duration) []aws.MetricQuery {
	var qs []aws.MetricQuery
	for j, v := range variantNames(e) {
		for _, m := range endpointMetrics() {
			qs = append(qs, aws.MetricQuery{
				ID: fmt.Sprintf("%sv%d_%s", prefix, j, m.key), Namespace: m.namespace, Metric: m.metric,
				Dims: []aws.Dim{{Name: "EndpointName", Value: e.Name}, {Name: "VariantName", Value: v}},
				Stat: m.stat, Period: period,
			})
		}
	}
	if f := e.Front; f != nil {
		for _, m := range frontMetrics() {
			dims := []aws.Dim{{Name: "ApiName", Value: f.APIName}, {Name: "Stage", Value: f.Stage}}
			if m.namespace == "AWS/WAFV2" {
				if f.WebACL == "" {
					continue
				}
				dims = []aws.Dim{{Name: "WebACL", Value: f.WebACL}, {Name: "Region", Value: region}, {Name: "Rule", Value: "ALL"}}
			}
			qs = append(qs, aws.MetricQuery{
				ID: fmt.Sprintf("%sa_%s", prefix, m.key), Namespace: m.namespace, Metric: m.metric,
				Dims: dims, Stat: m.stat, Period: period,
			})
		}
	}
	return qs
}

// endpointSeries gathers one endpoint's query results into a series per
// metric name, variants combined.
func endpointSeries(prefix string, e domain.Endpoint, results map[string]domain.Series) map[string]domain.Series {
	out := map[string]domain.Series{}
	variants := variantNames(e)
	for _, m := range endpointMetrics() {
		parts := make([]domain.Series, 0, len(variants))
		for j := range variants {
			parts = append(parts, results[fmt.Sprintf("%sv%d_%s", prefix, j, m.key)])
		}
		out[m.name] = scaled(mergeSeries(m.name, m.unit, parts, m.combine), m.factor, m.unit)
	}
	if e.Front != nil {
		for _, m := range frontMetrics() {
			if s, ok := results[fmt.Sprintf("%sa_%s", prefix, m.key)]; ok {
				s.Label, s.Unit = m.name, m.unit
				out[m.name] = s
			}
		}
	}
	return out
}

// deriveMetrics turns an endpoint's series (points of period) into the
// latest numbers and the sparkline series.
func deriveMetrics(series map[string]domain.Series, period time.Duration) domain.EndpointMetrics {
	perMin := period.Minutes()
	inv := series["Invocations"]
	m := domain.EndpointMetrics{
		Invocations: inv, Errors5xx: series["Invocation5XXErrors"], Latency: series["ModelLatency"],
	}
	last, ok := lastTime(inv)
	if !ok {
		for _, name := range []string{"ModelLatency", "CPUUtilization", "MemoryUtilization"} {
			if last, ok = lastTime(series[name]); ok {
				break
			}
		}
	}
	if !ok {
		return m
	}
	m.Known, m.At = true, last
	calls := valueAt(inv, last)
	m.InvocationsPerMin = calls / perMin
	if calls > 0 {
		m.Rate4xx = valueAt(series["Invocation4XXErrors"], last) / calls
		m.Rate5xx = valueAt(series["Invocation5XXErrors"], last) / calls
	}
	m.LatencyAvg = msDuration(lastValue(series["ModelLatency"]))
	m.LatencyP99 = msDuration(lastValue(series["ModelLatencyP99"]))
	m.CPUPercent = lastValue(series["CPUUtilization"])
	m.MemoryPercent = lastValue(series["MemoryUtilization"])
	return m
}

// applyFrontMetrics fills the front's latest numbers from its series.
func applyFrontMetrics(f *domain.APIFront, series map[string]domain.Series, period time.Duration) {
	count := series["ApiCount"]
	last, ok := lastTime(count)
	if !ok {
		return
	}
	perMin := period.Minutes()
	f.Known, f.At = true, last
	calls := valueAt(count, last)
	f.Count = calls / perMin
	if calls > 0 {
		f.Rate4xx = valueAt(series["Api4XXError"], last) / calls
		f.Rate5xx = valueAt(series["Api5XXError"], last) / calls
	}
	f.Latency = msDuration(lastValue(series["ApiLatency"]))
	f.WAFBlocked = lastValue(series["WAFBlockedRequests"]) / perMin
}

func lastTime(s domain.Series) (time.Time, bool) {
	if len(s.Times) == 0 {
		return time.Time{}, false
	}
	return s.Times[len(s.Times)-1], true
}

func lastValue(s domain.Series) float64 {
	v, _ := s.Last()
	return v
}

func valueAt(s domain.Series, t time.Time) float64 {
	for i := len(s.Times) - 1; i >= 0; i-- {
		if s.Times[i].Equal(t) {
			return s.Values[i]
		}
	}
	return 0
}

func msDuration(ms float64) time.Duration {
	return time.Duration(ms * float64(time.Millisecond))
}
