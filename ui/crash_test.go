package ui

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func TestGuardTurnsPanicsIntoQuit(t *testing.T) {
	for _, where := range []string{"Init", "Update", "View"} {
		t.Run(where, func(t *testing.T) {
			stub := &stubPane{panicIn: where}
			h := newHarness(t, 80, 24, withStub(stub))
			g := &guard{inner: h.m, describe: h.m.describeForCrash}
			g.Init()
			_, cmd := g.Update(keyMsg("2"))
			if where == "Update" {
				_, cmd = g.Update(keyMsg("x"))
			}
			if g.crash == nil {
				t.Fatal("the panic was not caught")
			}
			if msg := cmd(); msg != (tea.QuitMsg{}) {
				t.Fatalf("after a panic the guard should quit, got %#v", msg)
			}
			if g.View() != "" {
				t.Fatal("a crashed program should draw nothing more")
			}
			if !strings.Contains(g.crash.where, "pane jobs, terminal 80x24") {
				t.Fatalf("crash context = %q", g.crash.where)
			}
		})
	}
}

func TestGuardCatchesCommandPanics(t *testing.T) {
	cmd := wrapCmd(tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("in a command") }))
	batch := cmd().(tea.BatchMsg)
	msg := batch[1]()
	c, ok := msg.(crashMsg)
	if !ok || c.c.value != "in a command" {
		t.Fatalf("got %#v", msg)
	}
	g := &guard{inner: &model{}}
	if _, cmd := g.Update(c); cmd() != (tea.QuitMsg{}) || g.crash == nil {
		t.Fatal("a command's panic should end the program")
	}
}

func TestCrashReport(t *testing.T) {
	dir := t.TempDir()
	path, err := writeCrashReport(dir, "v1.2.3", &crash{value: "boom \x1b[31m", stack: []byte("goroutine 1 [running]:\nmain.main()"), where: "Update(tea.KeyMsg)"})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"version: v1.2.3", "where:   Update(tea.KeyMsg)", "panic:   boom ", "goroutine 1 [running]"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("report lacks %q:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "\x1b") {
		t.Error("the report carries an escape sequence from the panic value")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want 0600", fi.Mode().Perm())
	}
}

// Run end to end: a pane that panics on start ends the program with an
// error naming the report, which holds the stack.
func TestRunWritesCrashReport(t *testing.T) {
	dir := t.TempDir()
	svc := kittest.NewService(kittest.Admin(), kittest.Now)
	defer svc.Close()
	in, inW := io.Pipe()
	defer inW.Close()
	err := Run(context.Background(), svc, Options{
		Input: in, Output: io.Discard, CrashDir: dir, Version: "test",
		Panes: map[kit.PaneID]func() kit.Pane{kit.PaneProjects: func() kit.Pane { return &stubPane{panicIn: "Init"} }},
	})
	if err == nil || !strings.Contains(err.Error(), "crashed (stub pane failed to start); the report is in "+dir) {
		t.Fatalf("Run error = %v", err)
	}
	path := strings.TrimSpace(err.Error()[strings.LastIndex(err.Error(), " ")+1:])
	data, rerr := os.ReadFile(path)
	if rerr != nil || !strings.Contains(string(data), "stub pane failed to start") || !strings.Contains(string(data), "goroutine") {
		t.Fatalf("report %s: %v\n%s", path, rerr, data)
	}
}

// Run end to end: q quits cleanly and unsubscribes everything.
func TestRunQuitsOnQ(t *testing.T) {
	svc := kittest.NewService(kittest.Admin(), kittest.Now)
	defer svc.Close()
	in, inW := io.Pipe()
	go func() {
		inW.Write([]byte("q"))
	}()
	defer inW.Close()
	if err := Run(context.Background(), svc, Options{Input: in, Output: io.Discard}); err != nil {
		t.Fatalf("Run = %v", err)
	}
	if got := svc.Subscribed(); len(got) != 0 {
		t.Fatalf("left subscribed: %v", got)
	}
}

func TestRunRejectsUnknownPaneAndTheme(t *testing.T) {
	svc := kittest.NewService(kittest.Admin(), kittest.Now)
	defer svc.Close()
	if err := Run(context.Background(), svc, Options{Pane: "widgets", Output: io.Discard}); err == nil || !strings.Contains(err.Error(), `no pane called "widgets"`) {
		t.Fatalf("err = %v", err)
	}
	if err := Run(context.Background(), svc, Options{Theme: "neon", Output: io.Discard}); err == nil || !strings.Contains(err.Error(), `no theme named "neon"`) {
		t.Fatalf("err = %v", err)
	}
}
