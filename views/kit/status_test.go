package kit

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
)

func TestStatusFamily(t *testing.T) {
	cases := map[string]themes.Family{
		domain.JobInProgress: themes.FamilyRunning, domain.ExecExecuting: themes.FamilyRunning, "CreateInProgress": themes.FamilyRunning,
		domain.JobCompleted: themes.FamilySucceeded, domain.EndpointInService: themes.FamilySucceeded, "CreateCompleted": themes.FamilySucceeded,
		domain.JobFailed: themes.FamilyFailed, "CRIT": themes.FamilyFailed, domain.AlarmAlarm: themes.FamilyFailed,
		"WARN": themes.FamilyWarning, domain.EndpointUpdating: themes.FamilyWarning, domain.JobStopping: themes.FamilyWarning,
		domain.JobStopped: themes.FamilyStopped, domain.RestoreAborted: themes.FamilyStopped,
		domain.RestorePending: themes.FamilyPending, domain.ApprovalPending: themes.FamilyPending, domain.StepNotStarted: themes.FamilyPending,
		"SomethingNew": themes.FamilyNeutral, "": themes.FamilyNeutral,
		"inservice": themes.FamilySucceeded, "INSUFFICIENT_DATA": themes.FamilyWarning, "Queued": themes.FamilyPending,
		// Unicode lower-casing, as strings.ToLower does: the Kelvin sign is a k.
		"O\u212a": themes.FamilySucceeded, "Failed\u00e9": themes.FamilyNeutral,
		strings.Repeat("Completed", 4): themes.FamilyNeutral,
	}
	for s, want := range cases {
		if got := StatusFamily(s); got != want {
			t.Errorf("StatusFamily(%q) = %v, want %v", s, got, want)
		}
	}
}

// Every spelling the table knows fits the buffer StatusFamily lowers into.
func TestStatusSpellingsFitTheBuffer(t *testing.T) {
	for s := range statusFamilies {
		if len(s) > longestStatus {
			t.Errorf("%q is longer than longestStatus (%d)", s, longestStatus)
		}
		if s != strings.ToLower(s) {
			t.Errorf("%q is not lower case: no status would find it", s)
		}
	}
}

// StatusFamily runs for every status cell each frame: it must not
// allocate, whatever the case of the spelling.
func BenchmarkStatusFamily(b *testing.B) {
	statuses := []string{domain.JobInProgress, "CreateInProgress", "CRIT", domain.JobCompleted, "SomethingNew", ""}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range statuses {
			StatusFamily(s)
		}
	}
}

func TestStatusFamilyDoesNotAllocate(t *testing.T) {
	statuses := []string{domain.JobInProgress, "CreateInProgress", "CRIT", domain.JobCompleted, "SomethingNew", ""}
	allocs := testing.AllocsPerRun(100, func() {
		for _, s := range statuses {
			StatusFamily(s)
		}
	})
	if allocs != 0 {
		t.Fatalf("StatusFamily allocated %v times for %d ASCII statuses, want 0", allocs, len(statuses))
	}
}
