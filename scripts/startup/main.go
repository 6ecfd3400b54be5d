// Command startup measures how soon agdash shows something: it starts the
// built binary in a pseudo-terminal n times and timestamps, from just
// before the exec, the first frame (the output that draws the header) and
// the first data (the output that draws the pane's rows), then prints the
// median, fastest and slowest of each.
//
// Two ways: `agdash --sandbox`, as a user types it (generating the sandbox
// account is part of the start), and `agdash --endpoint-url` against a
// sandbox already served by a process of its own (the dashboard's start
// alone).
//
//	go run ./scripts/startup              # 20 runs each way, projects pane
//	go run ./scripts/startup -n 50 -pane jobs
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/agdash/agdash/scripts/internal/probe"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(1)
	}
}

type config struct {
	bin  string
	pane string
	n    int
	w, h int
	wd   *probe.Workdir // the dashboard's home: no user config applies
}

func run() error {
	var c config
	flag.StringVar(&c.bin, "bin", "", "agdash binary (default: build it from the repository root)")
	flag.StringVar(&c.pane, "pane", "projects", "pane to open first")
	flag.IntVar(&c.n, "n", 20, "runs each way")
	flag.IntVar(&c.w, "width", 160, "terminal width")
	flag.IntVar(&c.h, "height", 40, "terminal height")
	flag.Parse()
	ctx := context.Background()
	wd, err := probe.NewWorkdir(ctx, "startup", c.bin)
	if err != nil {
		return err
	}
	defer wd.Remove()
	c.bin, c.wd = wd.Bin, wd
	fmt.Printf("start of agdash in a %dx%d pty, %s pane, %d runs each way (ms from exec)\n", c.w, c.h, c.pane, c.n)
	fmt.Printf("%-24s %-12s %8s %8s %8s\n", "how", "to", "median", "min", "max")

	frames, data, err := measure(ctx, c, []string{"--sandbox"}, nil)
	if err != nil {
		return err
	}
	report("agdash --sandbox", frames, data)

	sb, err := probe.StartSideSandbox(ctx, c.bin, "lim-jia-hui")
	if err != nil {
		return err
	}
	defer sb.Close()
	frames, data, err = measure(ctx, c, []string{"--endpoint-url", sb.URL}, sb.Env)
	if err != nil {
		return err
	}
	report("agdash --endpoint-url", frames, data)
	return nil
}

// measure starts agdash n times and returns, for each run, the time to the
// first frame and to the first data.
func measure(ctx context.Context, c config, args, env []string) (frames, data []time.Duration, err error) {
	env = append(env, c.wd.Env()...)
	args = append(args, "--pane", c.pane)
	marker := probe.DataMarker(c.pane)
	for range c.n {
		tm, err := probe.Start(ctx, c.bin, args, env, c.w, c.h,
			func(s string) bool { return strings.Contains(s, probe.HeaderMarker) },
			func(s string) bool { return strings.Contains(s, marker) })
		if err != nil {
			return nil, nil, err
		}
		wait, cancel := context.WithTimeout(ctx, time.Minute)
		marks, err := tm.Marks(wait)
		cancel()
		tm.Close()
		if err != nil {
			return nil, nil, err
		}
		frames = append(frames, marks[0].Sub(tm.Started()))
		data = append(data, marks[1].Sub(tm.Started()))
	}
	return frames, data, nil
}

func report(how string, frames, data []time.Duration) {
	row := func(to string, ds []time.Duration) {
		lo, med, hi := spread(ds)
		fmt.Printf("%-24s %-12s %8.1f %8.1f %8.1f\n", how, to, ms(med), ms(lo), ms(hi))
	}
	row("first frame", frames)
	row("first data", data)
}

// spread is the fastest, median and slowest of ds (at least one).
func spread(ds []time.Duration) (lo, med, hi time.Duration) {
	lo, hi = ds[0], ds[0]
	for _, d := range ds {
		lo, hi = min(lo, d), max(hi, d)
	}
	return lo, probe.Median(ds), hi
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
