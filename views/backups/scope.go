package backups

import (
	"slices"
	"strings"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

// fsRows joins the file systems with their domains' user counts, narrowed
// to the project in scope: a file system belongs to a project when a user
// of its Studio domain is a member. mapped is false when a scope is set
// but no domain maps to it, and every file system is shown instead.
func fsRows(data backend.FileSystemsData, scope string) (rows []fsRow, mapped bool) {
	all := make([]fsRow, 0, len(data.FileSystems))
	var in []fsRow
	for _, fs := range data.FileSystems {
		r := fsRow{FileSystem: fs, Users: len(data.Users[fs.DomainID])}
		all = append(all, r)
		if scope != "" && domainHasProject(data.Users[fs.DomainID], scope) {
			in = append(in, r)
		}
	}
	if scope == "" {
		return all, true
	}
	if len(in) == 0 {
		return all, false
	}
	return in, true
}

func domainHasProject(users []domain.User, project string) bool {
	for _, u := range users {
		if slices.Contains(u.Projects, project) {
			return true
		}
	}
	return false
}

// jobIndex tells which file system a restore job restores into, from what
// the pane has seen: the job's created resource, the recovery points it
// has loaded, and the jobs it started.
type jobIndex struct {
	fileSystems map[string]domain.FileSystem // by id
	byARN       map[string]string            // file system ARN → id
	pointFS     map[string]string            // recovery point ARN → file system id
	startedFS   map[string]string            // restore job id → file system id
}

func newJobIndex() *jobIndex {
	return &jobIndex{
		fileSystems: map[string]domain.FileSystem{}, byARN: map[string]string{},
		pointFS: map[string]string{}, startedFS: map[string]string{},
	}
}

func (x *jobIndex) addFileSystems(fss []domain.FileSystem) {
	clear(x.fileSystems)
	clear(x.byARN)
	for _, fs := range fss {
		x.fileSystems[fs.ID] = fs
		if fs.ARN != "" {
			x.byARN[fs.ARN] = fs.ID
		}
	}
}

func (x *jobIndex) addPoints(fsID string, points []domain.RecoveryPoint) {
	for _, rp := range points {
		x.pointFS[rp.ARN] = fsID
	}
}

// fsOf is the id of the file system job restores into, "" when unknown:
// the resource it created; the one chosen when it was started here; else
// the resource its recovery point was taken of, since agdash restores
// items into the file system they came from (and a failed job created
// nothing).
func (x *jobIndex) fsOf(j domain.RestoreJob) string {
	if id := x.fsOfARN(j.CreatedResourceARN); id != "" {
		return id
	}
	if id := x.startedFS[j.ID]; id != "" {
		return id
	}
	if id := x.fsOfARN(j.SourceResourceARN); id != "" {
		return id
	}
	return x.pointFS[j.RecoveryPointARN]
}

// fsOfARN is the id of the file system arn names, "" when it names none.
func (x *jobIndex) fsOfARN(arn string) string {
	if id := x.byARN[arn]; id != "" {
		return id
	}
	if _, id, ok := strings.Cut(arn, ":file-system/"); ok && !strings.Contains(id, "/") {
		return id
	}
	return ""
}

// rows joins jobs with their file systems, dropping those known to be
// outside the scoped file systems (inScope nil keeps every job).
func (x *jobIndex) rows(jobs []domain.RestoreJob, inScope map[string]bool) []jobRow {
	out := make([]jobRow, 0, len(jobs))
	for _, j := range jobs {
		id := x.fsOf(j)
		if inScope != nil && id != "" && !inScope[id] {
			continue
		}
		r := jobRow{RestoreJob: j}
		if id != "" {
			r.FS = x.fileSystems[id]
			if r.FS.ID == "" {
				r.FS.ID = id
			}
		}
		out = append(out, r)
	}
	return out
}
