package cloudwatch

import (
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// Wire shapes shared by several operations, named as in the CloudWatch API.

// Dimension is a name/value pair of a metric's identity.
type Dimension struct {
	Name  string `aws:",required"`
	Value string `aws:",required"`
}

// DimensionFilter selects metrics by a dimension; no Value matches any.
type DimensionFilter struct {
	Name  string `aws:",required"`
	Value *string
}

// Metric names one metric series.
type Metric struct {
	Namespace  *string
	MetricName *string
	Dimensions []Dimension
}

// MessageData is a note attached to a result or a whole response.
type MessageData struct {
	Code  *string
	Value *string
}

func wireDimensions(ds []world.Dimension) []Dimension {
	out := make([]Dimension, len(ds))
	for i, d := range ds {
		out[i] = Dimension{Name: d.Name, Value: d.Value}
	}
	return out
}

func wireMetric(m world.Metric) Metric {
	ns, name := m.Namespace, m.MetricName
	return Metric{Namespace: &ns, MetricName: &name, Dimensions: wireDimensions(m.Dimensions)}
}

// optTime is t, or nil when t is zero (absent).
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// optString is s, or nil when s is empty (absent).
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
