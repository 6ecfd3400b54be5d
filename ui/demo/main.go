// Command demo runs the agdash shell on a scripted fake backend, to look
// at the real thing in a terminal without AWS or the sandbox:
//
//	go run ./ui/demo [-theme dark] [-readonly] [-expire 20s] [-fail 10s] [-lograte 1000] [-jobs 100000]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/ui"
	"github.com/agdash/agdash/views/kit/kittest"
)

func main() {
	theme := flag.String("theme", "", "theme name")
	readOnly := flag.Bool("readonly", false, "read-only mode")
	pane := flag.String("pane", "", "first pane")
	expire := flag.Duration("expire", 0, "expire the credentials after this long (0: never)")
	fail := flag.Duration("fail", 0, "make the projects feed fail after this long (0: never)")
	logRate := flag.Int("lograte", 20, "log lines a second a running training job writes")
	olderJobs := flag.Int("jobs", 2000, "finished training jobs besides the handful shown")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	svc := kittest.NewService(kittest.Admin(), time.Now())
	defer svc.Close()

	feedCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	jobs := newJobsWorld(svc, *logRate, *olderJobs)
	go func() {
		defer close(done)
		jobsDone := make(chan struct{})
		go func() {
			defer close(jobsDone)
			jobs.run(feedCtx)
		}()
		script(feedCtx, svc, *expire, *fail)
		<-jobsDone
	}()
	backupsDone := make(chan struct{})
	go func() {
		defer close(backupsDone)
		playBackups(feedCtx, svc)
	}()
	defer func() { <-backupsDone }()
	pipelinesDone := make(chan struct{})
	go func() {
		defer close(pipelinesDone)
		playPipelines(feedCtx, svc)
	}()
	defer func() { <-pipelinesDone }()
	endpointsDone := make(chan struct{})
	go func() {
		defer close(endpointsDone)
		playEndpoints(feedCtx, svc)
	}()
	defer func() { <-endpointsDone }()
	err := ui.Run(ctx, &invokingService{Service: svc}, ui.Options{Theme: *theme, ReadOnly: *readOnly, Pane: *pane, Mouse: true, Version: "demo"})
	cancel()
	<-done
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// script plays a projects feed: a fetch every 5 s that takes half a
// second, calls counted, and the failures asked for.
func script(ctx context.Context, svc *kittest.Service, expire, fail time.Duration) {
	key := backend.FeedKey{Kind: backend.FeedProjects}
	start := svc.Now()
	var calls, last int64
	lastOK := time.Time{}
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		svc.Advance(500 * time.Millisecond)
		now := svc.Now()
		elapsed := now.Sub(start)
		state := backend.FeedState{Key: key, Interval: 5 * time.Second, LastSuccess: lastOK, LastAttempt: now}
		switch {
		case i%10 == 0:
			state.Fetching = true
			svc.SetFeeds(state)
			svc.Send(backend.Update{Key: key, State: state})
		case i%10 == 1:
			calls += 9
			switch {
			case expire > 0 && elapsed > expire:
				state.Err, state.Expired, state.Stale = "ExpiredTokenException: The security token included in the request is expired", true, true
				svc.Send(backend.Update{Key: key, State: state})
			case fail > 0 && elapsed > fail:
				state.Err, state.Stale = "sagemaker:ListProjects: ThrottlingException: Rate exceeded", true
				svc.Send(backend.Update{Key: key, State: state})
			default:
				lastOK = now
				state.LastSuccess = now
				svc.Send(backend.Update{Key: key, Data: kittest.Projects(), State: state})
			}
			svc.SetFeeds(state)
		}
		if calls != last {
			svc.SetCalls(backend.CallStats{Total: calls, ByOp: map[string]int64{"sagemaker:ListProjects": calls}})
			last = calls
		}
	}
}
