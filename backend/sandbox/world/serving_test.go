package world_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

func sum(vs []float64) float64 {
	t := 0.0
	for _, v := range vs {
		t += v
	}
	return t
}

func TestIncidentEndpointThrowsErrorsAndHealthyOnesDoNot(t *testing.T) {
	w, _ := newWorld(t, 9)
	window := func(ep, variant, metric, stat string, from, to time.Time) []float64 {
		_, v, err := w.MetricData(world.NamespaceSageMaker, metric, map[string]string{"EndpointName": ep, "VariantName": variant}, stat, time.Minute, from, to)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	in, out := testStart.Add(-30*time.Minute), testStart
	before := testStart.Add(-3 * time.Hour)
	incident := sum(window("mom-work-pass-fraud-prod", "Primary", "Invocation5XXErrors", "Sum", in, out))
	calm := sum(window("mom-work-pass-fraud-prod", "Primary", "Invocation5XXErrors", "Sum", before, before.Add(30*time.Minute)))
	calls := sum(window("mom-work-pass-fraud-prod", "Primary", "Invocations", "Sum", in, out))
	if incident < 0.2*calls || calm > 0.01*calls {
		t.Errorf("incident endpoint: %v 5xx in the window and %v before, out of %v calls", incident, calm, calls)
	}
	for _, ep := range []string{"hdb-resale-valuation-prod", "mom-wsh-incident-risk-prod", "hdb-flat-demand-prod"} {
		e5 := sum(window(ep, "AllTraffic", "Invocation5XXErrors", "Sum", in, out))
		n := sum(window(ep, "AllTraffic", "Invocations", "Sum", in, out))
		if n == 0 || e5 > 0.002*n+2 {
			t.Errorf("%s: %v 5xx of %v calls during another endpoint's incident", ep, e5, n)
		}
	}
	// Latency: microseconds, p99 above the average, worse in the incident.
	for _, ep := range []string{"hdb-resale-valuation-prod", "mom-work-pass-fraud-prod"} {
		v := "AllTraffic"
		if strings.HasPrefix(ep, "mom") {
			v = "Primary"
		}
		avg := window(ep, v, "ModelLatency", "Average", before, before.Add(time.Hour))
		p99 := window(ep, v, "ModelLatency", "p99", before, before.Add(time.Hour))
		p50 := window(ep, v, "ModelLatency", "p50", before, before.Add(time.Hour))
		for i := range avg {
			if p99[i] < avg[i] || p50[i] > p99[i] {
				t.Fatalf("%s minute %d: p50 %v, average %v, p99 %v", ep, i, p50[i], avg[i], p99[i])
			}
			if avg[i] < 5000 || avg[i] > 500000 {
				t.Fatalf("%s ModelLatency %v is not in microseconds of a ~20-40 ms model", ep, avg[i])
			}
		}
	}
	slow := window("mom-work-pass-fraud-prod", "Primary", "ModelLatency", "Average", in, out)
	fast := window("mom-work-pass-fraud-prod", "Primary", "ModelLatency", "Average", before, before.Add(30*time.Minute))
	if sum(slow)/float64(len(slow)) < 3*sum(fast)/float64(len(fast)) {
		t.Errorf("incident latency %v is not well above normal %v", slow[0], fast[0])
	}
	if world.MetricUnit(world.NamespaceSageMaker, "ModelLatency") != "Microseconds" {
		t.Error("ModelLatency unit")
	}
	// Business hours are busier than the night (02:00 SGT is 18:00 UTC).
	night := sum(window("hdb-resale-valuation-prod", "AllTraffic", "Invocations", "Sum", testStart.Add(-8*time.Hour-30*time.Minute), testStart.Add(-8*time.Hour)))
	day := sum(window("hdb-resale-valuation-prod", "AllTraffic", "Invocations", "Sum", in, out))
	if day < 4*night {
		t.Errorf("day %v vs night %v calls", day, night)
	}
	// A failed endpoint has no data; an unknown metric neither, without error.
	if v := window("mom-wsh-incident-risk-staging", "AllTraffic", "Invocations", "Sum", in, out); len(v) != 0 {
		t.Errorf("failed endpoint has invocations %v", v)
	}
	if _, _, err := w.MetricData(world.NamespaceSageMaker, "Invocations", nil, "p101", time.Minute, in, out); err == nil {
		t.Error("p101 accepted")
	}
	if _, _, err := w.MetricData(world.NamespaceSageMaker, "Invocations", nil, "Sum", 30*time.Second, in, out); err == nil {
		t.Error("30 s period accepted")
	}
	// No data from the future.
	ts, _, _ := w.MetricData(world.NamespaceSageMaker, "Invocations", map[string]string{"EndpointName": "hdb-resale-valuation-prod", "VariantName": "AllTraffic"}, "Sum", time.Minute, in, out.Add(time.Hour))
	if len(ts) == 0 || ts[len(ts)-1].After(testStart) {
		t.Errorf("datapoints reach %v, the clock is at %v", ts[len(ts)-1], testStart)
	}
	found := false
	for _, m := range w.ListMetrics(world.NamespaceEndpoints, "CPUUtilization", []world.DimensionFilter{{Name: "EndpointName", Value: "hdb-resale-valuation-prod"}}) {
		found = found || (len(m.Dimensions) == 2 && m.Dimensions[1].Value == "AllTraffic")
	}
	if !found {
		t.Error("ListMetrics lacks the endpoint's CPUUtilization")
	}
}

func TestAlarmsFollowTheIncident(t *testing.T) {
	w, c := newWorld(t, 9)
	a := w.Alarms([]string{"mom-work-pass-fraud-prod-5xx-errors"}, "", "")[0]
	if a.StateValue != world.AlarmAlarm || !strings.Contains(a.StateReason, "were greater than the threshold (10.0)") {
		t.Fatalf("during the incident: %s %q", a.StateValue, a.StateReason)
	}
	var data map[string]any
	if err := json.Unmarshal([]byte(a.StateReasonData), &data); err != nil || data["statistic"] != "Sum" {
		t.Errorf("state reason data %q", a.StateReasonData)
	}
	// The incident ends 55 minutes after the start; the alarm clears.
	until(t, w, c, 2*time.Hour, func() bool {
		return w.Alarms([]string{a.AlarmName}, "", "")[0].StateValue == world.AlarmOK
	})
	h, _ := w.AlarmHistory(a.AlarmName)
	if len(h) < 2 || h[0].HistorySummary != "Alarm updated from ALARM to OK" {
		t.Errorf("history %+v", h)
	}
	if c.Now().Before(testStart.Add(55 * time.Minute)) {
		t.Errorf("alarm cleared at %v, before the incident ended", c.Now())
	}
}

func TestInvokeEndpoint(t *testing.T) {
	w, _ := newWorld(t, 9)
	out, err := w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "hdb-resale-valuation-prod", ContentType: "application/json",
		Body: []byte(`{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":93,"storey_range":"07 TO 09","remaining_lease":"61 years 04 months"}`)})
	if err != nil {
		t.Fatal(err)
	}
	var one struct {
		PredictedPrice float64 `json:"predicted_price"`
		Currency       string  `json:"currency"`
	}
	if err := json.Unmarshal(out.Body, &one); err != nil || one.Currency != "SGD" || one.PredictedPrice < 300000 || one.PredictedPrice > 900000 {
		t.Fatalf("answer %s (%v)", out.Body, err)
	}
	csv, err := w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "hdb-resale-valuation-prod", ContentType: "text/csv",
		Body: []byte("TAMPINES,4 ROOM,93,07 TO 09,61.3\nBISHAN,5 ROOM,120,13 TO 15,80")})
	if err != nil {
		t.Fatal(err)
	}
	var many struct {
		Predictions []struct {
			PredictedPrice float64 `json:"predicted_price"`
		} `json:"predictions"`
	}
	if err := json.Unmarshal(csv.Body, &many); err != nil || len(many.Predictions) != 2 || many.Predictions[1].PredictedPrice <= many.Predictions[0].PredictedPrice {
		t.Fatalf("CSV answer %s", csv.Body)
	}
	_, err = w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "hdb-resale-valuation-prod", ContentType: "application/json", Body: []byte(`{"town":"ATLANTIS"}`)})
	var me world.ErrModel
	if !errors.As(err, &me) || me.OriginalStatusCode != 400 || !strings.Contains(me.Message, "Received client error (400)") {
		t.Errorf("bad input: %v", err)
	}
	_, err = w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "mom-wsh-incident-risk-staging", Body: []byte("1,2")})
	wantValidation(t, err)
	fails := 0
	for i := 0; i < 200; i++ {
		_, err := w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "mom-work-pass-fraud-prod", ContentType: "text/csv", Body: []byte("3,1,0.5")})
		if errors.As(err, &me) && me.OriginalStatusCode == 500 {
			fails++
		}
	}
	if fails < 30 || fails > 110 {
		t.Errorf("%d of 200 calls failed during the incident, want about a third", fails)
	}
}

