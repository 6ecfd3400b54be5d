package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// fresh reads the status line's "projects 3s ago".
var freshProjects = regexp.MustCompile(`(^|\s)projects \d+s ago`)

// An SSO user's session runs out while agdash is open: a banner says how
// to log in again, the data stays on screen, and once they have (the
// sandbox takes the credentials again), ctrl+r reloads the credentials
// and identity and every feed is fresh, without restarting agdash.
func TestExpiredCredentialsKeepTheDataAndCtrlRRecoversWithoutARestart(t *testing.T) {
	sb := startSideSandbox(t, 1)
	tm, _ := agdashOn(t, sb, 140, 30, sideRun{role: "data-scientist", profile: "analytics"})
	tm.WaitText(t, dataWaitLong, "[1 Projects]", "hdb-resale-valuation", "5 projects")
	awaitScreen(t, tm, dataWaitLong, "the projects feed to settle", func(s string) bool { return freshProjects.MatchString(statusLine(s)) })

	sb.setFaults(t, server.Faults{CredentialsExpireAfter: 1}) // every call from now on: ExpiredTokenException
	press(t, tm, ctrlRKey)                                    // poll now rather than in a minute
	const banner = "Credentials expired: run  aws sso login --profile analytics  then ctrl+r"
	screen := tm.WaitText(t, dataWaitLong, banner)
	if !strings.Contains(screen, "hdb-resale-valuation") || !strings.Contains(screen, "5 projects") {
		t.Fatalf("the projects went from the screen when the credentials expired:\n%s", screen)
	}
	awaitScreen(t, tm, dataWaitLong, "the feed marked stale with the error", func(s string) bool {
		st := statusLine(s)
		return strings.Contains(st, "projects stale") && strings.Contains(st, "Credentials expired")
	})

	// ctrl+r before logging in again: still refused, and it says so.
	press(t, tm, ctrlRKey)
	screen = tm.WaitText(t, dataWaitLong, "The credentials are still not accepted", banner)
	if !strings.Contains(screen, "hdb-resale-valuation") {
		t.Fatalf("a failed reload dropped the data:\n%s", screen)
	}

	// The user logs in again; ctrl+r brings everything back.
	sb.setFaults(t, server.Faults{})
	press(t, tm, ctrlRKey)
	tm.WaitText(t, dataWaitLong, "Credentials reloaded: acting as lim-jia-hui")
	screen = awaitScreen(t, tm, dataWaitLong, "the banner to go and the feed to be fresh", func(s string) bool {
		return !strings.Contains(s, "Credentials expired") && freshProjects.MatchString(statusLine(s))
	})
	if !strings.Contains(screen, "hdb-resale-valuation") || !strings.Contains(screen, "lim-jia-hui (data scientist)") {
		t.Fatalf("after the reload the projects and the identity should be back:\n%s", screen)
	}
	if exited, err := tm.Exited(); exited {
		t.Fatalf("agdash exited: %v", err)
	}
}
