package servertest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// Hand-made requests, for what the SDK will not send: other protocols than
// a client's own, malformed bodies, bad signatures.

// NewRequest builds a request to url with header and body; Sign signs it.
func NewRequest(t testing.TB, method, url string, header map[string]string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return req
}

// Sign signs req, whose body is body, as p for service in Region with the
// SDK's SigV4 signer.
func Sign(t testing.TB, req *http.Request, p iam.Principal, service string, body []byte) *http.Request {
	t.Helper()
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: p.AccessKeyID, SecretAccessKey: p.SecretAccessKey, SessionToken: p.SessionToken}
	if err := v4.NewSigner().SignHTTP(req.Context(), creds, req, hex.EncodeToString(sum[:]), service, Region, time.Now()); err != nil {
		t.Fatal(err)
	}
	return req
}

// Do sends req and returns the response and its whole body.
func Do(t testing.TB, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// Send signs a request to url as p for service, sends it and returns the
// response and its whole body.
func Send(t testing.TB, p iam.Principal, service, method, url string, header map[string]string, body []byte) (*http.Response, []byte) {
	t.Helper()
	return Do(t, Sign(t, NewRequest(t, method, url, header, body), p, service, body))
}
