package cloudwatch

import (
	"context"
	"sort"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// maxStatisticsPoints is GetMetricStatistics' limit on datapoints per call.
const maxStatisticsPoints = 1440

// GetMetricStatisticsInput is GetMetricStatistics' request.
type GetMetricStatisticsInput struct {
	Namespace          *string `aws:",required"`
	MetricName         *string `aws:",required"`
	Dimensions         []Dimension
	StartTime          *time.Time `aws:",required"`
	EndTime            *time.Time `aws:",required"`
	Period             *int32     `aws:",required"`
	Statistics         []string
	ExtendedStatistics []string
	Unit               *string
}

// Datapoint is one period's statistics.
type Datapoint struct {
	Timestamp          *time.Time
	SampleCount        *float64
	Average            *float64
	Sum                *float64
	Minimum            *float64
	Maximum            *float64
	Unit               *string
	ExtendedStatistics map[string]float64
}

// GetMetricStatisticsOutput is GetMetricStatistics' answer.
type GetMetricStatisticsOutput struct {
	Label      *string
	Datapoints []Datapoint
}

// getMetricStatistics is the older one-metric call:
//
//	aws cloudwatch get-metric-statistics --namespace AWS/SageMaker --metric-name Invocations \
//	    --dimensions Name=EndpointName,Value=… Name=VariantName,Value=… --statistics Sum \
//	    --period 300 --start-time … --end-time …
func (h handlers) getMetricStatistics(_ context.Context, _ *server.Call, in *GetMetricStatisticsInput) (*GetMetricStatisticsOutput, error) {
	if len(in.Statistics) == 0 && len(in.ExtendedStatistics) == 0 {
		return nil, missingParameter("Must specify either Statistics or ExtendedStatistics.")
	}
	if len(in.Statistics) > 0 && len(in.ExtendedStatistics) > 0 {
		return nil, invalidParameterCombination("Must specify either Statistics or ExtendedStatistics, but not both.")
	}
	if len(in.Statistics) > 5 || len(in.ExtendedStatistics) > 10 {
		return nil, invalidParameterValue("At most 5 Statistics or 10 ExtendedStatistics may be requested.")
	}
	for _, s := range in.Statistics {
		switch s {
		case "SampleCount", "Average", "Sum", "Minimum", "Maximum":
		default:
			return nil, invalidParameterValue("The value %s for parameter Statistics is not a valid statistic.", s)
		}
	}
	for _, s := range in.ExtendedStatistics {
		if !validPercentile(s) {
			return nil, invalidParameterValue("The value %s for parameter ExtendedStatistics is not a valid percentile; use one such as p99 or p99.9.", s)
		}
	}
	if *in.Period < 60 || *in.Period%60 != 0 {
		return nil, invalidParameterValue("The parameter Period must be a multiple of 60; the sandbox's metrics have standard (one-minute) resolution.")
	}
	if !in.EndTime.After(*in.StartTime) {
		return nil, invalidParameterValue("The parameter StartTime must be less than the parameter EndTime.")
	}
	period := int64(*in.Period)
	if n := (in.EndTime.Unix() - floorTo(in.StartTime.Unix(), period) + period - 1) / period; n > maxStatisticsPoints {
		return nil, invalidParameterCombination("You have requested up to %d datapoints, which exceeds the limit of %d. "+
			"You may reduce the datapoints requested by increasing Period, or decreasing the time range.", n, maxStatisticsPoints)
	}
	dims := make(map[string]string, len(in.Dimensions))
	for _, d := range in.Dimensions {
		dims[d.Name] = d.Value
	}
	unit := world.MetricUnit(*in.Namespace, *in.MetricName)
	if in.Unit != nil && !validUnit(*in.Unit) {
		return nil, invalidParameterValue("The value %s for parameter Unit is not a valid unit.", *in.Unit)
	}
	out := &GetMetricStatisticsOutput{Label: in.MetricName, Datapoints: []Datapoint{}}
	if in.Unit != nil && *in.Unit != unit {
		return out, nil
	}
	byTime := map[int64]*Datapoint{}
	stats := append(append([]string(nil), in.Statistics...), in.ExtendedStatistics...)
	for _, s := range stats {
		ts, vs, err := h.world.MetricData(*in.Namespace, *in.MetricName, dims, s, time.Duration(period)*time.Second, *in.StartTime, *in.EndTime)
		if err != nil {
			return nil, worldError(err)
		}
		for i, t := range ts {
			dp := byTime[t.Unix()]
			if dp == nil {
				stamp := t.UTC()
				dp = &Datapoint{Timestamp: &stamp, Unit: &unit}
				byTime[t.Unix()] = dp
			}
			v := vs[i]
			switch s {
			case "SampleCount":
				dp.SampleCount = &v
			case "Average":
				dp.Average = &v
			case "Sum":
				dp.Sum = &v
			case "Minimum":
				dp.Minimum = &v
			case "Maximum":
				dp.Maximum = &v
			default:
				if dp.ExtendedStatistics == nil {
					dp.ExtendedStatistics = map[string]float64{}
				}
				dp.ExtendedStatistics[s] = v
			}
		}
	}
	for _, dp := range byTime {
		out.Datapoints = append(out.Datapoints, *dp)
	}
	sort.Slice(out.Datapoints, func(a, b int) bool { return out.Datapoints[a].Timestamp.Before(*out.Datapoints[b].Timestamp) })
	return out, nil
}
