package themes

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed palettes/*.yaml
var builtin embed.FS

// Default is the theme used when none is named.
const Default = "dark"

// Palette is a validated set of named colours: "group.key" → colour.
type Palette struct {
	Name        string
	Description string
	colors      map[string]string
	series      []string
}

// paletteFile is the YAML shape of a palette.
type paletteFile struct {
	Name        string                       `yaml:"name"`
	Description string                       `yaml:"description"`
	Colors      map[string]map[string]string `yaml:"colors"`
	Series      []string                     `yaml:"series"`
}

// Keys every palette must define, as "group.key".
var requiredKeys = []string{
	"base.text", "base.muted", "base.accent", "base.border",
	"header.app", "header.label", "header.value",
	"badge.sandbox_fg", "badge.sandbox_bg", "badge.readonly_fg", "badge.readonly_bg", "badge.scope_fg", "badge.scope_bg",
	"tab.active_fg", "tab.active_bg", "tab.inactive",
	"table.header", "table.selected_fg", "table.selected_bg", "table.match",
	"status.running", "status.succeeded", "status.failed", "status.warning", "status.stopped", "status.pending",
	"help.key", "help.section",
	"dialog.border", "dialog.title", "dialog.refused",
	"statusline.text", "statusline.ok", "statusline.stale", "statusline.error",
	"notify.info", "notify.warn", "notify.error",
	"banner.fg", "banner.bg",
	"delta.better", "delta.worse",
}

// Names lists the built-in themes, sorted.
func Names() []string {
	entries, err := builtin.ReadDir("palettes")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

// Load returns the built-in palette called name.
func Load(name string) (Palette, error) {
	if name == "" {
		name = Default
	}
	data, err := builtin.ReadFile("palettes/" + name + ".yaml")
	if err != nil {
		return Palette{}, fmt.Errorf("no theme named %q (themes: %s)", name, strings.Join(Names(), ", "))
	}
	p, err := Parse(data)
	if err != nil {
		return Palette{}, fmt.Errorf("built-in theme %q: %w", name, err)
	}
	return p, nil
}

// Parse reads and validates a palette. Every problem is reported, each
// naming the key at fault.
func Parse(data []byte) (Palette, error) {
	var f paletteFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return Palette{}, fmt.Errorf("theme is not valid YAML: %w", err)
	}
	var errs []string
	if strings.TrimSpace(f.Name) == "" {
		errs = append(errs, `key "name": missing`)
	}
	flat := map[string]string{}
	for group, kv := range f.Colors {
		for k, v := range kv {
			flat[group+"."+k] = v
		}
	}
	known := map[string]bool{}
	for _, k := range requiredKeys {
		known[k] = true
		v, ok := flat[k]
		if !ok {
			errs = append(errs, fmt.Sprintf("key %q: missing", "colors."+k))
			continue
		}
		if err := checkColor(v); err != nil {
			errs = append(errs, fmt.Sprintf("key %q: %v", "colors."+k, err))
		}
	}
	extra := make([]string, 0)
	for k := range flat {
		if !known[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	for _, k := range extra {
		errs = append(errs, fmt.Sprintf("key %q: unknown colour name", "colors."+k))
	}
	if len(f.Series) == 0 {
		errs = append(errs, `key "series": needs at least one colour`)
	}
	for i, v := range f.Series {
		if err := checkColor(v); err != nil {
			errs = append(errs, fmt.Sprintf("key \"series[%d]\": %v", i, err))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		name := f.Name
		if name == "" {
			name = "(unnamed)"
		}
		return Palette{}, fmt.Errorf("theme %s: %s", name, strings.Join(errs, "; "))
	}
	return Palette{Name: f.Name, Description: f.Description, colors: flat, series: f.Series}, nil
}

// checkColor accepts #rgb, #rrggbb and ANSI colour numbers 0–255.
func checkColor(v string) error {
	if strings.HasPrefix(v, "#") {
		hex := v[1:]
		if len(hex) != 3 && len(hex) != 6 {
			return fmt.Errorf("%q is not a colour (want #rgb, #rrggbb or 0-255)", v)
		}
		if _, err := strconv.ParseUint(hex, 16, 32); err != nil {
			return fmt.Errorf("%q is not a colour (want #rgb, #rrggbb or 0-255)", v)
		}
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 255 {
		return fmt.Errorf("%q is not a colour (want #rgb, #rrggbb or 0-255)", v)
	}
	return nil
}

// color is a validated colour; Parse guarantees every required key exists.
func (p Palette) color(key string) string { return p.colors[key] }
