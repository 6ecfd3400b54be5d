package backend

import (
	"context"
	"strings"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// resolveIdentity asks STS who the caller is and looks for the Studio user
// profile that matches: the session name of an assumed role, or the IAM
// user name, against profile names in every domain. The profile's tags give
// the AG role and projects. A caller with no profile is on-call when its
// role's name says so (OnCall, ReadOnly), else of unknown role.
func (c *Client) resolveIdentity(ctx context.Context) (domain.Identity, error) {
	caller, err := c.acct.Caller(ctx)
	if err != nil {
		return domain.Identity{}, err
	}
	id := domain.Identity{
		Account: caller.Account, ARN: caller.ARN, Principal: caller.Principal,
		Region: c.acct.Region, Profile: c.acct.Profile, Endpoint: c.acct.Endpoint,
		Sandbox: c.sandbox, ReadOnly: c.readOnly,
	}
	// A role that may not list user profiles (on-call often may not) is
	// still who it is: its role name then decides.
	user, found, err := c.studio.findUser(ctx, caller)
	if err != nil && !aws.IsAccessDenied(err) {
		return domain.Identity{}, err
	}
	if found {
		id.UserProfile, id.DomainID = user.Name, user.DomainID
		id.Role, id.Projects = user.Role, user.Projects
		return id, nil
	}
	if roleLooksOnCall(caller.RoleName) {
		id.Role = domain.RoleOnCall
	}
	return id, nil
}

func roleLooksOnCall(roleName string) bool {
	lower := strings.ToLower(roleName)
	return strings.Contains(lower, "oncall") || strings.Contains(lower, "on-call") || strings.Contains(lower, "readonly")
}

// profileKey folds a principal or profile name to what both can share:
// Studio profile names allow only letters, digits and hyphens, so a session
// named "alice.tan" or "alice.tan@agency.gov.sg" matches profile "alice-tan".
func profileKey(name string) string {
	name, _, _ = strings.Cut(name, "@")
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// roleFromTag reads the ag:role tag; anything but the three user roles is
// unknown.
func roleFromTag(v string) domain.Role {
	switch r := domain.Role(strings.TrimSpace(v)); r {
	case domain.RoleProjectAdmin, domain.RoleMLOpsEngineer, domain.RoleDataScientist, domain.RoleOnCall:
		return r
	}
	return domain.RoleUnknown
}
