package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/e2e/term"
)

// The sandbox clock runs 30 times faster here: a training iteration, and
// so a log line, every few seconds, and a stopped job reaches Stopped
// within a few seconds.
const (
	shellSpeed = "30"
	// dataWait allows for a feed's first delivery on a slow, shared machine.
	dataWait = 30 * time.Second
	// keyWait is for what a key press changes on screen.
	keyWait = 10 * time.Second
	ctrlK   = "\x0b"
	ctrlR   = "\x12"
)

const hdb = "hdb-resale-valuation"

// sandboxProjects are the default scenario's five projects.
var sandboxProjects = []string{"hdb-flat-demand", hdb, "mom-work-pass-fraud", "mom-wsh-incident-risk", "ssg-course-dropout"}

// projectCounts reads a project row's users, running jobs, endpoints,
// pipelines, instance-hours and findings.
var projectCounts = regexp.MustCompile(` [1-9]\d* +\d+ +\d+ +\d+ +\d+\.\d +\d+$`)

// jobsInfo reads the list's info line: "67 of 361 jobs · 6 running".
var jobsInfo = regexp.MustCompile(`(?:([\d,]+) of )?([\d,]+) jobs(?: · (\d+) running)?`)

// filteredInfo is the info line while a filter hides jobs.
var filteredInfo = regexp.MustCompile(`[\d,]+ of [\d,]+ jobs`)

// jobRow reads a row of the jobs list: cursor, name (maybe cut short),
// status, secondary status, and the project at the end of the line.
var jobRow = regexp.MustCompile(`^(>| )(\S+) +(InProgress|Completed|Failed|Stopping|Stopped) +(\S+) .*? (\S*)$`)

type listedJob struct {
	selected          bool
	name, status, sec string
	project           string
}

func listedJobs(screen string) []listedJob {
	var out []listedJob
	for _, l := range strings.Split(screen, "\n") {
		if m := jobRow.FindStringSubmatch(l); m != nil {
			out = append(out, listedJob{selected: m[1] == ">", name: m[2], status: m[3], sec: m[4], project: m[5]})
		}
	}
	return out
}

// jobCounts are the info line's shown and total counts (shown equals
// total when no filter is on).
func jobCounts(t *testing.T, screen string) (shown, total int) {
	t.Helper()
	m := jobsInfo.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no job count on screen:\n%s", screen)
	}
	total = atoi(t, m[2])
	shown = total
	if m[1] != "" {
		shown = atoi(t, m[1])
	}
	return shown, total
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatalf("not a count: %q", s)
	}
	return n
}

// waitScreen waits until cond holds, failing with what was awaited and
// the screen.
func waitScreen(t *testing.T, tm *term.Term, timeout time.Duration, what string, cond func(string) bool) string {
	t.Helper()
	s, err := tm.WaitFor(timeout, cond)
	if err != nil {
		t.Fatalf("waiting for %s: %v\n--- screen ---\n%s\n--------------", what, err, s)
	}
	return s
}

func gone(texts ...string) func(string) bool {
	return func(s string) bool {
		for _, x := range texts {
			if strings.Contains(s, x) {
				return false
			}
		}
		return true
	}
}

// headerLine is the screen's first line: who, where, and SANDBOX.
func headerLine(screen string) string { return strings.SplitN(screen, "\n", 2)[0] }

// selectTrainingJob puts the cursor on the first job of the list that is
// InProgress in its Training phase, and returns its row.
func selectTrainingJob(t *testing.T, tm *term.Term) listedJob {
	t.Helper()
	for range 20 {
		rows := listedJobs(tm.Screen())
		cur := -1
		for i, r := range rows {
			if r.selected {
				cur = i
			}
		}
		target := -1
		for i, r := range rows {
			if r.status == "InProgress" && r.sec == "Training" {
				target = i
				break
			}
		}
		if cur < 0 || target < 0 {
			t.Fatalf("no cursor, or no job InProgress in Training:\n%s", tm.Screen())
		}
		if cur == target {
			return rows[cur]
		}
		key := "j"
		if target < cur {
			key = "k"
		}
		before := rows[cur].name
		send(t, tm, key)
		waitScreen(t, tm, keyWait, "the cursor to move", func(s string) bool {
			for _, r := range listedJobs(s) {
				if r.selected {
					return r.name != before
				}
			}
			return false
		})
	}
	t.Fatalf("could not put the cursor on a training job:\n%s", tm.Screen())
	return listedJob{}
}

