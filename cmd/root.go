// Package cmd parses agdash's command line, builds the backend (real AWS
// or the embedded sandbox) and starts the program.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/agdash/agdash/views/kit"
)

// Exit codes scripts can rely on.
const (
	ExitOK        = 0
	ExitError     = 1 // the command failed (AWS error, bad state)
	ExitUsage     = 2 // bad flags or arguments
	ExitAuth      = 3 // credentials missing, expired or denied
	ExitNotFound  = 4 // the named resource does not exist
	ExitInterrupt = 130
)

// exitError carries an exit code with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: code, err: err}
}

// Execute runs agdash with args and returns the process exit code.
func Execute(args []string) int {
	return execute(context.Background(), args, os.Stdout, os.Stderr)
}

func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return executeWith(ctx, args, stdout, stderr, os.Getenv)
}

// executeWith runs agdash with getenv as its environment (tests hand in
// their own, so they never read the user's config or AWS files).
func executeWith(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	root := newRootCommand(stdout, stderr, getenv)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	// An error can quote AWS (a failure reason, a resource name): it
	// reaches the terminal without control characters or escapes.
	fmt.Fprintln(stderr, "agdash:", kit.SanitizeLines(err.Error()))
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if ctx.Err() != nil {
		return ExitInterrupt
	}
	if isUsageError(err) {
		return ExitUsage
	}
	return ExitError
}

func newRootCommand(stdout, stderr io.Writer, getenv func(string) string) *cobra.Command {
	opts := &globalOptions{getenv: getenv}
	root := &cobra.Command{
		Use:   "agdash",
		Short: "A terminal dashboard for an MLOps platform on Amazon SageMaker",
		Long: `agdash is a keyboard-driven dashboard for SageMaker workspaces in the shape of
Analytics.gov: projects and governance, training jobs, pipelines, the model
registry, endpoint health and Studio file restores, on one screen.

With --sandbox it runs on an AWS-compatible account embedded in the binary;
otherwise it uses the standard AWS configuration (profiles, SSO, environment
variables, region and endpoint overrides).`,
		Example: `  agdash --sandbox                      # try it on the embedded account
  agdash --profile analytics --region ap-southeast-1
  agdash --readonly                     # refuse every mutating action
  agdash sandbox --port 4566            # serve the sandbox for the AWS CLI
  agdash get endpoints -o json          # script against the same backend
  agdash config init                    # write a commented config file`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDashboard(cmd.Context(), opts, stderr)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("agdash {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return withCode(ExitUsage, err) })
	opts.bindPersistent(root)
	opts.bindDashboard(root)
	registerCompletions(root, opts)

	root.AddCommand(newSandboxCommand(stdout, stderr), newGetCommand(opts, stdout, stderr), newConfigCommand(opts, stdout, stderr))
	return root
}

// isUsageError spots cobra's own argument errors, which are plain errors.
func isUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires ", "invalid argument"} {
		if len(msg) >= len(p) && containsFold(msg, p) {
			return true
		}
	}
	return false
}
