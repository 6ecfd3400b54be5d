package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/e2e/term"
)

// Listing a group's versions describes each one and reads its report:
// allow for a slow machine.
const registryWait = 90 * time.Second

// versionRow reads a row of the versions list: cursor, mark, version and
// approval status.
var versionRow = regexp.MustCompile(`^(>| )(●| ) +v(\d+) .*? (Pending|Approved|Rejected) `)

type listedVersion struct {
	line     int
	selected bool
	version  int
	approval string
}

func listedVersions(screen string) []listedVersion {
	var out []listedVersion
	for i, l := range strings.Split(screen, "\n") {
		m := versionRow.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[3])
		out = append(out, listedVersion{line: i, selected: m[1] == ">", version: n, approval: m[4]})
	}
	return out
}

// openHDBVersions opens the HDB resale valuation group's versions from the
// Registry pane.
func openHDBVersions(t *testing.T, tm *term.Term) string {
	t.Helper()
	tm.WaitText(t, registryWait, "hdb-resale-valuation", "VERSIONS", "APPROVED")
	send(t, tm, "/hdb-resale-valuation"+term.Enter)
	tm.WaitText(t, 10*time.Second, "1 of ")
	send(t, tm, term.Enter)
	return tm.WaitText(t, registryWait, "Registry > hdb-resale-valuation", "APPROVAL", "RMSE↓")
}

// selectVersion moves the cursor onto version n, whatever was registered
// meanwhile.
func selectVersion(t *testing.T, tm *term.Term, n int) {
	t.Helper()
	for try := 0; try < 5; try++ {
		rows := listedVersions(tm.Screen())
		cur, target := -1, -1
		for i, r := range rows {
			if r.selected {
				cur = i
			}
			if r.version == n {
				target = i
			}
		}
		if target < 0 || cur < 0 {
			t.Fatalf("v%d or the cursor is not on screen:\n%s", n, tm.Screen())
		}
		if cur == target {
			return
		}
		key := "j"
		if target < cur {
			key = "k"
		}
		send(t, tm, strings.Repeat(key, abs(target-cur)))
		if _, err := tm.WaitFor(5*time.Second, func(s string) bool {
			for _, r := range listedVersions(s) {
				if r.selected {
					return r.version == n
				}
			}
			return false
		}); err == nil {
			return
		}
	}
	t.Fatalf("could not put the cursor on v%d:\n%s", n, tm.Screen())
}

// approveInComparison approves version (of hdb-resale-valuation), the
// comparison's focused column, with a comment: the form, the dialog that
// shows the exact UpdateModelPackage call, AWS's answer, and the status
// change the next poll brings (version becomes the baseline). It returns
// the versions list it goes back to.
func approveInComparison(t *testing.T, tm *term.Term, version, comment string) string {
	t.Helper()
	send(t, tm, "a")
	tm.WaitText(t, 10*time.Second, "Approve hdb-resale-valuation "+version, "Comment")
	send(t, tm, comment)
	send(t, tm, term.Enter)
	tm.WaitText(t, 10*time.Second, "Approve a model version?", "sagemaker:UpdateModelPackage", "ModelApprovalStatus: Approved",
		`ApprovalDescription: "`+comment+`"`)
	send(t, tm, "y")
	tm.WaitText(t, 30*time.Second, "Approved hdb-resale-valuation "+version+".")
	tm.WaitText(t, registryWait, "Deltas against "+version+", the approved version (production).", version+" (base)")
	send(t, tm, term.Esc)
	return tm.WaitText(t, 10*time.Second, "✓ AWS answered: Approved hdb-resale-valuation "+version+".")
}

func send(t *testing.T, tm *term.Term, keys string) {
	t.Helper()
	if err := tm.Send(keys); err != nil {
		t.Fatal(err)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestRegistryEngineerComparesAndApproves is an MLOps engineer's morning:
// open the HDB model, compare the newest candidate with production,
// approve it with a comment, and see AWS's answer and the new status.
func TestRegistryEngineerComparesAndApproves(t *testing.T) {
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "mlops-engineer", "--sandbox-speed", "5", "--pane", "registry")
	screen := openHDBVersions(t, tm)

	pending, approved := 0, 0
	for _, r := range listedVersions(screen) {
		if r.approval == "Pending" && pending == 0 {
			pending = r.version
		}
		if r.approval == "Approved" && approved == 0 {
			approved = r.version
		}
	}
	if pending == 0 || approved == 0 {
		t.Fatalf("the HDB group should have a pending and an approved version:\n%s", screen)
	}
	p, a := "v"+strconv.Itoa(pending), "v"+strconv.Itoa(approved)

	selectVersion(t, tm, pending)
	send(t, tm, " ")
	selectVersion(t, tm, approved)
	send(t, tm, " ")
	tm.WaitText(t, 10*time.Second, "2 marked", "● marked: ")

	send(t, tm, "c")
	first, second := a, p
	if pending < approved {
		first, second = p, a
	}
	tm.WaitText(t, 10*time.Second, "compare "+first+" "+second, "Deltas against "+a+", the approved version (production).",
		a+" (base)", "rmse ↓", "★", "Hyperparameters that differ")
	if pending < approved {
		send(t, tm, term.Left) // the newest column has the focus; the candidate is older here
	}

	screen = approveInComparison(t, tm, p, "Beats production on the May 2025 hold-out.")
	for _, r := range listedVersions(screen) {
		if r.version == pending && r.approval != "Approved" {
			t.Fatalf("%s is listed as %s after its approval:\n%s", p, r.approval, screen)
		}
	}

	selectVersion(t, tm, pending)
	send(t, tm, term.Enter)
	tm.WaitText(t, 10*time.Second, "Registry > hdb-resale-valuation > "+p, "comment          Beats production on the May 2025 hold-out.",
		"decided by")
}

// TestRegistryDataScientistMayNotApprove: a data scientist presses the
// approve key and is told, in a sentence, that the role may not; nothing
// is sent and the version stays pending.
func TestRegistryDataScientistMayNotApprove(t *testing.T) {
	// lim-jia-hui is a data scientist with the ag:role tag on her profile.
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "lim-jia-hui", "--sandbox-speed", "5", "--pane", "registry")
	screen := openHDBVersions(t, tm)
	if header := strings.SplitN(screen, "\n", 2)[0]; !strings.Contains(header, "lim-jia-hui (data scientist)") {
		t.Fatalf("agdash should know lim-jia-hui as a data scientist: %q", header)
	}
	pending := 0
	for _, r := range listedVersions(screen) {
		if r.approval == "Pending" {
			pending = r.version
			break
		}
	}
	if pending == 0 {
		t.Fatalf("no pending version to approve:\n%s", screen)
	}
	p := "v" + strconv.Itoa(pending)
	selectVersion(t, tm, pending)
	send(t, tm, "a")
	tm.WaitText(t, 10*time.Second, "Refused: approve the version — the data scientist role may not approve a model version.")
	if s := tm.Screen(); strings.Contains(s, "Approve hdb-resale-valuation") || strings.Contains(s, "Approve a model version?") {
		t.Fatalf("the comment form or the confirmation opened for a data scientist:\n%s", s)
	}
	send(t, tm, "r")
	tm.WaitText(t, 10*time.Second, "Refused: reject the version — the data scientist role may not reject a model version.")
	for _, r := range listedVersions(tm.Screen()) {
		if r.version == pending && r.approval != "Pending" {
			t.Fatalf("%s changed to %s though the approval was refused", p, r.approval)
		}
	}
}
