// Package sandboxtest starts the full sandbox account for contract tests
// and points the AWS SDK and the AWS CLI at it as its principals. AWS error
// checks (WantCode, APIError) are in package servertest.
package sandboxtest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	awsb "github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Epoch is the fixed start of test accounts, so contract tests see the
// same world on every run.
var Epoch = time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC)

// Env is a running sandbox with a manual clock.
type Env struct {
	*sandbox.Sandbox
	Clock *world.ManualClock
}

// Start runs the default scenario at Epoch with a manual clock and seed 1,
// closed when the test ends. Adjust opts before it starts with mods.
func Start(t testing.TB, mods ...func(*sandbox.Options)) *Env {
	t.Helper()
	clock := world.NewManualClock(Epoch)
	zero := 0.0
	opts := sandbox.Options{Seed: 1, Clock: clock, Start: Epoch, NewJobFailureRate: &zero}
	for _, m := range mods {
		m(&opts)
	}
	ctx, cancel := context.WithCancel(context.Background())
	sb, err := sandbox.Start(ctx, opts)
	if err != nil {
		cancel()
		t.Fatalf("start sandbox: %v", err)
	}
	t.Cleanup(func() {
		sb.Close()
		cancel()
	})
	return &Env{Sandbox: sb, Clock: clock}
}

// Config is an SDK configuration that signs as the named principal or role
// ("lim-jia-hui", "on-call", "data-scientist", "mlops-engineer",
// "project-admin"), with SDK retries off so tests see each answer.
func (e *Env) Config(t testing.TB, who string) aws.Config {
	t.Helper()
	p, err := e.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	return aws.Config{
		Region:           sandbox.Region,
		BaseEndpoint:     aws.String(e.URL()),
		Credentials:      credentials.NewStaticCredentialsProvider(p.AccessKeyID, p.SecretAccessKey, ""),
		RetryMaxAttempts: 1,
		HTTPClient:       awsb.NewHTTPClient(),
	}
}

// CLI is the AWS CLI pointed at the sandbox, signing as who.
func (e *Env) CLI(t testing.TB, who string) servertest.AWSCLI {
	t.Helper()
	p, err := e.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	return servertest.AWSCLI{Endpoint: e.URL(), Region: sandbox.Region, Principal: p}
}

// AWSCLI runs `aws args… --output json` against the sandbox as who and
// returns what it printed. It skips the test when aws is not on PATH and
// fails it when the CLI fails.
func (e *Env) AWSCLI(t testing.TB, who string, args ...string) []byte {
	t.Helper()
	return e.CLI(t, who).Run(t, args...)
}

// AWSCLIJSON is AWSCLI that decodes the CLI's JSON into out.
func (e *Env) AWSCLIJSON(t testing.TB, who string, out any, args ...string) {
	t.Helper()
	stdout := e.AWSCLI(t, who, args...)
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("aws %s printed no JSON: %v\n%s", strings.Join(args, " "), err, stdout)
	}
}
