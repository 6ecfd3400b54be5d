package scenario

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// pipelines registers each project's pipeline.
func (g *gen) pipelines() error {
	for i := range g.s.Projects {
		p := &g.s.Projects[i]
		pi := g.proj[p.Name]
		def, err := g.definition(pi, g.s.PipelineShapes[p.Pipeline.Shape])
		if err != nil {
			return err
		}
		by := g.member(p.Name, "mlops-engineer", 0)
		if err := g.b.AddPipeline(world.Pipeline{
			PipelineName: p.Name, PipelineDisplayName: p.Name, PipelineDescription: p.Description + " (" + p.Pipeline.Shape + " pipeline)",
			PipelineDefinition: def, RoleArn: g.domains[p.Agency].role,
			CreationTime: pi.created.Add(24 * time.Hour), LastModifiedTime: pi.created.Add(9 * 24 * time.Hour),
			CreatedBy: by, LastModifiedBy: by, Tags: g.projectTags(p.Name),
		}); err != nil {
			return fmt.Errorf("pipeline %s: %w", p.Name, err)
		}
	}
	return nil
}

// member finds the n-th user of a project with a role (any role if none).
func (g *gen) member(project, role string, n int) world.UserContext {
	var names []string
	for name, u := range g.users {
		if u.user.Role == role && contains(u.user.Projects, project) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		for name, u := range g.users {
			if contains(u.user.Projects, project) {
				names = append(names, name)
			}
		}
	}
	if len(names) == 0 {
		return world.UserContext{}
	}
	sort.Strings(names)
	u := g.users[names[n%len(names)]]
	return world.UserContext{UserProfileName: u.user.Name, DomainId: u.domainID, UserProfileArn: g.smArn("user-profile", u.domainID+"/"+u.user.Name)}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// executions schedules each pipeline's historical runs, their fates and the
// approvals that follow the versions they register.
func (g *gen) executions(histStart time.Time) {
	fp := g.s.Registry.FailuresPerPipeline
	for i := range g.s.Projects {
		p := &g.s.Projects[i]
		pi := g.proj[p.Name]
		r := g.rand("executions/" + p.Name)
		n := p.Pipeline.Executions
		fates := make([]world.ExecutionFate, n)
		// Failures land before the last two runs, which register the
		// production version and the newest candidate.
		slots := r.Perm(max(n-2, 0))
		k := 0
		trainStep := "TrainModel"
		for _, st := range g.s.PipelineShapes[p.Pipeline.Shape] {
			if st.Type == "Training" {
				trainStep = st.Name
			}
		}
		for j := 0; j < fp.Training && k < len(slots); j, k = j+1, k+1 {
			fates[slots[k]] = world.ExecutionFate{FailStep: trainStep, FailureIndex: -1}
		}
		for j := 0; j < fp.Quality && k < len(slots); j, k = j+1, k+1 {
			fates[slots[k]] = world.ExecutionFate{BadQuality: true}
		}
		span := g.start.Add(-24 * time.Hour).Sub(histStart.Add(48 * time.Hour))
		version := 0
		successes := 0
		for _, f := range fates {
			if f.FailStep == "" && !f.BadQuality {
				successes++
			}
		}
		for e := 0; e < n; e++ {
			at := histStart.Add(48*time.Hour + span*time.Duration(e)/time.Duration(n))
			at = businessHours(at.Add(time.Duration(r.Range(0, 20)) * time.Hour))
			pi.execTimes = append(pi.execTimes, at)
			fate := fates[e]
			in := g.executionInput(p, e, r)
			var execArn string
			g.later(at, func() error {
				arn, err := g.b.StartPipelineExecution(in, fate)
				execArn = arn
				return err
			})
			if fate.FailStep != "" || fate.BadQuality {
				continue
			}
			version++
			if version == successes {
				continue // the newest candidate waits for review
			}
			status, desc := g.review(p, version, successes, r)
			reviewer := g.member(p.Name, "mlops-engineer", version)
			g.later(at.Add(time.Duration(18+r.Intn(30))*time.Hour), func() error {
				steps, err := g.w.PipelineExecutionSteps(execArn, world.Ascending)
				if err != nil {
					return err
				}
				for _, s := range steps {
					if s.Metadata.RegisterModel != nil {
						_, err := g.w.UpdateModelPackage(world.UpdateModelPackageInput{ModelPackageArn: s.Metadata.RegisterModel.Arn,
							ModelApprovalStatus: status, ApprovalDescription: desc,
							Caller: world.Caller{UserProfileName: reviewer.UserProfileName, DomainId: reviewer.DomainId}})
						return err
					}
				}
				ex, _ := g.w.PipelineExecution(execArn)
				detail := ex.PipelineExecutionStatus + " " + ex.FailureReason
				for _, s := range steps {
					detail += "; " + s.StepName + "=" + s.StepStatus + " " + s.FailureReason
				}
				return fmt.Errorf("execution %s of %s registered no model (%s)", execArn, p.Name, detail)
			})
		}
		if p.Pipeline.Running {
			in := g.executionInput(p, n, r)
			in.PipelineExecutionDescription = "Monthly retrain with the latest resale transactions"
			g.later(g.start.Add(-25*time.Minute), func() error {
				_, err := g.b.StartPipelineExecution(in, world.ExecutionFate{FailureIndex: -1})
				return err
			})
		}
	}
}

// review decides a version's approval: the last before the newest is the
// production version; older ones were approved in their day or rejected.
func (g *gen) review(p *Project, version, successes int, r *world.Rand) (string, string) {
	metric := strings.ToUpper(headlineName(p.Problem))
	if version == successes-1 {
		return world.Approved, fmt.Sprintf("Approved for production: best %s on the hold-out set; bias and drift checks passed.", metric)
	}
	if r.Float64() < 0.55 {
		return world.Approved, fmt.Sprintf("Approved for production after review of %s and residuals.", metric)
	}
	reasons := []string{
		fmt.Sprintf("Rejected: %s worse than the production version on the latest quarter.", metric),
		"Rejected: feature drift in the training window; retrain after the data fix.",
		"Rejected: fairness review found a gap between segments above tolerance.",
	}
	return world.Rejected, reasons[r.Intn(len(reasons))]
}

func (g *gen) executionInput(p *Project, e int, r *world.Rand) world.StartPipelineExecutionInput {
	who := g.member(p.Name, "data-scientist", e)
	if e%3 == 0 {
		who = g.member(p.Name, "mlops-engineer", e)
	}
	in := world.StartPipelineExecutionInput{
		PipelineName: p.Name,
		Caller:       world.Caller{UserProfileName: who.UserProfileName, DomainId: who.DomainId},
	}
	if e%4 == 0 {
		in.PipelineExecutionDescription = "Scheduled retrain"
	}
	if keys := slices.Sorted(maps.Keys(p.Hyperparameters)); len(keys) > 0 && r.Float64() < 0.35 {
		k := keys[r.Intn(len(keys))]
		vals := p.Hyperparameters[k]
		in.PipelineParameters = []world.Parameter{{Name: paramName(k), Value: vals[r.Intn(len(vals))]}}
		in.PipelineExecutionDescription = "Try " + k + "=" + in.PipelineParameters[0].Value
	}
	return in
}

// businessHours moves an instant into a Singapore working day.
func businessHours(t time.Time) time.Time {
	sgt := t.Add(8 * time.Hour)
	h := sgt.Hour()
	if h < 9 || h >= 18 {
		sgt = time.Date(sgt.Year(), sgt.Month(), sgt.Day(), 10, sgt.Minute(), 0, 0, time.UTC)
		if h >= 18 {
			sgt = sgt.Add(24 * time.Hour)
		}
	}
	switch sgt.Weekday() {
	case time.Saturday:
		sgt = sgt.Add(48 * time.Hour)
	case time.Sunday:
		sgt = sgt.Add(24 * time.Hour)
	}
	return sgt.Add(-8 * time.Hour)
}

// trainingHistory seeds the notebook-launched jobs, the running ones and
// the governance plants.
func (g *gen) trainingHistory() error {
	h := g.s.History
	histStart := g.start.Add(-time.Duration(h.Days) * 24 * time.Hour)
	pipelineJobs := 0
	for _, p := range g.s.Projects {
		pipelineJobs += p.Pipeline.Executions
	}
	total := int(math.Round(float64(h.TrainingJobs) * g.opts.Scale))
	adhoc := total - pipelineJobs - h.InProgress - 2
	if adhoc < 0 {
		adhoc = 0
	}
	outcomes := []world.TrainingJobStatus{world.TrainingCompleted, world.TrainingFailed, world.TrainingStopped}
	weights := []float64{float64(h.Outcomes["Completed"]), float64(h.Outcomes["Failed"]), float64(h.Outcomes["Stopped"])}
	r := g.rand("adhoc")
	last := g.start.Add(-24 * time.Hour)
	span := last.Sub(histStart)
	times := make([]int64, adhoc)
	for i := range times {
		times[i] = histStart.UnixMilli() + int64(r.Float64()*float64(span.Milliseconds()))
	}
	sort.Slice(times, func(a, b int) bool { return times[a] < times[b] })
	seeds := make([]world.TrainingJobSeed, 0, adhoc+h.InProgress+2)
	used := make(map[string]bool, adhoc)
	for i := 0; i < adhoc; i++ {
		pi := g.proj[g.s.Projects[r.Intn(len(g.s.Projects))].Name]
		p := pi.p
		t := time.UnixMilli(times[i]).UTC()
		name := uniqueName(used, p.JobPrefix, t)
		s := world.TrainingJobSeed{
			Name: name, CreationTime: t, Spec: pi.spec, Profile: p.Name, FailureIndex: -1,
			InstanceType: p.Limits.Training[r.Intn(len(p.Limits.Training))],
			Outcome:      outcomes[r.Pick(weights)],
		}
		if r.Float64() < 0.7 {
			s.HyperParameterVariant = uint32(r.Uint64()) | 1
		}
		if r.Float64() < 0.04 {
			s.InstanceCount = 2
		}
		seeds = append(seeds, s)
	}
	for i := 0; i < h.InProgress; i++ {
		pi := g.proj[g.s.Projects[i%len(g.s.Projects)].Name]
		t := g.start.Add(-time.Duration(8+i*11) * time.Minute)
		seeds = append(seeds, world.TrainingJobSeed{
			Name: uniqueName(used, pi.p.JobPrefix, t), CreationTime: t, Spec: pi.spec, Profile: pi.p.Name, FailureIndex: -1,
			Outcome: world.TrainingCompleted, Duration: time.Duration(70+i*23) * time.Minute, HyperParameterVariant: uint32(i + 1),
		})
	}
	if ol := g.s.Governance.OverLimitJob; ol.Project != "" {
		pi := g.proj[ol.Project]
		running, err1 := offset(ol.RunningFor)
		totalDur, err2 := offset(ol.Total)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("governance.over_limit_job: running_for and total must be durations such as 4h")
		}
		t := g.start.Add(-running)
		seeds = append(seeds, world.TrainingJobSeed{
			Name: uniqueName(used, pi.p.JobPrefix+"-gpu", t), CreationTime: t, Spec: pi.spec, Profile: pi.p.Name, FailureIndex: -1,
			InstanceType: ol.Instance, Outcome: world.TrainingCompleted, Duration: totalDur,
		})
	}
	if uj := g.s.Governance.UntaggedJob; uj.Name != "" {
		pi := g.proj[g.s.Projects[0].Name]
		t := g.start.Add(-3*24*time.Hour + 5*time.Hour)
		seeds = append(seeds, world.TrainingJobSeed{
			Name: uniqueName(used, uj.Name, t), CreationTime: t, Spec: pi.spec, Profile: pi.p.Name, FailureIndex: -1,
			InstanceType: uj.Instance, Outcome: world.TrainingCompleted, Tags: []world.Tag{},
		})
	}
	return g.b.AddTrainingJobs(seeds)
}

// uniqueName is the SageMaker SDK's default job name: base and a
// millisecond timestamp, nudged until unique.
func uniqueName(used map[string]bool, base string, t time.Time) string {
	for {
		name := base + "-" + t.Format("2006-01-02-15-04-05-000")
		if !used[name] {
			used[name] = true
			return name
		}
		t = t.Add(time.Millisecond)
	}
}
