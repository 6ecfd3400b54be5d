package cloudwatch_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// result is a GetMetricData result in a protocol-neutral form.
type result struct {
	ID, Label, Status string
	Timestamps        []time.Time
	Values            []float64
}

func resultsOf(out *cloudwatch.GetMetricDataOutput) []result {
	var rs []result
	for _, r := range out.MetricDataResults {
		ts := make([]time.Time, len(r.Timestamps))
		for i, t := range r.Timestamps {
			ts[i] = t.UTC()
		}
		rs = append(rs, result{aws.ToString(r.Id), aws.ToString(r.Label), string(r.StatusCode), ts, r.Values})
	}
	return rs
}

func sameResults(t *testing.T, what string, got, want []result) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d results, want %d", what, len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Label != w.Label || g.Status != w.Status || !slices.Equal(g.Values, w.Values) ||
			!slices.EqualFunc(g.Timestamps, w.Timestamps, time.Time.Equal) {
			t.Errorf("%s: result %d = %+v\nwant %+v", what, i, g, w)
		}
	}
}

// incidentQueries ask for the incident endpoint's and a healthy
// endpoint's errors and latency over the last 30 minutes.
func incidentQueries(t *testing.T, env *sandboxtest.Env) []cwtypes.MetricDataQuery {
	bad, good := variant(t, env, incidentEndpoint), variant(t, env, healthyEndpoint)
	return []cwtypes.MetricDataQuery{
		statQuery("bad5xx", endpointMetric(incidentEndpoint, bad, "Invocation5XXErrors"), "Sum", 60),
		statQuery("badinv", endpointMetric(incidentEndpoint, bad, "Invocations"), "Sum", 60),
		statQuery("good5xx", endpointMetric(healthyEndpoint, good, "Invocation5XXErrors"), "Sum", 60),
		statQuery("goodinv", endpointMetric(healthyEndpoint, good, "Invocations"), "Sum", 60),
		statQuery("latavg", endpointMetric(healthyEndpoint, good, "ModelLatency"), "Average", 300),
		statQuery("latp99", endpointMetric(healthyEndpoint, good, "ModelLatency"), "p99", 300),
		{Id: aws.String("badrate"), Expression: aws.String("100 * bad5xx / badinv"), Label: aws.String("5xx %")},
	}
}

