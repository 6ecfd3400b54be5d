package feed

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
)

// PanicError is a panic recovered from a fetch (or from a goroutine the
// fetch ran through Guard). The feed reports it as its error, keeps its
// last good data and polls again after a back-off, instead of taking the
// whole program down from a goroutine no one watches.
type PanicError struct {
	Value any
	Stack []byte
	// Report is where the crash report was written, "" when none was.
	Report string
}

func (e *PanicError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "internal error (a bug in agdash): %v", e.Value)
	if e.Report != "" {
		b.WriteString("; crash report in " + e.Report)
	}
	return b.String()
}

// Guard runs fn and turns a panic in it into a *PanicError. Fetches that
// start goroutines of their own run them through Guard, since a panic
// there cannot be recovered by the feed.
func Guard(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return fn()
}

// fetch runs f's Fetch under Guard and has a panic reported once.
func (e *Engine[K]) fetch(ctx context.Context, f *feed[K], prev any) (data any, err error) {
	err = Guard(func() error {
		var ferr error
		data, ferr = f.spec.Fetch(ctx, prev)
		return ferr
	})
	var p *PanicError
	if errors.As(err, &p) && p.Report == "" && e.opts.OnPanic != nil {
		p.Report = e.opts.OnPanic(fmt.Sprint(f.key), p)
	}
	return data, err
}