func TestApprovalDeploysToStagingThenProduction(t *testing.T) {
	w, c := newWorld(t, 11)
	list, _ := w.ModelPackages(world.ModelPackageQuery{Group: "hdb-resale-valuation"})
	newest := list[0]
	if _, err := w.UpdateModelPackage(world.UpdateModelPackageInput{ModelPackageArn: newest.ModelPackageArn, ModelApprovalStatus: "Maybe"}); err == nil {
		t.Error("a bad approval status was accepted")
	}
	if _, err := w.UpdateModelPackage(world.UpdateModelPackageInput{ModelPackageArn: newest.ModelPackageArn, ModelApprovalStatus: world.Approved,
		ApprovalDescription: "Best RMSE so far", Caller: world.Caller{UserProfileName: "nur-aisyah"}}); err != nil {
		t.Fatal(err)
	}
	mp, _ := w.ModelPackage(newest.ModelPackageArn)
	if mp.ModelApprovalStatus != world.Approved || mp.ApprovalDescription != "Best RMSE so far" || mp.LastModifiedBy.UserProfileName != "nur-aisyah" {
		t.Errorf("after approval %+v", mp)
	}
	until(t, w, c, 10*time.Minute, func() bool {
		e, _ := w.Endpoint("hdb-resale-valuation-staging")
		return e.EndpointStatus == world.EndpointUpdating
	})
	if e, _ := w.Endpoint("hdb-resale-valuation-prod"); e.EndpointStatus != world.EndpointInService {
		t.Errorf("production updated before staging: %s", e.EndpointStatus)
	}
	until(t, w, c, time.Hour, func() bool {
		e, _ := w.Endpoint("hdb-resale-valuation-prod")
		return e.EndpointStatus == world.EndpointInService && strings.Contains(e.EndpointConfigName, "-v"+itoa(newest.ModelPackageVersion)+"-")
	})
	e, _ := w.Endpoint("hdb-resale-valuation-prod")
	cfg, _ := w.EndpointConfig(e.EndpointConfigName)
	m, _ := w.Model(cfg.ProductionVariants[0].ModelName)
	if m.PrimaryContainer.ModelPackageName != newest.ModelPackageArn {
		t.Errorf("production serves %s", m.PrimaryContainer.ModelPackageName)
	}
}

func itoa(v int32) string {
	b, _ := json.Marshal(v)
	return string(b)
}
