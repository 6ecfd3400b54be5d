package health

import (
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

const configYAML = `
default:
  warn_5xx_rate: 0.02
  warn_latency_p99: 800ms
endpoints:
  hdb-resale-prod:
    crit_latency_p99: 1500ms
  "*-staging":
    warn_5xx_rate: 0.1
    crit_5xx_rate: 0.3
  "hdb-*":
    warn_cpu: 70
`

func TestConfigFromYAML(t *testing.T) {
	var c Config
	if err := yaml.Unmarshal([]byte(configYAML), &c); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	base := DefaultThresholds()
	base.Warn5xxRate = 0.02
	base.WarnLatencyP99 = 800 * time.Millisecond

	prodWant := base
	prodWant.CritLatencyP99 = 1500 * time.Millisecond
	stagingWant := base
	stagingWant.Warn5xxRate, stagingWant.Crit5xxRate = 0.1, 0.3
	hdbWant := base
	hdbWant.WarnCPU = 70

	tests := map[string]Thresholds{
		"hdb-resale-prod":      prodWant,    // exact name beats the hdb-* pattern
		"cpf-forecast-staging": stagingWant, // pattern
		"hdb-resale-staging":   stagingWant, // "*-staging" sorts before "hdb-*"
		"hdb-resale-canary":    hdbWant,
		"lta-nowcast-prod":     base, // only the default
	}
	for name, want := range tests {
		if got := c.For(name); got != want {
			t.Errorf("For(%q) =\n %+v\nwant\n %+v", name, got, want)
		}
	}
}

func TestZeroConfigIsDefaults(t *testing.T) {
	if got := (Config{}).For("anything"); got != DefaultThresholds() {
		t.Errorf("zero Config gives %+v", got)
	}
	if err := (Config{}).Validate(); err != nil {
		t.Errorf("zero Config invalid: %v", err)
	}
}

func TestDefaultThresholds(t *testing.T) {
	d := DefaultThresholds()
	if d.Warn5xxRate != 0.01 || d.Crit5xxRate != 0.05 || d.WarnLatencyP99 != 500*time.Millisecond || d.CritLatencyP99 != 2*time.Second {
		t.Errorf("defaults = %+v", d)
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Config
		want string
	}{
		{"percent instead of fraction", Config{Default: Thresholds{Warn5xxRate: 5}}, `health default: warn_5xx_rate is 5; rates are fractions`},
		{"warn above crit", Config{PerEndpoint: map[string]Thresholds{"hdb-resale-prod": {WarnLatencyP99: 3 * time.Second}}}, `"hdb-resale-prod": warn_latency_p99 (3s) is above crit_latency_p99 (2s)`},
		{"5xx warn above crit", Config{Default: Thresholds{Warn5xxRate: 0.2}}, "warn_5xx_rate (0.2) is above crit_5xx_rate (0.05)"},
		{"negative", Config{Default: Thresholds{WarnCPU: -1}}, "must not be negative"},
		{"memory over 100", Config{Default: Thresholds{WarnMemory: 120}}, "warn_memory is 120"},
		{"bad pattern", Config{PerEndpoint: map[string]Thresholds{"hdb-[": {}}}, `pattern "hdb-[" is malformed`},
	}
	for _, tt := range tests {
		err := tt.c.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate = %v, want %q", tt.name, err, tt.want)
		}
	}
}
