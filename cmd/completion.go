package cmd

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// registerCompletions teaches `agdash completion bash|zsh|fish` scripts
// the values of agdash's flags: profiles from the AWS config files, the
// regions, the sandbox's roles and users, themes and panes.
func registerCompletions(root *cobra.Command, o *globalOptions) {
	complete := map[string]cobra.CompletionFunc{
		"profile": func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return matching(awsProfiles(o.getenv), prefix)
		},
		"region": fixedCompletion(awsRegions()),
		"sandbox-role": func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return matching(scenarioIdentities(o.sandbox.scenario), prefix)
		},
		"theme": fixedCompletion(themes.Names()),
		"pane": fixedCompletion([]string{string(kit.PaneProjects), string(kit.PaneJobs), string(kit.PanePipelines),
			string(kit.PaneRegistry), string(kit.PaneEndpoints), string(kit.PaneBackups)}),
	}
	for name, fn := range complete {
		// Every name above is a flag of root: an error here is a typo in
		// this table, which the completion tests catch.
		_ = root.RegisterFlagCompletionFunc(name, fn)
	}
	// Names only AWS knows: offer nothing rather than the files here.
	for _, name := range []string{"project", "endpoint-url"} {
		_ = root.RegisterFlagCompletionFunc(name, fixedCompletion(nil))
	}
	_ = root.MarkPersistentFlagFilename("config", "yaml", "yml")
	_ = root.MarkPersistentFlagFilename("sandbox-scenario", "yaml", "yml")
	_ = root.MarkPersistentFlagFilename("log-file")
}

// fixedCompletion completes from a fixed list, never from file names.
func fixedCompletion(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return matching(values, prefix)
	}
}

// matching are the values that start with what has been typed.
func matching(values []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, v := range values {
		if strings.HasPrefix(v, prefix) {
			out = append(out, v)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
