package health

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"time"
)

// Thresholds are the limits an endpoint's metrics are judged by. Rates
// are fractions of invocations (0.01 is 1 %); CPU and memory are percent.
// A zero field disables its check.
type Thresholds struct {
	Warn5xxRate    float64       `yaml:"warn_5xx_rate"`
	Crit5xxRate    float64       `yaml:"crit_5xx_rate"`
	Warn4xxRate    float64       `yaml:"warn_4xx_rate"`
	WarnLatencyP99 time.Duration `yaml:"warn_latency_p99"`
	CritLatencyP99 time.Duration `yaml:"crit_latency_p99"`
	// WarnCPU is per vCPU: SageMaker reports CPUUtilization summed over
	// cores (up to 400 % on four), so it is divided by the instance's vCPUs.
	WarnCPU    float64 `yaml:"warn_cpu"`
	WarnMemory float64 `yaml:"warn_memory"`
}

// DefaultThresholds suit a real-time model endpoint: 5xx above 1 % warns
// and above 5 % is critical; 4xx above 5 % warns; p99 model latency above
// 500 ms warns and above 2 s is critical; CPU above 85 % per vCPU and
// memory above 90 % warn.
func DefaultThresholds() Thresholds {
	return Thresholds{
		Warn5xxRate:    0.01,
		Crit5xxRate:    0.05,
		Warn4xxRate:    0.05,
		WarnLatencyP99: 500 * time.Millisecond,
		CritLatencyP99: 2 * time.Second,
		WarnCPU:        85,
		WarnMemory:     90,
	}
}

// overlay returns t with every non-zero field of o in its place.
func (t Thresholds) overlay(o Thresholds) Thresholds {
	if o.Warn5xxRate != 0 {
		t.Warn5xxRate = o.Warn5xxRate
	}
	if o.Crit5xxRate != 0 {
		t.Crit5xxRate = o.Crit5xxRate
	}
	if o.Warn4xxRate != 0 {
		t.Warn4xxRate = o.Warn4xxRate
	}
	if o.WarnLatencyP99 != 0 {
		t.WarnLatencyP99 = o.WarnLatencyP99
	}
	if o.CritLatencyP99 != 0 {
		t.CritLatencyP99 = o.CritLatencyP99
	}
	if o.WarnCPU != 0 {
		t.WarnCPU = o.WarnCPU
	}
	if o.WarnMemory != 0 {
		t.WarnMemory = o.WarnMemory
	}
	return t
}

// Config is the health section of agdash's config file.
type Config struct {
	// Default overrides DefaultThresholds field by field.
	Default Thresholds `yaml:"default"`
	// PerEndpoint overrides Default for one endpoint, or for every endpoint
	// matching a shell pattern such as "*-staging". Only the fields set
	// are overridden.
	PerEndpoint map[string]Thresholds `yaml:"endpoints"`
}

// For returns the thresholds for an endpoint: DefaultThresholds, then the
// fields set in Default, then those set for the endpoint. An exact name
// wins over patterns; among patterns, the first in sorted order that
// matches.
func (c Config) For(endpoint string) Thresholds {
	t := DefaultThresholds().overlay(c.Default)
	if o, ok := c.PerEndpoint[endpoint]; ok {
		return t.overlay(o)
	}
	for _, pattern := range slices.Sorted(maps.Keys(c.PerEndpoint)) {
		if ok, err := path.Match(pattern, endpoint); err == nil && ok {
			return t.overlay(c.PerEndpoint[pattern])
		}
	}
	return t
}

// Validate reports the first setting that makes no sense: a rate outside
// [0, 1], a negative value, memory above 100 %, a warning level above its
// critical level, or a malformed pattern.
func (c Config) Validate() error {
	if err := c.For("").validate(); err != nil {
		return fmt.Errorf("health default: %w", err)
	}
	for _, key := range slices.Sorted(maps.Keys(c.PerEndpoint)) {
		if _, err := path.Match(key, ""); err != nil {
			return fmt.Errorf("health endpoint pattern %q is malformed", key)
		}
		t := DefaultThresholds().overlay(c.Default).overlay(c.PerEndpoint[key])
		if err := t.validate(); err != nil {
			return fmt.Errorf("health thresholds for %q: %w", key, err)
		}
	}
	return nil
}

func (t Thresholds) validate() error {
	for _, r := range []struct {
		name string
		v    float64
	}{{"warn_5xx_rate", t.Warn5xxRate}, {"crit_5xx_rate", t.Crit5xxRate}, {"warn_4xx_rate", t.Warn4xxRate}} {
		if r.v < 0 || r.v > 1 {
			return fmt.Errorf("%s is %g; rates are fractions between 0 and 1 (0.01 is 1%%)", r.name, r.v)
		}
	}
	switch {
	case t.WarnLatencyP99 < 0 || t.CritLatencyP99 < 0:
		return fmt.Errorf("latency thresholds must not be negative")
	case t.WarnCPU < 0 || t.WarnMemory < 0:
		return fmt.Errorf("CPU and memory thresholds must not be negative")
	case t.WarnMemory > 100:
		return fmt.Errorf("warn_memory is %g; memory is a percentage up to 100", t.WarnMemory)
	case t.Warn5xxRate > t.Crit5xxRate && t.Crit5xxRate > 0:
		return fmt.Errorf("warn_5xx_rate (%g) is above crit_5xx_rate (%g)", t.Warn5xxRate, t.Crit5xxRate)
	case t.WarnLatencyP99 > t.CritLatencyP99 && t.CritLatencyP99 > 0:
		return fmt.Errorf("warn_latency_p99 (%v) is above crit_latency_p99 (%v)", t.WarnLatencyP99, t.CritLatencyP99)
	}
	return nil
}
