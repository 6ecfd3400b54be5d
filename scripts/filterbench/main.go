// Command filterbench measures filtering 100,000 training job names as a
// user types, and compares it with fzf on the same names.
//
// It generates the sandbox account at --sandbox-scale 300 (seed 1: the
// ~108,000 jobs `agdash --sandbox --sandbox-scale 300` shows), writes the
// job names to a file, one a line, then types the query one keystroke at
// a time into the real training jobs pane (views/jobs, the kit table,
// sahilm/fuzzy) and times, per keystroke:
//
//   - loop: the pane's Update returning with the keystroke (the table
//     hands the matching to a tea.Cmd above table.AsyncAbove rows);
//   - filter: that Cmd, which Bubble Tea runs off the update loop;
//   - apply: Update taking the Cmd's result, plus the frame after it.
//
// Only loop and apply hold up the update loop, so they are what a frame
// waits for. Beside them: sahilm/fuzzy alone over the names file (Find,
// sorted by score as fzf sorts), and `fzf --filter` over the same file,
// exec'd per keystroke (process start and reading the file included).
// With hyperfine installed it also compares, as whole processes, fzf and
// this program's -match mode on the full query.
//
//	go run ./scripts/filterbench                       # apt-get install fzf hyperfine
//	go run ./scripts/filterbench -query mom-fraud -reps 9
//	go run ./scripts/filterbench -match hdb-resale -names /tmp/names.txt
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/sahilm/fuzzy"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/world"
	"github.com/agdash/agdash/scripts/internal/probe"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "filterbench:", err)
		os.Exit(1)
	}
}

