package cmd

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// faultWords are in the name of every fault-injection flag.
var faultWords = []string{"throttle", "server-error", "drop", "latency", "expire", "fault", "chaos"}

func isFaultFlag(name string) bool {
	return slices.ContainsFunc(faultWords, func(w string) bool { return strings.Contains(name, w) })
}

// Faults live in the sandbox's server alone: only `agdash sandbox` has
// flags for them, and no flag of the dashboard or of `agdash get`, which
// may talk to real AWS, can turn them on.
func TestOnlyTheSandboxCommandCanInjectFaults(t *testing.T) {
	root := newRootCommand(io.Discard, io.Discard, func(string) string { return "" })
	var sandboxFaults []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		visit := func(f *pflag.Flag) {
			if !isFaultFlag(f.Name) {
				return
			}
			if c.Name() == "sandbox" {
				sandboxFaults = append(sandboxFaults, f.Name)
				return
			}
			t.Errorf("%q has a fault flag --%s: faults must never reach real AWS", c.CommandPath(), f.Name)
		}
		c.LocalFlags().VisitAll(visit)
		c.InheritedFlags().VisitAll(visit)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	slices.Sort(sandboxFaults)
	want := []string{"drop", "expire-credentials-after", "latency", "server-errors", "throttle"}
	if !slices.Equal(sandboxFaults, want) {
		t.Fatalf("the sandbox command's fault flags are %v, want %v (is faultWords still right?)", sandboxFaults, want)
	}
}

func TestFaultFlagsOutsideTheSandboxCommandAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--throttle", "0.3"},
		{"--sandbox", "--latency", "2s"},
		{"--endpoint-url", "http://127.0.0.1:1", "get", "endpoints", "--drop", "0.5"},
		{"get", "endpoints", "--server-errors", "0.1"},
	} {
		_, stderr, code := runAgdash(t, func(string) string { return "" }, args...)
		if code != ExitUsage || !strings.Contains(stderr, "unknown flag") {
			t.Errorf("agdash %s: exit %d, stderr %q; want a usage error for the unknown flag", strings.Join(args, " "), code, stderr)
		}
	}
}

// The sandbox has no real security, so `agdash sandbox` refuses to serve
// anywhere but loopback; no flag of it lifts that.
func TestSandboxCommandRefusesANonLoopbackAddress(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "[::]:0"} {
		_, stderr, code := runAgdash(t, func(string) string { return "" }, "sandbox", "--quiet", "--addr", addr)
		if code != ExitError || !strings.Contains(stderr, "refusing to listen on non-loopback address") ||
			!strings.Contains(stderr, "the sandbox's keys are public") || strings.Contains(stderr, "Options.") {
			t.Errorf("agdash sandbox --addr %s: exit %d, stderr %q; want a refusal", addr, code, stderr)
		}
	}
}

// A --pane or --theme that names nothing is a usage error, found before
// any AWS call: the endpoint here would refuse a connection, and the
// message is about the flag, not the network.
func TestUnknownPaneOrThemeIsAUsageErrorBeforeConnecting(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--pane", "widgets"}, `no pane called "widgets": try projects, jobs, pipelines, registry, endpoints or backups`},
		{[]string{"--theme", "neon"}, `no theme named "neon" (themes: colorblind, dark, high-contrast, light)`},
	} {
		args := append([]string{"--endpoint-url", "http://127.0.0.1:1", "--region", "ap-southeast-1"}, c.args...)
		_, stderr, code := runAgdash(t, func(string) string { return "" }, args...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("agdash %s: exit %d, stderr %q; want exit %d and %q", strings.Join(args, " "), code, stderr, ExitUsage, c.want)
		}
	}
}
