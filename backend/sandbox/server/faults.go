package server

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// Faults are the failures the server injects, to test how the rest of
// agdash copes. The zero value injects none. Rates are fractions of
// matching calls in [0, 1]; which calls fail is drawn from a source seeded
// by Options.Seed, so a run with the same calls in the same order fails the
// same way.
type Faults struct {
	// ThrottleRate answers that fraction of calls with ThrottlingException
	// (awsQuery: Throttling; S3: SlowDown).
	ThrottleRate float64 `json:"throttleRate,omitempty"`
	// ServerErrorRate answers that fraction with InternalFailure (500).
	ServerErrorRate float64 `json:"serverErrorRate,omitempty"`
	// DropRate closes the connection of that fraction without answering.
	DropRate float64 `json:"dropRate,omitempty"`
	// Latency is added before each matching call is answered.
	Latency Duration `json:"latency,omitempty"`
	// CredentialsExpireAfter, if set, makes every signed request fail with
	// ExpiredTokenException once that long has passed since the server
	// started. It ignores Services and Operations.
	CredentialsExpireAfter Duration `json:"credentialsExpireAfter,omitempty"`
	// Services limits the faults above to these signing names; empty = all.
	Services []string `json:"services,omitempty"`
	// Operations limits them to these operation names; empty = all.
	Operations []string `json:"operations,omitempty"`
}

// Validate reports a rate outside [0, 1] or a negative duration.
func (f Faults) Validate() error {
	for name, r := range map[string]float64{"throttleRate": f.ThrottleRate, "serverErrorRate": f.ServerErrorRate, "dropRate": f.DropRate} {
		if r < 0 || r > 1 || math.IsNaN(r) {
			return fmt.Errorf("faults: %s %v is not between 0 and 1", name, r)
		}
	}
	if f.Latency < 0 || f.CredentialsExpireAfter < 0 {
		return fmt.Errorf("faults: durations must not be negative")
	}
	return nil
}

func (f Faults) matches(service, op string) bool {
	return (len(f.Services) == 0 || slices.Contains(f.Services, service)) &&
		(len(f.Operations) == 0 || slices.Contains(f.Operations, op))
}

// Duration is a time.Duration written in JSON as a string such as "250ms".
type Duration time.Duration

func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Duration(d).String())
}

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a duration must be a string such as \"250ms\": %w", err)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// faultDecision is what the injector decided for one call.
type faultDecision struct {
	latency  time.Duration
	drop     bool
	throttle bool
	fail     bool
}

// injector holds the current faults and the seeded random source.
type injector struct {
	mu     sync.Mutex
	faults Faults
	rng    *rand.Rand
}

func newInjector(seed uint64, f Faults) (*injector, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	return &injector{faults: f, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}, nil
}

func (in *injector) get() Faults {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.faults
}

func (in *injector) set(f Faults) error {
	if err := f.Validate(); err != nil {
		return err
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	in.faults = f
	return nil
}

// decide draws the faults for one call.
func (in *injector) decide(service, op string) faultDecision {
	in.mu.Lock()
	defer in.mu.Unlock()
	f := in.faults
	if !f.matches(service, op) {
		return faultDecision{}
	}
	return faultDecision{
		latency:  time.Duration(f.Latency),
		drop:     in.draw(f.DropRate),
		throttle: in.draw(f.ThrottleRate),
		fail:     in.draw(f.ServerErrorRate),
	}
}

// draw reports true with probability rate. Rates of 0 and 1 do not consume
// randomness, so they leave the sequence of other draws unchanged.
func (in *injector) draw(rate float64) bool {
	switch {
	case rate <= 0:
		return false
	case rate >= 1:
		return true
	}
	return in.rng.Float64() < rate
}

// expired reports whether credentials have expired at now for a server
// started at start.
func (in *injector) expired(start, now time.Time) bool {
	after := time.Duration(in.get().CredentialsExpireAfter)
	return after > 0 && !now.Before(start.Add(after))
}