func TestGetMetricDataShowsTheIncidentInEveryProtocol(t *testing.T) {
	env := sandboxtest.Start(t)
	start, end := sandboxtest.Epoch.Add(-30*time.Minute), sandboxtest.Epoch
	queries := incidentQueries(t, env)
	answers := map[string][]result{}
	for _, proto := range protocols {
		t.Run(proto, func(t *testing.T) {
			out, err := client(t, env, "on-call", proto).GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
				StartTime: aws.Time(start), EndTime: aws.Time(end), MetricDataQueries: queries,
			})
			if err != nil {
				t.Fatalf("GetMetricData: %v", err)
			}
			if out.NextToken != nil {
				t.Errorf("NextToken = %q for a small answer", *out.NextToken)
			}
			rs := resultsOf(out)
			answers[proto] = rs
			if len(rs) != len(queries) {
				t.Fatalf("%d results for %d queries", len(rs), len(queries))
			}
			byID := map[string]result{}
			for i, q := range queries {
				r := rs[i]
				byID[r.ID] = r
				if r.ID != aws.ToString(q.Id) || r.Status != "Complete" {
					t.Errorf("result %d: Id %s status %s, want %s Complete", i, r.ID, r.Status, aws.ToString(q.Id))
				}
				if q.MetricStat == nil {
					continue
				}
				if r.Label != aws.ToString(q.MetricStat.Metric.MetricName) {
					t.Errorf("%s: Label %q, want the metric name", r.ID, r.Label)
				}
				wt, wv := worldSeries(t, env, q.MetricStat.Metric, *q.MetricStat.Stat, time.Duration(*q.MetricStat.Period)*time.Second, start, end)
				if !slices.EqualFunc(r.Timestamps, wt, time.Time.Equal) || !slices.Equal(r.Values, wv) {
					t.Errorf("%s = %v %v\nworld says %v %v", r.ID, r.Timestamps, r.Values, wt, wv)
				}
			}
			// One point a minute, newest first, the last complete minute last in.
			inv := byID["badinv"]
			if len(inv.Timestamps) != 30 || !inv.Timestamps[0].Equal(end.Add(-time.Minute)) || !inv.Timestamps[29].Equal(start) {
				t.Errorf("badinv timestamps = %v, want 30 minutes newest first", inv.Timestamps)
			}
			bad5, badInv := sum(byID["bad5xx"].Values), sum(inv.Values)
			if badInv < 1000 || bad5/badInv < 0.2 || bad5/badInv > 0.45 {
				t.Errorf("incident endpoint: %v 5xx of %v invocations, want about a third", bad5, badInv)
			}
			good5, goodInv := sum(byID["good5xx"].Values), sum(byID["goodinv"].Values)
			if goodInv < 100 || good5 > 0.01*goodInv {
				t.Errorf("healthy endpoint: %v 5xx of %v invocations, want about none", good5, goodInv)
			}
			avg, p99 := byID["latavg"], byID["latp99"]
			if len(avg.Values) != 6 || len(p99.Values) != 6 {
				t.Fatalf("latency points: %d average, %d p99; want 6 five-minute periods", len(avg.Values), len(p99.Values))
			}
			for i := range avg.Values {
				if p99.Values[i] < avg.Values[i] {
					t.Errorf("at %v p99 %v < average %v", avg.Timestamps[i], p99.Values[i], avg.Values[i])
				}
				// 38 ms median in the scenario: microseconds put it in the tens of thousands.
				if avg.Values[i] < 20000 || avg.Values[i] > 100000 {
					t.Errorf("average ModelLatency %v is not tens of milliseconds in microseconds", avg.Values[i])
				}
			}
			rate := byID["badrate"]
			if rate.Label != "5xx %" || len(rate.Values) != len(inv.Values) {
				t.Fatalf("badrate = %+v", rate)
			}
			for i, v := range rate.Values {
				want := 100 * byID["bad5xx"].Values[i] / inv.Values[i]
				if math.Abs(v-want) > 1e-9 || !rate.Timestamps[i].Equal(inv.Timestamps[i]) {
					t.Errorf("badrate[%d] = %v at %v, want %v", i, v, rate.Timestamps[i], want)
				}
			}
		})
	}
	for _, proto := range protocols[1:] {
		sameResults(t, proto+" vs rpcv2Cbor", answers[proto], answers[protocols[0]])
	}
}

func TestGetMetricDataUnitFilter(t *testing.T) {
	env := sandboxtest.Start(t)
	m := endpointMetric(healthyEndpoint, variant(t, env, healthyEndpoint), "ModelLatency")
	ask := func(unit cwtypes.StandardUnit) []float64 {
		q := statQuery("lat", m, "Average", 300)
		q.MetricStat.Unit = unit
		out, err := client(t, env, "on-call", "rpcv2Cbor").GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
			StartTime: aws.Time(sandboxtest.Epoch.Add(-time.Hour)), EndTime: aws.Time(sandboxtest.Epoch),
			MetricDataQueries: []cwtypes.MetricDataQuery{q},
		})
		if err != nil {
			t.Fatalf("unit %s: %v", unit, err)
		}
		return out.MetricDataResults[0].Values
	}
	if got := ask(cwtypes.StandardUnitMicroseconds); len(got) != 12 {
		t.Errorf("Unit Microseconds: %d points, want 12", len(got))
	}
	if got := ask(cwtypes.StandardUnitMilliseconds); len(got) != 0 {
		t.Errorf("Unit Milliseconds: %v, want no data (ModelLatency is in microseconds)", got)
	}
}

