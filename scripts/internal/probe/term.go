// Package probe is what the measuring programs under scripts/ share: the
// agdash binary built once, run in a pseudo-terminal whose screen is read
// through an emulator, the sandbox served by a process of its own, and a
// process's CPU time and resident memory read from /proc.
package probe

import (
	"context"

	"github.com/agdash/agdash/e2e/term"
)

// Term is a program in a pseudo-terminal whose screen is read through an
// emulator: the end-to-end tests' own, whose Marks and WaitOutput give the
// time the output that met a condition arrived.
type Term = term.Term

// Start runs bin with args in a w×h terminal; see term.Start.
func Start(ctx context.Context, bin string, args, env []string, w, h int, marks ...func(screen string) bool) (*Term, error) {
	return term.Start(ctx, bin, args, env, w, h, marks...)
}
