package backend

import (
	"slices"
	"testing"
)

func TestAlgorithmMetricsComeBeforeInstanceMetrics(t *testing.T) {
	metrics := []string{"CPUUtilization", "DiskUtilization", "MemoryUtilization", "train:loss", "validation:mae", "validation:rmse"}
	algorithmMetricsFirst(metrics, []string{"validation:rmse", "validation:mae", "train:loss"})
	want := []string{"validation:rmse", "validation:mae", "train:loss", "CPUUtilization", "DiskUtilization", "MemoryUtilization"}
	if !slices.Equal(metrics, want) {
		t.Fatalf("order = %v, want %v", metrics, want)
	}
}