func TestGetMetricDataTakes500QueriesNot501(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	var metrics []*cwtypes.Metric
	for _, e := range env.World().Endpoints() {
		d, _ := env.World().Endpoint(e.EndpointName)
		for _, v := range d.ProductionVariants {
			for _, name := range []string{"Invocations", "Invocation4XXErrors", "Invocation5XXErrors", "ModelLatency", "OverheadLatency"} {
				metrics = append(metrics, endpointMetric(e.EndpointName, v.VariantName, name))
			}
		}
	}
	stats := []string{"Sum", "Average", "Maximum", "p90", "p50", "SampleCount", "Minimum"}
	queries := make([]cwtypes.MetricDataQuery, 501)
	for i := range queries {
		queries[i] = statQuery(fmt.Sprintf("q%d", i), metrics[i%len(metrics)], stats[i%len(stats)], 60)
	}
	start, end := sandboxtest.Epoch.Add(-10*time.Minute), sandboxtest.Epoch
	out, err := c.GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(start), EndTime: aws.Time(end), MetricDataQueries: queries[:500],
	})
	if err != nil {
		t.Fatalf("500 queries: %v", err)
	}
	if len(out.MetricDataResults) != 500 || out.NextToken != nil {
		t.Fatalf("500 queries: %d results, NextToken %v", len(out.MetricDataResults), out.NextToken)
	}
	withData := 0
	for i, r := range out.MetricDataResults {
		q := queries[i]
		wt, wv := worldSeries(t, env, q.MetricStat.Metric, *q.MetricStat.Stat, time.Minute, start, end)
		if aws.ToString(r.Id) != aws.ToString(q.Id) || r.StatusCode != cwtypes.StatusCodeComplete ||
			!slices.Equal(r.Values, wv) || len(r.Timestamps) != len(wt) {
			t.Fatalf("result %d = %s %s %v, want %s Complete %v", i, aws.ToString(r.Id), r.StatusCode, r.Values, aws.ToString(q.Id), wv)
		}
		if len(r.Values) > 0 {
			withData++
		}
	}
	if withData < 300 {
		t.Errorf("only %d of 500 queries had data", withData)
	}

	_, err = c.GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(start), EndTime: aws.Time(end), MetricDataQueries: queries,
	})
	var ve *cwtypes.ValidationException
	if !errors.As(err, &ve) {
		t.Fatalf("501 queries: err = %v, want ValidationException", err)
	}
	if !strings.Contains(ve.ErrorMessage(), "500") {
		t.Errorf("501 queries: message %q does not state the limit", ve.ErrorMessage())
	}
}

