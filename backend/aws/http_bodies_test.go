package aws

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// Without AWS_CA_BUNDLE the SDK leaves its HTTP client nil; the client
// LoadConfig hands out must still send requests, bodies and all (it used
// to be a nil client that crashed agdash on its first call).
func TestLoadConfigWithoutCABundleSendsRequests(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CA_BUNDLE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = string(b)
		_, _ = io.WriteString(w, "ok")
	}))
	defer srv.Close()

	cfg, err := LoadConfig(context.Background(), Options{Region: "ap-southeast-1", AccessKeyID: "AKID", SecretAccessKey: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.HTTPClient == nil {
		t.Fatal("LoadConfig left the HTTP client nil")
	}
	req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(`{"MaxResults":100}`))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := cfg.HTTPClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if string(answer) != "ok" || got != `{"MaxResults":100}` {
		t.Fatalf("the server read %q and answered %q; want the request body and \"ok\"", got, answer)
	}
}
