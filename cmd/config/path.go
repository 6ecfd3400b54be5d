package config

import (
	"errors"
	"path/filepath"
)

// DefaultPath is where agdash looks for its config file:
// $XDG_CONFIG_HOME/agdash/config.yaml, else ~/.config/agdash/config.yaml.
func DefaultPath(getenv func(string) string) (string, error) {
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "agdash", "config.yaml"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither XDG_CONFIG_HOME nor HOME is set: give the config file with --config")
	}
	return filepath.Join(home, ".config", "agdash", "config.yaml"), nil
}
