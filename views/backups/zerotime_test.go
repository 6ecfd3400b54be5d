package backups

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// File systems, recovery points and restore jobs whose times AWS has not
// given say "-" where a time or a length goes.
func TestRowsWithZeroTimes(t *testing.T) {
	clock := func() time.Time { return now }
	fs := kittest.Cells(fsColumns(clock), fsRow{FileSystem: domain.FileSystem{ID: "fs-0hdb0001"}})
	if fs["CREATED"] != "-" {
		t.Errorf("file system CREATED is %q, want -", fs["CREATED"])
	}
	rp := kittest.Cells(pointColumns(clock), domain.RecoveryPoint{ARN: pointARN(1), Status: "COMPLETED"})
	for _, title := range []string{"TAKEN", "AGE"} {
		if rp[title] != "-" {
			t.Errorf("recovery point %s is %q, want -", title, rp[title])
		}
	}
	for _, j := range []domain.RestoreJob{
		{ID: "restore-1", Status: domain.RestoreRunning},
		{ID: "restore-2", Status: domain.RestoreCompleted, CompletedAt: now},
		{ID: "restore-3", Status: domain.RestoreFailed},
	} {
		cells := kittest.Cells(jobColumns(clock, func() string { return "" }), jobRow{RestoreJob: j})
		for _, title := range []string{"CREATED", "TOOK"} {
			if cells[title] != "-" {
				t.Errorf("%s restore job %s is %q, want -", j.Status, title, cells[title])
			}
		}
	}
	if got := pointTime(domain.RecoveryPoint{ARN: pointARN(1)}, now); got != "-" {
		t.Errorf("a point's time is %q, want -", got)
	}
}

// A restore job listed without its times: the detail under the list says
// they are not known, and measures nothing from the year 1.
func TestRestoreJobDetailWithZeroTimes(t *testing.T) {
	h := newHarness(t, kittest.Admin(), 120, 35).loaded(domain.RestoreJob{ID: "restore-zero", Status: domain.RestoreRunning,
		RecoveryPointARN: pointARN(1)})
	h.send(kittest.Key("R"))
	for i := 0; i < 10 && !strings.Contains(h.view(), "Restore job restore-zero"); i++ {
		h.send(kittest.Key("j"))
	}
	out := h.view()
	if !strings.Contains(out, "Restore job restore-zero") {
		t.Fatalf("the zero-time job is not in detail:\n%s", out)
	}
	for _, bad := range []string{"106751", "292y", "d23h", "(-)"} {
		if strings.Contains(out, bad) {
			t.Fatalf("the detail shows %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "Created") || !strings.Contains(out, "Running for") {
		t.Fatalf("no times in the detail:\n%s", out)
	}
}
