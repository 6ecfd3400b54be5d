package world

import (
	"sync"
	"time"
)

// Clock tells the world what virtual time it is. The world reads it once per
// call and advances its simulation to that instant.
type Clock interface {
	Now() time.Time
}

// ScaledClock runs at real time multiplied by Speed from a virtual start.
type ScaledClock struct {
	start     time.Time
	realStart time.Time
	speed     float64
	real      func() time.Time
}

// NewScaledClock returns a clock that reads start now and then advances speed
// virtual seconds per real second (speed <= 0 means 1).
func NewScaledClock(start time.Time, speed float64) *ScaledClock {
	if speed <= 0 {
		speed = 1
	}
	return &ScaledClock{start: start, realStart: time.Now(), speed: speed, real: time.Now}
}

// Now returns the virtual time.
func (c *ScaledClock) Now() time.Time {
	elapsed := c.real().Sub(c.realStart)
	return c.start.Add(time.Duration(float64(elapsed) * c.speed))
}

// Speed is the number of virtual seconds per real second.
func (c *ScaledClock) Speed() float64 { return c.speed }

// ManualClock only moves when told to; tests drive the world with it.
type ManualClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewManualClock returns a clock stopped at t.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{t: t} }

// Now returns the clock's current reading.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d (negative d is ignored).
func (c *ManualClock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.t = c.t.Add(d)
	}
	return c.t
}

// Set moves the clock to t if t is later than its reading.
func (c *ManualClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.After(c.t) {
		c.t = t
	}
}
