// Package backups is the Backups pane: the Studio home file systems (EFS)
// with their AWS Backup recovery points as a timeline, the restore jobs
// with their progress, and the restore flow a project admin follows to
// bring back a user's deleted files.
package backups

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/table"
)

// fsRow is a file system with what its list row shows.
type fsRow struct {
	domain.FileSystem
	Users int
}

func fsColumns(now func() time.Time) []table.Column[fsRow] {
	return []table.Column[fsRow]{
		{Title: "DOMAIN", Width: 14, Flex: 1, Filter: true, Text: func(f fsRow) string { return orDash(f.DomainName) },
			Compare: func(a, b fsRow) int { return strings.Compare(a.DomainName, b.DomainName) }},
		{Title: "FILE SYSTEM", Width: 12, Flex: 1, Filter: true, Text: func(f fsRow) string { return f.ID },
			Compare: func(a, b fsRow) int { return strings.Compare(a.ID, b.ID) }},
		{Title: "NAME", Width: 10, Flex: 2, Drop: 2, Filter: true, Text: func(f fsRow) string { return f.Name }},
		{Title: "USERS", Width: 5, Align: kit.AlignRight, Text: func(f fsRow) string { return strconv.Itoa(f.Users) },
			Compare: func(a, b fsRow) int { return cmp.Compare(a.Users, b.Users) }},
		{Title: "SIZE", Width: 9, Align: kit.AlignRight, Text: func(f fsRow) string { return kit.Bytes(f.SizeBytes) },
			Compare: func(a, b fsRow) int { return cmp.Compare(a.SizeBytes, b.SizeBytes) }},
		{Title: "CREATED", Width: 12, Drop: 1, Text: func(f fsRow) string { return kit.Timestamp(f.CreatedAt, now()) },
			Compare: func(a, b fsRow) int { return a.CreatedAt.Compare(b.CreatedAt) }},
		{Title: "STATE", Width: 9, Text: func(f fsRow) string { return f.State },
			Look: table.StatusLook(func(f fsRow) string { return f.State })},
	}
}

func pointColumns(now func() time.Time) []table.Column[domain.RecoveryPoint] {
	return []table.Column[domain.RecoveryPoint]{
		{Title: "TAKEN", Width: 12, Text: func(r domain.RecoveryPoint) string { return kit.Timestamp(r.CreatedAt, now()) }},
		{Title: "AGE", Width: 9, Align: kit.AlignRight, Text: func(r domain.RecoveryPoint) string { return pointAge(r.CreatedAt, now()) }},
		{Title: "STATUS", Width: 9, Filter: true, Text: func(r domain.RecoveryPoint) string { return r.Status },
			Look: table.StatusLook(func(r domain.RecoveryPoint) string { return r.Status })},
		{Title: "SIZE", Width: 9, Align: kit.AlignRight, Text: func(r domain.RecoveryPoint) string { return kit.Bytes(r.SizeBytes) }},
		{Title: "PLAN", Width: 10, Flex: 1, Drop: 1, Filter: true, Text: func(r domain.RecoveryPoint) string { return r.PlanName }},
		{Title: "VAULT", Width: 10, Flex: 1, Drop: 3, Filter: true, Text: func(r domain.RecoveryPoint) string { return r.Vault }},
	}
}

// jobRow is a restore job with the file system it restores into, when
// agdash can tell.
type jobRow struct {
	domain.RestoreJob
	FS domain.FileSystem // zero when unknown
}

// fsLabel names the job's file system: "hdb-analytics fs-0hdb0001".
func (j jobRow) fsLabel() string {
	switch {
	case j.FS.ID == "":
		return "-"
	case j.FS.DomainName == "":
		return j.FS.ID
	}
	return j.FS.DomainName + " " + j.FS.ID
}

func jobColumns(now func() time.Time, followed func() string) []table.Column[jobRow] {
	return []table.Column[jobRow]{
		{Title: "", Width: 1, Text: func(j jobRow) string {
			if j.ID == followed() {
				return "*"
			}
			return ""
		}, Look: func(_ jobRow, st *themes.Styles) themes.Span { return st.Accent }},
		{Title: "STATUS", Width: 9, Filter: true, Text: func(j jobRow) string { return j.Status },
			Look: table.StatusLook(func(j jobRow) string { return j.Status })},
		{Title: "PROGRESS", Width: 15, Text: func(j jobRow) string { return progressBar(j.RestoreJob, 10) }},
		{Title: "CREATED", Width: 12, Text: func(j jobRow) string { return kit.Timestamp(j.CreatedAt, now()) },
			Compare: func(a, b jobRow) int { return a.CreatedAt.Compare(b.CreatedAt) }},
		{Title: "TOOK", Width: 7, Align: kit.AlignRight, Drop: 1, Text: func(j jobRow) string { return took(j.RestoreJob, now()) }},
		{Title: "FILE SYSTEM", Width: 12, Flex: 2, Filter: true, Text: func(j jobRow) string { return j.fsLabel() }},
		{Title: "JOB ID", Width: 36, Drop: 2, Filter: true, Text: func(j jobRow) string { return j.ID }},
	}
}

func userColumns() []table.Column[domain.User] {
	return []table.Column[domain.User]{
		{Title: "USER", Width: 12, Flex: 2, Filter: true, Text: func(u domain.User) string { return u.Name },
			Compare: func(a, b domain.User) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "HOME", Width: 9, Filter: true, Text: func(u domain.User) string { return orDash(u.HomeDir()) }},
		{Title: "ROLE", Width: 14, Drop: 2, Text: func(u domain.User) string { return u.Role.Label() }},
		{Title: "PROJECTS", Width: 12, Flex: 2, Drop: 1, Filter: true, Text: func(u domain.User) string { return strings.Join(u.Projects, " ") }},
		{Title: "STATUS", Width: 9, Drop: 3, Text: func(u domain.User) string { return u.Status },
			Look: table.StatusLook(func(u domain.User) string { return u.Status })},
	}
}

// percent reads AWS's PercentDone ("42.00%", "42.0", ""); ok is false
// when it says nothing readable.
func percent(j domain.RestoreJob) (float64, bool) {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(j.PercentDone), "%"))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v {
		if j.Status == domain.RestoreCompleted {
			return 100, true
		}
		return 0, false
	}
	if j.Status == domain.RestoreCompleted {
		v = 100
	}
	return min(100, max(0, v)), true
}

// progressBar is a bar of width cells and the percentage: "█████░░░░░  50%".
func progressBar(j domain.RestoreJob, width int) string {
	v, ok := percent(j)
	if !ok {
		return strings.Repeat("░", width) + "    -"
	}
	full := int(v / 100 * float64(width))
	return strings.Repeat("█", full) + strings.Repeat("░", width-full) + " " + kit.Fit(strconv.Itoa(int(v))+"%", 4, kit.AlignRight)
}

// took is how long a finished job ran, or how long a running one has.
func took(j domain.RestoreJob, now time.Time) string {
	switch {
	case j.CreatedAt.IsZero():
		return "-"
	case !j.CompletedAt.IsZero():
		return kit.Duration(j.CompletedAt.Sub(j.CreatedAt))
	case j.Terminal():
		return "-"
	}
	return kit.Duration(now.Sub(j.CreatedAt))
}
