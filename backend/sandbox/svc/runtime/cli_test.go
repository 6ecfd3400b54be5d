package runtime_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// TestAWSCLIInvokeEndpoint: aws sagemaker-runtime invoke-endpoint prices a
// flat and writes the model's answer to a file.
func TestAWSCLIInvokeEndpoint(t *testing.T) {
	env := sandboxtest.Start(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "flat.json"), filepath.Join(dir, "out.json")
	flat := `{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":92,"storey_range":"07 TO 09","remaining_lease":"61 years 04 months"}`
	if err := os.WriteFile(in, []byte(flat), 0o600); err != nil {
		t.Fatal(err)
	}
	meta := env.AWSCLI(t, "on-call", "sagemaker-runtime", "invoke-endpoint", "--endpoint-name", hdbEndpoint,
		"--content-type", "application/json", "--body", "fileb://"+in, out)
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
