package awsfake

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
)

// Point is one metric datapoint.
type Point struct {
	At    time.Time
	Value float64
}

// Alarm is a CloudWatch metric alarm.
type Alarm struct {
	Name, State, Reason, Namespace, Metric string
	Dims                                   map[string]string
	Threshold                              float64
}

// MetricKey names a stored series: namespace, metric, statistic and
// dimensions (in name order).
func MetricKey(namespace, metric, stat string, dims map[string]string) string {
	names := make([]string, 0, len(dims))
	for n := range dims {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s", namespace, metric, stat)
	for _, n := range names {
		fmt.Fprintf(&b, "|%s=%s", n, dims[n])
	}
	return b.String()
}

// SetMetric stores the points of one series.
func (f *Account) SetMetric(namespace, metric, stat string, dims map[string]string, points ...Point) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.metrics[MetricKey(namespace, metric, stat, dims)] = points
}

// AddAlarms adds metric alarms.
func (f *Account) AddAlarms(as ...Alarm) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.alarms = append(f.alarms, as...)
}

// GetMetricData answers every query from the stored series; more than 500
// queries in one call is refused, as AWS does.
func (f *Account) GetMetricData(ctx context.Context, in *cloudwatch.GetMetricDataInput, _ ...func(*cloudwatch.Options)) (*cloudwatch.GetMetricDataOutput, error) {
	if err := f.call(ctx, "cloudwatch", "GetMetricData"); err != nil {
		return nil, err
	}
	if len(in.MetricDataQueries) > 500 {
		return nil, wrap("cloudwatch", "GetMetricData", APIError("ValidationError", fmt.Sprintf("%d queries; at most 500 are allowed", len(in.MetricDataQueries))))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &cloudwatch.GetMetricDataOutput{}
	start, end := sdk.ToTime(in.StartTime), sdk.ToTime(in.EndTime)
	for _, q := range in.MetricDataQueries {
		r := types.MetricDataResult{Id: q.Id, StatusCode: types.StatusCodeComplete}
		if ms := q.MetricStat; ms != nil && ms.Metric != nil {
			dims := map[string]string{}
			for _, d := range ms.Metric.Dimensions {
				dims[sdk.ToString(d.Name)] = sdk.ToString(d.Value)
			}
			for _, p := range f.metrics[MetricKey(sdk.ToString(ms.Metric.Namespace), sdk.ToString(ms.Metric.MetricName), sdk.ToString(ms.Stat), dims)] {
				if !p.At.Before(start) && p.At.Before(end) {
					r.Timestamps = append(r.Timestamps, p.At)
					r.Values = append(r.Values, p.Value)
				}
			}
		}
		out.MetricDataResults = append(out.MetricDataResults, r)
	}
	return out, nil
}

// ListMetrics lists stored metrics of a namespace carrying every filter dimension.
func (f *Account) ListMetrics(ctx context.Context, in *cloudwatch.ListMetricsInput, _ ...func(*cloudwatch.Options)) (*cloudwatch.ListMetricsOutput, error) {
	if err := f.call(ctx, "cloudwatch", "ListMetrics"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &cloudwatch.ListMetricsOutput{}
	seen := map[string]bool{}
	keys := make([]string, 0, len(f.metrics))
	for k := range f.metrics {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts := strings.Split(k, "|")
		if parts[0] != sdk.ToString(in.Namespace) {
			continue
		}
		dims := map[string]string{}
		for _, kv := range parts[3:] {
			n, v, _ := strings.Cut(kv, "=")
			dims[n] = v
		}
		ok := true
		for _, flt := range in.Dimensions {
			if dims[sdk.ToString(flt.Name)] != sdk.ToString(flt.Value) {
				ok = false
			}
		}
		id := parts[1] + "|" + strings.Join(parts[3:], "|")
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		m := types.Metric{Namespace: sdk.String(parts[0]), MetricName: sdk.String(parts[1])}
		for _, kv := range parts[3:] {
			n, v, _ := strings.Cut(kv, "=")
			m.Dimensions = append(m.Dimensions, types.Dimension{Name: sdk.String(n), Value: sdk.String(v)})
		}
		out.Metrics = append(out.Metrics, m)
	}
	return out, nil
}

func (f *Account) DescribeAlarms(ctx context.Context, in *cloudwatch.DescribeAlarmsInput, _ ...func(*cloudwatch.Options)) (*cloudwatch.DescribeAlarmsOutput, error) {
	if err := f.call(ctx, "cloudwatch", "DescribeAlarms"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &cloudwatch.DescribeAlarmsOutput{}
	for _, a := range f.alarms {
		m := types.MetricAlarm{
			AlarmName: sdk.String(a.Name), StateValue: types.StateValue(a.State), StateReason: sdk.String(a.Reason),
			Namespace: sdk.String(a.Namespace), MetricName: sdk.String(a.Metric), Threshold: sdk.Float64(a.Threshold),
			StateUpdatedTimestamp: sdk.Time(f.now),
		}
		for n, v := range a.Dims {
			m.Dimensions = append(m.Dimensions, types.Dimension{Name: sdk.String(n), Value: sdk.String(v)})
		}
		out.MetricAlarms = append(out.MetricAlarms, m)
	}
	return out, nil
}
