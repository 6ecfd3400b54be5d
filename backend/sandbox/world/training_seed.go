package world

import (
	"sort"
	"strings"
	"time"
)

// TrainingJobSeed is one historical (or already running) training job that
// the scenario places in the world. Spec is shared between many seeds and
// must not be changed afterwards.
type TrainingJobSeed struct {
	Name          string
	CreationTime  time.Time
	Spec          *TrainingJobSpec
	Profile       string // project whose ModelProfile applies
	InstanceType  string // "" keeps Spec's
	InstanceCount int32  // 0 keeps Spec's
	// HyperParameterVariant picks values from the profile's choices; 0 keeps
	// Spec's hyperparameters.
	HyperParameterVariant uint32
	// Outcome is Completed, Failed or Stopped.
	Outcome TrainingJobStatus
	// FailureIndex picks the vocabulary entry of a Failed job (-1: the world
	// picks one that fits).
	FailureIndex int
	// Duration, if set, makes the job end this long after CreationTime.
	Duration time.Duration
	// Tags replace Spec.Tags when not nil.
	Tags []Tag
}

// AddTrainingJobs places jobs in bulk. Jobs whose plan ends after the
// builder's instant keep running when the world starts.
func (b *Builder) AddTrainingJobs(seeds []TrainingJobSeed) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	jobs := make([]*trainingJob, 0, len(seeds))
	seen := make(map[string]bool, len(seeds))
	for i := range seeds {
		s := &seeds[i]
		if s.Spec == nil {
			return invalid("training job seed %q has no spec", s.Name)
		}
		key := strings.ToLower(s.Name)
		if seen[key] || w.training.byName[key] != nil {
			return invalid("training job %q is seeded twice", s.Name)
		}
		seen[key] = true
		j := &trainingJob{
			name:      s.Name,
			spec:      s.Spec,
			profile:   w.profiles[s.Profile],
			hpVariant: s.HyperParameterVariant,
			instType:  s.InstanceType,
			instCount: s.InstanceCount,
			created:   ms(s.CreationTime),
			tags:      s.Tags,
		}
		if j.instType == s.Spec.ResourceConfig.InstanceType {
			j.instType = ""
		}
		if j.profile == nil {
			j.profile = &genericProfile
		}
		w.planJob(j, jobFate{outcome: s.Outcome, failure: s.FailureIndex, total: s.Duration})
		jobs = append(jobs, j)
	}
	w.training.insertBulk(jobs)
	now := ms(w.now)
	for _, j := range jobs {
		if j.endAt() > now {
			w.activate(j)
		} else {
			j.status = j.outcome
		}
	}
	return nil
}

func (w *World) sortedProfiles() []*ModelProfile {
	out := make([]*ModelProfile, 0, len(w.profiles))
	for _, p := range w.profiles {
		out = append(out, p)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Project < out[b].Project })
	return out
}

// Profile returns the model profile registered for a project.
func (w *World) Profile(project string) (ModelProfile, bool) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	p, ok := w.profiles[project]
	if !ok {
		return ModelProfile{}, false
	}
	return *p, true
}
