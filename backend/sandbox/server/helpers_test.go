package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// start runs a server with every test service and the fixture principals.
func start(t *testing.T, opts server.Options) *server.Server {
	t.Helper()
	return servertest.Start(t, opts, registerAll)
}

// rawRequest builds a request to srv; sign it with sign.
func rawRequest(t *testing.T, srv *server.Server, method, path string, header map[string]string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return req
}

// sign signs req as p for service with the SDK's SigV4 signer.
func sign(t *testing.T, req *http.Request, p iam.Principal, service string, body []byte) *http.Request {
	t.Helper()
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: p.AccessKeyID, SecretAccessKey: p.SecretAccessKey, SessionToken: p.SessionToken}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), service, servertest.Region, time.Now()); err != nil {
		t.Fatal(err)
	}
	return req
}

// send signs and sends a request and returns the response and its body.
func send(t *testing.T, srv *server.Server, p iam.Principal, service, method, path string, header map[string]string, body []byte) (*http.Response, []byte) {
	t.Helper()
	req := sign(t, rawRequest(t, srv, method, path, header, body), p, service, body)
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
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

// apiError returns err's AWS error code and message, failing if err is not one.
func apiError(t *testing.T, err error) (string, string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want an AWS API error", err, err)
	}
	return ae.ErrorCode(), ae.ErrorMessage()
}

func wantCode(t *testing.T, err error, code string) string {
	t.Helper()
	got, msg := apiError(t, err)
	if got != code {
		t.Fatalf("error code = %q (%s), want %q", got, msg, code)
	}
	return msg
}