func run() error {
	scale := flag.Float64("scale", 300, "--sandbox-scale of the account whose names are filtered")
	query := flag.String("query", "hdb-resale-ranger", "the text typed, one keystroke at a time")
	reps := flag.Int("reps", 5, "times each keystroke is measured (the median is shown)")
	names := flag.String("names", "", "names file: written here (default: a temporary file), or read in -match mode")
	match := flag.String("match", "", "only filter -names by this text with sahilm/fuzzy and print the matches, as fzf --filter does")
	flag.Parse()
	if *match != "" {
		return matchMode(*names, *match)
	}
	ctx := context.Background()
	jobs, err := sandboxJobs(ctx, *scale)
	if err != nil {
		return err
	}
	path := *names
	if path == "" {
		dir, err := os.MkdirTemp("", "filterbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "names.txt")
	}
	if err := writeNames(path, jobs); err != nil {
		return err
	}
	fmt.Printf("%d job names of the sandbox at scale %g in %s; typing %q, median of %d\n", len(jobs), *scale, path, *query, *reps)
	lines := make([]string, len(jobs))
	for i, j := range jobs {
		lines[i] = j.Name
	}
	fzf, _ := exec.LookPath("fzf")
	if fzf == "" {
		fmt.Println("fzf is not installed (apt-get install fzf): its column is left out")
	}
	pane, err := newPaneBench(jobs)
	if err != nil {
		return err
	}
	fmt.Printf("%-18s %9s %10s %9s %8s %10s %9s %9s %9s\n", "typed", "loop-µs", "filter-ms", "apply-µs", "matches",
		"fuzzy-ms", "matches", "fzf-ms", "matches")
	var worstLoop, worstApply time.Duration
	for k := 1; k <= len(*query); k++ {
		q := (*query)[:k]
		var loop, filter, apply, fz, fx []time.Duration
		var paneMatches, fuzzyMatches, fzfMatches int
		for range *reps {
			key, err := pane.keystroke(q)
			if err != nil {
				return err
			}
			loop, filter, apply = append(loop, key.loop), append(filter, key.filter), append(apply, key.apply)
			paneMatches = key.matches
			t0 := time.Now()
			fuzzyMatches = len(fuzzy.Find(q, lines))
			fz = append(fz, time.Since(t0))
			if fzf != "" {
				d, n, err := fzfFilter(ctx, fzf, path, q)
				if err != nil {
					return err
				}
				fx, fzfMatches = append(fx, d), n
			}
			// The next repetition types the keystroke again.
			if _, err := pane.keystroke(""); err != nil {
				return err
			}
		}
		worstLoop, worstApply = max(worstLoop, probe.Median(loop)), max(worstApply, probe.Median(apply))
		fzfMs, fzfN := "-", "-"
		if fzf != "" {
			fzfMs, fzfN = fmt.Sprintf("%.1f", ms(probe.Median(fx))), fmt.Sprint(fzfMatches)
		}
		fmt.Printf("%-18s %9.0f %10.1f %9.0f %8d %10.1f %9d %9s %9s\n", q, us(probe.Median(loop)), ms(probe.Median(filter)),
			us(probe.Median(apply)), paneMatches, ms(probe.Median(fz)), fuzzyMatches, fzfMs, fzfN)
	}
	fmt.Printf("slowest keystroke on the update loop: %.0f µs to return, %.0f µs to take the result and draw\n", us(worstLoop), us(worstApply))
	fmt.Println("pane matches are over name, status and project (the pane's filter columns); fuzzy and fzf over names alone")
	return compareWithHyperfine(path, *query)
}

// sandboxJobs generates the account as `agdash --sandbox` does and reads
// every training job, newest first, with its project.
func sandboxJobs(ctx context.Context, scale float64) ([]job, error) {
	sb, err := sandbox.Start(ctx, sandbox.Options{Seed: 1, Scale: scale})
	if err != nil {
		return nil, err
	}
	defer sb.Close()
	w := sb.World()
	var out []job
	q := world.TrainingJobQuery{SortBy: "CreationTime", SortOrder: world.Descending, MaxResults: 100}
	for {
		page, err := w.TrainingJobs(q)
		if err != nil {
			return nil, err
		}
		for _, s := range page.Items {
			d, err := w.TrainingJob(s.TrainingJobName)
			if err != nil {
				return nil, err
			}
			j := job{Name: s.TrainingJobName, Status: string(s.TrainingJobStatus), Secondary: s.SecondaryStatus, Created: s.CreationTime}
			for _, t := range d.Tags {
				if t.Key == "sagemaker:project-name" {
					j.Project = t.Value
				}
			}
			out = append(out, j)
		}
		if page.Next == "" {
			return out, nil
		}
		q.After = page.Next
	}
}

func writeNames(path string, jobs []job) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, j := range jobs {
		fmt.Fprintln(w, j.Name)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readNames(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), nil
}

// fzfFilter runs `fzf --filter q` over the names file and returns its wall
// time and how many lines it printed.
func fzfFilter(ctx context.Context, fzf, names, q string) (time.Duration, int, error) {
	in, err := os.Open(names)
	if err != nil {
		return 0, 0, err
	}
	defer in.Close()
	cmd := exec.CommandContext(ctx, fzf, "--filter", q)
	cmd.Stdin = in
	t0 := time.Now()
	out, err := cmd.Output()
	d := time.Since(t0)
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		err = nil // no match
	}
	if err != nil {
		return 0, 0, fmt.Errorf("fzf --filter %q: %w", q, err)
	}
	return d, strings.Count(string(out), "\n"), nil
}

// matchMode is this program as a filter, for hyperfine to race with fzf.
func matchMode(path, q string) error {
	if path == "" {
		return fmt.Errorf("-match needs -names FILE")
	}
	lines, err := readNames(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	for _, m := range fuzzy.Find(q, lines) {
		fmt.Fprintln(w, m.Str)
	}
	return w.Flush()
}

// compareWithHyperfine races fzf --filter and -match on the full query,
// as whole processes, when hyperfine and fzf are installed.
func compareWithHyperfine(names, q string) error {
	hf, _ := exec.LookPath("hyperfine")
	fzf, _ := exec.LookPath("fzf")
	self, err := os.Executable()
	if hf == "" || fzf == "" || err != nil {
		fmt.Println("hyperfine or fzf is not installed: no whole-process comparison")
		return nil
	}
	fmt.Printf("\nwhole processes on the full query %q (hyperfine):\n", q)
	cmd := exec.Command(hf, "--warmup", "3", "--style", "basic",
		fmt.Sprintf("%s --filter %q < %s", fzf, q, names),
		fmt.Sprintf("%s -match %q -names %s", self, q, names))
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