// detailStatus is the status beside the open job's name in its detail.
func detailStatus(screen, name string) string {
	for _, l := range strings.Split(screen, "\n") {
		if rest, ok := strings.CutPrefix(l, " "+name+"  "); ok {
			status, _, _ := strings.Cut(rest, " ")
			return status
		}
	}
	return ""
}

// matchInfo reads the log search's place: "match 2 of 5" or "5 matches".
var matchInfo = regexp.MustCompile(`match (\d+) of (\d+)|(\d+) match(?:es)? ·`)

// logLines reads the log view's line count ("· 7 lines").
var logLines = regexp.MustCompile(`(\d+) lines`)

func logLineCount(screen string) int {
	m := logLines.FindStringSubmatch(screen)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// othersListed reports whether the list shows jobs of projects other
// than the HDB resale valuation.
func othersListed(screen string) bool {
	for _, r := range listedJobs(screen) {
		if r.project != "" && !strings.HasPrefix(hdb, strings.TrimSuffix(r.project, "…")) && strings.Contains(r.project, "-") {
			return true
		}
	}
	return false
}

// feedAge reads an age in the status line: "job-logs 13s ago".
var feedAge = regexp.MustCompile(`(\S+) (\d+)(s|m|h|d) ago`)

// checkFeedAges checks the status line's feed ages against the time the
// program has run: the sandbox's clock runs faster than the wall clock
// the feeds poll by, and a feed's age is wall-clock time.
func checkFeedAges(t *testing.T, screen string, running time.Duration) {
	t.Helper()
	status := screen[strings.LastIndex(screen, "\n")+1:]
	units := map[string]time.Duration{"s": time.Second, "m": time.Minute, "h": time.Hour, "d": 24 * time.Hour}
	ms := feedAge.FindAllStringSubmatch(status, -1)
	if len(ms) == 0 {
		t.Fatalf("the status line shows no feed's age: %q", status)
	}
	for _, m := range ms {
		n, _ := strconv.Atoi(m[2])
		if age := time.Duration(n) * units[m[3]]; age > running+time.Second {
			t.Errorf("the status line says %s's data is %s old; agdash has run for %s", m[1], age, running.Round(time.Second))
		}
	}
}

// TestShellDataScientistWatchesAndStopsAJob is a data scientist's session:
// find the way round the panes, narrow the training jobs to the HDB
// project, open a running job, read its logs as they arrive, stop it, and
// leave — the terminal handed back as it was.
func TestShellDataScientistWatchesAndStopsAJob(t *testing.T) {
	started := time.Now()
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-speed", shellSpeed)

	// The Projects pane opens first, with the account's five projects.
	screen := tm.WaitText(t, dataWait, append([]string{"[1 Projects]", "5 projects"}, sandboxProjects...)...)
	if h := headerLine(screen); !strings.Contains(h, "lim-jia-hui (data scientist)") || !strings.Contains(h, "SANDBOX") {
		t.Fatalf("the header should name the data scientist and the sandbox: %q", h)
	}
	// Members and usage follow the early list: counts, never a false 0.
	waitScreen(t, tm, dataWait, "the projects' members and usage", func(s string) bool {
		return !strings.Contains(s, "reading members and usage") && projectCounts.MatchString(lineOf(s, "  "+hdb+" "))
	})

	// Number keys, tab and shift-tab, and command mode switch panes.
	send(t, tm, "2")
	tm.WaitText(t, dataWait, "[2 Training jobs]", "running", "NAME", "SECONDARY")
	send(t, tm, term.Tab)
	tm.WaitText(t, keyWait, "[3 Pipelines]")
	send(t, tm, term.ShiftTab)
	tm.WaitText(t, keyWait, "[2 Training jobs]")
	send(t, tm, term.ShiftTab)
	tm.WaitText(t, keyWait, "[1 Projects]", "5 projects")
	send(t, tm, ":jobs")
	tm.WaitText(t, keyWait, ":jobs")
	send(t, tm, term.Enter)
	tm.WaitText(t, keyWait, "[2 Training jobs]", " jobs · ")

	// Help lists the pane's keys and the shell's, from their key maps.
	send(t, tm, "?")
	help := tm.WaitText(t, keyWait, "Training jobs > Help", "Keys for Training jobs and everywhere")
	help = help[strings.Index(help, "Keys for"):]
	help = help[:strings.LastIndex(help[:strings.LastIndex(help, "\n")], "\n")] // not the key hints below
	for _, want := range [][2]string{
		{"l", "logs"}, {"ctrl+k/S", "stop the job"}, {"c", "copy the job's name"},
		{"p", "jump to its pipeline run"}, {"?", "help"}, {"tab", "next pane"}, {"q", "quit"},
	} {
		if !regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(want[0]) + ` +` + regexp.QuoteMeta(want[1])).MatchString(help) {
			t.Errorf("help lacks %q for %q:\n%s", want[0], want[1], help)
		}
	}
	send(t, tm, term.Esc)
	waitScreen(t, tm, keyWait, "help to close", func(s string) bool {
		return gone("Keys for")(s) && strings.Contains(s, "SECONDARY")
	})

	// A filter narrows the list; esc clears it.
	_, all := jobCounts(t, tm.Screen())
	var other string // a job of another project, listed before the filter
	for _, r := range listedJobs(tm.Screen()) {
		if strings.HasPrefix(r.name, "mom-") {
			other = r.name
			break
		}
	}
	if other == "" {
		t.Fatalf("no MOM job listed to filter out:\n%s", tm.Screen())
	}
	send(t, tm, "/hdb-resale")
	tm.WaitText(t, keyWait, "/hdb-resale")
	send(t, tm, term.Enter)
	screen = waitScreen(t, tm, keyWait, "the filtered list", func(s string) bool {
		return filteredInfo.MatchString(s) && !strings.Contains(s, other)
	})
	shown, total := jobCounts(t, screen)
	if shown >= total || shown == 0 {
		t.Fatalf("filtering showed %d of %d jobs:\n%s", shown, total, screen)
	}
	for _, r := range listedJobs(screen) {
		if !strings.Contains(r.name, "hdb") && !strings.HasPrefix(r.project, "hdb-resale") {
			t.Errorf("%s (project %q) matched /hdb-resale", r.name, r.project)
		}
	}
	send(t, tm, term.Esc)
	screen = waitScreen(t, tm, keyWait, "the filter to clear", func(s string) bool {
		return strings.Contains(s, other) && !filteredInfo.MatchString(s)
	})
	if shown, total := jobCounts(t, screen); shown != total || total < all {
		t.Fatalf("after esc the list shows %d of %d jobs, want all %d:\n%s", shown, total, all, screen)
	}

	// :project scopes the list to one project's jobs.
	send(t, tm, ":project "+hdb+term.Enter)
	tm.WaitText(t, keyWait, "project "+hdb, "Scoped every pane to project "+hdb)
	screen = waitScreen(t, tm, keyWait, "only HDB jobs", gone(other))
	scoped, _ := jobCounts(t, screen)
	rows := listedJobs(screen)
	if scoped >= all || len(rows) == 0 {
		t.Fatalf("scoped to %s, the list has %d jobs of %d:\n%s", hdb, scoped, all, screen)
	}
	for _, r := range rows {
		if !strings.HasPrefix(hdb, strings.TrimSuffix(r.project, "…")) || r.project == "" {
			t.Errorf("%s of project %q is listed in the %s scope", r.name, r.project, hdb)
		}
	}

	// A running job's detail: timeline, curves, hyperparameters.
	job := selectTrainingJob(t, tm)
	send(t, tm, term.Enter)
	screen = tm.WaitText(t, dataWait, "Training jobs > "+strings.TrimSuffix(job.name, "…"), "Status timeline", "▸ Training",
		"Metric curves (", "└─", "→ time (")
	crumb := lineOf(screen, "Training jobs > ")
	name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(crumb), "Training jobs > "))
	if !strings.HasPrefix(name, "hdb-") && !strings.HasPrefix(name, "pipelines-") {
		t.Fatalf("opened %q from the HDB scope", name)
	}
	if st := detailStatus(screen, name); st != "InProgress" {
		t.Fatalf("the detail of %s shows status %q, want InProgress:\n%s", name, st, screen)
	}
	send(t, tm, "G")
	tm.WaitText(t, keyWait, "Hyperparameters (", "mtry", "Runs as")
	send(t, tm, "g")
	tm.WaitText(t, keyWait, "Status timeline")

	// Its logs: lines, then new lines as the job trains, following.
	send(t, tm, "l")
	tm.WaitText(t, dataWait, "Training jobs > "+name+" > Logs", "stream algo-1 · following", "Loading required package")
	screen = waitScreen(t, tm, dataWait, "log lines", func(s string) bool { return logLineCount(s) > 0 })
	first := logLineCount(screen)
	screen = waitScreen(t, tm, dataWait, "new log lines", func(s string) bool { return logLineCount(s) > first })
	if !strings.Contains(screen, `"iter `) {
		t.Fatalf("following, the newest iterations should be on screen:\n%s", screen)
	}
	checkFeedAges(t, screen, time.Since(started))
	send(t, tm, "f")
	tm.WaitText(t, keyWait, "stream algo-1 · follow off")
	send(t, tm, "f")
	tm.WaitText(t, keyWait, "stream algo-1 · following")

	// Search within the logs: each matching line counted once.
	send(t, tm, "/iter")
	tm.WaitText(t, keyWait, "/iter")
	send(t, tm, term.Enter)
	screen = waitScreen(t, tm, keyWait, "the search's matches", matchInfo.MatchString)
	m := matchInfo.FindStringSubmatch(screen)
	at, count := atoi(t, "0"+m[1]), atoi(t, m[2]+m[3])
	if onScreen := strings.Count(screen, `"iter `); logLineCount(screen) < 30 && count != onScreen {
		// Every line is on screen, so every match is.
		t.Fatalf("the search counts %d matches of /iter, the screen shows %d lines with it:\n%s", count, onScreen, screen)
	}
	send(t, tm, "n")
	next := fmt.Sprintf("match %d of %d", at%count+1, count)
	tm.WaitText(t, keyWait, next)
	send(t, tm, term.Esc) // clears the search
	waitScreen(t, tm, keyWait, "the search to clear", gone("/iter", "match "))
	send(t, tm, term.Esc) // back to the detail
	tm.WaitText(t, keyWait, "Status timeline")

	// Stop it: the confirmation names the API call and the job.
	send(t, tm, "S")
	confirm := tm.WaitText(t, keyWait, "Stop a training job?", "sagemaker:StopTrainingJob", "TrainingJobName: "+name)
	if !strings.Contains(confirm, "y/enter confirm") {
		t.Fatalf("the confirmation should say how to confirm:\n%s", confirm)
	}
	send(t, tm, "y")
	tm.WaitText(t, keyWait, "Stop requested for training job "+name)
	waitScreen(t, tm, dataWait, name+" Stopping", func(s string) bool { return detailStatus(s, name) == "Stopping" })
	waitScreen(t, tm, dataWait, name+" Stopped", func(s string) bool { return detailStatus(s, name) == "Stopped" })

	// :project - clears the scope: other projects' jobs come back.
	send(t, tm, term.Esc)
	tm.WaitText(t, keyWait, "SECONDARY")
	send(t, tm, ":project -"+term.Enter)
	screen = waitScreen(t, tm, keyWait, "every project's jobs", func(s string) bool {
		return strings.Contains(s, "Scope cleared") && othersListed(s)
	})
	if _, total := jobCounts(t, screen); total <= scoped {
		t.Fatalf("after :project - the list has %d jobs, no more than the %d in scope:\n%s", total, scoped, screen)
	}
	if h := headerLine(screen); strings.Contains(h, "project "+hdb) {
		t.Fatalf("the header still shows the scope: %q", h)
	}

	// Resizing: smaller, too small, and back, without a crash.
	if err := tm.Resize(80, 24); err != nil {
		t.Fatal(err)
	}
	waitScreen(t, tm, keyWait, "the 80x24 layout", func(s string) bool {
		h := headerLine(s)
		return strings.Contains(h, "lim-jia-hui (data scientist)") && strings.Contains(h, "SANDBOX") && strings.Contains(s, "[2 Training jobs]")
	})
	if err := tm.Resize(30, 8); err != nil {
		t.Fatal(err)
	}
	tm.WaitText(t, keyWait, "terminal too small (30x8)", "need at least 60x15")
	if err := tm.Resize(120, 40); err != nil {
		t.Fatal(err)
	}
	waitScreen(t, tm, keyWait, "the 120x40 layout again", func(s string) bool {
		return strings.Contains(headerLine(s), "lim-jia-hui (data scientist)") && strings.Contains(s, "[2 Training jobs]") && othersListed(s)
	})

	// q quits with status 0 and leaves the alternate screen.
	send(t, tm, "q")
	if err := tm.Wait(keyWait); err != nil {
		t.Fatalf("agdash did not exit cleanly on q: %v", err)
	}
	raw := tm.Raw()
	const enterAlt, leaveAlt = "\x1b[?1049h", "\x1b[?1049l"
	left := strings.LastIndex(raw, leaveAlt)
	if left < 0 || left < strings.LastIndex(raw, enterAlt) {
		t.Fatalf("agdash did not leave the alternate screen; output ends %q", raw[max(0, len(raw)-120):])
	}
	// After leaving, only terminal modes are reset: nothing is drawn.
	if rest := regexp.MustCompile(`\x1b\[\??[0-9;]*[a-zA-Z]`).ReplaceAllString(raw[left:], ""); strings.TrimSpace(rest) != "" {
		t.Fatalf("agdash wrote %q after leaving the alternate screen", rest)
	}
}

