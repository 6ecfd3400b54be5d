package cmd

import (
	"fmt"
	"io"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
)

// faultFlags inject failures into the sandbox, to test what talks to it.
type faultFlags struct {
	throttle    float64
	serverError float64
	drop        float64
	latency     time.Duration
	expireAfter time.Duration
}

func (f faultFlags) faults() server.Faults {
	return server.Faults{
		ThrottleRate:           f.throttle,
		ServerErrorRate:        f.serverError,
		DropRate:               f.drop,
		Latency:                server.Duration(f.latency),
		CredentialsExpireAfter: server.Duration(f.expireAfter),
	}
}

func newSandboxCommand(stdout, stderr io.Writer) *cobra.Command {
	var (
		world  sandboxFlags
		faults faultFlags
		port   int
		addr   string
		quiet  bool
	)
	cmd := &cobra.Command{
		Use:   "sandbox",
		Short: "Serve the embedded AWS-compatible sandbox account on its own",
		Long: `Serve the sandbox account on a loopback port, so the AWS CLI or any AWS SDK
can be pointed at it. It prints, for each principal, the environment that
signs as it. The sandbox listens on loopback only and has no real security.`,
		Example: `  agdash sandbox --port 4566
  # then, in another shell, paste one of the printed export lines and:
  aws sagemaker list-endpoints
  aws cloudwatch describe-alarms --state-value ALARM`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := faults.faults().Validate(); err != nil {
				return withCode(ExitUsage, err)
			}
			if err := checkLoopbackAddr(addr); err != nil {
				return err
			}
			ctx := cmd.Context()
			sb, err := sandbox.Start(ctx, sandbox.Options{
				Addr:         addr,
				Port:         port,
				Seed:         world.seed,
				Speed:        world.speed,
				Scale:        world.scale,
				ScenarioPath: world.scenario,
				Faults:       faults.faults(),
			})
			if err != nil {
				return fmt.Errorf("start the sandbox: %w", err)
			}
			defer sb.Close()
			if !quiet {
				printSandboxEnv(stdout, sb.URL(), sb.Region(), sb.Principals())
			}
			fmt.Fprintf(stderr, "sandbox serving on %s (virtual time %s); ctrl-c stops it\n", sb.URL(), sb.Now().Format(time.RFC3339))
			<-ctx.Done()
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&port, "port", 0, "port on 127.0.0.1 (default: an ephemeral port)")
	f.StringVar(&addr, "addr", "", "host:port to listen on (loopback only)")
	f.BoolVar(&quiet, "quiet", false, "do not print the credentials")
	world.bindWorld(f)
	f.Float64Var(&faults.throttle, "throttle", 0, "answer this fraction of calls with ThrottlingException")
	f.Float64Var(&faults.serverError, "server-errors", 0, "answer this fraction of calls with a 500")
	f.Float64Var(&faults.drop, "drop", 0, "drop the connection of this fraction of calls")
	f.DurationVar(&faults.latency, "latency", 0, "add this latency to every call")
	f.DurationVar(&faults.expireAfter, "expire-credentials-after", 0, "reject every call with ExpiredTokenException after this long")
	return cmd
}

// printSandboxEnv prints one export block per principal: paste one into a
// shell and the AWS CLI signs as that principal.
func printSandboxEnv(w io.Writer, url, region string, principals []iam.Principal) {
	fmt.Fprintf(w, "# agdash sandbox at %s: paste one block into a shell to act as that principal.\n", url)
	for _, p := range principals {
		who := p.SessionName
		if p.UserProfile != "" {
			who = p.UserProfile
		}
		projects := "all projects (read all but Service Catalog, invoke endpoints)"
		if len(p.Projects) > 0 {
			projects = fmt.Sprint(p.Projects)
		}
		fmt.Fprintf(w, "\n# %s — %s, %s\n", who, p.Role, projects)
		// AWS_DEFAULT_REGION too: the AWS CLI v1 and boto3 ignore AWS_REGION.
		fmt.Fprintf(w, "export AWS_ENDPOINT_URL=%s AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_REGION=%s AWS_DEFAULT_REGION=%s\n",
			url, p.AccessKeyID, p.SecretAccessKey, region, region)
	}
}

// checkLoopbackAddr refuses an --addr off loopback before the sandbox
// starts, in words for the command line (the server's own refusal names
// a Go option the user cannot set).
func checkLoopbackAddr(addr string) error {
	if addr == "" {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return withCode(ExitUsage, fmt.Errorf("--addr %q is not host:port (127.0.0.1:4566): %w", addr, err))
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("refusing to listen on non-loopback address %q: the sandbox's keys are public, so it serves this machine only (127.0.0.1, ::1 or localhost)", addr)
}
