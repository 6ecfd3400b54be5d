package sts_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awssts "github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/svc/sts"
)

func TestGetCallerIdentityNamesEachPrincipal(t *testing.T) {
	srv := servertest.Start(t, server.Options{}, sts.Register)
	for _, p := range servertest.Principals() {
		t.Run(string(p.Role), func(t *testing.T) {
			client := awssts.NewFromConfig(servertest.Config(srv, p))
			out, err := client.GetCallerIdentity(context.Background(), &awssts.GetCallerIdentityInput{})
			if err != nil {
				t.Fatalf("GetCallerIdentity: %v", err)
			}
			if got := aws.ToString(out.Arn); got != p.ARN {
				t.Errorf("Arn = %q, want %q", got, p.ARN)
			}
			if got := aws.ToString(out.Account); got != servertest.Account {
				t.Errorf("Account = %q, want %q", got, servertest.Account)
			}
			if got := aws.ToString(out.UserId); got != p.UserID {
				t.Errorf("UserId = %q, want %q", got, p.UserID)
			}
		})
	}
}

func TestGetCallerIdentityRejectsBadCredentials(t *testing.T) {
	srv := servertest.Start(t, server.Options{}, sts.Register)
	cases := []struct {
		name, key, secret, wantCode string
	}{
		{"unknown access key", "AKIANOBODY0000000000", "whatever", "InvalidClientTokenId"},
		{"wrong secret", servertest.DataScientist.AccessKeyID, "not-the-secret", "SignatureDoesNotMatch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := servertest.Config(srv, servertest.DataScientist)
			cfg.Credentials = credentials.NewStaticCredentialsProvider(c.key, c.secret, "")
			_, err := awssts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), &awssts.GetCallerIdentityInput{})
			var ae smithy.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("err = %v, want an API error", err)
			}
			if ae.ErrorCode() != c.wantCode {
				t.Errorf("code = %q (%s), want %q", ae.ErrorCode(), ae.ErrorMessage(), c.wantCode)
			}
		})
	}
}

func TestSessionTokenMustMatch(t *testing.T) {
	temp := servertest.OnCall
	temp.AccessKeyID, temp.SessionToken = "ASIATEMP000000000001", "session-token-1"
	srv := servertest.Start(t, server.Options{Principals: []iam.Principal{temp}}, sts.Register)

	cfg := servertest.Config(srv, temp)
	if _, err := awssts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), nil); err != nil {
		t.Fatalf("with the right token: %v", err)
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(temp.AccessKeyID, temp.SecretAccessKey, "stale-token")
	_, err := awssts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), nil)
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "InvalidClientTokenId" {
		t.Fatalf("with a wrong token: err = %v, want InvalidClientTokenId", err)
	}
}

// TestAWSCLIGetCallerIdentity runs the real AWS CLI (v1, botocore) against
// the sandbox.
func TestAWSCLIGetCallerIdentity(t *testing.T) {
	srv := servertest.Start(t, server.Options{}, sts.Register)
	p := servertest.MLOps
	out := servertest.CLI(srv, p).Run(t, "sts", "get-caller-identity")
	var got struct{ UserId, Account, Arn string }
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("CLI output is not JSON: %v\n%s", err, out)
	}
	if got.Arn != p.ARN || got.Account != p.Account || got.UserId != p.UserID {
		t.Errorf("CLI said %+v, want Arn %s Account %s UserId %s", got, p.ARN, p.Account, p.UserID)
	}
}
