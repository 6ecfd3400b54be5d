package sandbox_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/agdash/agdash/backend/sandbox"
)

// callerIdentity calls STS as the on-call principal, signing for region.
func callerIdentity(ctx context.Context, t *testing.T, sb *sandbox.Sandbox, region string) error {
	t.Helper()
	p, err := sb.Principal("on-call")
	if err != nil {
		t.Fatal(err)
	}
	client := sts.New(sts.Options{
		Region:       region,
		BaseEndpoint: aws.String(sb.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider(p.AccessKeyID, p.SecretAccessKey, ""),
	})
	_, err = client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	return err
}

// The account has one region, the scenario's: a request signed for
// another is refused as AWS refuses it, rather than answered with this
// region's resources under the other region's ARNs.
func TestRequestsMustBeSignedForTheAccountsRegion(t *testing.T) {
	yaml, err := os.ReadFile(filepath.Join("scenario", "default.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	london := filepath.Join(t.TempDir(), "london.yaml")
	text := strings.Replace(string(yaml), "\nregion: "+sandbox.Region+"\n", "\nregion: eu-west-2\n", 1)
	if text == string(yaml) {
		t.Fatal("the embedded scenario has no top-level region line to change")
	}
	if err := os.WriteFile(london, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		scenario, region string
		refused          []string
	}{
		{"", sandbox.Region, []string{"eu-west-2", "ap-southeast-2"}},
		{london, "eu-west-2", []string{sandbox.Region}},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 1, ScenarioPath: c.scenario})
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		if sb.Region() != c.region {
			t.Errorf("scenario %q: Region() = %q, want %q", c.scenario, sb.Region(), c.region)
		}
		// STS's global endpoint signs for us-east-1 and answers for all.
		for _, ok := range []string{c.region, "us-east-1"} {
			if err := callerIdentity(ctx, t, sb, ok); err != nil {
				t.Errorf("a %s account refused a call signed for %s: %v", c.region, ok, err)
			}
		}
		for _, other := range c.refused {
			err := callerIdentity(ctx, t, sb, other)
			var ae smithy.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != "SignatureDoesNotMatch" || ae.ErrorMessage() != "Credential should be scoped to a valid region." {
				t.Errorf("a %s account answered a call signed for %s with %v; want SignatureDoesNotMatch: Credential should be scoped to a valid region.", c.region, other, err)
			}
		}
		sb.Close()
		cancel()
	}
}
