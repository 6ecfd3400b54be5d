package governance

import (
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// Usage counts, per project name, what each project runs now and the
// training instance-hours it has used this month (see InstanceHours).
//
// Running jobs are InProgress or Stopping; endpoints count unless Failed,
// Deleting or OutOfService; running apps are those of the project's
// members (Studio apps carry no project tag, so a member of two projects
// counts in both). Every project in in.Projects has an entry; resources
// of projects agdash has not listed are not counted.
func Usage(in Input, now time.Time) map[string]domain.ProjectUsage {
	idx := newProjectIndex(in.Projects)
	out := make(map[string]domain.ProjectUsage, len(in.Projects))
	for _, p := range in.Projects {
		out[p.Name] = domain.ProjectUsage{}
	}
	monthStart := MonthStart(now)
	for _, j := range in.Jobs {
		p, ok := idx.lookup(j.Project())
		if !ok {
			continue
		}
		u := out[p.Name]
		if j.Running() {
			u.RunningJobs++
		}
		u.InstanceHoursMonth += InstanceHours(j, monthStart, now)
		out[p.Name] = u
	}
	for _, e := range in.Endpoints {
		if p, ok := idx.lookup(e.Project); ok && endpointRunning(e.Status) {
			u := out[p.Name]
			u.Endpoints++
			out[p.Name] = u
		}
	}
	for _, pl := range in.Pipelines {
		if p, ok := idx.lookup(pl.Project); ok {
			u := out[p.Name]
			u.Pipelines++
			out[p.Name] = u
		}
	}
	for _, a := range in.Apps {
		if !a.Running() || a.UserProfile == "" {
			continue
		}
		user, ok := findUser(in.Users, a.DomainID, a.UserProfile)
		if !ok {
			continue
		}
		for _, p := range idx.of(user) {
			u := out[p.Name]
			u.RunningApps++
			out[p.Name] = u
		}
	}
	return out
}

// MonthStart is midnight on the first of now's month in UTC, the calendar
// AWS bills by.
func MonthStart(now time.Time) time.Time {
	u := now.UTC()
	return time.Date(u.Year(), u.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// InstanceHours is the instance-hours a training job used between from
// and now: its training time times its instance count (at least one),
// counting only the part of the job inside [from, now].
//
// A finished job trained for TrainingSeconds ending at EndedAt (or, if
// that is unknown, at LastModified). A running job has trained since
// StartedAt. When those are unknown (a job only listed, never described)
// the job's whole life since CreatedAt is counted, which overstates by
// the minutes spent starting instances.
func InstanceHours(j domain.TrainingJobSummary, from, now time.Time) float64 {
	var start, end time.Time
	if j.Running() {
		start, end = j.StartedAt(), now
		if start.IsZero() {
			start = j.CreatedAt()
		}
	} else {
		end = j.EndedAt()
		if end.IsZero() {
			end = j.LastModified()
		}
		switch {
		case j.TrainingSeconds() > 0:
			start = end.Add(-time.Duration(j.TrainingSeconds()) * time.Second)
		case !j.StartedAt().IsZero():
			start = j.StartedAt()
		default:
			start = j.CreatedAt()
		}
	}
	if start.IsZero() || end.IsZero() {
		return 0
	}
	if start.Before(from) {
		start = from
	}
	if end.After(now) {
		end = now
	}
	if !end.After(start) {
		return 0
	}
	return end.Sub(start).Hours() * float64(max(1, j.InstanceCount()))
}
