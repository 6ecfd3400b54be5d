package cmd

import (
	"sort"
	"strings"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/scenario"
)

// sandboxRoles are the AG roles a sandbox identity can be named by.
func sandboxRoles() []string {
	return []string{string(iam.RoleDataScientist), string(iam.RoleMLOpsEngineer), string(iam.RoleProjectAdmin), string(iam.RoleOnCall)}
}

// sandboxIdentities are the roles, then the users, of a running sandbox.
func sandboxIdentities(sb *sandbox.Sandbox) []string {
	var users []string
	for _, p := range sb.Principals() {
		if p.UserProfile != "" {
			users = append(users, p.UserProfile)
		}
	}
	sort.Strings(users)
	return append(sandboxRoles(), users...)
}

// scenarioIdentities are the roles, then the users, of the scenario a
// --sandbox run would use, without starting it (for shell completion).
func scenarioIdentities(path string) []string {
	sc, err := scenario.Default()
	if path != "" {
		sc, err = scenario.Load(path)
	}
	if err != nil {
		return sandboxRoles()
	}
	var users []string
	for _, a := range sc.Agencies {
		for _, u := range a.Users {
			users = append(users, u.Name)
		}
	}
	sort.Strings(users)
	return append(sandboxRoles(), users...)
}

// profileNames are what :profile completes in this session.
func (s *session) profileNames() []string {
	if s.sb != nil {
		return sandboxIdentities(s.sb)
	}
	return awsProfiles(s.o.getenv)
}

// regionNames are what :region completes in this session.
func (s *session) regionNames() []string {
	if s.sb != nil {
		return []string{s.sb.Region()}
	}
	return awsRegions()
}

// identityHint helps with a sandbox identity that does not exist: the
// roles and users whose names hold what was typed (oncall, mlops, admin),
// else the roles.
func identityHint(typed string, known []string) string {
	squash := func(s string) string {
		return strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))
	}
	var near []string
	if t := squash(typed); len(t) >= 3 {
		for _, k := range known {
			if strings.Contains(squash(k), t) {
				near = append(near, k)
			}
		}
	}
	if len(near) > 0 && len(near) <= 3 {
		return " (did you mean " + strings.Join(near, ", ") + "?)"
	}
	return " (roles: " + strings.Join(sandboxRoles(), ", ") + "; or a user's name, which agdash sandbox lists)"
}
