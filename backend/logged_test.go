package backend

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// scriptedService is a Service whose updates and answers a test sets.
type scriptedService struct {
	updates chan Update
	closed  bool
	doErr   error
	// doOutcome comes with doErr, as Do's OutcomeUnknown does.
	doOutcome ActionOutcome
}

func (s *scriptedService) Identity() domain.Identity { return domain.Identity{} }
func (s *scriptedService) ReloadIdentity(context.Context) (domain.Identity, error) {
	return domain.Identity{Account: "123456789012", Principal: "alice.tan", Role: domain.RoleProjectAdmin, Region: "ap-southeast-1"}, nil
}
func (s *scriptedService) Now() time.Time           { return t0 }
func (s *scriptedService) Subscribe(FeedKey) func() { return func() {} }
func (s *scriptedService) Updates() <-chan Update   { return s.updates }
func (s *scriptedService) Refresh(FeedKey)          {}
func (s *scriptedService) Feeds() []FeedState       { return nil }
func (s *scriptedService) Calls() CallStats         { return CallStats{} }
func (s *scriptedService) Close()                   { s.closed = true; close(s.updates) }
func (s *scriptedService) Do(_ context.Context, req ActionRequest) (ActionResult, error) {
	if s.doErr != nil {
		return ActionResult{Outcome: s.doOutcome}, s.doErr
	}
	return ActionResult{Action: req.Action(), Target: req.Target(), Outcome: OutcomeDone}, nil
}

// logBuffer collects JSON log lines from several goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// records are the log's lines as "msg key=value ..." in order, keeping
// only the keys named.
func (l *logBuffer) records(t *testing.T, keys ...string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(l.b.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		s := m["msg"].(string)
		for _, k := range keys {
			if v, ok := m[k]; ok {
				b, _ := json.Marshal(v)
				s += " " + k + "=" + string(b)
			}
		}
		out = append(out, s)
	}
	return out
}

func TestLoggedServiceLogsFeedErrorsOnceAndActions(t *testing.T) {
	inner := &scriptedService{updates: make(chan Update)}
	var buf logBuffer
	svc := Logged(inner, slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	key := FeedKey{Kind: FeedEndpoints}
	denied := FeedState{Key: key, Err: "AWS denied sagemaker:ListEndpoints to on-call.", AccessDenied: true, Stale: true}
	unsub := svc.Subscribe(key)
	go func() {
		inner.updates <- Update{Key: key, State: denied}
		inner.updates <- Update{Key: key, State: denied} // the same error again: not logged twice
		inner.updates <- Update{Key: key, Data: EndpointsData{}, State: FeedState{Key: key}}
	}()
	for i := 0; i < 3; i++ {
		select {
		case u := <-svc.Updates():
			if u.Key != key {
				t.Fatalf("update %d for %s", i, u.Key)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("updates were not passed on")
		}
	}
	unsub()
	if _, err := svc.ReloadIdentity(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Do(context.Background(), StopTrainingJob{Name: "hdb-resale-train-0412"}); err != nil {
		t.Fatal(err)
	}
	inner.doErr = errors.New("AWS refused: ValidationException")
	if _, err := svc.Do(context.Background(), StopTrainingJob{Name: "gone"}); err == nil {
		t.Fatal("the error was swallowed")
	}
	svc.Close()
	if _, ok := <-svc.Updates(); ok || !inner.closed {
		t.Fatal("Close should close the wrapped service and the updates channel")
	}
	got := strings.Join(buf.records(t, "feed", "error", "access_denied", "principal", "action", "target"), "\n")
	want := strings.Join([]string{
		`subscribe feed="endpoints"`,
		`feed error feed="endpoints" error="AWS denied sagemaker:ListEndpoints to on-call." access_denied=true`,
		`feed recovered feed="endpoints"`,
		`unsubscribe feed="endpoints"`,
		`identity principal="alice.tan"`,
		`action action="stop-training-job" target="hdb-resale-train-0412"`,
		`action done action="stop-training-job" target="hdb-resale-train-0412"`,
		`action action="stop-training-job" target="gone"`,
		`action failed error="AWS refused: ValidationException" action="stop-training-job" target="gone"`,
	}, "\n")
	if got != want {
		t.Fatalf("log:\n%s\nwant:\n%s", got, want)
	}
}

// The log names an action's outcome in words: "done" when AWS accepted it,
// "unknown" when no answer came (it may have taken effect); a refusal has
// none, whatever the zero result says.
func TestLoggedServiceNamesActionOutcomes(t *testing.T) {
	inner := &scriptedService{updates: make(chan Update)}
	var buf logBuffer
	svc := Logged(inner, slog.New(slog.NewJSONHandler(&buf, nil)))
	defer svc.Close()
	ctx := context.Background()
	if _, err := svc.Do(ctx, StopTrainingJob{Name: "accepted"}); err != nil {
		t.Fatal(err)
	}
	inner.doErr, inner.doOutcome = errors.New("no answer from AWS in 30s"), OutcomeUnknown
	if _, err := svc.Do(ctx, StopTrainingJob{Name: "unanswered"}); err == nil {
		t.Fatal("the error was swallowed")
	}
	inner.doErr, inner.doOutcome = errors.New("AWS refused: AccessDeniedException"), OutcomeDone
	if _, err := svc.Do(ctx, StopTrainingJob{Name: "refused"}); err == nil {
		t.Fatal("the error was swallowed")
	}
	got := strings.Join(buf.records(t, "target", "outcome"), "\n")
	want := strings.Join([]string{
		`action target="accepted"`,
		`action done target="accepted" outcome="done"`,
		`action target="unanswered"`,
		`action failed target="unanswered" outcome="unknown"`,
		`action target="refused"`,
		`action failed target="refused"`,
	}, "\n")
	if got != want {
		t.Fatalf("log:\n%s\nwant:\n%s", got, want)
	}
	if name := outcomeName(ActionOutcome(7)); name != "outcome 7" {
		t.Errorf("an outcome agdash does not know is logged as %q", name)
	}
}
