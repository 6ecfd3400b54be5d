package health

import (
	"fmt"
	"sort"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// reason is one finding about an endpoint with the level it implies.
// Level OK marks information that does not degrade health; level
// HealthUnknown marks what is missing.
type reason struct {
	level domain.HealthLevel
	text  string
}

// Evaluate rolls an endpoint up into a level and its reasons, most severe
// first. The rules:
//
//   - Status: Failed or OutOfService is CRIT ("endpoint status Failed:
//     <reason>"); Creating, Updating, SystemUpdating, RollingBack,
//     UpdateRollbackFailed and Deleting are WARN.
//   - Alarms in ALARM: each makes the endpoint at least WARN, and CRIT
//     when it watches server errors (a metric name containing "5XX") or
//     latency (containing "Latency"), the two symptoms callers feel.
//     Alarms on CPU, memory, disk, 4XX or traffic stay WARN. Alarms in OK
//     or INSUFFICIENT_DATA change nothing.
//   - 5xx rate and p99 model latency (average when no p99 is known) at or
//     above their warning or critical thresholds give WARN or CRIT.
//   - 4xx rate at or above its threshold is WARN, never CRIT: bad requests
//     are the clients' fault. CPU per vCPU and memory above theirs are WARN.
//   - An InService variant running fewer instances than desired is WARN.
//   - API Gateway in front: 5xx at the stage is judged like the model's.
//     A high 4xx rate while requests reach the stage's rate limit (90 % of
//     it or more) adds "clients throttled at API Gateway (X req/s limit)"
//     without degrading the level: the model is fine, the limit works. An
//     alarm on the API's 4XXError firing then is said but does not degrade
//     either: it fires because the limit works.
//   - No metrics yet: the reason "no metrics yet"; the level is unknown
//     unless something above decided it.
//
// With no reason to degrade and metrics known, the level is OK with no
// reasons.
func Evaluate(e domain.Endpoint, t Thresholds) domain.Health {
	var rs []reason
	rs = append(rs, statusReasons(e)...)
	rs = append(rs, alarmReasons(e.Alarms, clientsThrottled(e.Front, t))...)
	rs = append(rs, metricReasons(e, t)...)
	rs = append(rs, variantReasons(e)...)
	rs = append(rs, frontReasons(e.Front, t)...)
	if !e.Metrics.Known {
		rs = append(rs, reason{domain.HealthUnknown, "no metrics yet"})
	}

	sort.SliceStable(rs, func(i, j int) bool { return rs[i].level > rs[j].level })
	h := domain.Health{Level: domain.HealthUnknown}
	if e.Metrics.Known {
		h.Level = domain.HealthOK
	}
	for _, r := range rs {
		if r.level >= domain.HealthWarn {
			h.Level = max(h.Level, r.level)
		}
		h.Reasons = append(h.Reasons, r.text)
	}
	return h
}

func statusReasons(e domain.Endpoint) []reason {
	switch e.Status {
	case domain.EndpointInService, "":
		return nil
	case domain.EndpointFailed:
		text := "endpoint status Failed"
		if why := strings.TrimSpace(e.FailureReason); why != "" {
			text += ": " + why
		}
		return []reason{{domain.HealthCrit, text}}
	case "OutOfService":
		return []reason{{domain.HealthCrit, "endpoint is OutOfService: it serves no requests"}}
	case domain.EndpointCreating:
		return []reason{{domain.HealthWarn, "creating: not serving yet"}}
	case domain.EndpointUpdating:
		return []reason{{domain.HealthWarn, "updating: capacity may change"}}
	case "SystemUpdating":
		return []reason{{domain.HealthWarn, "SageMaker is updating the endpoint: capacity may change"}}
	case "RollingBack":
		return []reason{{domain.HealthWarn, "rolling back a failed update"}}
	case "UpdateRollbackFailed":
		return []reason{{domain.HealthWarn, "update rollback failed: the endpoint needs attention"}}
	case "Deleting":
		return []reason{{domain.HealthWarn, "being deleted"}}
	}
	return []reason{{domain.HealthWarn, "endpoint status " + e.Status}}
}

func alarmReasons(alarms []domain.Alarm, throttled bool) []reason {
	var out []reason
	for _, a := range alarms {
		if a.State != domain.AlarmAlarm {
			continue
		}
		level := domain.HealthWarn
		metric := strings.ToLower(a.MetricName)
		switch {
		case strings.Contains(metric, "5xx") || strings.Contains(metric, "latency"):
			level = domain.HealthCrit
		case throttled && a.Namespace == "AWS/ApiGateway" && strings.Contains(metric, "4xx"):
			level = domain.HealthOK
		}
		text := "alarm " + a.Name + " firing"
		if a.MetricName != "" {
			text += " (" + a.MetricName + comparison(a.Comparison, a.Threshold) + ")"
		}
		out = append(out, reason{level, text})
	}
	return out
}

// comparison renders a CloudWatch ComparisonOperator and threshold: " > 5".
func comparison(op string, threshold float64) string {
	switch op {
	case "GreaterThanOrEqualToThreshold":
		return fmt.Sprintf(" ≥ %g", threshold)
	case "GreaterThanThreshold":
		return fmt.Sprintf(" > %g", threshold)
	case "LessThanThreshold":
		return fmt.Sprintf(" < %g", threshold)
	case "LessThanOrEqualToThreshold":
		return fmt.Sprintf(" ≤ %g", threshold)
	case "LessThanLowerOrGreaterThanUpperThreshold":
		return " outside its band"
	case "LessThanLowerThreshold":
		return " below its band"
	case "GreaterThanUpperThreshold":
		return " above its band"
	}
	return ""
}

func metricReasons(e domain.Endpoint, t Thresholds) []reason {
	m := e.Metrics
	if !m.Known {
		return nil
	}
	var out []reason
	switch {
	case t.Crit5xxRate > 0 && m.Rate5xx >= t.Crit5xxRate:
		out = append(out, reason{domain.HealthCrit, fmt.Sprintf("5xx errors at %s of invocations (critical from %s)", percent(m.Rate5xx), percent(t.Crit5xxRate))})
	case t.Warn5xxRate > 0 && m.Rate5xx >= t.Warn5xxRate:
		out = append(out, reason{domain.HealthWarn, fmt.Sprintf("5xx errors at %s of invocations (warning from %s)", percent(m.Rate5xx), percent(t.Warn5xxRate))})
	}

	latency, which := m.LatencyP99, "p99"
	if latency == 0 {
		latency, which = m.LatencyAvg, "average"
	}
	switch {
	case latency == 0:
	case t.CritLatencyP99 > 0 && latency >= t.CritLatencyP99:
		out = append(out, reason{domain.HealthCrit, fmt.Sprintf("%s model latency %s (critical from %s)", which, duration(latency), duration(t.CritLatencyP99))})
	case t.WarnLatencyP99 > 0 && latency >= t.WarnLatencyP99:
		out = append(out, reason{domain.HealthWarn, fmt.Sprintf("%s model latency %s (warning from %s)", which, duration(latency), duration(t.WarnLatencyP99))})
	}

	if t.Warn4xxRate > 0 && m.Rate4xx >= t.Warn4xxRate {
		out = append(out, reason{domain.HealthWarn, fmt.Sprintf("4xx errors at %s of invocations: clients send requests the model rejects", percent(m.Rate4xx))})
	}

	// Without a known vCPU count the summed figure cannot be judged.
	if cores := vCPUs(e.Variants); t.WarnCPU > 0 && cores > 0 && m.CPUPercent/float64(cores) >= t.WarnCPU {
		out = append(out, reason{domain.HealthWarn, fmt.Sprintf("CPU at %s per vCPU (warning from %s)", whole(m.CPUPercent/float64(cores)), whole(t.WarnCPU))})
	}
	if t.WarnMemory > 0 && m.MemoryPercent >= t.WarnMemory {
		out = append(out, reason{domain.HealthWarn, fmt.Sprintf("memory at %s (warning from %s)", whole(m.MemoryPercent), whole(t.WarnMemory))})
	}
	return out
}

func variantReasons(e domain.Endpoint) []reason {
	if e.Status != domain.EndpointInService {
		return nil
	}
	var out []reason
	for _, v := range e.Variants {
		if v.InstanceType != "" && v.CurrentCount < v.DesiredCount {
			out = append(out, reason{domain.HealthWarn, fmt.Sprintf("variant %s runs %d of %d instances", v.Name, v.CurrentCount, v.DesiredCount)})
		}
	}
	return out
}

// throttleShare is how close to the stage's rate limit traffic must be for
// its 4xx to count as throttling rather than bad requests.
const throttleShare = 0.9

func frontReasons(f *domain.APIFront, t Thresholds) []reason {
	if f == nil || !f.Known {
		return nil
	}
	var out []reason
	switch {
	case t.Crit5xxRate > 0 && f.Rate5xx >= t.Crit5xxRate:
		out = append(out, reason{domain.HealthCrit, fmt.Sprintf("API Gateway 5xx errors at %s of requests (critical from %s)", percent(f.Rate5xx), percent(t.Crit5xxRate))})
	case t.Warn5xxRate > 0 && f.Rate5xx >= t.Warn5xxRate:
		out = append(out, reason{domain.HealthWarn, fmt.Sprintf("API Gateway 5xx errors at %s of requests (warning from %s)", percent(f.Rate5xx), percent(t.Warn5xxRate))})
	}
	if clientsThrottled(f, t) {
		out = append(out, reason{domain.HealthOK, fmt.Sprintf("clients throttled at API Gateway (%g req/s limit)", f.RateLimit)})
	}
	return out
}

// clientsThrottled reports a high API 4xx rate while requests reach the
// stage's rate limit.
func clientsThrottled(f *domain.APIFront, t Thresholds) bool {
	if f == nil || !f.Known {
		return false
	}
	high4xx := f.Rate4xx >= t.Warn4xxRate && f.Rate4xx > 0
	return high4xx && f.RateLimit > 0 && f.Count/60 >= throttleShare*f.RateLimit
}
