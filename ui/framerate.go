package ui

// frameRate is how many times a second Bubble Tea's renderer looks for a
// new frame to draw. Its default, 60, wakes the process 60 times a second
// even when nothing changes, and on the 2-core development VM those
// wake-ups were most of agdash's idle CPU: scripts/idlecpu measured the
// jobs pane at 1.17-1.25% of a core at 60, 0.70-0.72% at 30, 0.6% at 20
// and 0.3% at 10 (docs/BENCHMARKS.md). The first frame also waits for the
// first tick: at 30 it came 127 ms after start, at 20 it passed 150 ms.
// At 30 a key's echo waits at most 33 ms, which still reads as immediate.
const frameRate = 30