// TestGetMetricDataPagesByDatapointBudget: with a small MaxDatapoints the
// answer comes in pages that together equal the one-call answer.
func TestGetMetricDataPagesByDatapointBudget(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	v := variant(t, env, incidentEndpoint)
	queries := []cwtypes.MetricDataQuery{
		statQuery("inv", endpointMetric(incidentEndpoint, v, "Invocations"), "Sum", 60),
		statQuery("err", endpointMetric(incidentEndpoint, v, "Invocation5XXErrors"), "Sum", 60),
		{Id: aws.String("ok"), Expression: aws.String("inv - err")},
	}
	for _, scan := range []cwtypes.ScanBy{cwtypes.ScanByTimestampDescending, cwtypes.ScanByTimestampAscending} {
		t.Run(string(scan), func(t *testing.T) {
			in := &cloudwatch.GetMetricDataInput{
				StartTime: aws.Time(sandboxtest.Epoch.Add(-time.Hour)), EndTime: aws.Time(sandboxtest.Epoch),
				MetricDataQueries: queries, ScanBy: scan,
			}
			whole, err := c.GetMetricData(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			want := resultsOf(whole)
			for _, r := range want {
				if len(r.Values) != 60 {
					t.Fatalf("%s: %d points in an hour, want 60", r.ID, len(r.Values))
				}
				ascending := slices.IsSortedFunc(r.Timestamps, time.Time.Compare)
				if ascending != (scan == cwtypes.ScanByTimestampAscending) {
					t.Errorf("%s: timestamps not in %s order: %v", r.ID, scan, r.Timestamps)
				}
			}

			in.MaxDatapoints = aws.Int32(25)
			merged := map[string]*result{}
			pages := 0
			for {
				out, err := c.GetMetricData(context.Background(), in)
				if err != nil {
					t.Fatalf("page %d: %v", pages+1, err)
				}
				pages++
				n := 0
				for _, r := range resultsOf(out) {
					n += len(r.Values)
					m := merged[r.ID]
					if m == nil {
						m = &result{ID: r.ID, Label: r.Label}
						merged[r.ID] = m
					}
					m.Timestamps = append(m.Timestamps, r.Timestamps...)
					m.Values = append(m.Values, r.Values...)
					m.Status = r.Status
					if r.Status == "PartialData" && out.NextToken == nil {
						t.Errorf("page %d: %s is PartialData but there is no NextToken", pages, r.ID)
					}
				}
				if n > 25 {
					t.Errorf("page %d has %d datapoints, over MaxDatapoints 25", pages, n)
				}
				if out.NextToken == nil {
					break
				}
				if pages > 20 {
					t.Fatal("more than 20 pages for 180 datapoints")
				}
				in.NextToken = out.NextToken
			}
			if pages != 8 { // 180 points, 25 a page
				t.Errorf("%d pages, want 8", pages)
			}
			var got []result
			for _, w := range want {
				if merged[w.ID] == nil {
					t.Fatalf("no pages for %s", w.ID)
				}
				got = append(got, *merged[w.ID])
			}
			sameResults(t, "merged pages", got, want)
		})
	}
}

func TestGetMetricDataRejectsBadRequests(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	m := endpointMetric(healthyEndpoint, variant(t, env, healthyEndpoint), "Invocations")
	start, end := sandboxtest.Epoch.Add(-time.Hour), sandboxtest.Epoch
	good := statQuery("inv", m, "Sum", 60)
	cases := []struct {
		name     string
		in       cloudwatch.GetMetricDataInput
		code     string
		contains string
	}{
		{"start after end", cloudwatch.GetMetricDataInput{StartTime: &end, EndTime: &start, MetricDataQueries: []cwtypes.MetricDataQuery{good}},
			"ValidationError", "StartTime must be less than"},
		{"bad id", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{statQuery("Inv", m, "Sum", 60)}},
			"ValidationError", "Invalid metric Id 'Inv'"},
		{"duplicate id", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good, good}},
			"ValidationError", "not unique"},
		{"neither stat nor expression", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{{Id: aws.String("x")}}},
			"ValidationError", "Exactly one of"},
		{"bad statistic", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{statQuery("x", m, "Median", 60)}},
			"ValidationError", "Median"},
		{"sub-minute period", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{statQuery("x", m, "Sum", 30)}},
			"ValidationError", "multiple of 60"},
		{"function", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good, {Id: aws.String("s"), Expression: aws.String("SUM(METRICS())")}}},
			"ValidationError", "function SUM is not supported"},
		{"unknown reference", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good, {Id: aws.String("r"), Expression: aws.String("inv / nope")}}},
			"ValidationError", "unknown query id 'nope'"},
		{"cycle", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good,
			{Id: aws.String("a"), Expression: aws.String("b + inv")}, {Id: aws.String("b"), Expression: aws.String("a * 2")}}},
			"ValidationError", "Circular dependency"},
		{"syntax", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good, {Id: aws.String("r"), Expression: aws.String("(inv * 2")}}},
			"ValidationError", "missing ')'"},
		{"scan order", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good}, ScanBy: "Sideways"},
			"ValidationError", "scanBy"},
		{"forged token", cloudwatch.GetMetricDataInput{MetricDataQueries: []cwtypes.MetricDataQuery{good}, NextToken: aws.String("bm90LWEtdG9rZW4")},
			"InvalidNextToken", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			if in.StartTime == nil {
				in.StartTime, in.EndTime = &start, &end
			}
			_, err := c.GetMetricData(context.Background(), &in)
			servertest.WantCodeContaining(t, err, tc.code, tc.contains)
		})
	}
}

// TestGetMetricDataTokenBelongsToItsRequest: a token resumes only the
// request that made it.
func TestGetMetricDataTokenBelongsToItsRequest(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	m := endpointMetric(healthyEndpoint, variant(t, env, healthyEndpoint), "Invocations")
	in := &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(sandboxtest.Epoch.Add(-time.Hour)), EndTime: aws.Time(sandboxtest.Epoch),
		MetricDataQueries: []cwtypes.MetricDataQuery{statQuery("inv", m, "Sum", 60)}, MaxDatapoints: aws.Int32(10),
	}
	out, err := c.GetMetricData(context.Background(), in)
	if err != nil || out.NextToken == nil {
		t.Fatalf("first page: %v, token %v", err, out)
	}
	in.NextToken = out.NextToken
	in.MetricDataQueries[0].MetricStat.Stat = aws.String("Average")
	_, err = c.GetMetricData(context.Background(), in)
	var bad *cwtypes.InvalidNextToken
	if !errors.As(err, &bad) {
		t.Fatalf("token with another request: err = %v, want InvalidNextToken", err)
	}
}

