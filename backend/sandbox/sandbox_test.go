package sandbox_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/agdash/agdash/backend/sandbox"
)

func TestStartServesTheScenarioPrincipals(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	if !strings.HasPrefix(sb.URL(), "http://127.0.0.1:") {
		t.Fatalf("sandbox URL %q is not on loopback", sb.URL())
	}
	p, err := sb.Principal("on-call")
	if err != nil {
		t.Fatal(err)
	}
	client := sts.New(sts.Options{
		Region:       sandbox.Region,
		BaseEndpoint: aws.String(sb.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider(p.AccessKeyID, p.SecretAccessKey, ""),
	})
	out, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Arn) != p.ARN || aws.ToString(out.Account) != p.Account {
		t.Fatalf("GetCallerIdentity = %s in %s, want %s in %s", aws.ToString(out.Arn), aws.ToString(out.Account), p.ARN, p.Account)
	}
}

func TestStartRefusesNonLoopback(t *testing.T) {
	_, err := sandbox.Start(context.Background(), sandbox.Options{Addr: "0.0.0.0:0"})
	if err == nil || !strings.Contains(err.Error(), "0.0.0.0") {
		t.Fatalf("Start on 0.0.0.0 = %v, want a refusal naming the address", err)
	}
}

func TestRoleNamesPickTaggedPeopleOfTheFeaturedProject(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	for role, want := range map[string]string{
		"data-scientist": "lim-jia-hui",
		"mlops-engineer": "nur-aisyah",
		"project-admin":  "tan-wei-ming",
		"on-call":        "on-call",
	} {
		p, err := sb.Principal(role)
		if err != nil {
			t.Fatal(err)
		}
		if p.SessionName != want {
			t.Errorf("Principal(%q) = %s, want %s", role, p.SessionName, want)
		}
	}
}
