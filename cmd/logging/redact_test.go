package logging

import (
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Credentials as the sandbox and AWS hand them out; none may reach a log.
const (
	accessKeyID     = "AKIAJ7ZQ4XKCW2M5T3VB"
	secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	sessionToken    = "IQoJb3JpZ2luX2VjEJr//////////wEaDmFwLXNvdXRoZWFzdC0xIkcwRQIhAOl3t6g0BqK5yP5dDmAR9lJfQzEXAMPLEsessiontokenvalueLongEnoughToLookReal0123456789abcdefABCDEF"
	signature       = "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
)

func TestLogFileHoldsNoSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "agdash.log")
	log, closeLog, err := Open(path, slog.LevelDebug)
	if err != nil {
		t.Fatal(err)
	}
	auth := "AWS4-HMAC-SHA256 Credential=" + accessKeyID + "/20251120/ap-southeast-1/sagemaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + signature
	presigned := "https://hdb.s3.ap-southeast-1.amazonaws.com/report.json?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + accessKeyID +
		"%2F20251120%2Fap-southeast-1%2Fs3%2Faws4_request&X-Amz-Security-Token=" + sessionToken + "&X-Amz-Signature=" + signature
	headers := http.Header{"Authorization": {auth}, "X-Amz-Security-Token": {sessionToken}, "X-Amz-Date": {"20251120T020000Z"}}

	log.Info("request", "authorization", auth, "url", presigned, "headers", headers)
	log.Info("credentials loaded", "access_key_id", accessKeyID, "secret_access_key", secretAccessKey, "SessionToken", sessionToken)
	log.Warn("call failed", "error", errors.New("signature mismatch for "+auth+"; secret_access_key="+secretAccessKey))
	log.Info("sandbox principal "+accessKeyID+" "+secretAccessKey, slog.Group("creds", "AccessKeyID", accessKeyID, "SecretAccessKey", secretAccessKey))
	log.With("x-amz-security-token", sessionToken).Info("with attrs")
	log.Info("env", "line", "export AWS_ACCESS_KEY_ID="+accessKeyID+" AWS_SECRET_ACCESS_KEY="+secretAccessKey+" AWS_SESSION_TOKEN="+sessionToken)
	// What must survive: the ordinary facts of a call.
	log.Info("feed error", "feed", "endpoints", "error", "AWS denied sagemaker:ListEndpoints", "digest", "9c56cc51b374c3ba189210d5b6d4bf57790d351c")
	if err := closeLog(); err != nil {
		t.Fatal(err)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, secret := range []string{accessKeyID, secretAccessKey, sessionToken, signature, sessionToken[:60], secretAccessKey[:20]} {
		if strings.Contains(text, secret) {
			t.Errorf("the log holds a secret %q:\n%s", secret, text)
		}
	}
	for _, kept := range []string{`"msg":"feed error"`, `"feed":"endpoints"`, "AWS denied sagemaker:ListEndpoints", "9c56cc51b374c3ba189210d5b6d4bf57790d351c",
		"X-Amz-Date", "20251120T020000Z", `"msg":"with attrs"`, "hdb.s3.ap-southeast-1.amazonaws.com/report.json", Redacted} {
		if !strings.Contains(text, kept) {
			t.Errorf("the log lost %q:\n%s", kept, text)
		}
	}
	if n := strings.Count(text, "\n"); n != 7 {
		t.Errorf("%d log lines, want 7:\n%s", n, text)
	}
}

func TestScrub(t *testing.T) {
	cases := map[string]string{
		"Authorization: AWS4-HMAC-SHA256 Credential=AKIAJ7ZQ4XKCW2M5T3VB/x, Signature=abc": "Authorization: AWS4-HMAC-SHA256 " + Redacted,
		"?X-Amz-Signature=abc123&X-Amz-Date=1":                                             "?X-Amz-Signature=" + Redacted + "&X-Amz-Date=1",
		"key " + secretAccessKey + " end":                                                  "key " + Redacted + " end",
		"sha1 9c56cc51b374c3ba189210d5b6d4bf57790d351c stays":                              "sha1 9c56cc51b374c3ba189210d5b6d4bf57790d351c stays",
		"training job hdb-resale-train-0412 failed":                                        "training job hdb-resale-train-0412 failed",
		"aws_secret_access_key = " + secretAccessKey:                                       "aws_secret_access_key = " + Redacted,
	}
	for in, want := range cases {
		if got := Scrub(in); got != want {
			t.Errorf("Scrub(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

func TestNoPathDiscards(t *testing.T) {
	log, closeLog, err := Open("", slog.LevelInfo)
	if err != nil || log == nil {
		t.Fatal(err)
	}
	log.Info("nothing")
	if err := closeLog(); err != nil {
		t.Fatal(err)
	}
}
