package cmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/agdash/agdash/cmd/config"
)

func newConfigCommand(o *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Write, locate and check agdash's config file",
		Long: `agdash reads $XDG_CONFIG_HOME/agdash/config.yaml (else
~/.config/agdash/config.yaml), or the file --config names: theme, polling
intervals, endpoint health thresholds, tag keys, smoke-test samples, the
restore role and key bindings. If the file has any problem, agdash says
where and runs on its built-in defaults. docs/CONFIG.md describes every key.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	var force bool
	initCmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented config file with every default",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path, _, err := configPath(o)
			if err != nil {
				return withCode(ExitUsage, err)
			}
			if _, err := os.Stat(path); err == nil && !force {
				return withCode(ExitUsage, fmt.Errorf("%s already exists; keep it, or overwrite it with --force", path))
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return fmt.Errorf("create the config directory: %w", err)
			}
			if err := os.WriteFile(path, config.DefaultFile(), 0o644); err != nil {
				return fmt.Errorf("write the config file: %w", err)
			}
			fmt.Fprintln(stdout, path)
			return nil
		},
	}
	initCmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")

	pathCmd := &cobra.Command{
		Use:   "path",
		Short: "Print the path of the config file in use",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			path, _, err := configPath(o)
			if err != nil {
				return withCode(ExitUsage, err)
			}
			fmt.Fprintln(stdout, path)
			return nil
		},
	}

	checkCmd := &cobra.Command{
		Use:   "check",
		Short: "Check the config file: every problem with its line; exit 1 if any",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			cfg := loadConfig(o, slog.New(slog.DiscardHandler))
			if !cfg.Found && cfg.OK() {
				fmt.Fprintf(stdout, "%s: no config file; agdash runs on its defaults (agdash config init writes one)\n", cfg.Path)
				return nil
			}
			if cfg.OK() {
				fmt.Fprintf(stdout, "%s: ok\n", cfg.Path)
				return nil
			}
			for _, p := range cfg.Problems {
				fmt.Fprintln(stderr, p.String())
			}
			return withCode(ExitError, fmt.Errorf("%s has %d problem(s); agdash would run on its defaults", cfg.Path, len(cfg.Problems)))
		},
	}
	cmd.AddCommand(initCmd, pathCmd, checkCmd)
	return cmd
}
