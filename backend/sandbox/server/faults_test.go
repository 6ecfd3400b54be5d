package server_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func describeLogGroups(cfg aws.Config) error {
	_, err := cloudwatchlogs.NewFromConfig(cfg).DescribeLogGroups(context.Background(), &cloudwatchlogs.DescribeLogGroupsInput{})
	return err
}

func TestThrottleFault(t *testing.T) {
	srv := start(t, server.Options{Faults: server.Faults{ThrottleRate: 1}})
	cfg := servertest.Config(srv, servertest.OnCall)
	err := describeLogGroups(cfg)
	if msg := servertest.WantCode(t, err, "ThrottlingException"); msg != "Rate exceeded" {
		t.Errorf("message = %q", msg)
	}
	_, err = cloudwatch.NewFromConfig(cfg).ListMetrics(context.Background(), nil)
	servertest.WantCode(t, err, "Throttling")
	if !retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err).Bool() {
		t.Errorf("the SDK does not see %v as a throttle", err)
	}
}

// noBackoff retries at once, so tests do not wait.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// retrying is cfg with the SDK's standard retryer: 3 attempts, no delay.
func retrying(cfg aws.Config) aws.Config {
	cfg.Retryer = func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.MaxAttempts, o.Backoff, o.RateLimiter = 3, noBackoff{}, ratelimit.None
		})
	}
	return cfg
}

// TestSDKRetriesInjectedFaults: the SDK's standard retryer retries
// throttles and 5xx (three attempts reach the server) but not AccessDenied.
func TestSDKRetriesInjectedFaults(t *testing.T) {
	for _, f := range []server.Faults{{ThrottleRate: 1}, {ServerErrorRate: 1}} {
		srv := start(t, server.Options{Faults: f})
		err := describeLogGroups(retrying(servertest.Config(srv, servertest.OnCall)))
		if err == nil {
			t.Fatalf("%+v: call succeeded", f)
		}
		if got := srv.Calls()["logs:DescribeLogGroups"]; got != 3 {
			t.Errorf("%+v: server saw %d attempts, want 3", f, got)
		}
	}
	srv := start(t, server.Options{})
	_, err := cloudwatch.NewFromConfig(retrying(servertest.Config(srv, servertest.DataScientist))).
		DeleteAlarms(context.Background(), &cloudwatch.DeleteAlarmsInput{AlarmNames: []string{"x"}})
	servertest.WantCode(t, err, "AccessDenied")
	if got := srv.Calls()["monitoring:DeleteAlarms"]; got != 1 {
		t.Errorf("AccessDenied was attempted %d times, want 1", got)
	}
}

func TestServerErrorFault(t *testing.T) {
	srv := start(t, server.Options{Faults: server.Faults{ServerErrorRate: 1}})
	err := describeLogGroups(servertest.Config(srv, servertest.OnCall))
	servertest.WantCode(t, err, "InternalFailure")
	if got := httpStatus(t, err); got != 500 {
		t.Errorf("status = %d, want 500", got)
	}
}

func TestDroppedConnectionFault(t *testing.T) {
	srv := start(t, server.Options{Faults: server.Faults{DropRate: 1}})
	err := describeLogGroups(servertest.Config(srv, servertest.OnCall))
	var send *smithyhttp.RequestSendError
	if !errors.As(err, &send) {
		t.Fatalf("err = %v (%T), want a transport error", err, err)
	}
	if !retry.IsErrorRetryables(retry.DefaultRetryables).IsErrorRetryable(err).Bool() {
		t.Errorf("the SDK would not retry a dropped connection: %v", err)
	}
}

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestCredentialsExpire(t *testing.T) {
	clock := &fakeClock{now: time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC)}
	srv := start(t, server.Options{Now: clock.Now, Faults: server.Faults{CredentialsExpireAfter: server.Duration(time.Hour)}})
	cfg := servertest.Config(srv, servertest.OnCall)
	if err := describeLogGroups(cfg); err != nil {
		t.Fatalf("before expiry: %v", err)
	}
	clock.Advance(59 * time.Minute)
	if err := describeLogGroups(cfg); err != nil {
		t.Fatalf("a minute before expiry: %v", err)
	}
	clock.Advance(time.Minute)
	err := describeLogGroups(cfg)
	servertest.WantCode(t, err, "ExpiredTokenException")
	if got := httpStatus(t, err); got != 400 {
		t.Errorf("awsJson status = %d, want 400", got)
	}
	_, err = cloudwatch.NewFromConfig(cfg).ListMetrics(context.Background(), nil)
	servertest.WantCode(t, err, "ExpiredToken")
	_, err = backup.NewFromConfig(cfg).ListRecoveryPointsByBackupVault(context.Background(), &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String("v")})
	servertest.WantCode(t, err, "ExpiredTokenException")
	if got := httpStatus(t, err); got != 403 {
		t.Errorf("restJson status = %d, want 403", got)
	}
}

