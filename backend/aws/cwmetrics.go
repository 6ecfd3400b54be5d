package aws

import (
	"context"
	"fmt"
	"sort"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/domain"
)

// MaxQueriesPerCall is GetMetricData's limit of queries per request.
const MaxQueriesPerCall = 500

// Dim is one metric dimension.
type Dim struct{ Name, Value string }

// MetricQuery is one series to fetch: a metric, its dimensions, a statistic
// ("Sum", "Average", "Maximum", or a percentile such as "p99") and a period.
type MetricQuery struct {
	// ID names the result; CloudWatch wants ^[a-z][a-zA-Z0-9_]*$ and
	// unique within a request.
	ID        string
	Namespace string
	Metric    string
	Dims      []Dim
	Stat      string
	Period    time.Duration
	Unit      string // for the resulting series' label, not sent
}

// MetricData fetches every query's series between start and end, in as few
// calls as GetMetricData allows: one per 500 queries (more only when a
// batch's datapoints overflow a page). Series come back oldest first, keyed
// by query ID; a query with no data has an empty series.
// aws cloudwatch get-metric-data --metric-data-queries file://queries.json --start-time START --end-time END
func (a *Account) MetricData(ctx context.Context, queries []MetricQuery, start, end time.Time) (map[string]domain.Series, error) {
	out := make(map[string]domain.Series, len(queries))
	byID := make(map[string]MetricQuery, len(queries))
	for _, q := range queries {
		if _, dup := byID[q.ID]; dup {
			return nil, fmt.Errorf("metric query id %q used twice", q.ID)
		}
		byID[q.ID] = q
		out[q.ID] = domain.Series{Label: q.Metric, Unit: q.Unit}
	}
	for lo := 0; lo < len(queries); lo += MaxQueriesPerCall {
		batch := queries[lo:min(lo+MaxQueriesPerCall, len(queries))]
		in := &cloudwatch.GetMetricDataInput{
			StartTime: sdk.Time(start), EndTime: sdk.Time(end), ScanBy: types.ScanByTimestampAscending,
		}
		for _, q := range batch {
			in.MetricDataQueries = append(in.MetricDataQueries, metricDataQuery(q))
		}
		p := cloudwatch.NewGetMetricDataPaginator(a.CloudWatch, in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, r := range page.MetricDataResults {
				id := str(r.Id)
				s, ok := out[id]
				if !ok {
					continue
				}
				s.Times = append(s.Times, r.Timestamps...)
				s.Values = append(s.Values, r.Values...)
				out[id] = s
			}
		}
	}
	for id, s := range out {
		out[id] = sortSeries(s)
	}
	return out, nil
}

func metricDataQuery(q MetricQuery) types.MetricDataQuery {
	dims := make([]types.Dimension, len(q.Dims))
	for i, d := range q.Dims {
		dims[i] = types.Dimension{Name: sdk.String(d.Name), Value: sdk.String(d.Value)}
	}
	return types.MetricDataQuery{
		Id: sdk.String(q.ID),
		MetricStat: &types.MetricStat{
			Metric: &types.Metric{Namespace: sdk.String(q.Namespace), MetricName: sdk.String(q.Metric), Dimensions: dims},
			Period: sdk.Int32(int32(q.Period / time.Second)),
			Stat:   sdk.String(q.Stat),
		},
		ReturnData: sdk.Bool(true),
	}
}

// sortSeries orders points oldest first; pages may interleave.
func sortSeries(s domain.Series) domain.Series {
	idx := make([]int, len(s.Times))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.Times[idx[a]].Before(s.Times[idx[b]]) })
	times := make([]time.Time, len(idx))
	values := make([]float64, len(idx))
	for i, j := range idx {
		times[i], values[i] = s.Times[j], s.Values[j]
	}
	s.Times, s.Values = times, values
	return s
}

// MetricRef names one metric that CloudWatch holds.
type MetricRef struct {
	Namespace string
	Metric    string
	Dims      []Dim
}

// ListMetrics finds the metrics in namespace that carry every given dimension.
// aws cloudwatch list-metrics --namespace NS --dimensions Name=N,Value=V
func (a *Account) ListMetrics(ctx context.Context, namespace string, dims []Dim) ([]MetricRef, error) {
	in := &cloudwatch.ListMetricsInput{Namespace: sdk.String(namespace)}
	for _, d := range dims {
		in.Dimensions = append(in.Dimensions, types.DimensionFilter{Name: sdk.String(d.Name), Value: sdk.String(d.Value)})
	}
	var out []MetricRef
	p := cloudwatch.NewListMetricsPaginator(a.CloudWatch, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, m := range page.Metrics {
			ref := MetricRef{Namespace: str(m.Namespace), Metric: str(m.MetricName)}
			for _, d := range m.Dimensions {
				ref.Dims = append(ref.Dims, Dim{Name: str(d.Name), Value: str(d.Value)})
			}
			out = append(out, ref)
		}
	}
	return out, nil
}

// Alarm is a metric alarm with the dimensions it watches, so the caller
// can tie it to an endpoint or an API.
type Alarm struct {
	domain.Alarm
	Dims map[string]string
}

// Alarms lists every metric alarm.
// aws cloudwatch describe-alarms --alarm-types MetricAlarm
func (a *Account) Alarms(ctx context.Context) ([]Alarm, error) {
	var out []Alarm
	p := cloudwatch.NewDescribeAlarmsPaginator(a.CloudWatch, &cloudwatch.DescribeAlarmsInput{
		AlarmTypes: []types.AlarmType{types.AlarmTypeMetricAlarm},
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, m := range page.MetricAlarms {
			al := Alarm{
				Alarm: domain.Alarm{
					Name: str(m.AlarmName), State: string(m.StateValue), Reason: str(m.StateReason),
					MetricName: str(m.MetricName), Namespace: str(m.Namespace), Threshold: sdk.ToFloat64(m.Threshold),
					Comparison: string(m.ComparisonOperator), UpdatedAt: tm(m.StateUpdatedTimestamp),
					Description: str(m.AlarmDescription),
				},
				Dims: map[string]string{},
			}
			dims := m.Dimensions
			// A metric-math alarm names its metrics inside the expression's queries.
			for _, q := range m.Metrics {
				if q.MetricStat != nil && q.MetricStat.Metric != nil {
					dims = append(dims, q.MetricStat.Metric.Dimensions...)
					if al.MetricName == "" {
						al.MetricName = str(q.MetricStat.Metric.MetricName)
						al.Namespace = str(q.MetricStat.Metric.Namespace)
					}
				}
			}
			for _, d := range dims {
				al.Dims[str(d.Name)] = str(d.Value)
			}
			out = append(out, al)
		}
	}
	return out, nil
}
