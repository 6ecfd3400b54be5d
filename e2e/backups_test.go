package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/e2e/term"
)

// Describing a file system's month of recovery points takes a few dozen
// calls: allow for a slow, shared machine.
const backupsWait = 90 * time.Second

// altKey is alt+key as a terminal sends it.
func altKey(key string) string { return term.Esc + key }

func sendKeys(t *testing.T, tm *term.Term, keys string) {
	t.Helper()
	if err := tm.Send(keys); err != nil {
		t.Fatal(err)
	}
}

// openHDBTimeline opens the HDB domain's home file system and waits for
// its recovery points.
func openHDBTimeline(t *testing.T, tm *term.Term) string {
	t.Helper()
	tm.WaitText(t, backupsWait, "hdb-analytics", "FILE SYSTEM", "Restore jobs (30 days)")
	sendKeys(t, tm, "/hdb-analytics"+term.Enter)
	tm.WaitText(t, 10*time.Second, "1 of 3 file systems")
	sendKeys(t, tm, term.Enter)
	return tm.WaitText(t, backupsWait, "Backups > hdb-analytics", "recovery points · newest", "TAKEN", "COMPLETED")
}

// threeDaysAgoSelected matches the timeline's selected point three
// calendar days back: its age counts calendar days, as alt+3 does.
var threeDaysAgoSelected = regexp.MustCompile(`\(3d ago\) · COMPLETED`)

// startedHere reads the followed restore job's headline: its status.
var startedHere = regexp.MustCompile(`Restore job [0-9A-F-]{36}  ([A-Z]+) .*\* started here`)

// TestBackupsAdminRestoresFromThreeDaysAgo is a project admin's errand:
// a data scientist deleted a notebook; bring it back from the backup of
// three days ago and watch the restore job until it completes.
func TestBackupsAdminRestoresFromThreeDaysAgo(t *testing.T) {
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "project-admin", "--sandbox-speed", "60", "--pane", "backups")
	openHDBTimeline(t, tm)

	// The point of three days ago, picked from the timeline.
	sendKeys(t, tm, altKey("3"))
	// The pick and the age beside it both count calendar days, so the
	// point reads "3d ago" even shortly after midnight, when it is only
	// two days and a few hours old.
	if s, err := tm.WaitFor(10*time.Second, threeDaysAgoSelected.MatchString); err != nil {
		t.Fatalf("alt+3 did not select the point of three days ago: %v\n%s", err, s)
	}

	sendKeys(t, tm, "r")
	tm.WaitText(t, 10*time.Second, "Restore > choose the user", "HOME", "lim-jia-hui")
	sendKeys(t, tm, "/lim-jia-hui"+term.Enter)
	tm.WaitText(t, 10*time.Second, "1 of 5 users")
	sendKeys(t, tm, term.Enter)
	form := tm.WaitText(t, 10*time.Second, "Restore files of lim-jia-hui (home /", "Recovery point 3 days ago",
		"nothing is overwritten", "From          ")
	home := regexp.MustCompile(`home (/\d+)\)`).FindStringSubmatch(form)
	if home == nil {
		t.Fatalf("no home directory named:\n%s", form)
	}

	sendKeys(t, tm, "notebooks/resale-eda.R")
	tm.WaitText(t, 10*time.Second, "Restores      "+home[1]+"/notebooks/resale-eda.R")
	sendKeys(t, tm, term.Enter) // the last field: review
	tm.WaitText(t, 10*time.Second, "Start a restore job?", "backup:StartRestoreJob", "newFileSystem: false",
		`itemsToRestore: "`+home[1]+`/notebooks/resale-eda.R"`, "IdempotencyToken: agdash-restore-")
	sendKeys(t, tm, "y")

	tm.WaitText(t, 30*time.Second, "Backups > Restore jobs", "* started here", "the recovery point of")
	screen, err := tm.WaitFor(backupsWait, func(s string) bool {
		m := startedHere.FindStringSubmatch(s)
		return m != nil && (m[1] == "COMPLETED" || m[1] == "FAILED" || m[1] == "ABORTED")
	})
	if err != nil {
		t.Fatalf("the restore job did not finish: %v\n%s", err, screen)
	}
	if m := startedHere.FindStringSubmatch(screen); m[1] != "COMPLETED" {
		t.Fatalf("the restore job ended %s:\n%s", m[1], screen)
	}
	for _, want := range []string{"100%", "Restored to", "Lands in      a new directory aws-backup-restore_<timestamp> at its root"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the completed job does not show %q:\n%s", want, screen)
		}
	}
}

// TestBackupsDataScientistIsRefused: a data scientist may look at the
// backups but not restore. agdash refuses by itself when it knows the
// caller's AG role; when it does not, AWS refuses and agdash says so.
func TestBackupsDataScientistIsRefused(t *testing.T) {
	// lim-jia-hui is a data scientist with the ag:role tag on her profile.
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "lim-jia-hui", "--sandbox-speed", "60", "--pane", "backups")
	screen := openHDBTimeline(t, tm)
	header := strings.SplitN(screen, "\n", 2)[0]
	switch {
	case strings.Contains(header, "data scientist"):
		tm.WaitText(t, 10*time.Second, "r restore: refused — the data scientist role may not start a restore job.")
		sendKeys(t, tm, "r")
		tm.WaitText(t, 10*time.Second, "Refused: restore from this point — the data scientist role may not start a restore job.")
		if s := tm.Screen(); strings.Contains(s, "choose the user") {
			t.Fatalf("the restore opened for a data scientist:\n%s", s)
		}
	case strings.Contains(header, "unknown role"):
		t.Logf("agdash does not know lim-jia-hui's role (header %q): expecting AWS's refusal", strings.TrimSpace(header))
		sendKeys(t, tm, "r")
		tm.WaitText(t, 10*time.Second, "Restore > choose the user")
		sendKeys(t, tm, term.Enter)
		tm.WaitText(t, 10*time.Second, "Recovery point newest")
		sendKeys(t, tm, "notebooks/resale-eda.R"+term.Enter)
		tm.WaitText(t, 10*time.Second, "Start a restore job?")
		sendKeys(t, tm, "y")
		tm.WaitText(t, 30*time.Second, "✗ AWS denied backup:StartRestoreJob", "is not authorized to perform: backup:StartRestoreJob",
			"enter: ask to confirm again")
	default:
		t.Fatalf("the header names no role:\n%s", screen)
	}
}
