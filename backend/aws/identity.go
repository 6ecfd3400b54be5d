package aws

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Caller is who the credentials belong to, as STS says.
type Caller struct {
	Account string
	ARN     string
	UserID  string
	// Principal is the short name: the session name of an assumed role, or
	// the IAM user name.
	Principal string
	// RoleName is the IAM role of an assumed-role session, "" for users.
	RoleName string
}

// Caller asks STS who agdash is.
// aws sts get-caller-identity
func (a *Account) Caller(ctx context.Context) (Caller, error) {
	out, err := a.STS.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return Caller{}, err
	}
	c := Caller{Account: str(out.Account), ARN: str(out.Arn), UserID: str(out.UserId)}
	c.Principal, c.RoleName = ParseCallerARN(c.ARN)
	return c, nil
}

// ParseCallerARN splits a caller ARN into its short principal name and,
// for an assumed role, the role name:
//
//	arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan -> alice.tan, AG-HDB-DataScientist
//	arn:aws:iam::123456789012:user/ops/bob                              -> bob, ""
func ParseCallerARN(arn string) (principal, roleName string) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 {
		return arn, ""
	}
	resource := strings.Split(parts[5], "/")
	switch resource[0] {
	case "assumed-role":
		if len(resource) >= 3 {
			return resource[len(resource)-1], resource[1]
		}
	case "user", "role":
		return resource[len(resource)-1], ""
	}
	return resource[len(resource)-1], ""
}
