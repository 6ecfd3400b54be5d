// Package feed is agdash's polling engine. A feed polls one collection at
// its own interval while anyone subscribes to it; it backs off with full
// jitter when the fetch fails, keeps its last good data, and delivers
// updates without ever waiting on a slow consumer: per key, a newer update
// replaces the pending one (increments are merged, not replaced).
//
// The engine knows nothing of AWS: a feed is a key, an interval and a fetch
// function. Time comes from a Clock so tests drive it with a FakeClock.
package feed
