package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

func TestCanonicalQuery(t *testing.T) {
	cases := map[string]string{
		"":                         "",
		"b=2&a=1":                  "a=1&b=2",
		"a=2&a=1":                  "a=1&a=2",
		"prefix=models/hdb resale": "prefix=models%2Fhdb%20resale",
		"prefix=models%2Fhdb+x":    "prefix=models%2Fhdb%20x",
		"tagging":                  "tagging=",
		"list-type=2&max-keys=10":  "list-type=2&max-keys=10",
		"k=%E2%9C%93&t=a~b":        "k=%E2%9C%93&t=a~b",
		"bad=%zz":                  "bad=%25zz",
	}
	for in, want := range cases {
		if got := canonicalQuery(in); got != want {
			t.Errorf("canonicalQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestVerifyMatchesSDKSigner signs awkward requests with the SDK's signer
// (both path conventions) and checks that the server accepts them and
// rejects a wrong secret.
func TestVerifyMatchesSDKSigner(t *testing.T) {
	p := iam.Principal{AccessKeyID: "AKIATEST", SecretAccessKey: "secret", ARN: "arn:aws:sts::1:assumed-role/r/s"}
	keys, err := iam.NewKeyring([]iam.Principal{p})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, service, target string
		s3                    bool
	}{
		{"json root", "logs", "/", false},
		{"rest labels with reserved characters", "apigateway", "/tags/arn%3Aaws%3Aapigateway%3A%3A%2Frestapis%2Fa1", false},
		{"s3 key with spaces and unicode", "s3", "/ag-hdb-models/reports/q1%20final%E2%9C%93.json?x-id=GetObject", true},
		{"s3 folder key", "s3", "/bucket/dir/sub/", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := []byte(`{"a":1}`)
			req := httptest.NewRequest("POST", "http://127.0.0.1:9000"+c.target, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			sum := sha256.Sum256(body)
			creds := aws.Credentials{AccessKeyID: p.AccessKeyID, SecretAccessKey: p.SecretAccessKey}
			err := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = c.s3 }).
				SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), c.service, "ap-southeast-1", time.Now())
			if err != nil {
				t.Fatal(err)
			}
			got, auth, e := verifySigV4(req, body, keys)
			if e != nil {
				t.Fatalf("verify: %v", e)
			}
			if got.ARN != p.ARN || auth.service != c.service || auth.region != "ap-southeast-1" {
				t.Errorf("principal %q service %q region %q", got.ARN, auth.service, auth.region)
			}
			wrongKeys, _ := iam.NewKeyring([]iam.Principal{{AccessKeyID: p.AccessKeyID, SecretAccessKey: "other"}})
			if _, _, e := verifySigV4(req, body, wrongKeys); e == nil || e.Code != "InvalidSignatureException" {
				t.Errorf("wrong secret: %v", e)
			}
		})
	}
}

func TestPayloadHashHeader(t *testing.T) {
	body := []byte("payload")
	sum := sha256.Sum256(body)
	r := httptest.NewRequest(http.MethodPut, "/b/k", nil)
	r.Header.Set("X-Amz-Content-Sha256", hex.EncodeToString(sum[:]))
	if h, e := payloadHash(r, body); e != nil || h != hex.EncodeToString(sum[:]) {
		t.Errorf("matching hash: %q %v", h, e)
	}
	if _, e := payloadHash(r, []byte("other")); e == nil || e.Code != "XAmzContentSHA256Mismatch" {
		t.Errorf("mismatching hash: %v", e)
	}
	r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
	if h, e := payloadHash(r, []byte("anything")); e != nil || h != "UNSIGNED-PAYLOAD" {
		t.Errorf("unsigned: %q %v", h, e)
	}
	r.Header.Set("X-Amz-Content-Sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
	if _, e := payloadHash(r, body); e == nil {
		t.Error("streaming payloads should be refused")
	}
}
