package backend

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// BenchmarkFollowChattyJobLog follows, through the real SDK over HTTP, a
// sandbox training job that writes 1,000 lines a second, for a simulated
// minute of polls at the feed's default interval: from the job's start,
// and opened when the job has written for ten minutes. It fails when a
// line is missed, repeated or out of order, or when after a poll the tail
// is more than one interval behind the job. It reports the lines a second
// delivered, the largest lag after a poll, the log feed's AWS calls a
// minute, what the backend's tail keeps (lines and bytes, bounded by
// maxLogLines), how the live heap grew over the last two thirds of the
// minute, and the wall time a poll took (sandbox, SDK, feed and the
// benchmark's own checks, on one machine).
//
//	go test -run '^$' -bench FollowChattyJobLog -benchtime 1x ./backend/
func BenchmarkFollowChattyJobLog(b *testing.B) {
	for _, tc := range chattyCases {
		b.Run(strings.ReplaceAll(tc.name, " ", "-"), func(b *testing.B) {
			var f logFollow
			var wall time.Duration
			for b.Loop() {
				s := clientOn(b, sandboxtest.Start(b), "data-scientist", Options{})
				job := chattyJob(b, s, chattyLogRate, tc.into)
				start := time.Now()
				f = followLog(b, s, job, time.Minute, tc.fromHead, true)
				wall = time.Since(start)
				s.c.Close()
			}
			if len(f.problems) > 0 {
				b.Fatalf("following a job at %d lines a second:\n%s", chattyLogRate, strings.Join(f.problems, "\n"))
			}
			minutes := time.Duration(f.polls) * DefaultIntervals().Logs
			b.ReportMetric(float64(f.lines)/minutes.Seconds(), "lines/s")
			b.ReportMetric(float64(f.maxLag.Milliseconds()), "max-lag-ms")
			b.ReportMetric(float64(logCalls(f.calls))*float64(time.Minute)/float64(minutes), "log-calls/min")
			b.ReportMetric(float64(len(f.tail.Events)), "tail-lines")
			b.ReportMetric(float64(tailBytes(f.tail))/1024, "tail-KB")
			b.ReportMetric(float64(f.heap[1]-f.heap[0])/1024, "heap-growth-KB")
			b.ReportMetric(float64(wall.Milliseconds())/float64(f.polls), "wall-ms/poll")
		})
	}
}