// sleepRecorder is an Options.Sleep that records instead of waiting.
type sleepRecorder struct {
	mu    sync.Mutex
	slept []time.Duration
}

func (s *sleepRecorder) Sleep(_ context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.slept = append(s.slept, d)
	return nil
}

func (s *sleepRecorder) Slept() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.slept)
}

func TestLatencyFaultScopedToService(t *testing.T) {
	sleeper := &sleepRecorder{}
	srv := start(t, server.Options{Sleep: sleeper.Sleep, Faults: server.Faults{Latency: server.Duration(250 * time.Millisecond), Services: []string{"logs"}}})
	cfg := servertest.Config(srv, servertest.OnCall)
	if err := describeLogGroups(cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := cloudwatch.NewFromConfig(cfg).ListMetrics(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if got := sleeper.Slept(); !slices.Equal(got, []time.Duration{250 * time.Millisecond}) {
		t.Errorf("slept %v, want one 250ms delay (logs only)", got)
	}
}

func TestFaultsScopedToOperation(t *testing.T) {
	srv := start(t, server.Options{Faults: server.Faults{ThrottleRate: 1, Operations: []string{"GetMetricData"}}})
	client := cloudwatch.NewFromConfig(servertest.Config(srv, servertest.OnCall))
	if _, err := client.ListMetrics(context.Background(), nil); err != nil {
		t.Errorf("ListMetrics: %v", err)
	}
	_, err := client.GetMetricData(context.Background(), sdkMetricDataInput())
	servertest.WantCode(t, err, "Throttling")
}

// throttlePattern makes n calls and notes which were throttled.
func throttlePattern(t *testing.T, seed uint64, n int) []bool {
	srv := start(t, server.Options{Seed: seed, Faults: server.Faults{ThrottleRate: 0.5}})
	cfg := servertest.Config(srv, servertest.OnCall)
	out := make([]bool, n)
	for i := range out {
		out[i] = describeLogGroups(cfg) != nil
	}
	return out
}

func TestFaultsReproducibleFromSeed(t *testing.T) {
	a, b, c := throttlePattern(t, 42, 40), throttlePattern(t, 42, 40), throttlePattern(t, 7, 40)
	if !slices.Equal(a, b) {
		t.Errorf("same seed, different faults:\n%v\n%v", a, b)
	}
	if slices.Equal(a, c) {
		t.Errorf("seeds 42 and 7 throttled the same calls: %v", a)
	}
	n := 0
	for _, throttled := range a {
		if throttled {
			n++
		}
	}
	if n < 8 || n > 32 {
		t.Errorf("rate 0.5 throttled %d of 40 calls", n)
	}
}

// TestShutdownCancelsInjectedLatency: a call waiting on latency does not
// hold up Shutdown.
func TestShutdownCancelsInjectedLatency(t *testing.T) {
	waiting := make(chan struct{})
	var once sync.Once
	sleep := func(ctx context.Context, d time.Duration) error {
		once.Do(func() { close(waiting) })
		<-ctx.Done()
		return ctx.Err()
	}
	srv, err := server.New(server.Options{Principals: servertest.Principals(), Sleep: sleep, Faults: server.Faults{Latency: server.Duration(time.Hour)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := registerAll(srv); err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(""); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- describeLogGroups(servertest.Config(srv, servertest.OnCall)) }()
	<-waiting
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-done; err == nil {
		t.Error("the delayed call succeeded after Shutdown")
	}
}

func TestFaultsValidate(t *testing.T) {
	for _, f := range []server.Faults{{ThrottleRate: -0.1}, {ServerErrorRate: 1.5}, {Latency: -1}} {
		if err := f.Validate(); err == nil {
			t.Errorf("%+v validated", f)
		}
		if _, err := server.New(server.Options{Faults: f}); err == nil {
			t.Errorf("New accepted %+v", f)
		}
	}
}
