package cloudwatch_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

func TestGetMetricStatisticsAgreesWithGetMetricData(t *testing.T) {
	env := sandboxtest.Start(t)
	m := endpointMetric(healthyEndpoint, variant(t, env, healthyEndpoint), "ModelLatency")
	start, end := sandboxtest.Epoch.Add(-time.Hour), sandboxtest.Epoch
	for _, proto := range protocols {
		t.Run(proto, func(t *testing.T) {
			c := client(t, env, "on-call", proto)
			out, err := c.GetMetricStatistics(context.Background(), &cloudwatch.GetMetricStatisticsInput{
				Namespace: m.Namespace, MetricName: m.MetricName, Dimensions: m.Dimensions,
				StartTime: aws.Time(start), EndTime: aws.Time(end), Period: aws.Int32(300),
				Statistics: []cwtypes.Statistic{cwtypes.StatisticAverage, cwtypes.StatisticSampleCount},
			})
			if err != nil {
				t.Fatalf("GetMetricStatistics: %v", err)
			}
			if aws.ToString(out.Label) != "ModelLatency" || len(out.Datapoints) != 12 {
				t.Fatalf("Label %q with %d datapoints, want ModelLatency with 12", aws.ToString(out.Label), len(out.Datapoints))
			}
			wt, wv := worldSeries(t, env, m, "Average", 5*time.Minute, start, end)
			_, wn := worldSeries(t, env, m, "SampleCount", 5*time.Minute, start, end)
			for i, dp := range out.Datapoints { // ascending; the world series is newest first
				k := len(wt) - 1 - i
				if !aws.ToTime(dp.Timestamp).Equal(wt[k]) || aws.ToFloat64(dp.Average) != wv[k] || aws.ToFloat64(dp.SampleCount) != wn[k] ||
					dp.Unit != cwtypes.StandardUnitMicroseconds || dp.Sum != nil || dp.ExtendedStatistics != nil {
					t.Errorf("datapoint %d = %+v, want %v avg %v n %v in Microseconds", i, dp, wt[k], wv[k], wn[k])
				}
			}

			ext, err := c.GetMetricStatistics(context.Background(), &cloudwatch.GetMetricStatisticsInput{
				Namespace: m.Namespace, MetricName: m.MetricName, Dimensions: m.Dimensions,
				StartTime: aws.Time(start), EndTime: aws.Time(end), Period: aws.Int32(300), ExtendedStatistics: []string{"p99", "p50"},
			})
			if err != nil {
				t.Fatal(err)
			}
			_, p99 := worldSeries(t, env, m, "p99", 5*time.Minute, start, end)
			for i, dp := range ext.Datapoints {
				k := len(p99) - 1 - i
				if dp.ExtendedStatistics["p99"] != p99[k] || dp.ExtendedStatistics["p50"] > dp.ExtendedStatistics["p99"] || dp.ExtendedStatistics["p99"] < wv[k] {
					t.Errorf("datapoint %d percentiles %v, want p99 %v ≥ average %v ≥ … p50", i, dp.ExtendedStatistics, p99[k], wv[k])
				}
			}
		})
	}
}

func TestGetMetricStatisticsLimits(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	m := endpointMetric(healthyEndpoint, variant(t, env, healthyEndpoint), "Invocations")
	in := func() *cloudwatch.GetMetricStatisticsInput {
		return &cloudwatch.GetMetricStatisticsInput{
			Namespace: m.Namespace, MetricName: m.MetricName, Dimensions: m.Dimensions, Period: aws.Int32(60),
			StartTime: aws.Time(sandboxtest.Epoch.Add(-1441 * time.Minute)), EndTime: aws.Time(sandboxtest.Epoch),
			Statistics: []cwtypes.Statistic{cwtypes.StatisticSum},
		}
	}
	_, err := c.GetMetricStatistics(context.Background(), in())
	var combo *cwtypes.InvalidParameterCombinationException
	if !errors.As(err, &combo) || combo.ErrorCode() != "InvalidParameterCombination" {
		t.Fatalf("1441 datapoints: err = %v, want InvalidParameterCombination", err)
	}
	ok := in()
	ok.StartTime = aws.Time(sandboxtest.Epoch.Add(-1440 * time.Minute))
	out, err := c.GetMetricStatistics(context.Background(), ok)
	if err != nil || len(out.Datapoints) != 1440 {
		t.Fatalf("1440 datapoints: %v, got %d", err, len(out.Datapoints))
	}
	both := in()
	both.StartTime = ok.StartTime
	both.ExtendedStatistics = []string{"p99"}
	_, err = c.GetMetricStatistics(context.Background(), both)
	if !errors.As(err, &combo) {
		t.Errorf("Statistics and ExtendedStatistics: %v", err)
	}
	none := in()
	none.StartTime, none.Statistics = ok.StartTime, nil
	_, err = c.GetMetricStatistics(context.Background(), none)
	var missing *cwtypes.MissingRequiredParameterException
	if !errors.As(err, &missing) || missing.ErrorCode() != "MissingParameter" {
		t.Errorf("no statistics: %v", err)
	}
	bad := in()
	bad.StartTime, bad.ExtendedStatistics, bad.Statistics = ok.StartTime, []string{"p101"}, nil
	_, err = c.GetMetricStatistics(context.Background(), bad)
	var value *cwtypes.InvalidParameterValueException
	if !errors.As(err, &value) || value.ErrorCode() != "InvalidParameterValue" {
		t.Errorf("p101: %v", err)
	}
}
