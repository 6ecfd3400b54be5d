// Package sts serves AWS Security Token Service: GetCallerIdentity, which
// agdash calls to show who the user is.
//
// It is the smallest service package and the pattern the others follow:
// input and output structs named as in the AWS API, one handler per
// operation, and a Service function that declares the service to the
// server. STS needs no world, so its tests register it alone on a bare
// server with Register.
package sts

import (
	"context"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// Service is STS as the sandbox serves it: awsQuery, signing name "sts".
func Service() server.Service {
	return server.Service{
		Name:        "STS",
		SigningName: "sts",
		Protocols: []server.Protocol{
			server.AWSQuery{Version: "2011-06-15", XMLNamespace: "https://sts.amazonaws.com/doc/2011-06-15/"},
		},
		Ops: []server.Op{
			server.Operation("GetCallerIdentity", getCallerIdentity),
		},
	}
}

// Register adds STS to srv.
func Register(srv *server.Server) error {
	return srv.Register(Service())
}

// GetCallerIdentityInput has no members.
type GetCallerIdentityInput struct{}

// GetCallerIdentityOutput says who signed the request.
type GetCallerIdentityOutput struct {
	UserId  string
	Account string
	Arn     string
}

// getCallerIdentity needs no permission, as in AWS.
func getCallerIdentity(_ context.Context, call *server.Call, _ *GetCallerIdentityInput) (*GetCallerIdentityOutput, error) {
	p := call.Principal
	return &GetCallerIdentityOutput{UserId: p.UserID, Account: p.Account, Arn: p.ARN}, nil
}
