package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/e2e/term"
)

// endpointsWait allows for the first poll: every endpoint described, its
// tags, alarms and API fronts read, and an hour of metrics.
const endpointsWait = 60 * time.Second

const ctrlS = "\x13"

// cursorLine is the list line under the cursor ("" when none).
func cursorLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, ">") {
			return l
		}
	}
	return ""
}

func lineOf(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// moveCursorTo presses j until the cursor is on the row naming name.
func moveCursorTo(t *testing.T, tm *term.Term, name string) {
	t.Helper()
	for range 20 {
		if strings.Contains(cursorLine(tm.Screen()), name) {
			return
		}
		before := cursorLine(tm.Screen())
		send(t, tm, "j")
		if _, err := tm.WaitFor(5*time.Second, func(s string) bool { return cursorLine(s) != before }); err != nil {
			break
		}
	}
	t.Fatalf("could not put the cursor on %s:\n%s", name, tm.Screen())
}

// TestOnCallFindsTheIncidentAndTheThrottledAPI is an on-call shift: the
// fraud model's endpoint is in incident; find it (worst first), see why it
// is CRIT, smoke-test it (the sandbox's model fails some calls with a
// ModelError, which must show as such), then find the API whose clients
// are throttled and see that its model is healthy.
func TestOnCallFindsTheIncidentAndTheThrottledAPI(t *testing.T) {
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "on-call", "--sandbox-speed", "5", "--pane", "endpoints")
	const fraud, dropout = "mom-work-pass-fraud-prod", "ssg-course-dropout-prod"

	screen := tm.WaitText(t, endpointsWait, "HEALTH↓", fraud, dropout, "sort health↓")
	if row := cursorLine(screen); !strings.Contains(row, fraud) || !strings.Contains(row, "✗ CRIT") {
		t.Fatalf("the incident should be first, worst first; the cursor row is %q:\n%s", row, screen)
	}
	if row := lineOf(screen, fraud); !strings.Contains(row, "5xx errors at") || !strings.Contains(row, "InService") {
		t.Fatalf("the incident row should say why: %q", row)
	}

	// Why is it CRIT?
	send(t, tm, term.Enter)
	screen = tm.WaitText(t, endpointsWait, "Endpoints > "+fraud, "✗ CRIT", "Health", "alarm "+fraud+"-5xx-errors firing",
		"5xx errors at", "(critical from 5%)", "Path in front of the model", "The API passes the model's errors on", "the model is")
	if !strings.Contains(screen, "failing: ") {
		t.Fatalf("the verdict should blame the model:\n%s", screen)
	}
	if !strings.Contains(screen, "ALARM  "+fraud+"-5xx-errors") {
		t.Fatalf("the firing alarm with its state:\n%s", screen)
	}

	// Smoke-test it until the model fails one call; every answer is either
	// a real answer or the model's error, told as such.
	sawError, sawAnswer := false, false
	for try := 0; try < 30 && !sawError; try++ {
		send(t, tm, "i")
		tm.WaitText(t, 10*time.Second, "Smoke test "+fraud, "Payload", "Content type")
		send(t, tm, ctrlS)
		tm.WaitText(t, 10*time.Second, "Invoke an endpoint?", "EndpointName: "+fraud)
		send(t, tm, "y")
		screen, err := tm.WaitFor(30*time.Second, func(s string) bool {
			return !strings.Contains(s, "Invoke an endpoint?") && strings.Contains(s, "Smoke test of "+fraud) &&
				(strings.Contains(s, "✓ HTTP 200") || strings.Contains(s, "ModelError"))
		})
		if err != nil {
			t.Fatalf("no answer to smoke test %d: %v\n%s", try+1, err, screen)
		}
		switch {
		case strings.Contains(screen, "ModelError"):
			sawError = true
			for _, want := range []string{"✗ The model failed this request: SageMaker answered ModelError.", "Received server error (500) from primary",
				"upstream prediction worker timed out", "Request (application/json, 2 bytes)"} {
				if !strings.Contains(screen, want) {
					t.Fatalf("the model's error should read %q:\n%s", want, screen)
				}
			}
			if strings.Contains(screen, "HTTP 200") {
				t.Fatalf("a failed call shown as a success:\n%s", screen)
			}
		default:
			sawAnswer = true
			for _, want := range []string{"answered in", "by variant", "application/json", `"score":`, `"predicted_label":`} {
				if !strings.Contains(screen, want) {
					t.Fatalf("the answer lacks %q:\n%s", want, screen)
				}
			}
		}
		if !sawError {
			send(t, tm, term.Esc) // close the answer; the next try starts from the detail
			tm.WaitText(t, 10*time.Second, "Overview (o)")
		}
	}
	if !sawError {
		t.Fatal("30 smoke tests of the endpoint in incident and not one ModelError")
	}
	t.Logf("smoke tests: an answer seen %v, a ModelError seen %v", sawAnswer, sawError)

	// The throttled API: its model is healthy.
	send(t, tm, term.Esc)
	tm.WaitText(t, 10*time.Second, "Overview (o)")
	send(t, tm, term.Esc)
	screen = tm.WaitText(t, 10*time.Second, "HEALTH↓", dropout)
	// OK, or WARN while the API's 4XX alarm fires; never CRIT: the model is fine.
	if row := lineOf(screen, dropout); strings.Contains(row, "CRIT") || !strings.Contains(row, "clients throttled") {
		t.Fatalf("the throttled endpoint's row: %q", row)
	}
	moveCursorTo(t, tm, dropout)
	send(t, tm, term.Enter)
	screen = tm.WaitText(t, endpointsWait, "Endpoints > "+dropout, "Path in front of the model", "throttled at 20 req/s",
		"Clients are being throttled at the API", "the model is healthy")
	// The model's own row: 5XX under 1 %, while the API's 4XX is high.
	model := strings.Fields(lineOf(screen, "  model  "))
	if len(model) < 4 || percent(t, model[3]) >= 1 {
		t.Fatalf("the model's row should show a low 5xx rate: %v\n%s", model, screen)
	}
	api := strings.Fields(lineOf(screen, "  API  "))
	if len(api) < 4 || percent(t, api[2]) < 5 {
		t.Fatalf("the API's row should show the throttling's 4XX: %v\n%s", api, screen)
	}
}

// percent reads "0.2%", "<0.1%" or "11%" as a number of percent.
func percent(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "<"), "%"), 64)
	if err != nil {
		t.Fatalf("not a percentage: %q", s)
	}
	return v
}