// TestGetMetricDataDefaultBudgetIs100800 asks for 80 days of minutes:
// the first page holds the newest 100,800 datapoints, the next the rest.
func TestGetMetricDataDefaultBudgetIs100800(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	m := endpointMetric(healthyEndpoint, variant(t, env, healthyEndpoint), "Invocations")
	start, end := sandboxtest.Epoch.Add(-80*24*time.Hour), sandboxtest.Epoch
	in := &cloudwatch.GetMetricDataInput{StartTime: aws.Time(start), EndTime: aws.Time(end),
		MetricDataQueries: []cwtypes.MetricDataQuery{statQuery("inv", m, "Sum", 60)}}
	first, err := c.GetMetricData(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	r := first.MetricDataResults[0]
	if len(r.Values) != 100800 || r.StatusCode != cwtypes.StatusCodePartialData || first.NextToken == nil {
		t.Fatalf("first page: %d points, %s, token %v; want 100800, PartialData and a token", len(r.Values), r.StatusCode, first.NextToken)
	}
	if !r.Timestamps[0].Equal(end.Add(-time.Minute)) || !r.Timestamps[100799].Equal(end.Add(-100800*time.Minute)) {
		t.Errorf("first page spans %v .. %v, want the newest 100800 minutes", r.Timestamps[0], r.Timestamps[100799])
	}
	in.NextToken = first.NextToken
	second, err := c.GetMetricData(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	r2 := second.MetricDataResults[0]
	if len(r2.Values) != 80*1440-100800 || r2.StatusCode != cwtypes.StatusCodeComplete || second.NextToken != nil {
		t.Fatalf("second page: %d points, %s, token %v", len(r2.Values), r2.StatusCode, second.NextToken)
	}
	if !r2.Timestamps[0].Equal(end.Add(-100801*time.Minute)) || !r2.Timestamps[len(r2.Timestamps)-1].Equal(start) {
		t.Errorf("second page spans %v .. %v", r2.Timestamps[0], r2.Timestamps[len(r2.Timestamps)-1])
	}
	// Spot-check both pages against the world.
	for _, at := range []time.Time{r.Timestamps[0], r.Timestamps[50000], r2.Timestamps[0], r2.Timestamps[1000]} {
		_, wv := worldSeries(t, env, m, "Sum", time.Minute, at, at.Add(time.Minute))
		var got float64
		for i, ts := range append(r.Timestamps, r2.Timestamps...) {
			if ts.Equal(at) {
				got = append(r.Values, r2.Values...)[i]
			}
		}
		if len(wv) != 1 || got != wv[0] {
			t.Errorf("at %v: %v, world says %v", at, got, wv)
		}
	}
}

// TestGetMetricDataHiddenInputsAndDynamicLabels: queries with ReturnData
// false feed expressions without being returned; ${PROP('…')} fills labels.
func TestGetMetricDataHiddenInputsAndDynamicLabels(t *testing.T) {
	env := sandboxtest.Start(t)
	v := variant(t, env, incidentEndpoint)
	errs := statQuery("e", endpointMetric(incidentEndpoint, v, "Invocation5XXErrors"), "Sum", 300)
	errs.ReturnData = aws.Bool(false)
	inv := statQuery("n", endpointMetric(incidentEndpoint, v, "Invocations"), "Sum", 300)
	inv.ReturnData = aws.Bool(false)
	inv.Label = aws.String("${PROP('Dim.EndpointName')} ${PROP('MetricName')} ${PROP('Stat')}/${PROP('Period')}")
	shown := statQuery("shown", endpointMetric(incidentEndpoint, v, "Invocations"), "Sum", 300)
	shown.Label = inv.Label
	out, err := client(t, env, "on-call", "awsJson1_0").GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(sandboxtest.Epoch.Add(-30 * time.Minute)), EndTime: aws.Time(sandboxtest.Epoch),
		MetricDataQueries: []cwtypes.MetricDataQuery{errs, inv, shown, {Id: aws.String("ok"), Expression: aws.String("(n - e) / n * 100")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	rs := resultsOf(out)
	if len(rs) != 2 || rs[0].ID != "shown" || rs[1].ID != "ok" {
		t.Fatalf("results %+v, want shown and ok only", rs)
	}
	if want := incidentEndpoint + " Invocations Sum/300"; rs[0].Label != want {
		t.Errorf("label %q, want %q", rs[0].Label, want)
	}
	if len(rs[1].Values) != 6 {
		t.Fatalf("success rate has %d points, want 6", len(rs[1].Values))
	}
	for i, pct := range rs[1].Values {
		if pct < 50 || pct > 85 {
			t.Errorf("success rate at %v is %v%%, want about two thirds during the incident", rs[1].Timestamps[i], pct)
		}
	}
}
