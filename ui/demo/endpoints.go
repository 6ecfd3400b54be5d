package main

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit/kittest"
)

// playEndpoints plays the Endpoints pane's feeds: the fleet every five
// seconds, its incident coming and going every twenty so that health
// changes are highlighted, and the detail and logs of whichever endpoint
// is open.
func playEndpoints(ctx context.Context, svc *kittest.Service) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	sent := map[string]bool{}
	for i := 0; ; i++ {
		now := svc.Now()
		if i%5 == 0 {
			fleet := endpointstest.Fleet(now)
			if i%40 >= 20 {
				fleet = endpointstest.Healthy(now)
			}
			send(svc, backend.FeedKey{Kind: backend.FeedEndpoints}, fleet)
		}
		subscribed := map[string]bool{}
		for _, key := range svc.Subscribed() {
			subscribed[key] = true
			if sent[key] && i%5 != 0 {
				continue // new subscriptions get data at once, the rest every 5 s
			}
			if name, ok := strings.CutPrefix(key, string(backend.FeedEndpointLogs)+":"); ok {
				logs := endpointstest.Logs(name, now)
				logs.Reset = true // the demo sends the whole tail each time
				send(svc, backend.FeedKey{Kind: backend.FeedEndpointLogs, Arg: name}, logs)
			}
			if name, ok := strings.CutPrefix(key, string(backend.FeedEndpoint)+":"); ok {
				if d, err := endpointstest.Detail(name, now); err == nil {
					send(svc, backend.FeedKey{Kind: backend.FeedEndpoint, Arg: name}, d)
				}
			}
		}
		sent = subscribed
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// invokingService answers smoke tests as the sandbox's models would: the
// HDB model prices a flat, the fraud model fails one call in three during
// its incident, and a Failed endpoint refuses the call.
type invokingService struct {
	*kittest.Service
	calls atomic.Int64
}

func (s *invokingService) Do(ctx context.Context, req backend.ActionRequest) (backend.ActionResult, error) {
	r, ok := req.(backend.InvokeEndpoint)
	if !ok {
		return s.Service.Do(ctx, req)
	}
	n := s.calls.Add(1)
	fail := func(code, msg string) (backend.ActionResult, error) {
		return backend.ActionResult{}, &backend.ActionError{Action: req.Action(), Target: r.Endpoint, Operation: "sagemaker-runtime:InvokeEndpoint",
			Code: code, Role: s.Identity().Role, Message: msg}
	}
	var body string
	switch {
	case r.Endpoint == endpointstest.WSHStaging:
		return fail("ValidationError", "Endpoint "+r.Endpoint+" of account 123456789012 not found.")
	case r.Endpoint == endpointstest.FraudProd && n%3 == 1:
		return fail("ModelError", `Received server error (500) from primary with message "{"error": "upstream prediction worker timed out"}". See https://ap-southeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-1#logEventViewer:group=/aws/sagemaker/Endpoints/`+r.Endpoint+` in account 123456789012 for more information.`)
	case strings.HasPrefix(r.Endpoint, "hdb-resale"):
		body = `{"predicted_price":562300,"currency":"SGD","model_version":12}`
	default:
		body = fmt.Sprintf(`{"score":0.%04d,"predicted_label":0}`, 1000+n*37%8000)
	}
	latency := time.Duration(18+n*7%40) * time.Millisecond
	return backend.ActionResult{Action: req.Action(), Target: r.Endpoint, Outcome: backend.OutcomeDone,
		Message: fmt.Sprintf("%s answered in %s (%d bytes).", r.Endpoint, latency, len(body)),
		Invoke:  &backend.InvokeResult{StatusCode: 200, ContentType: "application/json", Body: []byte(body), Latency: latency, InvokedVariant: variantOf(r.Endpoint, n)},
	}, nil
}

func variantOf(endpoint string, n int64) string {
	if endpoint == endpointstest.FraudProd && n%10 == 0 {
		return "Challenger"
	}
	if endpoint == endpointstest.FraudProd {
		return "Primary"
	}
	return "AllTraffic"
}
