package backup_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/smithy-go"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var ctx = context.Background()

// client is a Backup client signing as who.
func client(t *testing.T, env *sandboxtest.Env, who string) *backup.Client {
	t.Helper()
	return backup.NewFromConfig(env.Config(t, who))
}

// wantCode fails unless err is an AWS error with the given code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v, want an API error %s", err, code)
	}
	if ae.ErrorCode() != code {
		t.Fatalf("error code = %s (%s), want %s", ae.ErrorCode(), ae.ErrorMessage(), code)
	}
}

// homeFileSystems maps each Studio domain's name to its home EFS ARN.
func homeFileSystems(t *testing.T, w *world.World) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, d := range w.Domains() {
		fs, err := w.FileSystem(d.HomeEfsFileSystemId)
		if err != nil {
			t.Fatalf("domain %s: home file system: %v", d.DomainName, err)
		}
		out[d.DomainName] = fs.FileSystemArn
	}
	if len(out) == 0 {
		t.Fatal("the world has no Studio domains")
	}
	return out
}

// restoreJobCount is how many restore jobs the world holds.
func restoreJobCount(w *world.World) int { return len(w.RestoreJobs("")) }

// runCLI runs the AWS CLI (v1) as who against env and decodes its JSON
// output into out; it skips the test when aws is not installed.
func runCLI(t *testing.T, env *sandboxtest.Env, who string, out any, args ...string) {
	t.Helper()
	awsPath, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI (aws) is not on PATH; install awscli to run this test")
	}
	p, err := env.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	cmd := exec.CommandContext(cctx, awsPath, append(args, "--endpoint-url", env.URL(), "--output", "json")...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"AWS_ACCESS_KEY_ID=" + p.AccessKeyID, "AWS_SECRET_ACCESS_KEY=" + p.SecretAccessKey,
		"AWS_DEFAULT_REGION=" + sandbox.Region,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=1", "AWS_PAGER=",
	}
	stdout, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("aws %v: %v\n%s", args, err, ee.Stderr)
		}
		t.Fatalf("aws %v: %v", args, err)
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("aws %v printed no JSON: %v\n%s", args, err, stdout)
	}
}
