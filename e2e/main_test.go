// Package e2e runs the real agdash binary in a pseudo-terminal against its
// embedded sandbox, presses keys and waits for what a user would read.
package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/agdash/agdash/e2e/term"
)

// agdashBin is the binary TestMain builds once for every test here.
var agdashBin string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "agdash-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	agdashBin = filepath.Join(dir, "agdash")
	build := exec.Command("go", "build", "-o", agdashBin, ".")
	build.Dir = ".." // the repository root
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building agdash:", err)
		return 1
	}
	return m.Run()
}

// startAgdash runs agdash with args in a w×h terminal, with a home and
// config directory of its own; the program is stopped when the test ends.
func startAgdash(t *testing.T, w, h int, args ...string) *term.Term {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	home := t.TempDir()
	env := []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "TMPDIR=" + home}
	tm, err := term.Start(ctx, agdashBin, args, env, w, h)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tm.Close()
		cancel()
	})
	return tm
}
