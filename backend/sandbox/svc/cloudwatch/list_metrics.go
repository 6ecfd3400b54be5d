package cloudwatch

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// listMetricsPageSize is how many metrics ListMetrics returns per page.
const listMetricsPageSize = 500

// ListMetricsInput is ListMetrics' request.
type ListMetricsInput struct {
	Namespace             *string
	MetricName            *string
	Dimensions            []DimensionFilter
	NextToken             *string
	RecentlyActive        *string
	IncludeLinkedAccounts *bool
	OwningAccount         *string
}

// ListMetricsOutput is ListMetrics' answer.
type ListMetricsOutput struct {
	Metrics        []Metric
	NextToken      *string
	OwningAccounts []string
}

// listMetrics lists metrics with data in the last two weeks, 500 a page,
// in a stable order (namespace, name, dimensions) so that tokens survive
// metrics appearing between calls:
//
//	aws cloudwatch list-metrics --namespace AWS/SageMaker --dimensions Name=EndpointName,Value=…
func (h handlers) listMetrics(_ context.Context, call *server.Call, in *ListMetricsInput) (*ListMetricsOutput, error) {
	if len(in.Dimensions) > 10 {
		return nil, invalidParameterValue("The collection Dimensions must not have a size greater than 10.")
	}
	if in.RecentlyActive != nil && *in.RecentlyActive != "PT3H" {
		return nil, server.ValidationException("1 validation error detected: Value '%s' at 'recentlyActive' failed to satisfy constraint: "+
			"Member must satisfy enum value set: [PT3H]", *in.RecentlyActive)
	}
	after := ""
	if in.NextToken != nil {
		f, err := decodeToken("ListMetrics", *in.NextToken, 1)
		if err != nil {
			return nil, err
		}
		after = f[0]
	}
	filters := make([]world.DimensionFilter, len(in.Dimensions))
	for i, d := range in.Dimensions {
		filters[i] = world.DimensionFilter{Name: d.Name, Value: optional.Value(d.Value)}
	}
	all := h.world.ListMetrics(optional.Value(in.Namespace), optional.Value(in.MetricName), filters)
	keys := make([]string, len(all))
	order := make([]int, len(all))
	for i, m := range all {
		keys[i] = metricKey(m)
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })

	out := &ListMetricsOutput{Metrics: []Metric{}}
	var now time.Time
	if in.RecentlyActive != nil {
		now = h.world.Now()
	}
	last := ""
	for _, i := range order {
		if keys[i] <= after {
			continue
		}
		if len(out.Metrics) == listMetricsPageSize {
			tok := encodeToken("ListMetrics", last)
			out.NextToken = &tok
			break
		}
		if in.RecentlyActive != nil && !h.activeSince(all[i], now.Add(-3*time.Hour), now) {
			continue
		}
		out.Metrics = append(out.Metrics, wireMetric(all[i]))
		if optional.Value(in.IncludeLinkedAccounts) {
			out.OwningAccounts = append(out.OwningAccounts, call.Principal.Account)
		}
		last = keys[i]
	}
	return out, nil
}

// activeSince reports whether m has a datapoint in [from, to).
func (h handlers) activeSince(m world.Metric, from, to time.Time) bool {
	dims := make(map[string]string, len(m.Dimensions))
	for _, d := range m.Dimensions {
		dims[d.Name] = d.Value
	}
	ts, _, err := h.world.MetricData(m.Namespace, m.MetricName, dims, "SampleCount", time.Minute, from, to)
	return err == nil && len(ts) > 0
}

// metricKey orders metrics by namespace, name and dimensions.
func metricKey(m world.Metric) string {
	var b strings.Builder
	b.WriteString(m.Namespace)
	b.WriteByte(0)
	b.WriteString(m.MetricName)
	for _, d := range m.Dimensions {
		b.WriteByte(0)
		b.WriteString(d.Name)
		b.WriteByte('=')
		b.WriteString(d.Value)
	}
	return b.String()
}
