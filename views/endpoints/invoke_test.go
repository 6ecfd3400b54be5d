package endpoints

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit"
)

// confirmOf finds the ConfirmMsg among a command's messages.
func confirmOf(t *testing.T, cmd tea.Cmd) (backend.InvokeEndpoint, bool) {
	t.Helper()
	for _, m := range run(cmd) {
		if c, ok := m.(kit.ConfirmMsg); ok {
			if c.Pane != kit.PaneEndpoints {
				t.Fatalf("confirmation for pane %s", c.Pane)
			}
			req, ok := c.Req.(backend.InvokeEndpoint)
			if !ok {
				t.Fatalf("asked to confirm %T", c.Req)
			}
			return req, true
		}
	}
	return backend.InvokeEndpoint{}, false
}

func selectRow(t *testing.T, p *Pane, name string) {
	t.Helper()
	for i := 0; i < p.list.Len(); i++ {
		p.list.MoveTo(i)
		if r, _ := p.list.Selected(); r.Name == name {
			return
		}
	}
	t.Fatalf("no row %s", name)
}

func TestSmokeInvokeFromTheListAsOnCallInReadOnlyMode(t *testing.T) {
	p, ctx, _ := newPane(t, 120, 35)
	if !ctx.Identity.ReadOnly || ctx.Identity.Role != domain.RoleOnCall {
		t.Fatal("the test identity should be on-call and read-only")
	}
	fleet(p, endpointstest.Fleet(now))
	for _, b := range p.Keys() {
		if b.Name == "endpoints.invoke" && b.Disabled() != "" {
			t.Fatalf("smoke test disabled for on-call: %s", b.Disabled())
		}
	}
	selectRow(t, p, endpointstest.HDBProd)
	press(p, "i")
	if !p.Capturing() {
		t.Fatal("the form should take typed keys")
	}
	if got := p.smoke.form.Value("body"); got != `{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":93,"storey_range":"07 TO 09","remaining_lease":62}` {
		t.Fatalf("HDB payload = %s", got)
	}
	if got := strings.Join(p.Crumbs(), ">"); got != "Endpoints>"+endpointstest.HDBProd+">Smoke test" {
		t.Fatalf("crumbs = %s", got)
	}
	req, ok := confirmOf(t, press(p, "ctrl+s"))
	if !ok {
		t.Fatal("submitting asked for no confirmation")
	}
	if req.Endpoint != endpointstest.HDBProd || req.ContentType != "application/json" || !strings.Contains(string(req.Body), `"flat_type":"4 ROOM"`) {
		t.Fatalf("request = %+v (%s)", req, req.Body)
	}
	if p.Capturing() || p.smoke != nil {
		t.Fatal("after submitting, the pane should wait for the answer without holding a form")
	}

	p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Result: hdbAnswer()})
	out := p.View(120, 35)
	for _, want := range []string{"✓ HTTP 200", "answered in 43ms", "by variant AllTraffic", "application/json", `"predicted_price": 562300,`, `"currency": "SGD",`,
		"Request (application/json, 107 bytes)", `"town": "TAMPINES",`} {
		if !strings.Contains(out, want) {
			t.Errorf("answer lacks %q:\n%s", want, out)
		}
	}
	// i edits the request again, from what was sent.
	press(p, "i")
	if !p.Capturing() || !strings.Contains(p.smoke.form.Value("body"), "TAMPINES") {
		t.Fatal("i in the answer should reopen the form with the request sent")
	}
	press(p, "esc")
	if p.smoke != nil {
		t.Fatal("esc should cancel the form")
	}
}

func TestSmokeFormRefusesBadJSON(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	selectRow(t, p, endpointstest.FraudProd)
	press(p, "i")
	if got := p.smoke.form.Value("body"); got != "{}" {
		t.Fatalf("generic payload = %q", got)
	}
	typeText(p, `"amount":`)
	if _, ok := confirmOf(t, press(p, "ctrl+s")); ok {
		t.Fatal("invalid JSON was sent for confirmation")
	}
	if !p.Capturing() || !strings.Contains(p.View(100, 30), "not valid JSON") {
		t.Fatalf("the form should stay open and say why:\n%s", p.View(100, 30))
	}
	// CSV is sent as typed.
	for range 20 {
		press(p, "backspace")
	}
	typeText(p, "3,1,0.5")
	press(p, "tab", "ctrl+u")
	typeText(p, "text/csv")
	req, ok := confirmOf(t, press(p, "enter"))
	if !ok || string(req.Body) != "3,1,0.5" || req.ContentType != "text/csv" {
		t.Fatalf("CSV request = %+v %q (sent %v)", req, req.Body, ok)
	}
}

