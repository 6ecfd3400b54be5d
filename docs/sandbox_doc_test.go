package docs

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/sandbox"
)

// principalsTable is SANDBOX.md's table of the sandbox's identities. The
// keys are derived from the names alone (scenario.AccessKeyFor), so they
// are the same in every run and for every seed.
func principalsTable(sb *sandbox.Sandbox) string {
	picked := map[string][]string{}
	for _, role := range roles {
		if p, err := sb.Principal(string(role)); err == nil {
			picked[p.AccessKeyID] = append(picked[p.AccessKeyID], "`"+string(role)+"`")
		}
	}
	var b strings.Builder
	b.WriteString("| identity (`--sandbox-role`) | AG role | IAM role | projects | AWS_ACCESS_KEY_ID | AWS_SECRET_ACCESS_KEY |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- |\n")
	for _, p := range sb.Principals() {
		who := "`" + p.SessionName + "`"
		if by := picked[p.AccessKeyID]; len(by) > 0 && by[0] != who {
			who += ", or " + strings.Join(by, ", ")
		}
		projects := "all (no project of its own)"
		if len(p.Projects) > 0 {
			projects = strings.Join(p.Projects, ", ")
		}
		b.WriteString("| " + who + " | " + string(p.Role) + " | " + p.RoleName + " | " + projects +
			" | `" + p.AccessKeyID + "` | `" + p.SecretAccessKey + "` |\n")
	}
	return b.String()
}

func TestSandboxPrincipalsTable(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Two seeds: the table must not depend on the seed it was made with.
	var tables []string
	for _, seed := range []int64{1, 7} {
		sb, err := sandbox.Start(ctx, sandbox.Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		tables = append(tables, principalsTable(sb))
		sb.Close()
	}
	if tables[0] != tables[1] {
		t.Fatalf("the sandbox's keys depend on the seed, so SANDBOX.md cannot print them:\n%s\n%s", tables[0], tables[1])
	}
	checkBlock(t, "SANDBOX.md", "principals", tables[0])
}

// flagNames finds the long names of the flags a Go source file binds
// with pflag's XxxVar(&v, "name", …) or Xxx("name", …).
func flagNames(t *testing.T, file string) []string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\.\w+(?:Var|VarP)\(&[\w.]+, "([a-z][a-z0-9-]*)"`)
	var names []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		names = append(names, m[1])
	}
	if len(names) == 0 {
		t.Fatalf("found no flags in %s: has flag binding moved?", file)
	}
	return names
}

// TestSandboxDocNamesEveryFlag fails when a sandbox flag exists that
// SANDBOX.md does not describe.
func TestSandboxDocNamesEveryFlag(t *testing.T) {
	doc := readDoc(t, "SANDBOX.md")
	var names []string
	names = append(names, flagNames(t, "../cmd/sandbox_cmd.go")...)
	names = append(names, flagNames(t, "../cmd/sandbox_flags.go")...)
	for _, n := range flagNames(t, "../cmd/options.go") {
		if strings.HasPrefix(n, "sandbox") {
			names = append(names, n)
		}
	}
	for _, want := range []string{"sandbox", "sandbox-role", "sandbox-seed", "throttle"} {
		if !slices.Contains(names, want) {
			t.Fatalf("did not find flag --%s in cmd/: is the flag parser reading the right files? found %v", want, names)
		}
	}
	for _, n := range names {
		// In a table's first column: | `--name` | or | `--a`, `--name` |.
		if !regexp.MustCompile("\\| (`--[a-z-]+`, )*`--" + regexp.QuoteMeta(n) + "`[ ,]").MatchString(doc) {
			t.Errorf("SANDBOX.md's flag tables do not describe --%s", n)
		}
	}
}

// TestSandboxDocNamesTheAdminAPI fails when the admin API serves a route
// or takes a fault field that SANDBOX.md does not describe.
func TestSandboxDocNamesTheAdminAPI(t *testing.T) {
	doc := readDoc(t, "SANDBOX.md")
	admin, err := os.ReadFile("../backend/sandbox/server/admin.go")
	if err != nil {
		t.Fatal(err)
	}
	routes := regexp.MustCompile(`HandleFunc\("([A-Z]+ /_sandbox/[a-z]+)"`).FindAllStringSubmatch(string(admin), -1)
	if len(routes) < 4 {
		t.Fatalf("found %d admin routes in admin.go; has routing moved?", len(routes))
	}
	for _, r := range routes {
		if !strings.Contains(doc, r[1]) {
			t.Errorf("SANDBOX.md does not describe the admin route %s", r[1])
		}
	}
	faults, err := os.ReadFile("../backend/sandbox/server/faults.go")
	if err != nil {
		t.Fatal(err)
	}
	fields := regexp.MustCompile("json:\"(\\w+),omitempty\"").FindAllStringSubmatch(string(faults), -1)
	if len(fields) < 5 {
		t.Fatalf("found %d fault fields in faults.go; has Faults moved?", len(fields))
	}
	for _, f := range fields {
		if !strings.Contains(doc, "`"+f[1]+"`") {
			t.Errorf("SANDBOX.md does not describe the fault field %s", f[1])
		}
	}
}
