package main

import "testing"

func TestJobCountReadsThePanesCount(t *testing.T) {
	for _, c := range []struct {
		screen        string
		jobs          int
		loading, read bool
	}{
		{" Training jobs        108,001 jobs · 6 running\n NAME", 108001, false, true},
		{" Training jobs        22,616 jobs · 6 running · loading older jobs…\n", 22616, true, true},
		{" Training jobs        108,001 jobs · 6 running · reading older jobs' projects…\n", 108001, true, true},
		{" Training jobs\n Loading training jobs…", 0, false, false},
	} {
		jobs, loading, ok := jobCount(c.screen)
		if jobs != c.jobs || loading != c.loading || ok != c.read {
			t.Errorf("jobCount(%q) = %d, %v, %v; want %d, %v, %v", c.screen, jobs, loading, ok, c.jobs, c.loading, c.read)
		}
	}
}
