package e2e

import (
	"sync"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// jumpClock is a side sandbox's clock: real time × speed, plus what the
// test skipped. A test jumps over the virtual hour a pipeline run takes
// rather than running every other moment of itself that fast.
type jumpClock struct {
	scaled  *world.ScaledClock
	mu      sync.Mutex
	skipped time.Duration
}

func newJumpClock(start time.Time, speed float64) *jumpClock {
	return &jumpClock{scaled: world.NewScaledClock(start, speed)}
}

// Now is the virtual time.
func (c *jumpClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.scaled.Now().Add(c.skipped)
}

// jump moves the clock forward by d at once.
func (c *jumpClock) jump(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.skipped += d
}

// skipRun jumps the clock five virtual minutes at a time until the
// execution of pipeline shown as display has ended, and says how it
// ended. The sandbox advances its world whenever it is asked, so each
// look at the execution runs the simulation up to the new time.
func (s *sideSandbox) skipRun(t *testing.T, c *jumpClock, pipeline, display string) string {
	t.Helper()
	const step, most = 5 * time.Minute, 4 * time.Hour
	for skipped := time.Duration(0); skipped <= most; skipped += step {
		execs, err := s.World().PipelineExecutions(pipeline, world.ExecutionQuery{SortOrder: world.Descending})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range execs {
			if e.PipelineExecutionDisplayName != display {
				continue
			}
			found = true
			if e.PipelineExecutionStatus != world.ExecutionExecuting {
				return e.PipelineExecutionStatus
			}
		}
		if !found {
			t.Fatalf("%s has no execution %q", pipeline, display)
		}
		c.jump(step)
	}
	t.Fatalf("the execution %q of %s still runs after %v of virtual time", display, pipeline, most)
	return ""
}
