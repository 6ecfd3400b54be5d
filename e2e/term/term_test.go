package term

import (
	"context"
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
