package cloudwatch

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
)

// GetMetricData limits, as CloudWatch documents them.
const (
	maxQueries       = 500
	defaultMaxPoints = 100800
	// maxWindowPeriods is the most periods asked of the world at once.
	maxWindowPeriods = 100800
)

// ScanBy values.
const (
	scanDescending = "TimestampDescending"
	scanAscending  = "TimestampAscending"
)

// Result status codes.
const (
	statusComplete    = "Complete"
	statusPartialData = "PartialData"
)

// MetricStat is a metric, a period and a statistic.
type MetricStat struct {
	Metric *Metric `aws:",required"`
	Period *int32  `aws:",required"`
	Stat   *string `aws:",required"`
	Unit   *string
}

// MetricDataQuery is one query of GetMetricData: a MetricStat or an
// Expression.
type MetricDataQuery struct {
	Id         *string `aws:",required"`
	MetricStat *MetricStat
	Expression *string
	Label      *string
	ReturnData *bool
	Period     *int32
	AccountId  *string
}

// LabelOptions is accepted; labels carry no time zone in the sandbox.
type LabelOptions struct {
	Timezone *string
}

// GetMetricDataInput is GetMetricData's request.
type GetMetricDataInput struct {
	MetricDataQueries []MetricDataQuery `aws:",required"`
	StartTime         *time.Time        `aws:",required"`
	EndTime           *time.Time        `aws:",required"`
	NextToken         *string
	ScanBy            *string
	MaxDatapoints     *int32
	LabelOptions      *LabelOptions
}

// MetricDataResult is one query's answer.
type MetricDataResult struct {
	Id         *string
	Label      *string
	Timestamps []time.Time
	Values     []float64
	StatusCode string
	Messages   []MessageData
}

// GetMetricDataOutput is GetMetricData's answer.
type GetMetricDataOutput struct {
	MetricDataResults []MetricDataResult
	NextToken         *string
	Messages          []MessageData
}

// getMetricData answers up to 500 queries in one call; the datapoints of
// all results together stay within MaxDatapoints (100,800 by default), and
// a NextToken resumes where the budget ran out. The same call as the CLI:
//
//	aws cloudwatch get-metric-data --metric-data-queries file://q.json --start-time … --end-time …
func (h handlers) getMetricData(_ context.Context, _ *server.Call, in *GetMetricDataInput) (*GetMetricDataOutput, error) {
	p, err := planMetricData(in)
	if err != nil {
		return nil, err
	}
	cur := cursor{}
	if in.NextToken != nil {
		if cur, err = decodeCursor(*in.NextToken, p.fingerprint, len(p.returned)); err != nil {
			return nil, err
		}
	}
	f := fetcher{world: h.world, plan: p, cache: map[windowKey]series{}}
	out := &GetMetricDataOutput{MetricDataResults: []MetricDataResult{}}
	budget := p.maxPoints
	for qi := cur.query; qi < len(p.returned); qi++ {
		q := p.returned[qi]
		r := MetricDataResult{Id: &q.id, Label: &q.label, StatusCode: statusComplete, Timestamps: []time.Time{}, Values: []float64{}}
		edge := q.lo
		if p.descending {
			edge = q.hi
		}
		if qi == cur.query && cur.resume {
			edge = cur.edge
		}
		for (!p.descending && edge < q.hi) || (p.descending && edge > q.lo) {
			if budget == 0 {
				r.StatusCode = statusPartialData
				tok := encodeCursor(cursor{query: qi, edge: edge, resume: true}, p.fingerprint)
				out.NextToken = &tok
				break
			}
			n := int64(min(budget, maxWindowPeriods))
			a, b := edge, min(q.hi, edge+n*q.step)
			if p.descending {
				a, b = max(q.lo, edge-n*q.step), edge
			}
			s, err := f.fetch(q, a, b)
			if err != nil {
				return nil, err
			}
			for i := range s.ts {
				k := i
				if p.descending {
					k = len(s.ts) - 1 - i
				}
				r.Timestamps = append(r.Timestamps, time.Unix(s.ts[k], 0).UTC())
				r.Values = append(r.Values, s.vs[k])
			}
			budget -= len(s.ts)
			edge = b
			if p.descending {
				edge = a
			}
		}
		out.MetricDataResults = append(out.MetricDataResults, r)
		if out.NextToken != nil {
			break
		}
	}
	return out, nil
}

