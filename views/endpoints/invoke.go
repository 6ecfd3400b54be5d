package endpoints

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
)

// Bounds on what the result view shows of an answer, so a model that
// answers megabytes cannot flood the screen.
const (
	maxBodyShown  = 16 << 10
	maxLinesShown = 300
)

// smoke is the smoke test in progress: the form while the user edits the
// request, then the answer.
type smoke struct {
	endpoint string
	form     *form.Form
	// sent is the request last sent (to show beside its answer and to
	// start the form from when sending again).
	sent   Sample
	answer *answer
}

// answer is the endpoint's reply to a smoke request, or why there is none.
type answer struct {
	result *backend.InvokeResult
	err    error
}

// newSmokeForm asks for the payload and content type, starting from s.
func newSmokeForm(endpoint string, s Sample) *form.Form {
	f := form.New("Smoke test "+kit.Sanitize(endpoint),
		form.Field{Name: "body", Label: "Payload", Value: s.Body, CharLimit: 64 << 10,
			Hint: "the request body, sent as is", Validate: func(v string) string {
				if strings.TrimSpace(v) == "" {
					return "the payload is empty; send at least {}"
				}
				return ""
			}},
		form.Field{Name: "type", Label: "Content type", Value: s.ContentType, Placeholder: "application/json",
			Hint: "application/json or text/csv", Validate: validContentType},
	)
	f.SetNote("Sends one request with sagemaker-runtime:InvokeEndpoint and shows the answer. It changes nothing in AWS, so the on-call role and read-only mode may send it.")
	return f
}

func validContentType(v string) string {
	if strings.TrimSpace(v) == "" {
		return "a content type is needed, such as application/json"
	}
	if _, _, err := mime.ParseMediaType(v); err != nil || !strings.Contains(v, "/") {
		return "not a media type; write it like application/json"
	}
	return ""
}

// request turns the submitted form into the action to confirm. A JSON
// payload must parse: the model would only answer 4xx otherwise.
func request(endpoint string, values map[string]string) (backend.InvokeEndpoint, Sample, map[string]string) {
	s := Sample{Body: values["body"], ContentType: values["type"]}
	if mt, _, _ := mime.ParseMediaType(s.ContentType); strings.HasSuffix(mt, "json") && !json.Valid([]byte(s.Body)) {
		var v any
		err := json.Unmarshal([]byte(s.Body), &v)
		return backend.InvokeEndpoint{}, s, map[string]string{"body": "not valid JSON (" + jsonProblem(err) + ")"}
	}
	return backend.InvokeEndpoint{Endpoint: endpoint, ContentType: s.ContentType, Accept: "application/json", Body: []byte(s.Body)}, s, nil
}

func jsonProblem(err error) string {
	if err == nil {
		return "unreadable"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// answerView draws the answer to a smoke request with the request beside
// it, wrapped to width.
func answerView(sm *smoke, st *themes.Styles, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	p.Line(st.Bold.Render("Smoke test of " + kit.Sanitize(sm.endpoint)))
	a := sm.answer
	switch {
	case a == nil:
		p.Line(st.Muted.Render("Waiting for the answer…"))
	case a.err != nil:
		failure(p, a.err)
	default:
		r := a.result
		status := fmt.Sprintf("HTTP %d", r.StatusCode)
		family := themes.FamilySucceeded
		if r.StatusCode >= 300 {
			family = themes.FamilyFailed
		}
		meta := []string{st.Status(family).Render("✓ " + status), "answered in " + answerLatency(r.Latency)}
		if r.InvokedVariant != "" {
			meta = append(meta, "by variant "+kit.Sanitize(r.InvokedVariant))
		}
		meta = append(meta, kit.Sanitize(orDash(r.ContentType)), fmt.Sprintf("%s bytes", kit.Count(int64(len(r.Body)))))
		p.wrapped("", strings.Join(meta, " · "))
		p.Section("Answer")
		body(p, r.Body)
	}
	p.Section(fmt.Sprintf("Request (%s, %s bytes)", kit.Sanitize(sm.sent.ContentType), kit.Count(int64(len(sm.sent.Body)))))
	body(p, []byte(sm.sent.Body))
	return p.String()
}

// failure says why there is no answer. A ModelError is the model's own
// failure passed on by SageMaker, told apart from AWS refusing the call.
func failure(p *page, err error) {
	st := p.St
	bad := st.Status(themes.FamilyFailed)
	var ae *backend.ActionError
	if errors.As(err, &ae) && ae.Code == "ModelError" {
		p.Line(bad.Render("✗ The model failed this request: SageMaker answered ModelError."))
		p.wrapped("  ", ae.Message)
		p.Line()
		p.wrappedIn(st.Muted, "", "The endpoint is up and reached the model's container, which answered with an error. Its logs (l in the endpoint's detail) say more.")
		return
	}
	p.Line(bad.Render("✗ No answer from the model."))
	p.wrapped("  ", err.Error())
}

// answerLatency is the round trip in milliseconds.
func answerLatency(d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return millis(d)
}

// body writes a payload: indented when it is JSON, as text otherwise,
// sanitised and cut to the bounds.
func body(p *page, b []byte) {
	if len(b) == 0 {
		p.Line("  ", p.St.Muted.Render("(empty)"))
		return
	}
	cut := 0
	if len(b) > maxBodyShown {
		cut = len(b) - maxBodyShown
		b = b[:maxBodyShown]
	}
	text := string(b)
	var pretty bytes.Buffer
	if cut == 0 && json.Valid(b) && json.Indent(&pretty, b, "", "  ") == nil {
		text = pretty.String()
	}
	lines := strings.Split(kit.SanitizeLines(text), "\n")
	more := 0
	if len(lines) > maxLinesShown {
		more = len(lines) - maxLinesShown
		lines = lines[:maxLinesShown]
	}
	w := max(10, p.Width-4)
	for _, l := range lines {
		for _, part := range strings.Split(ansi.Hardwrap(l, w, true), "\n") {
			p.Line("  ", part)
		}
	}
	switch {
	case cut > 0:
		p.Line("  ", p.St.Muted.Render(fmt.Sprintf("… %s more bytes not shown", kit.Count(int64(cut)))))
	case more > 0:
		p.Line("  ", p.St.Muted.Render(fmt.Sprintf("… %s more lines not shown", kit.Count(int64(more)))))
	}
}
