package servertest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
)

// AWSCLI runs the real AWS CLI (v1, botocore) against one sandbox server,
// signing as one principal, with no user configuration (HOME and the
// config files are in a temporary folder) and no retries.
type AWSCLI struct {
	Endpoint  string // the server's URL
	Region    string
	Principal iam.Principal
}

// CLI is the AWS CLI pointed at srv, signing as p for Region.
func CLI(srv *server.Server, p iam.Principal) AWSCLI {
	return AWSCLI{Endpoint: srv.URL(), Region: Region, Principal: p}
}

// Run runs aws with args, --endpoint-url and --output json, and returns
// its standard output. It skips the test when aws is not on PATH and fails
// it, with the CLI's standard error, when the CLI fails.
func (c AWSCLI) Run(t testing.TB, args ...string) []byte {
	t.Helper()
	out, err := c.Try(t, args...)
	if err != nil {
		t.Fatalf("aws %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// Try is Run for calls that may fail: it returns the standard output, or
// the standard error and the failure.
func (c AWSCLI) Try(t testing.TB, args ...string) ([]byte, error) {
	t.Helper()
	path, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI (aws) is not on PATH; install awscli to run this test")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, append(args, "--endpoint-url", c.Endpoint, "--output", "json")...)
	cmd.Env = c.env(t.TempDir())
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.Stderr, err
	}
	if err != nil {
		t.Fatalf("aws %s: %v", strings.Join(args, " "), err)
	}
	return out, nil
}

// env is the CLI's whole environment: PATH, a HOME of its own, the
// endpoint (also given as --endpoint-url, which every CLI version knows),
// the principal's keys and the region.
func (c AWSCLI) env(home string) []string {
	p := c.Principal
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"AWS_ENDPOINT_URL=" + c.Endpoint,
		"AWS_ACCESS_KEY_ID=" + p.AccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + p.SecretAccessKey,
		"AWS_REGION=" + c.Region,
		"AWS_DEFAULT_REGION=" + c.Region,
		"AWS_CONFIG_FILE=" + filepath.Join(home, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(home, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
		"AWS_MAX_ATTEMPTS=1",
		"AWS_PAGER=",
	}
}
