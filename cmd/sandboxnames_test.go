package cmd

import (
	"strings"
	"testing"
)

// A sandbox identity that does not exist gets the names the user most
// likely meant, else the roles.
func TestAnUnknownSandboxIdentityIsHelped(t *testing.T) {
	home := t.TempDir()
	getenv := func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}
	for _, c := range []struct {
		role, want string
	}{
		{"oncall", `the sandbox has no principal or role named "oncall" (did you mean on-call?)`},
		{"MLOps", `the sandbox has no principal or role named "MLOps" (did you mean mlops-engineer?)`},
		{"admin", `the sandbox has no principal or role named "admin" (did you mean project-admin?)`},
		{"bob", `the sandbox has no principal or role named "bob" (roles: data-scientist, mlops-engineer, project-admin, on-call; or a user's name, which agdash sandbox lists)`},
	} {
		out, errOut, code := runAgdash(t, getenv, "--sandbox", "--sandbox-role", c.role, "get", "projects")
		if code != ExitUsage || out != "" || strings.TrimSpace(errOut) != "agdash: "+c.want {
			t.Errorf("--sandbox-role %s: exit %d, stderr %q; want exit %d and %q", c.role, code, errOut, ExitUsage, c.want)
		}
	}
}
