package graph

import (
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// Symbol is the one-cell sign of a step status, so that a compact box
// tells its status without colour.
func Symbol(status string) string {
	switch status {
	case domain.StepSucceeded:
		return "✓"
	case domain.StepFailed:
		return "✗"
	case domain.StepExecuting:
		return "●"
	case domain.StepStarting:
		return "◌"
	case domain.StepStopping:
		return "◑"
	case domain.StepStopped:
		return "■"
	case domain.StepNotStarted, "":
		return "○"
	}
	return "?"
}

// StatusText is a step status in words: SageMaker's spelling, except for
// agdash's own NotStarted.
func StatusText(status string) string {
	switch status {
	case domain.StepNotStarted, "":
		return "Not started"
	}
	return kit.Sanitize(status)
}

// Running reports whether a step is under way.
func Running(status string) bool {
	return status == domain.StepStarting || status == domain.StepExecuting || status == domain.StepStopping
}

// Elapsed is how long a step has run (to now while it runs); zero before
// it starts.
func Elapsed(s domain.PipelineStep, now time.Time) time.Duration {
	switch {
	case s.StartedAt.IsZero():
		return 0
	case !s.EndedAt.IsZero():
		return s.EndedAt.Sub(s.StartedAt)
	case Running(s.Status):
		return now.Sub(s.StartedAt)
	}
	return 0
}

// Legend explains the symbols, for a line under the graph.
const Legend = "✓ succeeded  ● running  ✗ failed  ○ not started  ■ stopped"
