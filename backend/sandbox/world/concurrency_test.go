package world_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// TestConcurrentReadersAndWriters is meant for -race: readers list,
// describe and query metrics and logs while writers start work and the
// clock moves.
func TestConcurrentReadersAndWriters(t *testing.T) {
	w, c := newWorld(t, 21)
	tmpl := hdbJobInput(t, w, "unused")
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var reads atomic.Int64
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				page, err := w.TrainingJobs(world.TrainingJobQuery{MaxResults: 20})
				if err != nil {
					t.Error(err)
					return
				}
				j, _ := w.TrainingJob(page.Items[0].TrainingJobName)
				_ = j.SecondaryStatusTransitions
				_, _, _ = w.MetricData(world.NamespaceSageMaker, "ModelLatency", map[string]string{"EndpointName": "hdb-resale-valuation-prod", "VariantName": "AllTraffic"}, "p99", time.Minute, testStart.Add(-time.Hour), testStart.Add(time.Hour))
				for _, e := range w.Endpoints() {
					_, _ = w.Endpoint(e.EndpointName)
				}
				_ = w.Alarms(nil, "", "")
				_ = w.RestoreJobs("")
				streams, _ := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: page.Items[0].TrainingJobName})
				for _, s := range streams.Streams {
					_, _ = w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: s.LogStreamName, Limit: 10})
				}
				reads.Add(1)
				if ctx.Err() != nil {
					return
				}
			}
		}()
	}
	for i := 0; i < 40; i++ {
		in := tmpl
		in.TrainingJobName = fmt.Sprintf("race-job-%d", i)
		if _, err := w.CreateTrainingJob(in); err != nil {
			t.Fatal(err)
		}
		if i%10 == 0 {
			if _, err := w.StartPipelineExecution(world.StartPipelineExecutionInput{PipelineName: "ssg-course-dropout"}); err != nil {
				t.Fatal(err)
			}
		}
		_, _ = w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "hdb-resale-valuation-prod", ContentType: "text/csv", Body: []byte("TAMPINES,4 ROOM,93,07 TO 09,61")})
		_ = w.AddTags(w.TrainingJobArn(in.TrainingJobName), []world.Tag{{Key: "k", Value: "v"}})
		c.Advance(3 * time.Minute)
	}
	cancel()
	wg.Wait()
	if reads.Load() < 4 {
		t.Errorf("readers completed %d rounds", reads.Load())
	}
	if got := w.TrainingJobCount(); got < 400 {
		t.Errorf("%d jobs after the run", got)
	}
}
