// Command idlecpu measures the CPU agdash uses while nobody touches it: it
// starts the dashboard on the sandbox in a pseudo-terminal, waits for the
// pane's data, lets it settle, then samples /proc/<pid>/stat (user and
// system time, every thread) for a minute.
//
// It measures twice: with the sandbox inside the process (`agdash
// --sandbox`, whose world simulation then counts against the dashboard),
// and with the sandbox served by a process of its own (`agdash sandbox`)
// and the dashboard pointed at it (`agdash --endpoint-url` with the
// sandbox's credentials in the environment), so the dashboard's own cost
// is visible.
//
//	go run ./scripts/idlecpu                  # the projects pane, 60 s each way
//	go run ./scripts/idlecpu -pane all -for 30s
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/agdash/agdash/scripts/internal/probe"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "idlecpu:", err)
		os.Exit(1)
	}
}

type config struct {
	bin    string
	panes  []string
	dur    time.Duration
	settle time.Duration
	step   time.Duration
	w, h   int
	wd     *probe.Workdir // the dashboard's home: no user config applies
}

func run() error {
	var c config
	pane := flag.String("pane", "projects", "pane to open: projects, jobs, pipelines, registry, endpoints, backups, or all")
	flag.StringVar(&c.bin, "bin", "", "agdash binary (default: build it from the repository root)")
	flag.DurationVar(&c.dur, "for", time.Minute, "how long to sample")
	flag.DurationVar(&c.settle, "settle", 5*time.Second, "how long to wait after the first data before sampling")
	flag.DurationVar(&c.step, "step", 10*time.Second, "sampling step")
	flag.IntVar(&c.w, "width", 200, "terminal width")
	flag.IntVar(&c.h, "height", 60, "terminal height")
	flag.Parse()
	panes, err := panesOf(*pane)
	if err != nil {
		return err
	}
	c.panes = panes
	ctx := context.Background()
	wd, err := probe.NewWorkdir(ctx, "idlecpu", c.bin)
	if err != nil {
		return err
	}
	defer wd.Remove()
	c.bin, c.wd = wd.Bin, wd
	fmt.Printf("idle CPU over %s after the first data and %s of settling, %dx%d, sampled every %s\n",
		c.dur, c.settle, c.w, c.h, c.step)
	fmt.Printf("%-10s %-28s %8s %10s  %s\n", "pane", "process", "cpu-%", "cpu", "per step")
	for _, pane := range c.panes {
		if err := inProcess(ctx, c, pane); err != nil {
			return err
		}
		if err := separate(ctx, c, pane); err != nil {
			return err
		}
	}
	return nil
}

// inProcess measures `agdash --sandbox`: dashboard and sandbox together.
func inProcess(ctx context.Context, c config, pane string) error {
	tm, err := startDashboard(ctx, c, pane, []string{"--sandbox"}, nil)
	if err != nil {
		return err
	}
	defer tm.Close()
	shares, err := probe.MeasureCPU([]int{tm.Pid()}, c.dur, c.step)
	if err != nil {
		return err
	}
	report(pane, "agdash --sandbox", shares[0])
	return nil
}

// separate measures the dashboard and a sandbox of its own apart.
func separate(ctx context.Context, c config, pane string) error {
	sb, err := probe.StartSideSandbox(ctx, c.bin, "lim-jia-hui")
	if err != nil {
		return err
	}
	defer sb.Close()
	tm, err := startDashboard(ctx, c, pane, []string{"--endpoint-url", sb.URL}, sb.Env)
	if err != nil {
		return err
	}
	defer tm.Close()
	shares, err := probe.MeasureCPU([]int{tm.Pid(), sb.Pid()}, c.dur, c.step)
	if err != nil {
		return err
	}
	report(pane, "agdash --endpoint-url", shares[0])
	report(pane, "agdash sandbox (its server)", shares[1])
	return nil
}

// panesOf is the panes -pane names: one, or all six.
func panesOf(name string) ([]string, error) {
	all := []string{"projects", "jobs", "pipelines", "registry", "endpoints", "backups"}
	switch {
	case name == "all":
		return all, nil
	case slices.Contains(all, name):
		return []string{name}, nil
	}
	return nil, fmt.Errorf("no pane %q: pick one of %s, or all", name, strings.Join(all, ", "))
}

func startDashboard(ctx context.Context, c config, pane string, args, env []string) (*probe.Term, error) {
	env = append(env, c.wd.Env()...)
	tm, err := probe.Start(ctx, c.bin, append(args, "--pane", pane), env, c.w, c.h)
	if err != nil {
		return nil, err
	}
	wait, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	marker := probe.DataMarker(pane)
	if _, err := tm.WaitOutput(wait, func(s string) bool { return strings.Contains(s, marker) }); err != nil {
		tm.Close()
		return nil, fmt.Errorf("%s: %w", pane, err)
	}
	time.Sleep(c.settle)
	return tm, nil
}

func report(pane, process string, s probe.CPUShare) {
	steps := make([]string, len(s.PerStep))
	for i, d := range s.PerStep {
		steps[i] = d.Round(time.Millisecond).String()
	}
	fmt.Printf("%-10s %-28s %7.2f%% %10s  %s\n", pane, process, s.Percent(), s.CPU.Round(time.Millisecond), strings.Join(steps, " "))
}
