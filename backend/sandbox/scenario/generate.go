package scenario

import (
	"fmt"
	"sort"
	"time"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Options tune generation.
type Options struct {
	Seed int64
	// Scale multiplies the historical training jobs (1 when zero).
	Scale float64
	// Start overrides the scenario's start instant.
	Start time.Time
	// Clock drives the world after generation; nil means a scaled real clock
	// from the start at Speed.
	Clock world.Clock
	Speed float64
	// NewJobFailureRate, if set, overrides the scenario's rate for jobs
	// started while the world runs (tests set it to a tiny value).
	NewJobFailureRate *float64
}

// Result is a generated account.
type Result struct {
	World      *world.World
	Principals []iam.Principal
}

// gen carries what generation needs across its steps.
type gen struct {
	s       *Scenario
	opts    Options
	start   time.Time
	seed    uint64
	b       *world.Builder
	w       *world.World
	keys    world.TagKeys
	domains map[string]*domainInfo  // agency id → domain
	users   map[string]*userInfo    // user name → info
	proj    map[string]*projectInfo // project name → info
	actions []action
}

type action struct {
	at  time.Time
	seq int
	do  func() error
}

// later queues work at a virtual instant of the history.
func (g *gen) later(at time.Time, do func() error) {
	g.actions = append(g.actions, action{at: at, seq: len(g.actions), do: do})
}

// Generate builds the world described by s.
func Generate(s *Scenario, opts Options) (*Result, error) {
	g := &gen{s: s, opts: opts, seed: uint64(opts.Seed), domains: map[string]*domainInfo{}, users: map[string]*userInfo{}, proj: map[string]*projectInfo{}}
	if g.opts.Scale <= 0 {
		g.opts.Scale = 1
	}
	switch {
	case !opts.Start.IsZero():
		g.start = opts.Start.UTC()
	case s.Start != "":
		t, err := time.Parse(time.RFC3339, s.Start)
		if err != nil {
			return nil, fmt.Errorf("scenario start: %w", err)
		}
		g.start = t.UTC()
	default:
		g.start = time.Now().UTC().Truncate(time.Minute)
	}
	rate := s.History.NewJobFailureRate
	if opts.NewJobFailureRate != nil {
		rate = *opts.NewJobFailureRate
	}
	g.keys = world.TagKeys{
		Role: s.TagKeys.Role, Projects: s.TagKeys.Projects, TrainingInstanceTypes: s.TagKeys.TrainingInstanceTypes,
		EndpointInstanceTypes: s.TagKeys.EndpointInstanceTypes, Notebook: s.TagKeys.NotebookInstanceTypes, S3Access: s.TagKeys.S3Access,
	}
	wopts := world.Options{
		Account: s.Account, Region: s.Region, Seed: opts.Seed, Start: g.start, Clock: opts.Clock, Speed: opts.Speed,
		Sim: world.SimConfig{NewJobFailureRate: rate, Failures: g.failures(), TagKeys: g.keys},
	}
	w, err := world.Build(wopts, func(b *world.Builder) error {
		g.b = b
		g.w = b.World()
		g.keys = g.w.TagKeys()
		return g.populate()
	})
	if err != nil {
		return nil, err
	}
	return &Result{World: w, Principals: g.principals()}, nil
}

func (g *gen) failures() []world.FailureReason {
	out := make([]world.FailureReason, 0, len(g.s.Failures))
	for _, f := range g.s.Failures {
		out = append(out, world.FailureReason{Reason: f.Reason, Phase: f.Phase, Language: f.Lang, GPU: f.GPU, Weight: f.Weight, Log: f.Log})
	}
	return out
}

// populate lays out the account, then replays the history in time order.
func (g *gen) populate() error {
	histStart := g.start.Add(-time.Duration(g.s.History.Days) * 24 * time.Hour)
	g.b.At(histStart.Add(-24 * time.Hour))
	g.studio()
	g.projects()
	if err := g.pipelines(); err != nil {
		return err
	}
	if err := g.backups(); err != nil {
		return err
	}
	g.executions(histStart)
	g.later(g.start.Add(-3*time.Hour), g.serving)
	g.later(g.start.Add(-2*time.Hour), g.trainingHistory)
	g.later(g.start.Add(-2*time.Hour), g.registryQuirks)
	sort.SliceStable(g.actions, func(a, b int) bool {
		if !g.actions[a].at.Equal(g.actions[b].at) {
			return g.actions[a].at.Before(g.actions[b].at)
		}
		return g.actions[a].seq < g.actions[b].seq
	})
	for i := 0; i < len(g.actions); i++ {
		a := g.actions[i]
		g.b.At(a.at)
		if err := a.do(); err != nil {
			return err
		}
	}
	return nil
}

// rand returns a deterministic stream for a key.
func (g *gen) rand(key string) *world.Rand { return world.NewRand(g.seed, key) }

func (g *gen) roleArn(name string) string { return "arn:aws:iam::" + g.s.Account + ":role/" + name }

func (g *gen) ecr(repo string) string {
	return g.s.Account + ".dkr.ecr." + g.s.Region + ".amazonaws.com/" + repo
}

func (g *gen) kmsKey(agency string) string {
	r := g.rand("kms/" + agency)
	return "arn:aws:kms:" + g.s.Region + ":" + g.s.Account + ":key/" + r.UUID()
}

func (g *gen) smArn(kind, name string) string {
	return "arn:aws:sagemaker:" + g.s.Region + ":" + g.s.Account + ":" + kind + "/" + name
}
