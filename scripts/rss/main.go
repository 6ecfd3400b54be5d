// Command rss measures agdash's resident memory with a large account
// loaded: it starts the dashboard on the training jobs pane of a sandbox
// scaled to ~100,000 jobs, waits until the pane has paged every job in
// and read every older job's project (the count stops saying "loading
// older jobs…" and "reading older jobs' projects…"), and reads VmRSS from
// /proc. Along the way it prints how many jobs are loaded, and the memory,
// every step.
//
// Two ways: `agdash --sandbox --sandbox-scale N` (the sandbox's world is in
// the same process and so in the figure), and the sandbox served by a
// process of its own with the dashboard pointed at it by --endpoint-url,
// so that each one's share is seen apart.
//
//	go run ./scripts/rss                   # scale 300: 108,000 jobs
//	go run ./scripts/rss -scale 30 -step 5s
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/scripts/internal/probe"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
}

type config struct {
	bin     string
	scale   float64
	step    time.Duration
	timeout time.Duration
	after   time.Duration
	w, h    int
	wd      *probe.Workdir // the dashboard's home: no user config applies
	mode    string
}

func run() error {
	var c config
	flag.StringVar(&c.bin, "bin", "", "agdash binary (default: build it from the repository root)")
	flag.Float64Var(&c.scale, "scale", 300, "--sandbox-scale: 300 gives ~108,000 training jobs")
	flag.DurationVar(&c.step, "step", 10*time.Second, "how often to report progress")
	flag.DurationVar(&c.timeout, "timeout", 30*time.Minute, "give up if the jobs are not all loaded by then")
	flag.DurationVar(&c.after, "after", 30*time.Second, "keep reading memory this long after everything has loaded")
	flag.StringVar(&c.mode, "mode", "both", "in-process, separate or both")
	flag.IntVar(&c.w, "width", 200, "terminal width")
	flag.IntVar(&c.h, "height", 60, "terminal height")
	flag.Parse()
	ctx := context.Background()
	wd, err := probe.NewWorkdir(ctx, "rss", c.bin)
	if err != nil {
		return err
	}
	defer wd.Remove()
	c.bin, c.wd = wd.Bin, wd
	scale := strconv.FormatFloat(c.scale, 'f', -1, 64)
	if c.mode != "separate" {
		fmt.Printf("== agdash --sandbox --sandbox-scale %s --pane jobs\n", scale)
		tm, err := startJobs(ctx, c, []string{"--sandbox", "--sandbox-scale", scale}, nil)
		if err != nil {
			return err
		}
		err = follow(ctx, c, tm, nil)
		tm.Close()
		if err != nil {
			return err
		}
	}
	if c.mode != "in-process" {
		fmt.Printf("== agdash sandbox --sandbox-scale %s, and agdash --endpoint-url URL --pane jobs\n", scale)
		sb, err := probe.StartSideSandbox(ctx, c.bin, "lim-jia-hui", "--sandbox-scale", scale)
		if err != nil {
			return err
		}
		defer sb.Close()
		tm, err := startJobs(ctx, c, []string{"--endpoint-url", sb.URL}, sb.Env)
		if err != nil {
			return err
		}
		defer tm.Close()
		if err := follow(ctx, c, tm, sb); err != nil {
			return err
		}
	}
	return nil
}

func startJobs(ctx context.Context, c config, args, env []string) (*probe.Term, error) {
	env = append(env, c.wd.Env()...)
	return probe.Start(ctx, c.bin, append(args, "--pane", "jobs"), env, c.w, c.h)
}

// follow reports progress every step until every job is loaded, then reads
// memory for a while longer and reports the most seen.
func follow(ctx context.Context, c config, tm *probe.Term, sb *probe.SideSandbox) error {
	fmt.Printf("%8s %10s %10s %12s\n", "seconds", "jobs", "agdash-MiB", "sandbox-MiB")
	deadline := time.Now().Add(c.timeout)
	var loadedAt time.Time
	var peak, sbPeak int64
	for {
		jobs, loading, ok := jobCount(tm.Screen())
		rss, err := probe.RSS(tm.Pid())
		if err != nil {
			return err
		}
		sbRSS := int64(0)
		if sb != nil {
			if sbRSS, err = probe.RSS(sb.Pid()); err != nil {
				return err
			}
		}
		el := time.Since(tm.Started())
		fmt.Printf("%8.0f %10s %10.1f %12s\n", el.Seconds(), countText(jobs, loading, ok), mb(rss), sandboxText(sb, sbRSS))
		if ok && !loading && loadedAt.IsZero() {
			loadedAt = time.Now()
			fmt.Printf("every job loaded after %.0f s\n", el.Seconds())
		}
		if !loadedAt.IsZero() {
			peak, sbPeak = max(peak, rss), max(sbPeak, sbRSS)
			if time.Since(loadedAt) >= c.after {
				fmt.Printf("RESULT jobs=%d agdash-rss-MiB=%.1f", jobs, mb(peak))
				if sb != nil {
					fmt.Printf(" sandbox-rss-MiB=%.1f", mb(sbPeak))
				}
				fmt.Printf(" load-seconds=%.0f\n", loadedAt.Sub(tm.Started()).Seconds())
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the jobs were not all loaded after %s:\n%s", c.timeout, tm.Screen())
		}
		wait, cancel := context.WithTimeout(ctx, c.step)
		<-wait.Done()
		cancel()
	}
}

// countRE reads the jobs pane's count: "108,001 jobs · 6 running".
var countRE = regexp.MustCompile(`([0-9][0-9,]*) jobs\b`)

// jobCount reads how many jobs the pane holds and whether it is still
// loading older ones or reading their projects.
func jobCount(screen string) (jobs int, loading, ok bool) {
	m := countRE.FindStringSubmatch(screen)
	if m == nil {
		return 0, false, false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	if err != nil {
		return 0, false, false
	}
	return n, strings.Contains(screen, "loading older jobs") || strings.Contains(screen, "reading older jobs' projects"), true
}

func countText(jobs int, loading, ok bool) string {
	switch {
	case !ok:
		return "-"
	case loading:
		return strconv.Itoa(jobs) + "+"
	}
	return strconv.Itoa(jobs)
}

func sandboxText(sb *probe.SideSandbox, rss int64) string {
	if sb == nil {
		return "(in agdash)"
	}
	return strconv.FormatFloat(mb(rss), 'f', 1, 64)
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }
