package server_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// TestConcurrentCalls drives every protocol from many goroutines while the
// faults change underneath; run it with -race.
func TestConcurrentCalls(t *testing.T) {
	srv := start(t, server.Options{Seed: 9})
	const workers, rounds = 16, 12
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*4)
	for w := range workers {
		p := servertest.Principals()[w%4]
		cfg := servertest.Config(srv, p)
		clients := cwClients(srv, p)
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			bk := backup.NewFromConfig(cfg)
			s3c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
			for r := range rounds {
				for name, cw := range clients {
					out, err := cw.GetMetricData(ctx, sdkMetricDataInput())
					if err != nil {
						errs <- fmt.Errorf("%s: %w", name, err)
					} else if len(out.MetricDataResults) != 2 || out.MetricDataResults[1].Values[2] != 202.25 {
						errs <- fmt.Errorf("%s: wrong answer %+v", name, out.MetricDataResults)
					}
				}
				if err := describeLogGroups(cfg); err != nil {
					errs <- err
				}
				if _, err := bk.ListRecoveryPointsByBackupVault(ctx, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String("hdb-studio-vault")}); err != nil {
					errs <- err
				}
				if _, err := s3c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("ag-hdb-models")}); err != nil {
					errs <- err
				}
				if w == 0 && r%3 == 0 {
					// Faults that hit nothing these workers call, changed while they run.
					if err := srv.SetFaults(server.Faults{ThrottleRate: 1, Services: []string{"apigateway"}}); err != nil {
						errs <- err
					}
					_ = srv.Calls()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	calls := srv.Calls()
	if got := calls["monitoring:GetMetricData"]; got != workers*rounds*3 {
		t.Errorf("GetMetricData calls = %d, want %d", got, workers*rounds*3)
	}
	if got := calls["s3:ListObjectsV2"]; got != workers*rounds {
		t.Errorf("ListObjectsV2 calls = %d, want %d", got, workers*rounds)
	}
}
