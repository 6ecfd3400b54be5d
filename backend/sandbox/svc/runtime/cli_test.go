package runtime_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// TestAWSCLIInvokeEndpoint: aws sagemaker-runtime invoke-endpoint prices a
// flat and writes the model's answer to a file.
func TestAWSCLIInvokeEndpoint(t *testing.T) {
	path, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI (aws) is not on PATH; install awscli to run this test")
	}
	env := sandboxtest.Start(t)
	p, err := env.Principal("on-call")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "flat.json"), filepath.Join(dir, "out.json")
	flat := `{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":92,"storey_range":"07 TO 09","remaining_lease":"61 years 04 months"}`
	if err := os.WriteFile(in, []byte(flat), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "sagemaker-runtime", "invoke-endpoint", "--endpoint-name", hdbEndpoint,
		"--content-type", "application/json", "--body", "fileb://"+in, out, "--endpoint-url", env.URL(), "--output", "json")
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"AWS_ACCESS_KEY_ID=" + p.AccessKeyID, "AWS_SECRET_ACCESS_KEY=" + p.SecretAccessKey,
		"AWS_DEFAULT_REGION=" + sandbox.Region,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=1", "AWS_PAGER=",
	}
	meta, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("aws sagemaker-runtime invoke-endpoint: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var headers struct{ ContentType, InvokedProductionVariant string }
	if err := json.Unmarshal(meta, &headers); err != nil || headers.ContentType != "application/json" || headers.InvokedProductionVariant == "" {
		t.Errorf("CLI output %s: %v", meta, err)
	}
	body, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var v valuation
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	checkValuation(t, v, tampines)
}
