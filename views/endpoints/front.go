package endpoints

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/views/kit"
)

// throttleShare is how close to the stage's rate limit traffic must be
// for its 4XX to read as throttling; it matches backend/health's rule.
const throttleShare = 0.9

// pathVerdict tells, in one or two sentences, where trouble on the path
// client → API Gateway → model lies: a failing model, throttled or
// blocked clients, or API Gateway itself. "" without a front.
func pathVerdict(e domain.Endpoint, t health.Thresholds) string {
	f := e.Front
	if f == nil {
		return ""
	}
	if !f.Known {
		return "No API Gateway metrics yet, so the path in front of the model cannot be judged."
	}
	m := e.Metrics
	modelFailing := m.Known && t.Warn5xxRate > 0 && m.Rate5xx >= t.Warn5xxRate
	modelSlow := m.Known && t.WarnLatencyP99 > 0 && latencyOf(m) >= t.WarnLatencyP99
	throttled := f.RateLimit > 0 && f.Count/60 >= throttleShare*f.RateLimit && f.Rate4xx > 0 && f.Rate4xx >= t.Warn4xxRate
	apiFailing := t.Warn5xxRate > 0 && f.Rate5xx >= t.Warn5xxRate
	blocked := f.WAFBlocked >= 1

	var model string
	switch {
	case !m.Known:
		model = "the model's own metrics are not in yet"
	case modelFailing && modelSlow:
		model = fmt.Sprintf("the model is failing: %s of invocations end in 5xx and p99 latency is %s", rate(m.Rate5xx), millis(latencyOf(m)))
	case modelFailing:
		model = fmt.Sprintf("the model is failing: %s of invocations end in 5xx", rate(m.Rate5xx))
	case modelSlow:
		model = fmt.Sprintf("the model is slow: p99 latency %s", millis(latencyOf(m)))
	default:
		model = "the model is healthy"
	}

	var api []string
	if throttled {
		api = append(api, fmt.Sprintf("clients are being throttled at the API (%s req/min at the %s req/s limit; %s get 4XX)",
			kit.Count(int64(f.Count+0.5)), number(f.RateLimit), rate(f.Rate4xx)))
	}
	if apiFailing {
		if modelFailing {
			api = append(api, fmt.Sprintf("the API passes the model's errors on (API 5XX %s)", rate(f.Rate5xx)))
		} else {
			api = append(api, fmt.Sprintf("API Gateway itself returns 5XX for %s of requests: look at its integration (timeouts, permissions)", rate(f.Rate5xx)))
		}
	}
	if len(api) == 0 {
		api = append(api, fmt.Sprintf("requests pass the API normally (4XX %s, 5XX %s)", rate(f.Rate4xx), rate(f.Rate5xx)))
	}
	if blocked {
		api = append(api, fmt.Sprintf("WAF blocks %s req/min before they reach the API", kit.Count(int64(f.WAFBlocked+0.5))))
	}
	return capitalise(strings.Join(api, "; ")) + "; " + model + "."
}

// latencyOf is the latency health judges: p99, or the average without it.
func latencyOf(m domain.EndpointMetrics) time.Duration {
	if m.LatencyP99 > 0 {
		return m.LatencyP99
	}
	return m.LatencyAvg
}

// number writes a limit without needless decimals: 20, 12.5.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
