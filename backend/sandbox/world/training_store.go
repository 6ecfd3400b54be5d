package world

import (
	"sort"
	"strings"
	"time"
)

// phase indexes into a training job's plan.
const (
	phaseStarting = iota
	phaseDownloading
	phaseTraining
	phaseUploading
	phaseDone // the job ran through Uploading and completed
)

var phaseNames = [4]string{SecondaryStarting, SecondaryDownloading, SecondaryTraining, SecondaryUploading}

// trainingJob is the compact record behind a training job: shared spec and
// profile pointers plus a plan, so that 100,000 jobs stay small. Everything a
// Describe shows is derived from it.
type trainingJob struct {
	name      string
	spec      *TrainingJobSpec
	profile   *ModelProfile
	hpVariant uint32
	instType  string // "" means spec.ResourceConfig.InstanceType
	instCount int32  // 0 means spec.ResourceConfig.InstanceCount
	created   int64  // unix ms
	dur       [4]int32
	trainPlan int32 // the Training phase as first planned, before any failure or stop cut it short
	endPhase  int8
	outcome   TrainingJobStatus
	status    TrainingJobStatus
	stopDur   int32
	failure   int16 // index into cfg.Failures; -1 none
	failText  string
	quality   float32
	gen       uint16 // bumps when the plan changes, so stale end events are ignored
	exec      *execution
	step      string
	tags      []Tag // nil means spec.Tags
	logRate   int32 // extra lines a second per host while training (SetTrainingLogRate); 0 none
}

type trainingStore struct {
	byName     map[string]*trainingJob // lower-case name
	byCreation []*trainingJob          // ascending (created, name)
	byStream   []*trainingJob          // ascending by name+"/" (log stream order)
	active     []*trainingJob          // InProgress or Stopping, ascending creation
	byArtifact map[string]*trainingJob // S3ModelArtifacts of pipeline/API jobs
}

func (s *trainingStore) init() {
	s.byName = map[string]*trainingJob{}
	s.byArtifact = map[string]*trainingJob{}
}

func creationLess(a, b *trainingJob) bool {
	if a.created != b.created {
		return a.created < b.created
	}
	return a.name < b.name
}

// streamLess orders jobs as their log streams sort: by name followed by '/'.
func streamLess(a, b string) bool {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	// One is a prefix of the other: compare the '/' that follows the shorter.
	switch {
	case len(a) == len(b):
		return false
	case len(a) < len(b):
		return '/' < b[len(a)]
	default:
		return a[len(b)] < '/'
	}
}

func (s *trainingStore) insert(j *trainingJob) {
	s.byName[strings.ToLower(j.name)] = j
	i := sort.Search(len(s.byCreation), func(i int) bool { return creationLess(j, s.byCreation[i]) })
	s.byCreation = append(s.byCreation, nil)
	copy(s.byCreation[i+1:], s.byCreation[i:])
	s.byCreation[i] = j
	k := sort.Search(len(s.byStream), func(i int) bool { return streamLess(j.name, s.byStream[i].name) })
	s.byStream = append(s.byStream, nil)
	copy(s.byStream[k+1:], s.byStream[k:])
	s.byStream[k] = j
}

// insertBulk adds many jobs and re-sorts once.
func (s *trainingStore) insertBulk(jobs []*trainingJob) {
	for _, j := range jobs {
		s.byName[strings.ToLower(j.name)] = j
	}
	s.byCreation = append(s.byCreation, jobs...)
	sort.Slice(s.byCreation, func(a, b int) bool { return creationLess(s.byCreation[a], s.byCreation[b]) })
	s.byStream = append(s.byStream, jobs...)
	sort.Slice(s.byStream, func(a, b int) bool { return streamLess(s.byStream[a].name, s.byStream[b].name) })
}

func (s *trainingStore) setActive(j *trainingJob, on bool) {
	for i, a := range s.active {
		if a == j {
			if !on {
				s.active = append(s.active[:i:i], s.active[i+1:]...)
			}
			return
		}
	}
	if on {
		s.active = append(s.active, j)
		sort.Slice(s.active, func(a, b int) bool { return creationLess(s.active[a], s.active[b]) })
	}
}

func (s *trainingStore) get(name string) *trainingJob { return s.byName[strings.ToLower(name)] }

func (j *trainingJob) createdAt() time.Time { return fromMs(j.created) }

func (j *trainingJob) instanceType() string {
	if j.instType != "" {
		return j.instType
	}
	return j.spec.ResourceConfig.InstanceType
}

func (j *trainingJob) instanceCount() int32 {
	if j.instCount > 0 {
		return j.instCount
	}
	if j.spec.ResourceConfig.InstanceCount > 0 {
		return j.spec.ResourceConfig.InstanceCount
	}
	return 1
}

func (j *trainingJob) jobTags() []Tag {
	if j.tags != nil {
		return j.tags
	}
	return j.spec.Tags
}

func (j *trainingJob) projectName() string {
	v, _ := TagValue(j.jobTags(), "sagemaker:project-name")
	return v
}

func isGPU(instanceType string) bool {
	return strings.HasPrefix(instanceType, "ml.p") || strings.HasPrefix(instanceType, "ml.g")
}
