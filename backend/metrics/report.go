package metrics

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// Report formats, as stored in domain.MetricsReport.Format.
const (
	FormatRegression = "regression"
	FormatBinary     = "binary_classification"
	FormatMulticlass = "multiclass_classification"
	FormatCustom     = "custom"
)

// SageMaker names a report's section "<format>_metrics"; custom reports
// may wrap theirs in {"metrics": …}, read this many levels deep.
const (
	sectionSuffix        = "_metrics"
	maxCustomNestingRead = 2
)

// Messages set in MetricsReport.Err.
const (
	ErrEmpty     = "The evaluation report is empty."
	ErrNotJSON   = "The evaluation report is not JSON."
	ErrNotObject = "The evaluation report is JSON but not an object of metrics."
	ErrNoMetrics = "The evaluation report has no metrics."
)

// ParseReport reads an evaluation report body. Loaded is always true; Err
// is a short sentence (and Metrics empty) when the body is not JSON or
// holds no metric.
//
// Accepted shapes, first match wins:
//   - SageMaker model quality: {"regression_metrics": {"rmse": {"value":
//     …, "standard_deviation": …}, …}}, likewise
//     binary_classification_metrics and multiclass_classification_metrics.
//     Non-scalar entries (confusion_matrix, ROC and precision-recall
//     curves) are skipped.
//   - {"metrics": …} holding any accepted shape, or a list of
//     {"name"/"MetricName": …, "value"/"Value": …}.
//   - A flat object of numbers or {"value": …} objects: {"rmse": 31000.5}.
//
// Python's json module writes NaN and Infinity, which are not JSON; they
// are read as missing values so the rest of the report still counts.
// Metrics come headline first (rmse for regression, auc or f1 for
// classification), then by name.
func ParseReport(body []byte) domain.MetricsReport {
	r := domain.MetricsReport{Loaded: true}
	body = bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(body) == 0 {
		r.Err = ErrEmpty
		return r
	}
	top, ok := decode(nonFiniteToNull(body))
	if !ok {
		r.Err = ErrNotJSON
		return r
	}
	obj, ok := top.(map[string]any)
	if !ok {
		r.Err = ErrNotObject
		return r
	}
	format, metrics := fromObject(obj, 0)
	if len(metrics) == 0 {
		r.Err = ErrNoMetrics
		return r
	}
	r.Format = format
	r.Metrics = metrics
	SortMetrics(format, r.Metrics)
	return r
}

// decode parses exactly one JSON value, keeping numbers exact.
func decode(body []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false // trailing data
	}
	return v, true
}

func fromObject(obj map[string]any, depth int) (string, []domain.ReportMetric) {
	// SageMaker model-quality sections, in the order they are looked for.
	for _, format := range []string{FormatRegression, FormatBinary, FormatMulticlass} {
		if section, ok := obj[format+sectionSuffix].(map[string]any); ok {
			if m := scalarMetrics(section); len(m) > 0 {
				return format, m
			}
		}
	}
	if inner, ok := obj["metrics"]; ok && depth < maxCustomNestingRead {
		switch t := inner.(type) {
		case map[string]any:
			if format, m := fromObject(t, depth+1); len(m) > 0 {
				return format, m
			}
		case []any:
			if m := listMetrics(t); len(m) > 0 {
				return FormatCustom, m
			}
		}
	}
	return FormatCustom, scalarMetrics(obj)
}

// notMetric reports keys custom reports use for bookkeeping.
func notMetric(key string) bool {
	switch strings.ToLower(key) {
	case "", "version", "schema_version", "timestamp", "created_at":
		return true
	}
	return false
}

// scalarMetrics takes every entry that is a number or a {"value": number}.
func scalarMetrics(obj map[string]any) []domain.ReportMetric {
	var out []domain.ReportMetric
	for name, v := range obj {
		if notMetric(name) {
			continue
		}
		if m, ok := scalar(name, v); ok {
			out = append(out, m)
		}
	}
	return out
}

// listMetrics reads [{"name": "rmse", "value": 1.2}, …]; the first entry
// of a repeated name wins.
func listMetrics(list []any) []domain.ReportMetric {
	var out []domain.ReportMetric
	seen := map[string]bool{}
	for _, item := range list {
		obj, ok := item.(map[string]any)
		if !ok {
			continue
		}
		name := firstString(obj, "name", "Name", "MetricName", "metric_name", "metric")
		if name == "" || seen[name] {
			continue
		}
		if m, ok := scalar(name, obj); ok {
			seen[name] = true
			out = append(out, m)
		}
	}
	return out
}

func scalar(name string, v any) (domain.ReportMetric, bool) {
	m := domain.ReportMetric{Name: name, Better: Direction(name)}
	switch t := v.(type) {
	case json.Number:
		f, ok := finite(t)
		m.Value = f
		return m, ok
	case map[string]any:
		val, ok := t["value"].(json.Number)
		if !ok {
			val, ok = t["Value"].(json.Number)
		}
		if !ok {
			return m, false
		}
		if m.Value, ok = finite(val); !ok {
			return m, false
		}
		if sd, ok := t["standard_deviation"].(json.Number); ok {
			m.StdDev, m.HasStdDev = finite(sd)
		}
		return m, true
	}
	return m, false
}

func finite(n json.Number) (float64, bool) {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func firstString(obj map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := obj[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}
