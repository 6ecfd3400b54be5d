// Package servertest starts a sandbox server for tests and points the AWS
// SDK (Config), the AWS CLI (CLI, AWSCLI) and hand-made signed requests
// (Send) at it, and checks the AWS errors it answers (WantCode). Only tests
// import it; sandboxtest builds on it for the full sandbox.
package servertest

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
)

// Account is the account of the fixture principals.
const Account = "123456789012"

// Region is the region the fixture clients sign for.
const Region = "ap-southeast-1"

// Fixture principals, one per AG role. The data scientist and MLOps
// engineer belong to project hdb-resale; on-call and the admin to all.
var (
	Admin = iam.Principal{
		AccessKeyID: "AKIAADMIN00000000001", SecretAccessKey: "admin-secret",
		Account: Account, ARN: "arn:aws:sts::" + Account + ":assumed-role/AG-HDB-ProjectAdmin/priya-nair",
		UserID: "AROAADMIN:priya-nair", RoleName: "AG-HDB-ProjectAdmin", SessionName: "priya-nair",
		Role: iam.RoleProjectAdmin, Projects: []string{"hdb-resale"},
	}
	MLOps = iam.Principal{
		AccessKeyID: "AKIAMLOPS00000000001", SecretAccessKey: "mlops-secret",
		Account: Account, ARN: "arn:aws:sts::" + Account + ":assumed-role/AG-HDB-MLOpsEngineer/wei.ming",
		UserID: "AROAMLOPS:wei.ming", RoleName: "AG-HDB-MLOpsEngineer", SessionName: "wei.ming",
		Role: iam.RoleMLOpsEngineer, Projects: []string{"hdb-resale"},
	}
	DataScientist = iam.Principal{
		AccessKeyID: "AKIADATASCI000000001", SecretAccessKey: "ds-secret",
		Account: Account, ARN: "arn:aws:sts::" + Account + ":assumed-role/AG-HDB-DataScientist/alice.tan",
		UserID: "AROADATASCI:alice.tan", RoleName: "AG-HDB-DataScientist", SessionName: "alice.tan",
		Role: iam.RoleDataScientist, Projects: []string{"hdb-resale"},
	}
	OnCall = iam.Principal{
		AccessKeyID: "AKIAONCALL0000000001", SecretAccessKey: "oncall-secret",
		Account: Account, ARN: "arn:aws:sts::" + Account + ":assumed-role/AG-OnCall/sam.lee",
		UserID: "AROAONCALL:sam.lee", RoleName: "AG-OnCall", SessionName: "sam.lee",
		Role: iam.RoleOnCall,
	}
)

// Principals returns the four fixture principals.
func Principals() []iam.Principal {
	return []iam.Principal{Admin, MLOps, DataScientist, OnCall}
}

// Start makes a server with opts (the fixture principals if opts has
// none), registers services with each register function, listens on
// 127.0.0.1:0 and shuts down when the test ends.
func Start(t testing.TB, opts server.Options, register ...func(*server.Server) error) *server.Server {
	t.Helper()
	if opts.Principals == nil {
		opts.Principals = Principals()
	}
	srv, err := server.New(opts)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	for _, reg := range register {
		if err := reg(srv); err != nil {
			t.Fatalf("register: %v", err)
		}
	}
	if err := srv.Listen(""); err != nil {
		t.Fatalf("Listen: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	})
	return srv
}

// Config is an SDK configuration that signs as p and sends every service
// to srv, with retries off so each call is one request.
func Config(srv *server.Server, p iam.Principal) aws.Config {
	return aws.Config{
		Region:       Region,
		Credentials:  credentials.NewStaticCredentialsProvider(p.AccessKeyID, p.SecretAccessKey, p.SessionToken),
		BaseEndpoint: aws.String(srv.URL()),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	}
}
