package endpoints

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// FuzzHostileEverywhere puts fuzzed text in every string of the fleet and
// of an endpoint's detail (names, tags, statuses, variants, alarms and
// their reasons, metric names, log lines) and in a smoke test's answer
// body and error, and renders the list, the detail, its logs and the
// answer with the plain no-colour styles: nothing a terminal would act on
// reaches the screen, and every view keeps its exact size.
func FuzzHostileEverywhere(f *testing.F) {
	for _, s := range kittest.HostileSeeds {
		f.Add(s, "x"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		const w, h = 110, 30
		p, _, _ := newPane(t, w, h)
		check := func(what string) {
			t.Helper()
			kittest.AssertPaneInert(t, what, p, p.View(w, h), w, h)
		}
		data := endpointstest.Fleet(now)
		kittest.Poison(&data, a, b)
		fleet(p, data)
		check("list")

		detail, err := endpointstest.Detail(endpointstest.HDBProd, now)
		if err != nil {
			t.Fatal(err)
		}
		kittest.Poison(&detail, b, a)
		name := data.Endpoints[0].Name
		p.Update(kit.NavigateMsg{Pane: kit.PaneEndpoints, Arg: name})
		for _, key := range p.Feeds() {
			switch key.Kind {
			case backend.FeedEndpoint:
				deliver(p, key, detail, fresh(key))
			case backend.FeedEndpointLogs:
				deliver(p, key, backend.LogsData{Group: a, Reset: true, Events: []domain.LogEvent{{Timestamp: now, Message: a + "\n" + b, Stream: b}}}, fresh(key))
			}
		}
		check("detail")
		press(p, "l")
		for _, key := range p.Feeds() {
			if key.Kind == backend.FeedEndpointLogs {
				deliver(p, key, backend.LogsData{Group: a, Reset: true, Events: []domain.LogEvent{{Timestamp: now, Message: a + "\r\n" + b, Stream: b}}}, fresh(key))
			}
		}
		check("logs")

		// The smoke test's answer: a body and a content type from the model.
		p2, _, _ := newPane(t, w, h)
		fleet(p2, data)
		req := backend.InvokeEndpoint{Endpoint: name, ContentType: "application/json", Body: []byte(a)}
		answer := hdbAnswer()
		answer.Target, answer.Invoke.Body, answer.Invoke.ContentType, answer.Invoke.InvokedVariant = name, []byte(a+b), b, a
		p2.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Result: answer})
		out := p2.View(w, h)
		kittest.AssertInert(t, "smoke answer", out)
		kittest.RequireBlock(t, out, w, h)
		failed := &backend.ActionError{Action: domain.ActionInvokeEndpoint, Target: name, Operation: "sagemaker-runtime:InvokeEndpoint", Code: b, Message: a}
		p2.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Err: failed})
		out = p2.View(w, h)
		kittest.AssertInert(t, "smoke error", out)
		kittest.RequireBlock(t, out, w, h)
	})
}

// Endpoint and variant names in Chinese, Malay, Tamil and emoji keep the
// list's columns in line.
func TestWideTextGolden(t *testing.T) {
	for _, sz := range sizes {
		t.Run(sz.Name, func(t *testing.T) {
			data := endpointstest.Fleet(now)
			for i, name := range kittest.WideNames {
				data.Endpoints[i%len(data.Endpoints)].Name = name
			}
			p, _, _ := newPane(t, sz.W, sz.H)
			fleet(p, data)
			out := p.View(sz.W, sz.H)
			kittest.RequireBlock(t, out, sz.W, sz.H)
			kittest.RequireColumnsAligned(t, out, "NAME", "STATUS", kittest.WideNames)
			golden.RequireEqual(t, []byte(out))
		})
	}
}
