// Package term runs a program in a pseudo-terminal and reads its screen
// through a terminal emulator, so end-to-end tests can press keys and
// assert on what a user would see.
package term

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Term is a running program attached to an emulated terminal. Every chunk
// of output is fed to the emulator and then checked against the screen
// conditions waited for with WaitOutput or Marks, so their times are when
// the output that met them arrived, not when someone next looked (the
// measuring programs under scripts/ time start-up by them).
type Term struct {
	cmd     *exec.Cmd
	pty     *os.File
	started time.Time
	mu      sync.Mutex // guards emu, raw and waiters
	emu     *vt.Emulator
	done    chan struct{} // closed when the program has exited and its output is read
	drained chan struct{} // closed when the output pump has read the last byte
	err     error         // exit error, valid after done
	raw     strings.Builder
	waiters []*waiter // conditions not met yet
	marks   []*waiter // the conditions given to Start, in order
}

// waiter is a screen condition and when the output that met it arrived.
type waiter struct {
	cond func(screen string) bool
	at   chan time.Time
}

// Start runs bin with args in a w×h terminal. env is added to a minimal
// environment (PATH, HOME, TERM=xterm-256color). marks are screen
// conditions watched from the first byte of output on: Marks returns when
// each was first met.
func Start(ctx context.Context, bin string, args, env []string, w, h int, marks ...func(screen string) bool) (*Term, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + os.Getenv("HOME"),
		"TERM=xterm-256color",
		"COLORTERM=truecolor",
		"LANG=C.UTF-8",
	}, env...)
	t := &Term{cmd: cmd, emu: vt.NewEmulator(w, h), done: make(chan struct{}), drained: make(chan struct{})}
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
		// The process can be reaped before the pump has read what it
		// wrote last (a crash message, say); a caller told "exited" must
		// see it on the screen. A grandchild holding the pty open would
		// keep the pump reading, hence the bound.
		select {
		case <-t.drained:
		case <-time.After(drainWait):
		}
		close(t.done)
	}()
	return t, nil
}

// drainWait bounds how long an exited program's last output may take to
// be read from the pty.
const drainWait = 5 * time.Second

// Pid is the program's process id.
func (t *Term) Pid() int { return t.cmd.Process.Pid }

// Started is when the program was started (just before the exec).
func (t *Term) Started() time.Time { return t.started }

// pumpOutput feeds the program's output into the emulator, and tells the
// waiters whose condition the new screen meets when it arrived.
func (t *Term) pumpOutput() {
	defer close(t.drained)
	buf := make([]byte, 32*1024)
	for {
		n, err := t.pty.Read(buf)
		at := time.Now()
		if n > 0 {
			t.mu.Lock()
			_, _ = t.emu.Write(buf[:n])
			if t.raw.Len() < 4<<20 {
				t.raw.Write(buf[:n])
			}
			t.notifyLocked(at)
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// pumpReplies sends the emulator's answers to terminal queries (cursor
// position, colours) back to the program, as a real terminal would.
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

// Send types text into the terminal: keys as bytes ("j", "\r" for enter,
// "\x1b" for esc, "\t" for tab).
func (t *Term) Send(keys string) error {
	_, err := io.WriteString(t.pty, keys)
	return err
}

// Key names for Send.
const (
	Enter    = "\r"
	Esc      = "\x1b"
	Tab      = "\t"
	ShiftTab = "\x1b[Z"
	Up       = "\x1b[A"
	Down     = "\x1b[B"
	Right    = "\x1b[C"
	Left     = "\x1b[D"
	CtrlC    = "\x03"
)

// Screen is the visible text, trailing spaces trimmed.
func (t *Term) Screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// Resize changes the terminal size and tells the program.
func (t *Term) Resize(w, h int) error {
	t.mu.Lock()
	t.emu.Resize(w, h)
	t.mu.Unlock()
	return pty.Setsize(t.pty, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
}

// WaitFor polls the screen until cond holds or the deadline passes, and
// returns the last screen seen.
func (t *Term) WaitFor(timeout time.Duration, cond func(screen string) bool) (string, error) {
	deadline := time.Now().Add(timeout)
	for {
		s := t.Screen()
		if cond(s) {
			return s, nil
		}
		select {
		case <-t.done:
			return t.Screen(), fmt.Errorf("program exited (%v) before the screen showed what was awaited", t.err)
		default:
		}
		if time.Now().After(deadline) {
			return s, errors.New("timed out waiting for the screen")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// notifyLocked hands at to every waiter the screen now satisfies.
func (t *Term) notifyLocked(at time.Time) {
	if len(t.waiters) == 0 {
		return
	}
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

// WaitOutput waits until the screen meets cond and returns when the output
// that met it arrived. It gives up when ctx ends or the program exits.
func (t *Term) WaitOutput(ctx context.Context, cond func(screen string) bool) (time.Time, error) {
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

// WaitText waits for every one of texts to be on screen at once, failing
// the test with the screen when it does not happen.
func (t *Term) WaitText(tb testing.TB, timeout time.Duration, texts ...string) string {
	tb.Helper()
	s, err := t.WaitFor(timeout, func(s string) bool {
		for _, x := range texts {
			if !strings.Contains(s, x) {
				return false
			}
		}
		return true
	})
	if err != nil {
		tb.Fatalf("waiting for %q: %v\n--- screen ---\n%s\n--------------", texts, err, s)
	}
	return s
}

// Exited reports whether the program has exited, and its error.
func (t *Term) Exited() (bool, error) {
	select {
	case <-t.done:
		return true, t.err
	default:
		return false, nil
	}
}

// Wait waits for the program to exit, up to timeout.
func (t *Term) Wait(timeout time.Duration) error {
	select {
	case <-t.done:
		return t.err
	case <-time.After(timeout):
		return errors.New("program still running")
	}
}

// Raw is everything the program wrote, escape sequences included (capped).
func (t *Term) Raw() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.raw.String()
}

// Close kills the program if it still runs and releases the terminal.
func (t *Term) Close() {
	select {
	case <-t.done:
	default:
		_ = t.cmd.Process.Kill()
		<-t.done
	}
	_ = t.pty.Close()
	// The emulator is not closed: x/vt v0.1.0 reads its closed flag without
	// a lock, so Close races with the reply pump. The pump stays blocked on
	// the emulator's reply pipe until the test binary exits.
}
