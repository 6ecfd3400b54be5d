// Package probe is what the measuring programs under scripts/ share: the
// agdash binary built once, run in a pseudo-terminal whose screen is read
// through an emulator, the sandbox served by a process of its own, and a
// process's CPU time and resident memory read from /proc.
package probe

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Term is a program running in a pseudo-terminal. Every chunk of output
// it writes is fed to an emulator and then checked against the screen
// conditions waited for, so a condition's time is when the output that
// met it arrived, not when someone next looked.
type Term struct {
	cmd     *exec.Cmd
	pty     *os.File
	started time.Time
	done    chan struct{}
	err     error

	mu      sync.Mutex
	emu     *vt.Emulator
	waiters []*waiter
	marks   []*waiter
}

type waiter struct {
	cond func(screen string) bool
	at   chan time.Time
}

// Start runs bin with args in a w×h terminal; env is added to a minimal
// environment (PATH, HOME, TERM). marks are screen conditions watched from
// the first byte of output on: Marks returns when each was first met.
func Start(ctx context.Context, bin string, args, env []string, w, h int, marks ...func(screen string) bool) (*Term, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + os.Getenv("HOME"),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
	}, env...)
	t := &Term{cmd: cmd, emu: vt.NewEmulator(w, h), done: make(chan struct{})}
	for _, cond := range marks {
		w := &waiter{cond: cond, at: make(chan time.Time, 1)}
		t.marks = append(t.marks, w)
		t.waiters = append(t.waiters, w)
	}
	t.started = time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		return nil, fmt.Errorf("start %s in a pty: %w", bin, err)
	}
	t.pty = f
	go t.pumpOutput()
	go t.pumpReplies()
	go func() {
		t.err = cmd.Wait()
		close(t.done)
	}()
	return t, nil
}

// Pid is the program's process id.
func (t *Term) Pid() int { return t.cmd.Process.Pid }

// Started is when the program was started (just before the exec).
func (t *Term) Started() time.Time { return t.started }

func (t *Term) pumpOutput() {
	buf := make([]byte, 64*1024)
	for {
		n, err := t.pty.Read(buf)
		at := time.Now()
		if n > 0 {
			t.mu.Lock()
			_, _ = t.emu.Write(buf[:n])
			if len(t.waiters) > 0 {
				screen := t.emu.String()
				kept := t.waiters[:0]
				for _, w := range t.waiters {
					if w.cond(screen) {
						w.at <- at
						continue
					}
					kept = append(kept, w)
				}
				t.waiters = kept
			}
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// pumpReplies answers the program's terminal queries (background colour,
// cursor position) as a real terminal would: without answers, lipgloss
// would wait for them.
func (t *Term) pumpReplies() {
	buf := make([]byte, 1024)
	for {
		n, err := t.emu.Read(buf)
		if n > 0 {
			_, _ = t.pty.Write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// Screen is the visible text.
func (t *Term) Screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// WaitFor waits until the screen meets cond and returns when the output
// that met it arrived. It gives up when ctx ends or the program exits.
func (t *Term) WaitFor(ctx context.Context, cond func(screen string) bool) (time.Time, error) {
	w := &waiter{cond: cond, at: make(chan time.Time, 1)}
	t.mu.Lock()
	if cond(t.emu.String()) {
		t.mu.Unlock()
		return time.Now(), nil
	}
	t.waiters = append(t.waiters, w)
	t.mu.Unlock()
	return t.await(ctx, w)
}

// Marks waits until every condition given to Start has been met and
// returns when each was, in their order.
func (t *Term) Marks(ctx context.Context) ([]time.Time, error) {
	out := make([]time.Time, len(t.marks))
	for i, w := range t.marks {
		at, err := t.await(ctx, w)
		if err != nil {
			return nil, err
		}
		out[i] = at
	}
	return out, nil
}

func (t *Term) await(ctx context.Context, w *waiter) (time.Time, error) {
	select {
	case at := <-w.at:
		return at, nil
	case <-t.done:
		select {
		case at := <-w.at: // met just before the exit
			return at, nil
		default:
		}
		return time.Time{}, fmt.Errorf("the program exited (%v) before the screen showed what was awaited:\n%s", t.err, t.Screen())
	case <-ctx.Done():
		return time.Time{}, fmt.Errorf("%w waiting for the screen:\n%s", ctx.Err(), t.Screen())
	}
}

// Send types keys into the terminal.
func (t *Term) Send(keys string) error {
	_, err := io.WriteString(t.pty, keys)
	return err
}

// Close stops the program (ctrl-c, then a kill) and releases the terminal.
func (t *Term) Close() {
	select {
	case <-t.done:
	default:
		_ = t.Send("\x03")
		select {
		case <-t.done:
		case <-time.After(3 * time.Second):
			_ = t.cmd.Process.Kill()
			<-t.done
		}
	}
	_ = t.pty.Close()
	_ = t.emu.Close()
}
