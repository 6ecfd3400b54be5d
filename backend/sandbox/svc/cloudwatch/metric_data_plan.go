package cloudwatch

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// metricQuery is a validated MetricStat.
type metricQuery struct {
	namespace, name string
	dims            map[string]string
	stat            string
	period          int64 // seconds
	// unitMismatch: the query asks for a unit the metric is not in, which
	// CloudWatch answers with no data.
	unitMismatch bool
}

// plannedQuery is one validated query with its time range.
type plannedQuery struct {
	id, label  string
	metric     *metricQuery // or
	expression expr
	// step is the width of one datapoint slot (the period; an expression's
	// shortest input period); align is what the range start is rounded
	// down to (the period; for an expression, its input periods' LCM).
	step, align int64
	lo, hi      int64 // unix seconds, [lo, hi)
	member      string
}

// metricDataPlan is a validated GetMetricData request.
type metricDataPlan struct {
	byID        map[string]*plannedQuery
	returned    []*plannedQuery // ReturnData queries, in request order
	descending  bool
	maxPoints   int
	fingerprint uint64
}

var queryIDPattern = regexp.MustCompile(`^[a-z][a-zA-Z0-9_]*$`)

// planMetricData validates a request as CloudWatch does and resolves its
// queries.
func planMetricData(in *GetMetricDataInput) (*metricDataPlan, error) {
	n := len(in.MetricDataQueries)
	if n == 0 {
		return nil, server.ValidationException("The collection MetricDataQueries must contain at least one query.")
	}
	if n > maxQueries {
		return nil, server.ValidationException("The collection MetricDataQueries must not have a size greater than %d.", maxQueries)
	}
	if !in.EndTime.After(*in.StartTime) {
		return nil, server.ValidationException("The parameter StartTime must be less than the parameter EndTime.")
	}
	p := &metricDataPlan{byID: map[string]*plannedQuery{}, descending: true, maxPoints: defaultMaxPoints}
	scanBy := scanDescending
	if in.ScanBy != nil {
		switch *in.ScanBy {
		case scanDescending:
		case scanAscending:
			p.descending = false
		default:
			return nil, server.ValidationException("1 validation error detected: Value '%s' at 'scanBy' failed to satisfy constraint: "+
				"Member must satisfy enum value set: [TimestampDescending, TimestampAscending]", *in.ScanBy)
		}
		scanBy = *in.ScanBy
	}
	if in.MaxDatapoints != nil {
		if *in.MaxDatapoints < 1 {
			return nil, server.ValidationException("The parameter MaxDatapoints must be greater than 0.")
		}
		p.maxPoints = int(*in.MaxDatapoints)
	}
	p.fingerprint = fingerprintOf(in, scanBy, p.maxPoints)

	var all []*plannedQuery
	for i := range in.MetricDataQueries {
		q, err := planQuery(&in.MetricDataQueries[i], i+1)
		if err != nil {
			return nil, err
		}
		if _, dup := p.byID[q.id]; dup {
			return nil, server.ValidationException("The value %s for parameter %s.Id is not unique.", q.id, q.member)
		}
		p.byID[q.id] = q
		all = append(all, q)
	}
	r := resolver{plan: p, state: map[string]int{}}
	for _, q := range all {
		if err := r.resolve(q); err != nil {
			return nil, err
		}
	}
	start, end := in.StartTime.Unix(), in.EndTime.Unix()
	if in.EndTime.Nanosecond() > 0 {
		end++
	}
	for i, q := range all {
		q.lo, q.hi = floorTo(start, q.align), end
		if rd := in.MetricDataQueries[i].ReturnData; rd == nil || *rd {
			p.returned = append(p.returned, q)
		}
	}
	return p, nil
}

func floorTo(t, step int64) int64 {
	if t >= 0 {
		return t / step * step
	}
	return -((-t + step - 1) / step * step)
}

// planQuery validates one query; member is its 1-based position.
func planQuery(in *MetricDataQuery, member int) (*plannedQuery, error) {
	q := &plannedQuery{id: optional.Value(in.Id), member: "MetricDataQueries.member." + strconv.Itoa(member)}
	if !queryIDPattern.MatchString(q.id) || len(q.id) > 255 {
		return nil, server.ValidationException("Invalid metric Id '%s' in %s.Id: an Id must start with a lowercase letter "+
			"and contain only letters, numbers and underscores.", q.id, q.member)
	}
	if (in.MetricStat == nil) == (in.Expression == nil) {
		return nil, server.ValidationException("Exactly one of the parameters MetricStat and Expression must be set in %s.", q.member)
	}
	if in.Expression != nil {
		e, err := parseExpression(*in.Expression)
		if err != nil {
			return nil, server.ValidationException("%s", err.Error())
		}
		q.expression = e
		q.label = q.id
		if in.Label != nil {
			q.label = *in.Label
		}
		return q, nil
	}
	m, err := planMetricStat(in.MetricStat, q.member+".MetricStat")
	if err != nil {
		return nil, err
	}
	q.metric, q.step, q.align = m, m.period, m.period
	q.label = m.name
	if in.Label != nil {
		q.label = dynamicLabel(*in.Label, m)
	}
	return q, nil
}

