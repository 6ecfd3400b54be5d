package world

import (
	"container/heap"
	"time"
)

// event is something the simulation will do at a virtual instant. Events run
// in (time, scheduling order), so the same schedule gives the same state.
type event struct {
	at  time.Time
	seq uint64
	run func(at time.Time)
}

type eventHeap []*event

func (h eventHeap) Len() int { return len(h) }
func (h eventHeap) Less(i, j int) bool {
	if !h[i].at.Equal(h[j].at) {
		return h[i].at.Before(h[j].at)
	}
	return h[i].seq < h[j].seq
}
func (h eventHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *eventHeap) Push(x any)   { *h = append(*h, x.(*event)) }
func (h *eventHeap) Pop() any {
	old := *h
	n := len(old)
	e := old[n-1]
	old[n-1] = nil
	*h = old[:n-1]
	return e
}

// schedule queues fn at virtual time at; callers hold the write lock.
func (w *World) schedule(at time.Time, fn func(at time.Time)) {
	if at.Before(w.now) {
		at = w.now
	}
	w.eventSeq++
	heap.Push(&w.events, &event{at: at, seq: w.eventSeq, run: fn})
}

// due reports whether an event is waiting at or before now.
func (w *World) due(now time.Time) bool {
	return len(w.events) > 0 && !w.events[0].at.After(now)
}

// advance runs every event due by now, in order, then sets the world's time.
func (w *World) advance(now time.Time) {
	w.target = now
	for w.due(now) {
		e := heap.Pop(&w.events).(*event)
		if e.at.After(w.now) {
			w.now = e.at
		}
		e.run(e.at)
	}
	if now.After(w.now) {
		w.now = now
	}
}
