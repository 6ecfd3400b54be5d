package term

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestTermShowsStyledOutputAndTakesKeys(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tm, err := Start(ctx, "/bin/sh", []string{"-c", `printf '\033[31mhello\033[0m world\n'; read x; echo "got:$x"; read y`}, nil, 40, 5)
	if err != nil {
		t.Fatal(err)
	}
	defer tm.Close()
	tm.WaitText(t, 10*time.Second, "hello world")
	if err := tm.Send("abc" + Enter); err != nil {
		t.Fatal(err)
	}
	s := tm.WaitText(t, 10*time.Second, "got:abc")
	if len(s) == 0 {
		t.Fatal("empty screen")
	}
	if err := tm.Send(Enter); err != nil {
		t.Fatal(err)
	}
	if err := tm.Wait(10 * time.Second); err != nil {
		t.Fatalf("program did not exit cleanly: %v", err)
	}
}

// What a program writes just before it exits is on the screen once Wait
// says it has exited: a crash message printed on the way out must not be
// lost to the race between reaping the process and reading the pty.
func TestLastOutputIsOnScreenWhenWaitReturns(t *testing.T) {
	for i := range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		tm, err := Start(ctx, "/bin/sh", []string{"-c", `seq 1 3000; printf 'last words'`}, nil, 40, 5)
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		if err := tm.Wait(10 * time.Second); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if s := tm.Screen(); !strings.Contains(s, "last words") {
			t.Fatalf("run %d: the last output is not on the screen after Wait:\n%s", i, s)
		}
		tm.Close()
		cancel()
	}
}