// TestShellOnCallMayNotStopAJob: on-call staff press the same stop keys
// and are told, in a sentence, that the role may not; nothing is asked,
// nothing sent, and the job runs on.
func TestShellOnCallMayNotStopAJob(t *testing.T) {
	tm := startAgdash(t, 120, 40, "--sandbox", "--sandbox-role", "on-call", "--sandbox-speed", shellSpeed,
		"--pane", "jobs", "--project", hdb)
	screen := tm.WaitText(t, dataWait, "[2 Training jobs]", " jobs · ", "InProgress")
	if h := headerLine(screen); !strings.Contains(h, "on-call (on-call)") || !strings.Contains(h, "project "+hdb) {
		t.Fatalf("the header should name the on-call role and the project: %q", h)
	}
	job := selectTrainingJob(t, tm)

	const refused = "Refused: stop the job — the on-call role may not stop a training job."
	send(t, tm, "S")
	tm.WaitText(t, keyWait, refused)
	if s := tm.Screen(); strings.Contains(s, "sagemaker:StopTrainingJob") || strings.Contains(s, "Stop a training job?") {
		t.Fatalf("the confirmation opened for on-call:\n%s", s)
	}

	// The job, described afresh, still runs; ctrl+k is refused there too.
	send(t, tm, term.Enter)
	screen = tm.WaitText(t, dataWait, "Training jobs > "+strings.TrimSuffix(job.name, "…"), "Status timeline", "▸ Training")
	name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(lineOf(screen, "Training jobs > ")), "Training jobs > "))
	if st := detailStatus(screen, name); st != "InProgress" {
		t.Fatalf("%s is %q after a refused stop, want InProgress:\n%s", name, st, screen)
	}
	send(t, tm, ctrlR) // its notice replaces the refusal's
	waitScreen(t, tm, keyWait, "the refresh notice", func(s string) bool {
		return strings.Contains(s, "Refreshing 2 feed(s).") && !strings.Contains(s, refused)
	})
	send(t, tm, ctrlK)
	tm.WaitText(t, keyWait, refused)
	refusedAt := time.Now()
	send(t, tm, ctrlR)
	screen = waitPolledSince(t, tm, "training-job", refusedAt)
	if detailStatus(screen, name) != "InProgress" || strings.Contains(screen, "Stop a training job?") {
		t.Fatalf("after a refused ctrl+k, %s should run on with no confirmation:\n%s", name, screen)
	}
}

// waitPolledSince waits until the status line shows feed's data as polled
// after since (its age, in whole seconds, is less than the time since).
func waitPolledSince(t *testing.T, tm *term.Term, feed string, since time.Time) string {
	t.Helper()
	re := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(feed) + ` (\d+)s ago`)
	return waitScreen(t, tm, dataWait, feed+" polled again", func(s string) bool {
		m := re.FindStringSubmatch(s[strings.LastIndex(s, "\n")+1:])
		if m == nil {
			return false
		}
		n, _ := strconv.Atoi(m[2])
		return time.Duration(n+1)*time.Second <= time.Since(since)
	})
}
