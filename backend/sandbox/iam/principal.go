// Package iam holds the sandbox's principals (access keys mapped to AG roles)
// and decides, as IAM would, whether a principal may call an operation.
//
// The scenario creates the principals; the server's SigV4 check looks them up
// by access key; every handler asks Allowed before it touches the world.
package iam

// AGRole is the platform role a principal acts in. The three user roles match
// the `ag:role` user-profile tag values; on-call is an IAM role with no
// Studio user profile.
type AGRole string

const (
	RoleProjectAdmin  AGRole = "project-admin"
	RoleMLOpsEngineer AGRole = "mlops-engineer"
	RoleDataScientist AGRole = "data-scientist"
	RoleOnCall        AGRole = "on-call"
)

// Principal is one set of sandbox credentials and who they belong to.
type Principal struct {
	AccessKeyID     string
	SecretAccessKey string
	// SessionToken, when set, must accompany every request signed with this
	// key (as X-Amz-Security-Token), as it must for temporary credentials.
	SessionToken string
	Account      string // 12 digits
	// ARN as STS GetCallerIdentity reports it, e.g.
	// arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan
	ARN         string
	UserID      string // e.g. AROAEXAMPLEID:alice.tan
	RoleName    string // the IAM role name, e.g. AG-HDB-DataScientist
	SessionName string // e.g. alice.tan

	Role     AGRole
	Projects []string // project names this principal belongs to; empty = all (on-call)
	// The Studio user profile and domain of this principal, if it has one.
	UserProfile string
	DomainID    string
}
