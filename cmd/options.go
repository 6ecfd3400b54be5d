package cmd

import (
	"github.com/spf13/cobra"
)

// globalOptions are agdash's flags: the connection flags, which every
// subcommand takes, and the dashboard's own.
type globalOptions struct {
	configPath  string
	profile     string
	region      string
	endpointURL string
	readOnly    bool
	project     string
	logFile     string

	theme   string
	pane    string
	noMouse bool
	noColor bool
	bell    bool

	sandbox sandboxFlags

	// getenv reads the environment: the config file's and the AWS
	// config file's locations.
	getenv func(string) string
}

// sandboxFlags choose the embedded account, for --sandbox and `agdash sandbox`.
type sandboxFlags struct {
	enabled  bool
	role     string
	seed     int64
	speed    float64
	scale    float64
	scenario string
}

// bindPersistent binds the flags that say which account to talk to and
// how, on the root command so that `agdash get` and the others take them.
func (o *globalOptions) bindPersistent(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&o.configPath, "config", "", "config file (default: $XDG_CONFIG_HOME/agdash/config.yaml or ~/.config/agdash/config.yaml)")
	f.StringVar(&o.profile, "profile", "", "AWS named profile (default: AWS_PROFILE or the default profile)")
	f.StringVar(&o.region, "region", "", "AWS region (default: from the profile or AWS_REGION)")
	f.StringVar(&o.endpointURL, "endpoint-url", "", "send every AWS call to this URL (e.g. a local AWS emulator)")
	f.BoolVar(&o.readOnly, "readonly", false, "refuse every mutating action (stop, start, approve, restore)")
	f.StringVar(&o.project, "project", "", "scope to one project (the dashboard's panes, or what get lists)")
	f.StringVar(&o.logFile, "log-file", "", "write structured logs (JSON lines, secrets redacted) to this file")

	f.BoolVar(&o.sandbox.enabled, "sandbox", false, "run on the embedded AWS-compatible sandbox account")
	f.StringVar(&o.sandbox.role, "sandbox-role", "data-scientist", "sandbox identity: a role (data-scientist, mlops-engineer, project-admin, on-call) or a user name")
	o.sandbox.bindWorld(f)
}

// bindDashboard binds the flags only the dashboard takes.
func (o *globalOptions) bindDashboard(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.theme, "theme", "", "colour theme: dark, light, high-contrast, colorblind (default: the config file's, else dark)")
	f.StringVar(&o.pane, "pane", "", "pane to open first: projects, jobs, pipelines, registry, endpoints, backups")
	f.BoolVar(&o.noMouse, "no-mouse", false, "leave the mouse to the terminal (select text, scroll back)")
	f.BoolVar(&o.noColor, "no-color", false, "draw without colour (NO_COLOR does the same)")
	f.BoolVar(&o.bell, "bell", false, "ring the terminal bell when an endpoint turns CRIT")
}
