package main

import (
	"testing"
	"time"
)

func TestSpread(t *testing.T) {
	ds := []time.Duration{120 * time.Millisecond, 95 * time.Millisecond, 101 * time.Millisecond}
	lo, med, hi := spread(ds)
	if lo != 95*time.Millisecond || med != 101*time.Millisecond || hi != 120*time.Millisecond {
		t.Fatalf("spread = %v, %v, %v; want 95ms, 101ms, 120ms", lo, med, hi)
	}
}
