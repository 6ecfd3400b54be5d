package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Run shows the dashboard for svc until the user quits or ctx ends. A
// panic does not leave the terminal broken: it is reported in a file whose
// path the returned error names. Run does not close svc.
func Run(ctx context.Context, svc backend.Service, opts Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var out io.Writer = os.Stdout
	if opts.Output != nil {
		out = opts.Output
	}
	renderer := lipgloss.NewRenderer(out)
	styles, err := stylesFor(opts, renderer, os.Getenv)
	if err != nil {
		return err
	}
	d := deps{tick: tea.Tick, live: true, bell: out, clipboard: out, getenv: os.Getenv,
		browser: findBrowser(runtime.GOOS, os.Getenv, exec.LookPath).opener(),
		// The backend polls by the wall clock, even when the data's clock
		// (the sandbox's) runs faster.
		pollNow: time.Now}
	m, err := newModel(ctx, svc, opts, renderer, styles, d)
	if err != nil {
		return err
	}
	g := &guard{inner: m, describe: m.describeForCrash}

	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(out), tea.WithFPS(frameRate)}
	if opts.Mouse {
		progOpts = append(progOpts, tea.WithMouseCellMotion())
	}
	if opts.Input != nil {
		progOpts = append(progOpts, tea.WithInput(opts.Input))
	}
	_, runErr := tea.NewProgram(g, progOpts...).Run()
	m.feeds.closeAll()
	m.releaseService()

	if g.crash != nil {
		path, werr := writeCrashReport(opts.CrashDir, opts.Version, g.crash)
		if werr != nil {
			return fmt.Errorf("crashed (%s) and could not write a report: %v", kit.Sanitize(fmt.Sprint(g.crash.value)), werr)
		}
		return fmt.Errorf("crashed (%s); the report is in %s", kit.Sanitize(fmt.Sprint(g.crash.value)), path)
	}
	if errors.Is(runErr, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // the caller's context ended the program
	}
	return runErr
}

// describeForCrash is the shell's state in words safe for a report.
func (m *model) describeForCrash() string {
	return fmt.Sprintf("pane %s, terminal %dx%d", m.slots[m.active].spec.id, m.width, m.height)
}

// stylesFor builds the theme the options ask for, without colour when
// they or the environment (NO_COLOR) say so.
func stylesFor(opts Options, r *lipgloss.Renderer, getenv func(string) string) (*themes.Styles, error) {
	return themes.New(opts.Theme, r, opts.NoColor || themes.NoColorRequested(getenv))
}
