package scenario

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"sort"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// principalSalt makes the sandbox's access keys stable across runs, so the
// docs can print them; they grant nothing outside the sandbox.
const principalSalt = "agdash-sandbox-2025"

// OnCallRoleName is the read-only role of on-call staff.
const OnCallRoleName = "AG-OnCall-ReadOnly"

// AccessKeyFor returns the deterministic access key id and secret of a
// sandbox identity.
func AccessKeyFor(identity string) (string, string) {
	sum := sha256.Sum256([]byte(principalSalt + "/key/" + identity))
	id := "AKIA" + base32.StdEncoding.EncodeToString(sum[:])[:16]
	sec := sha256.Sum256([]byte(principalSalt + "/secret/" + identity))
	return id, base64.StdEncoding.EncodeToString(sec[:])[:40]
}

func roleID(role string) string {
	sum := sha256.Sum256([]byte(principalSalt + "/role/" + role))
	return "AROA" + base32.StdEncoding.EncodeToString(sum[:])[:17]
}

// principals lists one principal per Studio user and the on-call role.
func (g *gen) principals() []iam.Principal {
	names := make([]string, 0, len(g.users))
	for n := range g.users {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]iam.Principal, 0, len(names)+1)
	for _, n := range names {
		u := g.users[n]
		role := roleName(u.agency, u.user.Role)
		key, secret := AccessKeyFor(n)
		out = append(out, iam.Principal{
			AccessKeyID: key, SecretAccessKey: secret, Account: g.s.Account,
			ARN:    "arn:aws:sts::" + g.s.Account + ":assumed-role/" + role + "/" + n,
			UserID: roleID(role) + ":" + n, RoleName: role, SessionName: n,
			Role: iam.AGRole(u.user.Role), Projects: append([]string(nil), u.user.Projects...),
			UserProfile: n, DomainID: u.domainID,
		})
	}
	key, secret := AccessKeyFor("on-call")
	out = append(out, iam.Principal{
		AccessKeyID: key, SecretAccessKey: secret, Account: g.s.Account,
		ARN:    "arn:aws:sts::" + g.s.Account + ":assumed-role/" + OnCallRoleName + "/on-call",
		UserID: roleID(OnCallRoleName) + ":on-call", RoleName: OnCallRoleName, SessionName: "on-call",
		Role: iam.RoleOnCall,
	})
	return out
}