func planMetricStat(ms *MetricStat, path string) (*metricQuery, error) {
	m := ms.Metric
	if m.Namespace == nil || *m.Namespace == "" {
		return nil, server.ValidationException("The parameter %s.Metric.Namespace is required.", path)
	}
	if m.MetricName == nil || *m.MetricName == "" {
		return nil, server.ValidationException("The parameter %s.Metric.MetricName is required.", path)
	}
	if len(m.Dimensions) > 30 {
		return nil, server.ValidationException("The collection %s.Metric.Dimensions must not have a size greater than 30.", path)
	}
	dims := make(map[string]string, len(m.Dimensions))
	for _, d := range m.Dimensions {
		if _, dup := dims[d.Name]; dup {
			return nil, server.ValidationException("The dimension %s appears more than once in %s.Metric.Dimensions.", d.Name, path)
		}
		dims[d.Name] = d.Value
	}
	if err := checkPeriod(*ms.Period, path+".Period"); err != nil {
		return nil, err
	}
	if !validStatistic(*ms.Stat) {
		return nil, server.ValidationException("The value %s for parameter %s.Stat is not a valid statistic; the sandbox supports "+
			"Sum, Average, Minimum, Maximum, SampleCount and percentiles such as p99.", *ms.Stat, path)
	}
	q := &metricQuery{namespace: *m.Namespace, name: *m.MetricName, dims: dims, stat: *ms.Stat, period: int64(*ms.Period)}
	if ms.Unit != nil {
		if !validUnit(*ms.Unit) {
			return nil, server.ValidationException("1 validation error detected: Value '%s' at '%s.Unit' failed to satisfy constraint: "+
				"Member must satisfy enum value set: [%s]", *ms.Unit, path, strings.Join(standardUnits, ", "))
		}
		q.unitMismatch = *ms.Unit != world.MetricUnit(q.namespace, q.name)
	}
	return q, nil
}

// checkPeriod accepts what the sandbox's standard-resolution metrics have:
// whole minutes.
func checkPeriod(p int32, path string) error {
	if p < 60 || p%60 != 0 {
		return server.ValidationException("The parameter %s must be a multiple of 60; the sandbox's metrics have standard (one-minute) resolution.", path)
	}
	return nil
}

// validStatistic: Sum, Average, Minimum, Maximum, SampleCount or pNN(.N).
func validStatistic(s string) bool {
	switch s {
	case "Sum", "Average", "Minimum", "Maximum", "SampleCount":
		return true
	}
	return validPercentile(s)
}

func validPercentile(s string) bool {
	rest, ok := strings.CutPrefix(s, "p")
	if !ok || rest == "" || strings.ContainsAny(rest, "+-eE") {
		return false
	}
	v, err := strconv.ParseFloat(rest, 64)
	return err == nil && v >= 0 && v <= 100
}

var standardUnits = []string{"Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes",
	"Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
	"Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second",
	"Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None"}

func validUnit(u string) bool {
	for _, s := range standardUnits {
		if s == u {
			return true
		}
	}
	return false
}

var propPattern = regexp.MustCompile(`\$\{PROP\('([^']*)'\)\}`)

// dynamicLabel fills ${PROP('…')} placeholders: Dim.<name>, MetricName,
// Namespace, Period and Stat.
func dynamicLabel(label string, m *metricQuery) string {
	return propPattern.ReplaceAllStringFunc(label, func(s string) string {
		prop := propPattern.FindStringSubmatch(s)[1]
		switch {
		case strings.HasPrefix(prop, "Dim."):
			return m.dims[strings.TrimPrefix(prop, "Dim.")]
		case prop == "MetricName":
			return m.name
		case prop == "Namespace":
			return m.namespace
		case prop == "Period":
			return strconv.FormatInt(m.period, 10)
		case prop == "Stat":
			return m.stat
		}
		return s
	})
}

// resolver checks expressions' references and works out their periods.
type resolver struct {
	plan  *metricDataPlan
	state map[string]int // 1 = being resolved, 2 = done
}

func (r *resolver) resolve(q *plannedQuery) error {
	switch r.state[q.id] {
	case 2:
		return nil
	case 1:
		return server.ValidationException("Circular dependency: expression %s refers back to itself.", q.id)
	}
	if q.metric != nil {
		r.state[q.id] = 2
		return nil
	}
	r.state[q.id] = 1
	ids := refs(q.expression)
	if len(ids) == 0 {
		return server.ValidationException("The expression of %s (%s) must refer to at least one other query.", q.id, q.member)
	}
	for _, id := range ids {
		dep, ok := r.plan.byID[id]
		if !ok {
			return server.ValidationException("Error in expression of %s: unknown query id '%s'.", q.id, id)
		}
		if err := r.resolve(dep); err != nil {
			return err
		}
		if q.step == 0 || dep.step < q.step {
			q.step = dep.step
		}
		if q.align == 0 {
			q.align = dep.align
		} else {
			q.align = lcm(q.align, dep.align)
		}
	}
	r.state[q.id] = 2
	return nil
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// lcm of two periods, capped at a day so that odd periods cannot push an
// expression's range start far back.
func lcm(a, b int64) int64 {
	return min(a/gcd(a, b)*b, 86400)
}
