package cmd

import (
	"log/slog"

	"github.com/agdash/agdash/cmd/config"
	"github.com/agdash/agdash/ui"
)

// loadedConfig is the config file read and checked, key bindings too.
type loadedConfig struct {
	config.Result
}

// configPath is the file --config names, else the default location.
func configPath(o *globalOptions) (path string, explicit bool, err error) {
	if o.configPath != "" {
		return o.configPath, true, nil
	}
	p, err := config.DefaultPath(o.getenv)
	return p, false, err
}

// loadConfig reads the config file and checks its key bindings against
// the shell's key maps. Any problem leaves the built-in defaults, each
// problem logged and kept for the user to see.
func loadConfig(o *globalOptions, log *slog.Logger) loadedConfig {
	path, explicit, err := configPath(o)
	if err != nil {
		r := config.Result{Config: config.Default()}
		r.Problems = []config.Problem{{File: "config", Message: err.Error()}}
		return loadedConfig{r}
	}
	r := config.Load(path, explicit)
	if r.OK() {
		problems, err := ui.CheckKeyOverrides(r.Config.KeyOverrides())
		if err != nil {
			r.Reject("keys", "cannot check the key bindings: "+err.Error())
		}
		for _, p := range problems {
			r.Reject("keys."+p.Binding, p.Text)
		}
	}
	for _, p := range r.Problems {
		log.Warn("config problem", "file", p.File, "line", p.Line, "key", p.Path, "problem", p.Message)
	}
	return loadedConfig{r}
}

// notices are the problems as the shell shows them on start.
func (c loadedConfig) notices() []string {
	out := make([]string, 0, len(c.Problems))
	for i, p := range c.Problems {
		text := p.String()
		if i == 0 {
			text = "Config file not applied, agdash runs on its defaults: " + text
		}
		out = append(out, text)
	}
	return out
}
