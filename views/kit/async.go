package kit

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"
)

// Result is the answer to an asynchronous request a pane made, addressed
// to it. Tag names the kind of request; Seq tells a current answer from a
// stale one (see Seqs).
type Result[T any] struct {
	Pane  PaneID
	Tag   string
	Seq   uint64
	Value T
	Err   error
}

func (r Result[T]) RouteTo() PaneID { return r.Pane }

// Async runs fn off the update loop and delivers its answer as a Result.
// Whatever fn needs must be captured before the call, not read from the
// model when it runs.
func Async[T any](ctx context.Context, pane PaneID, tag string, seq uint64, fn func(context.Context) (T, error)) tea.Cmd {
	return func() tea.Msg {
		v, err := fn(ctx)
		return Result[T]{Pane: pane, Tag: tag, Seq: seq, Value: v, Err: err}
	}
}

// Seqs numbers requests per tag so that only the latest answer is used.
type Seqs struct{ last map[string]uint64 }

// Next is the number for a new request with this tag.
func (s *Seqs) Next(tag string) uint64 {
	if s.last == nil {
		s.last = map[string]uint64{}
	}
	s.last[tag]++
	return s.last[tag]
}

// Current reports whether seq is the latest request with this tag.
func (s *Seqs) Current(tag string, seq uint64) bool { return s.last[tag] == seq && seq != 0 }
