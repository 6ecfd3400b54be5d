package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// badCreds are credentials the server must refuse, per protocol family.
var badCreds = []struct {
	name                  string
	key, secret           string
	json, query, s3, rest string
}{
	{"unknown key", "AKIAUNKNOWN000000000", "x", "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId", "UnrecognizedClientException"},
	{"wrong secret", servertest.Admin.AccessKeyID, "wrong", "InvalidSignatureException", "SignatureDoesNotMatch", "SignatureDoesNotMatch", "InvalidSignatureException"},
}

func TestSigV4RejectsBadCredentialsInEveryProtocol(t *testing.T) {
	srv := start(t, server.Options{})
	ctx := context.Background()
	for _, c := range badCreds {
		cfg := servertest.Config(srv, servertest.Admin)
		cfg.Credentials = credentials.NewStaticCredentialsProvider(c.key, c.secret, "")
		t.Run(c.name, func(t *testing.T) {
			_, err := cloudwatchlogs.NewFromConfig(cfg).DescribeLogGroups(ctx, nil)
			servertest.WantCode(t, err, c.json)
			for proto, cw := range cwClients(srv, servertest.Admin) {
				cw := cloudwatch.NewFromConfig(cfg, func(o *cloudwatch.Options) { o.Protocol = cw.Options().Protocol })
				_, err := cw.ListMetrics(ctx, nil)
				if code, _ := servertest.APIError(t, err); code != c.query {
					t.Errorf("CloudWatch %s: code %q, want %q", proto, code, c.query)
				}
			}
			_, err = s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).
				GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("ag-hdb-models"), Key: aws.String("readme.txt")})
			servertest.WantCode(t, err, c.s3)
			_, err = backup.NewFromConfig(cfg).ListRecoveryPointsByBackupVault(ctx, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String("hdb-studio-vault")})
			servertest.WantCode(t, err, c.rest)
			if got := httpStatus(t, err); got != 403 {
				t.Errorf("restJson status = %d, want 403", got)
			}
		})
	}
}

func TestUnsignedRequestIsRefused(t *testing.T) {
	srv := start(t, server.Options{})
	resp, body := servertest.Do(t, servertest.NewRequest(t, "POST", srv.URL()+"/", map[string]string{
		"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups",
	}, []byte("{}")))
	if resp.StatusCode != 403 || resp.Header.Get("X-Amzn-Errortype") != "MissingAuthenticationTokenException" {
		t.Errorf("unsigned JSON: %d %v %s", resp.StatusCode, resp.Header, body)
	}
	resp, body = servertest.Do(t, servertest.NewRequest(t, "POST", srv.URL()+"/", map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
		[]byte("Action=ListMetrics&Version=2010-08-01")))
	if resp.StatusCode != 403 || !strings.Contains(string(body), "<Code>MissingAuthenticationToken</Code>") {
		t.Errorf("unsigned query: %d %s", resp.StatusCode, body)
	}
	resp, body = servertest.Do(t, servertest.NewRequest(t, "GET", srv.URL()+"/ag-hdb-models/readme.txt?X-Amz-Signature=abc&X-Amz-Credential=x", nil, nil))
	if resp.StatusCode != 403 || !strings.Contains(string(body), "Presigned URLs are not supported") {
		t.Errorf("presigned S3 URL: %d %s", resp.StatusCode, body)
	}
}

func TestMalformedAuthorizationHeader(t *testing.T) {
	srv := start(t, server.Options{})
	for _, h := range []string{
		"AWS4-HMAC-SHA256 Credential=AKIA/20240101/us-east-1/logs",
		"AWS AKIA:signature",
		"AWS4-HMAC-SHA256 Credential=" + servertest.Admin.AccessKeyID + "/20240101/us-east-1/logs/aws4_request, SignedHeaders=x-amz-date, Signature=00",
	} {
		resp, body := servertest.Do(t, servertest.NewRequest(t, "POST", srv.URL()+"/", map[string]string{
			"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups", "Authorization": h,
		}, []byte("{}")))
		if resp.StatusCode != 400 || resp.Header.Get("X-Amzn-Errortype") != "IncompleteSignatureException" {
			t.Errorf("Authorization %q: %d %s", h, resp.StatusCode, body)
		}
	}
}

// TestSigV4TamperedRequest: changing a signed header or the body after
// signing breaks the signature.
func TestSigV4TamperedRequest(t *testing.T) {
	srv := start(t, server.Options{})
	hdr := map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"}
	req := servertest.Sign(t, servertest.NewRequest(t, "POST", srv.URL()+"/", hdr, []byte("{}")), servertest.OnCall, "logs", []byte("{}"))
	req.Header.Set("X-Amz-Target", "Logs_20140328.DescribeLogStreams")
	if resp, body := servertest.Do(t, req); resp.StatusCode != 400 || resp.Header.Get("X-Amzn-Errortype") != "InvalidSignatureException" {
		t.Errorf("tampered header: %d %s", resp.StatusCode, body)
	}
	req = servertest.Sign(t, servertest.NewRequest(t, "POST", srv.URL()+"/", hdr, []byte(`{"limit":5}`)), servertest.OnCall, "logs", []byte("{}"))
	if resp, body := servertest.Do(t, req); resp.StatusCode != 400 || resp.Header.Get("X-Amzn-Errortype") != "InvalidSignatureException" {
		t.Errorf("tampered body: %d %s", resp.StatusCode, body)
	}
}

// TestSigV4WrongService: credentials scoped to another service are refused.
func TestSigV4WrongService(t *testing.T) {
	srv := start(t, server.Options{})
	hdr := map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"}
	resp, body := send(t, srv, servertest.OnCall, "sagemaker", "POST", "/", hdr, []byte("{}"))
	if resp.StatusCode != 400 || !strings.Contains(string(body), "Credential should be scoped to correct service: 'logs'") {
		t.Errorf("%d %s", resp.StatusCode, body)
	}
}