// cursor says where the next page resumes: a returned query's index and,
// when resume is set, the time edge within its range.
type cursor struct {
	query  int
	edge   int64
	resume bool
}

func encodeCursor(c cursor, fingerprint uint64) string {
	return encodeToken("GetMetricData", strconv.Itoa(c.query), strconv.FormatInt(c.edge, 10), strconv.FormatUint(fingerprint, 16))
}

// decodeCursor reads a token, which must come from the same request.
func decodeCursor(token string, fingerprint uint64, queries int) (cursor, error) {
	f, err := decodeToken("GetMetricData", token, 3)
	if err != nil {
		return cursor{}, err
	}
	q, err1 := strconv.Atoi(f[0])
	edge, err2 := strconv.ParseInt(f[1], 10, 64)
	fp, err3 := strconv.ParseUint(f[2], 16, 64)
	if err1 != nil || err2 != nil || err3 != nil || fp != fingerprint || q < 0 || q >= queries {
		return cursor{}, invalidNextToken()
	}
	return cursor{query: q, edge: edge, resume: true}, nil
}

// windowKey names one query's data over one window.
type windowKey struct {
	id   string
	a, b int64
}

// fetcher computes queries' datapoints over windows, reading each
// query's window from the world once per call.
type fetcher struct {
	world interface {
		MetricData(namespace, metricName string, dims map[string]string, stat string, period time.Duration, start, end time.Time) ([]time.Time, []float64, error)
	}
	plan  *metricDataPlan
	cache map[windowKey]series
}

// fetch returns q's datapoints with timestamps in [a, b), ascending.
func (f *fetcher) fetch(q *plannedQuery, a, b int64) (series, error) {
	key := windowKey{q.id, a, b}
	if s, ok := f.cache[key]; ok {
		return s, nil
	}
	var s series
	if q.metric != nil {
		m := q.metric
		if m.unitMismatch {
			return series{}, nil
		}
		ts, vs, err := f.world.MetricData(m.namespace, m.name, m.dims, m.stat, time.Duration(m.period)*time.Second,
			time.Unix(a, 0), time.Unix(b, 0))
		if err != nil {
			return series{}, worldError(err)
		}
		for i, t := range ts {
			if u := t.Unix(); u >= a && u < b {
				s.ts = append(s.ts, u)
				s.vs = append(s.vs, vs[i])
			}
		}
	} else {
		v, err := evaluate(q.expression, func(id string) (series, error) {
			return f.fetch(f.plan.byID[id], a, b)
		})
		if err != nil {
			return series{}, err
		}
		s = v.s
	}
	f.cache[key] = s
	return s, nil
}

// fingerprintOf identifies a request, so that a token is only honoured by
// the request that made it.
func fingerprintOf(in *GetMetricDataInput, scanBy string, maxPoints int) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d|%d|%s|%d", in.StartTime.Unix(), in.EndTime.Unix(), scanBy, maxPoints)
	for _, q := range in.MetricDataQueries {
		fmt.Fprintf(h, "|%s|%s", optional.Value(q.Id), optional.Value(q.Expression))
		if ms := q.MetricStat; ms != nil && ms.Metric != nil {
			fmt.Fprintf(h, "|%s|%s|%s|%d|%s", optional.Value(ms.Metric.Namespace), optional.Value(ms.Metric.MetricName), optional.Value(ms.Stat), optional.Value(ms.Period), optional.Value(ms.Unit))
			for _, d := range ms.Metric.Dimensions {
				fmt.Fprintf(h, "|%s=%s", d.Name, d.Value)
			}
		}
	}
	return h.Sum64()
}