func TestConfiguredSamplesComeFirst(t *testing.T) {
	samples := func(e domain.Endpoint) (Sample, bool) {
		if e.Project == "mom-work-pass-fraud" {
			return Sample{Body: `{"employer_uen":"201912345K","pass_type":"S Pass"}`}, true
		}
		return Sample{}, false
	}
	p, _, _ := newPane(t, 100, 30, WithSamples(samples))
	fleet(p, endpointstest.Fleet(now))
	selectRow(t, p, endpointstest.FraudProd)
	press(p, "i")
	if got := p.smoke.form.Value("body"); got != `{"employer_uen":"201912345K","pass_type":"S Pass"}` {
		t.Fatalf("configured sample not used: %s", got)
	}
	if got := p.smoke.form.Value("type"); got != "application/json" {
		t.Fatalf("content type = %q", got)
	}
	press(p, "esc")
	selectRow(t, p, endpointstest.HDBProd)
	press(p, "i")
	if !strings.Contains(p.smoke.form.Value("body"), "TAMPINES") {
		t.Fatal("without a configured sample the built-in one should be used")
	}
}

func TestSmokeFromTheDetailOfAFailedEndpointWarns(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	openDetail(t, p, endpointstest.WSHStaging)
	press(p, "i")
	if !strings.Contains(p.View(100, 30), "The endpoint is Failed, so SageMaker will likely refuse the request") {
		t.Fatalf("no warning:\n%s", p.View(100, 30))
	}
}

func TestAnswerFailures(t *testing.T) {
	req := backend.InvokeEndpoint{Endpoint: endpointstest.FraudProd, ContentType: "application/json", Body: []byte("{}")}
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"model error", modelError(), []string{"✗ The model failed this request: SageMaker answered ModelError.", "Received server error (500) from primary", "upstream prediction worker timed out"}},
		{"denied", &backend.ActionError{Action: domain.ActionInvokeEndpoint, Target: req.Endpoint, Operation: "sagemaker-runtime:InvokeEndpoint", Code: "AccessDenied", Role: domain.RoleOnCall, Message: "not authorized"},
			[]string{"✗ No answer from the model.", "AWS denied sagemaker-runtime:InvokeEndpoint on mom-work-pass-fraud-prod for the on-call role: not authorized"}},
		{"plain error", errors.New("dial tcp 127.0.0.1:4566: connection refused"), []string{"✗ No answer from the model.", "connection refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, _ := newPane(t, 120, 30)
			p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Err: tt.err})
			out := p.View(120, 30)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("answer lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, "HTTP 200") {
				t.Error("a failure must not look like an answer")
			}
		})
	}
}

func TestOtherActionsAreNotAnswers(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: backend.StopTrainingJob{Name: "x"}})
	if p.smoke != nil {
		t.Fatal("a stop-job answer opened the smoke view")
	}
}

func TestAnswerBodyIsBoundedAndInert(t *testing.T) {
	big := `{"rows":[` + strings.Repeat(`{"score":0.5,"label":"\u001b]0;owned\u0007x"},`, 2000) + `{}]}`
	res := backend.ActionResult{Invoke: &backend.InvokeResult{StatusCode: 200, ContentType: "application/json\x1b[31m", Latency: time.Millisecond, Body: []byte(big)}}
	req := backend.InvokeEndpoint{Endpoint: endpointstest.FraudProd, ContentType: "application/json", Body: []byte("{}")}
	p, _, _ := newPane(t, 100, 30)
	p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Result: res})
	text := answerView(p.smoke, p.ctx.Styles, 100)
	if !strings.Contains(text, "more bytes not shown") {
		t.Fatal("a huge answer is not cut")
	}
	if n := strings.Count(text, "\n"); n > maxLinesShown+20 {
		t.Fatalf("answer drawn in %d lines", n)
	}
	if strings.ContainsAny(text, "\x1b\x07") {
		t.Fatal("escape sequences from the answer reach the screen")
	}

	lines := strings.Repeat("line\n", 1000)
	res.Invoke.Body = []byte(lines)
	p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: req, Result: res})
	if text := answerView(p.smoke, p.ctx.Styles, 100); !strings.Contains(text, "more lines not shown") {
		t.Fatal("a long text answer is not cut")
	}
}

func TestContentTypeValidation(t *testing.T) {
	for in, want := range map[string]string{
		"application/json":                "",
		"text/csv; charset=utf-8":         "",
		"":                                "a content type is needed, such as application/json",
		"json":                            "not a media type; write it like application/json",
		"application/json; charset=\"x":   "not a media type; write it like application/json",
		"application/x-recordio-protobuf": "",
	} {
		if got := validContentType(in); got != want {
			t.Errorf("validContentType(%q) = %q, want %q", in, got, want)
		}
	}
}
