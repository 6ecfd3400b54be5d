package probe

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Build builds agdash from the repository root (the working directory of
// `go run ./scripts/...`) into dir and returns the binary's path.
func Build(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "agdash")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build agdash (run from the repository root): %w", err)
	}
	return bin, nil
}

// SideSandbox is `agdash sandbox` served by a process of its own, so that
// agdash pointed at it with --endpoint-url costs only what the dashboard
// costs.
type SideSandbox struct {
	cmd  *exec.Cmd
	done chan struct{}
	// URL is where it listens.
	URL string
	// Env signs as the principal asked for (AWS_ENDPOINT_URL, keys, region).
	Env []string
}

// StartSideSandbox runs `bin sandbox` with the given extra flags on an
// ephemeral port and reads the environment of principal (a user name such
// as lim-jia-hui) from what it prints.
func StartSideSandbox(ctx context.Context, bin, principal string, flags ...string) (*SideSandbox, error) {
	cmd := exec.CommandContext(ctx, bin, append([]string{"sandbox"}, flags...)...)
	cmd.Stderr = io.Discard
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s sandbox: %w", bin, err)
	}
	s := &SideSandbox{cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(s.done)
	}()
	found := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(out)
		var err error
		s.URL, s.Env, err = principalEnv(sc, principal)
		found <- err
		for sc.Scan() { // keep the pipe drained
		}
	}()
	select {
	case err = <-found:
	case <-time.After(2 * time.Minute):
		err = fmt.Errorf("the sandbox printed no credentials for %s in 2 minutes", principal)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// principalEnv reads `agdash sandbox`'s listing up to the export line of
// principal and returns the URL and its variables.
func principalEnv(sc *bufio.Scanner, principal string) (url string, env []string, err error) {
	inBlock := false
	for sc.Scan() {
		line := sc.Text()
		if u, ok := strings.CutPrefix(line, "# agdash sandbox at "); ok {
			url, _, _ = strings.Cut(u, ": ")
			continue
		}
		if name, ok := strings.CutPrefix(line, "# "); ok {
			inBlock = strings.HasPrefix(name, principal+" ")
			continue
		}
		if exports, ok := strings.CutPrefix(line, "export "); ok && inBlock {
			return url, strings.Fields(exports), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", nil, err
	}
	return "", nil, fmt.Errorf("the sandbox printed no export line for %q", principal)
}

// Pid is the sandbox process's id.
func (s *SideSandbox) Pid() int { return s.cmd.Process.Pid }

// Close stops the sandbox.
func (s *SideSandbox) Close() {
	select {
	case <-s.done:
		return
	default:
	}
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(3 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}
