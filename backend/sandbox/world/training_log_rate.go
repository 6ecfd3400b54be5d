package world

import (
	"math"
	"sort"
	"strconv"
)

// MaxTrainingLogRate bounds SetTrainingLogRate: a busy training script
// printing every step, not a flood the sandbox cannot answer.
const MaxTrainingLogRate = 100000

// SetTrainingLogRate makes every instance of a job print linesPerSecond
// more lines while it trains (a step counter with its loss), so a log
// tail can be measured against a chatty job. The lines are computed from
// their ordinal on the world's clock, never stored. No AWS operation
// reaches it: tests and benchmarks call it on a job they created, before
// the job starts (once a stream is visible its events are fixed, which is
// what keeps forward tokens exact).
func (w *World) SetTrainingLogRate(job string, linesPerSecond int) error {
	now := ms(w.wlock())
	defer w.mu.Unlock()
	j := w.training.get(job)
	if j == nil {
		return ErrNotFound{Kind: "TrainingJob", Name: job}
	}
	if linesPerSecond < 0 || linesPerSecond > MaxTrainingLogRate {
		return invalid("log rate %d lines a second is outside 0..%d", linesPerSecond, MaxTrainingLogRate)
	}
	if st := j.startedAt(); st != 0 && st <= now {
		return invalid("training job %s has already started writing its log; set its log rate before it starts", j.name)
	}
	j.logRate = int32(linesPerSecond)
	return nil
}

// stepLog is the chatter a job's log rate adds to one host: lines evenly
// spread over the training script's run, from just after the toolkit
// invokes it until training ends (or the job is stopped).
func (j *trainingJob) stepLog(host int) (rateSource, bool) {
	ts, te, ok := j.trainingPhase()
	if !ok || j.logRate <= 0 {
		return rateSource{}, false
	}
	if sr := j.stopRequestAt(); sr != 0 && sr < te {
		te = sr
	}
	r := rateSource{start: ts + 3500, end: te, perSecond: int64(j.logRate), host: host, seed: hashOf(hashString(j.name), uint64(host))}
	return r, r.end > r.start
}

// rateSource is perSecond events a second over [start, end): event i is at
// start + floor(i*1000/perSecond) ms, so several may share a millisecond.
type rateSource struct {
	start, end int64 // ms
	perSecond  int64
	host       int
	seed       uint64
}

// count is how many events fall before ms start+d (d >= 0).
func (r rateSource) count(d int64) int64 { return (d*r.perSecond + 999) / 1000 }

func (r rateSource) total() int64 { return r.count(r.end - r.start) }

func (r rateSource) visible(now int64) int {
	if now < r.start {
		return 0
	}
	return int(min(r.count(now-r.start+1), r.total()))
}

func (r rateSource) search(ts int64) int {
	if ts <= r.start {
		return 0
	}
	return int(min(r.count(ts-r.start), r.total()))
}

func (r rateSource) event(i int) LogEvent {
	ts := r.start + int64(i)*1000/r.perSecond
	// What a training loop prints every step: a loss that falls with the
	// steps, the gradient's norm and the throughput, each a little noisy.
	h := hashOf(r.seed, uint64(i))
	loss := 2.5*math.Exp(-float64(i)/200000) + 0.05*unitOf(h)
	b := make([]byte, 0, 112)
	b = append(b, "[algo-"...)
	b = strconv.AppendInt(b, int64(r.host), 10)
	b = append(b, "] step "...)
	b = strconv.AppendInt(b, int64(i+1), 10)
	b = append(b, " loss="...)
	b = strconv.AppendFloat(b, loss, 'f', 5, 64)
	b = append(b, " lr=3.0e-04 grad_norm="...)
	b = strconv.AppendFloat(b, 0.5+unitOf(h>>7), 'f', 5, 64)
	b = append(b, " samples/s="...)
	b = strconv.AppendInt(b, 8000+int64(h%1000), 10)
	b = append(b, " gpu_mem=11.2GiB"...)
	return LogEvent{Timestamp: ts, IngestionTime: ts + 300 + int64(i%7)*50, Message: string(b)}
}

// mergedSource interleaves a short, pre-generated log with a rate source
// in time order (the short log first within a millisecond), by ordinal,
// without materialising the merge.
type mergedSource struct {
	a   sliceSource // sorted by Timestamp
	pos []int       // merged ordinal of each of a's events
	b   rateSource
}

func mergeSources(a sliceSource, b rateSource) mergedSource {
	a = append(sliceSource(nil), a...)
	sort.SliceStable(a, func(x, y int) bool { return a[x].Timestamp < a[y].Timestamp })
	pos := make([]int, len(a))
	for k, e := range a {
		pos[k] = k + b.search(e.Timestamp)
	}
	return mergedSource{a: a, pos: pos, b: b}
}

func (m mergedSource) visible(now int64) int { return m.a.visible(now) + m.b.visible(now) }

func (m mergedSource) search(ts int64) int { return m.a.search(ts) + m.b.search(ts) }

func (m mergedSource) event(i int) LogEvent {
	// k is how many of a's events come before ordinal i.
	k, found := sort.Find(len(m.pos), func(k int) int { return i - m.pos[k] })
	if found {
		return m.a[k]
	}
	return m.b.event(i - k)
}
