package aws

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"sync"
	"testing"
)

// signedBy is the access key in a SigV4 Authorization header.
var signedBy = regexp.MustCompile(`Credential=([A-Z0-9]+)/`)

// After the user refreshes credentials outside agdash (aws sso login, a
// new key in ~/.aws/credentials), the SDK keeps signing with what it
// cached; ReloadCredentials makes every client pick up the new ones.
func TestReloadCredentialsPicksUpANewKeyForTheProfile(t *testing.T) {
	hermetic(t)
	var mu sync.Mutex
	var keys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := signedBy.FindStringSubmatch(r.Header.Get("Authorization"))
		mu.Lock()
		if m != nil {
			keys = append(keys, m[1])
		}
		mu.Unlock()
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>`+
			`<Arn>arn:aws:iam::123456789012:user/alice</Arn><UserId>AIDAALICE</UserId><Account>123456789012</Account>`+
			`</GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`)
	}))
	defer srv.Close()
	credsFile := os.Getenv("AWS_SHARED_CREDENTIALS_FILE")
	writeKey := func(key string) {
		t.Helper()
		body := fmt.Sprintf("[analytics]\naws_access_key_id = %s\naws_secret_access_key = secret-%s\n", key, key)
		if key == "" {
			body = "[someone-else]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = x\n"
		}
		if err := os.WriteFile(credsFile, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writeKey("AKIDFIRST")
	acct, err := New(context.Background(), Options{Profile: "analytics", Region: "ap-southeast-1", EndpointURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	defer acct.Close()
	ctx := context.Background()
	call := func() string {
		t.Helper()
		if _, err := acct.Caller(ctx); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		return keys[len(keys)-1]
	}
	if got := call(); got != "AKIDFIRST" {
		t.Fatalf("signed with %s, want AKIDFIRST", got)
	}
	writeKey("AKIDSECOND")
	if got := call(); got != "AKIDFIRST" {
		t.Fatalf("without a reload the SDK signed with %s; it caches, so this test would prove nothing", got)
	}
	if err := acct.ReloadCredentials(ctx); err != nil {
		t.Fatal(err)
	}
	if got := call(); got != "AKIDSECOND" {
		t.Fatalf("after ReloadCredentials signed with %s, want AKIDSECOND", got)
	}

	// A profile that is gone cannot be reloaded: the error says so and the
	// credentials in hand stay in use.
	writeKey("")
	if err := acct.ReloadCredentials(ctx); err == nil {
		t.Fatal("reloading a profile that no longer exists should fail")
	}
	if got := call(); got != "AKIDSECOND" {
		t.Fatalf("after a failed reload signed with %s, want the last good AKIDSECOND", got)
	}
}

// Accounts built around fakes have no configuration to reload.
func TestReloadCredentialsWithoutAConfigurationIsANoOp(t *testing.T) {
	if err := (&Account{}).ReloadCredentials(context.Background()); err != nil {
		t.Fatal(err)
	}
}
