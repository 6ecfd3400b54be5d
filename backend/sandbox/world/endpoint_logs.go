package world

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// endpointStreams lists an endpoint's log streams: one per instance of its
// live configuration, "<variant>/<instance-id>".
func (w *World) endpointStreams(e *endpoint, now int64) []stream {
	var out []stream
	variants := make([]string, 0, len(e.instances))
	for v := range e.instances {
		variants = append(variants, v)
	}
	sort.Strings(variants)
	for _, v := range variants {
		for _, id := range e.instances[v] {
			name := v + "/" + id
			seed := hashOf(w.endpointSeed(e), hashString(name))
			var src eventSource
			if e.EndpointStatus == EndpointFailed && e.serving.IsZero() {
				src = w.failedEndpointLog(e)
			} else {
				base := e.LastModifiedTime.Add(-6 * time.Minute)
				if e.PendingDeploymentSummary != nil {
					base = e.CreationTime
				}
				ee, variant := e, v
				src = periodicSource{base: ms(base), interval: 20000, seed: seed, message: func(i int, ts int64) string {
					return w.servingLine(ee, variant, seed, i, ts)
				}}
			}
			if src.visible(now) == 0 {
				continue
			}
			out = append(out, stream{name: name, created: src.event(0).Timestamp, src: src})
		}
	}
	return out
}

// servingLine is what a serving container prints in a 20-second slot:
// health checks, request summaries and, during an incident, errors.
func (w *World) servingLine(e *endpoint, variant string, seed uint64, i int, ts int64) string {
	t := time.UnixMilli(ts).UTC()
	stamp := t.Format("2006-01-02 15:04:05")
	l, _ := w.load(e, t.Truncate(time.Minute).Unix())
	r := unitOf(hashOf(seed, uint64(i), 3))
	r_ := e.predictor == "hdb-resale"
	if in := e.incidentAt(t); in != nil && r < 0.7 {
		if r_ {
			return fmt.Sprintf("ERROR [%s] <simpleError in predict.ranger(model, newdata): worker pool exhausted; request queued %.1fs> POST /invocations 500", stamp, 2+8*r)
		}
		return fmt.Sprintf("[%s] [ERROR] Exception on /invocations [POST]: TimeoutError: prediction worker did not answer within 60s", stamp)
	}
	if i%3 == 0 {
		if r_ {
			return fmt.Sprintf("INFO [%s] GET /ping 200 0.4 ms", stamp)
		}
		return fmt.Sprintf("%s - - [%s +0000] \"GET /ping HTTP/1.1\" 200 1 \"-\" \"AHC/2.0\"", "169.254.178.2", t.Format("02/Jan/2006:15:04:05"))
	}
	lat := math.Exp(l.latMu) / 1000
	if r_ {
		return fmt.Sprintf("INFO [%s] POST /invocations 200 %.0f ms (%.0f requests/min)", stamp, lat, l.served)
	}
	return fmt.Sprintf("%s - - [%s +0000] \"POST /invocations HTTP/1.1\" 200 %d \"-\" \"AHC/2.0\" %.0fms", "169.254.178.2", t.Format("02/Jan/2006:15:04:05"), 40+int(r*30), lat)
}

// failedEndpointLog is the start-up log of a container that never became
// healthy.
func (w *World) failedEndpointLog(e *endpoint) eventSource {
	start := ms(e.LastModifiedTime.Add(-10 * time.Minute))
	lines := []string{
		"Starting the inference server...",
		"Loading model from /opt/ml/model",
		"Traceback (most recent call last):",
		`  File "/opt/program/serve.py", line 41, in load_model`,
		"ModuleNotFoundError: No module named 'lightgbm'",
		"Worker exiting (pid: 27)",
		"Shutting down: Master",
		"Reason: Worker failed to boot.",
	}
	var ev []LogEvent
	for i, l := range lines {
		ts := start + int64(i)*900
		ev = append(ev, LogEvent{Timestamp: ts, IngestionTime: ts + 600, Message: l})
	}
	return sliceSource(ev)
}
