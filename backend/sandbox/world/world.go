package world

import (
	"errors"
	"sync"
	"time"
)

// Options configure a world.
type Options struct {
	Account string // 12 digits
	Region  string // e.g. ap-southeast-1
	Seed    int64
	// Start is the virtual instant at which history ends and the clock starts.
	Start time.Time
	// Clock drives the world after Build; nil means a ScaledClock from Start
	// at Speed.
	Clock Clock
	Speed float64
	Sim   SimConfig
}

// SimConfig tunes how new work behaves while the world runs.
type SimConfig struct {
	// NewJobFailureRate is the chance that a job started while the world runs
	// fails (0..1).
	NewJobFailureRate float64
	// Failures is the vocabulary of training failures to draw from.
	Failures []FailureReason
	// TagKeys names the tags that map AG concepts (defaults if empty).
	TagKeys TagKeys
}

// TagKeys are the tag keys that carry the AG mapping.
type TagKeys struct {
	Role, Projects                                         string
	TrainingInstanceTypes, EndpointInstanceTypes, Notebook string
	S3Access                                               string
}

// FailureReason is one entry of the failure vocabulary. Reason and Log may
// hold {job}, {bucket}, {instance_type}, {project}, {image} and {feature}
// (one of the project's input columns) placeholders.
type FailureReason struct {
	Reason   string
	Phase    string // SecondaryStatus in which the job fails: Starting, Downloading, Training, Uploading
	Language string // "r", "python" or "" for any
	GPU      bool   // only on GPU instance types
	Weight   float64
	Log      []string
}

// World is the simulated AWS account. All methods are safe for concurrent use.
type World struct {
	mu       sync.RWMutex
	clock    Clock
	account  string
	region   string
	seed     uint64
	now      time.Time
	target   time.Time // the instant advance is heading for
	start    time.Time
	events   eventHeap
	eventSeq uint64
	ids      Rand // identifiers minted while the world runs
	cfg      SimConfig
	building bool

	profiles map[string]*ModelProfile

	studio     studioStore
	projects   projectStore
	products   productStore
	training   trainingStore
	processing processingStore
	pipelines  pipelineStore
	registry   registryStore
	serving    servingStore
	s3         s3Store
	alarms     alarmStore
	apigw      apiStore
	waf        wafStore
	backup     backupStore
	efs        efsStore
}

func newWorld(opts Options) *World {
	w := &World{
		account:  opts.Account,
		region:   opts.Region,
		seed:     uint64(opts.Seed),
		start:    opts.Start,
		now:      opts.Start,
		cfg:      opts.Sim,
		profiles: map[string]*ModelProfile{},
	}
	if w.account == "" {
		w.account = "123456789012"
	}
	if w.region == "" {
		w.region = "ap-southeast-1"
	}
	w.cfg.TagKeys = w.cfg.TagKeys.withDefaults()
	w.ids = newRand(w.seed, "ids")
	w.studio.init()
	w.projects.init()
	w.products.init()
	w.training.init()
	w.processing.init()
	w.pipelines.init()
	w.registry.init()
	w.serving.init()
	w.s3.init()
	w.alarms.init()
	w.apigw.init()
	w.waf.init()
	w.backup.init()
	w.efs.init()
	return w
}

func (k TagKeys) withDefaults() TagKeys {
	def := func(v, d string) string {
		if v == "" {
			return d
		}
		return v
	}
	return TagKeys{
		Role:                  def(k.Role, "ag:role"),
		Projects:              def(k.Projects, "ag:projects"),
		TrainingInstanceTypes: def(k.TrainingInstanceTypes, "ag:training-instance-types"),
		EndpointInstanceTypes: def(k.EndpointInstanceTypes, "ag:endpoint-instance-types"),
		Notebook:              def(k.Notebook, "ag:notebook-instance-types"),
		S3Access:              def(k.S3Access, "ag:s3-access"),
	}
}

// Build makes a world, lets seed populate it while the builder steps a
// private clock through history, then hands the world to opts.Clock.
func Build(opts Options, seed func(b *Builder) error) (*World, error) {
	if opts.Start.IsZero() {
		return nil, errors.New("world: Options.Start is required")
	}
	history := NewManualClock(time.Unix(0, 0).UTC())
	w := newWorld(opts)
	w.clock = history
	w.building = true
	w.now = time.Unix(0, 0).UTC()
	b := &Builder{w: w, clock: history}
	if seed != nil {
		if err := seed(b); err != nil {
			return nil, err
		}
	}
	b.At(opts.Start)
	w.mu.Lock()
	w.advance(opts.Start)
	w.building = false
	w.mu.Unlock()
	if opts.Clock != nil {
		w.clock = opts.Clock
	} else {
		w.clock = NewScaledClock(opts.Start, opts.Speed)
	}
	return w, nil
}

// Account is the 12-digit account id.
func (w *World) Account() string { return w.account }

// Region is the world's region.
func (w *World) Region() string { return w.region }

// Start is the instant at which the scenario's history ends.
func (w *World) Start() time.Time { return w.start }

// TagKeys are the tag keys the scenario used for the AG mapping.
func (w *World) TagKeys() TagKeys { return w.cfg.TagKeys }

// Now advances the simulation to the clock's reading and returns it.
func (w *World) Now() time.Time {
	now := w.wlock()
	w.mu.Unlock()
	return now
}

// rlock reads the clock, brings the simulation up to it and returns holding
// the read lock. The caller must RUnlock.
func (w *World) rlock() time.Time {
	now := w.clock.Now()
	w.mu.RLock()
	if !w.due(now) {
		if w.now.After(now) {
			now = w.now
		}
		return now
	}
	w.mu.RUnlock()
	w.mu.Lock()
	w.advance(now)
	if w.now.After(now) {
		now = w.now
	}
	w.mu.Unlock()
	w.mu.RLock()
	return now
}

// wlock reads the clock, advances the simulation and returns holding the
// write lock. The caller must Unlock.
func (w *World) wlock() time.Time {
	now := w.clock.Now()
	w.mu.Lock()
	w.advance(now)
	return w.now
}

// Builder populates a world during Build. It is not safe for concurrent use
// and must not be kept after Build returns.
type Builder struct {
	w     *World
	clock *ManualClock
}

// World is the world being built; its ordinary methods act at the builder's
// current instant.
func (b *Builder) World() *World { return b.w }

// At moves the build clock to t and runs the simulation up to it. Time never
// goes backwards.
func (b *Builder) At(t time.Time) {
	b.clock.Set(t)
	b.w.mu.Lock()
	b.w.advance(b.clock.Now())
	b.w.mu.Unlock()
}

// Now is the build clock's reading.
func (b *Builder) Now() time.Time { return b.clock.Now() }

// AddModelProfile registers how a project's models train and behave.
func (b *Builder) AddModelProfile(p ModelProfile) {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	cp := p
	b.w.profiles[p.Project] = &cp
}
