package endpoints

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/endpoints/endpointstest"
	"github.com/agdash/agdash/views/kit"
)

func feedNames(p *Pane) string {
	var out []string
	for _, k := range p.Feeds() {
		out = append(out, k.String())
	}
	return strings.Join(out, " ")
}

func TestFeedsFollowWhatIsShown(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	if got := feedNames(p); got != "endpoints" {
		t.Fatalf("list feeds = %s", got)
	}
	selectRow(t, p, endpointstest.FraudProd)
	press(p, "enter")
	if got := feedNames(p); got != "endpoints endpoint:"+endpointstest.FraudProd {
		t.Fatalf("detail feeds = %s", got)
	}
	press(p, "l")
	if got := feedNames(p); got != "endpoints endpoint:mom-work-pass-fraud-prod endpoint-logs:mom-work-pass-fraud-prod" {
		t.Fatalf("logs feeds = %s", got)
	}
	press(p, "m")
	if got := feedNames(p); got != "endpoints endpoint:"+endpointstest.FraudProd {
		t.Fatalf("logs are read only while shown: %s", got)
	}
	press(p, "esc")
	if got := feedNames(p); got != "endpoints" || len(p.Crumbs()) != 1 {
		t.Fatalf("after esc: feeds %s, crumbs %v", got, p.Crumbs())
	}
}

func TestNavigateOpensTheNamedEndpoint(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	p.Update(kit.NavigateMsg{Pane: kit.PaneEndpoints, Arg: endpointstest.DropoutProd, View: kit.ViewLogs})
	if got := strings.Join(p.Crumbs(), ">"); got != "Endpoints>ssg-course-dropout-prod>Logs" {
		t.Fatalf("crumbs = %s", got)
	}
	if !strings.Contains(p.View(100, 30), "Loading ssg-course-dropout-prod…") {
		t.Fatalf("before any data:\n%s", p.View(100, 30))
	}
	p.Update(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: "some-job"})
	if p.open != endpointstest.DropoutProd {
		t.Fatal("a jump to another pane changed this one")
	}
}

func TestDetailOfAMissingEndpointSaysSo(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	p.Update(kit.NavigateMsg{Pane: kit.PaneEndpoints, Arg: "no-such-endpoint"})
	key := backend.FeedKey{Kind: backend.FeedEndpoint, Arg: "no-such-endpoint"}
	deliver(p, key, nil, backend.FeedState{Err: "sagemaker:DescribeEndpoint: ValidationException: Could not find endpoint \"no-such-endpoint\"."})
	if out := p.View(100, 30); !strings.Contains(out, "Could not read no-such-endpoint:") || !strings.Contains(out, "Could not find endpoint") {
		t.Fatalf("missing endpoint:\n%s", out)
	}
}

func TestOtherEndpointsDetailIsIgnored(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	openDetail(t, p, endpointstest.FraudProd)
	d, _ := endpointstest.Detail(endpointstest.HDBProd, now)
	key := backend.FeedKey{Kind: backend.FeedEndpoint, Arg: endpointstest.HDBProd}
	deliver(p, key, d, fresh(key))
	if p.one.Endpoint.Name != endpointstest.FraudProd {
		t.Fatal("a late answer for another endpoint replaced the open one")
	}
}

func TestWindowCyclesAndSlices(t *testing.T) {
	p, _, _ := newPane(t, 120, 35)
	fleet(p, endpointstest.Fleet(now))
	openDetail(t, p, endpointstest.FraudProd)
	for i, want := range []string{"last 1 h · w: window", "last 3 h · w: window", "last 24 h · w: window", "last 1 h · w: window"} {
		if i == 0 {
			press(p, "m")
		} else {
			press(p, "w")
		}
		if got := p.Info(); got != want {
			t.Fatalf("step %d: Info = %q, want %q", i, got, want)
		}
	}
	d, _ := endpointstest.Detail(endpointstest.FraudProd, now)
	end := now.Truncate(time.Minute)
	// The fixture's last point is the period starting at end: under way,
	// so the rate of invocations leaves it out and the 5xx share keeps it.
	for _, tt := range []struct {
		window      time.Duration
		rate, share int
	}{{time.Hour, 11, 12}, {3 * time.Hour, 35, 36}, {24 * time.Hour, 287, 288}} {
		cs := charts(d, tt.window, end)
		if n := len(cs[0].pts); n != tt.rate {
			t.Errorf("%v: %d invocation points, want %d", tt.window, n, tt.rate)
		}
		if n := len(cs[2].pts); n != tt.share {
			t.Errorf("%v: %d 5xx points, want %d", tt.window, n, tt.share)
		}
		if cs[0].pts[0].t.Before(end.Add(-tt.window)) {
			t.Errorf("%v: a point before the window", tt.window)
		}
	}
	// 1 h: invocations per minute from 5-minute sums, 5xx as a share.
	cs := charts(d, time.Hour, end)
	inv := d.Series[seriesInvocations]
	n := len(inv.Values)
	if got, want := cs[0].pts[len(cs[0].pts)-1], (point{inv.Times[n-2], inv.Values[n-2] / 5}); got != want {
		t.Errorf("invocations/min = %v, want the last whole period's %v", got, want)
	}
	e5 := d.Series[series5xx]
	if got, want := cs[2].pts[len(cs[2].pts)-1].v, 100*e5.Values[n-1]/inv.Values[n-1]; got != want || got < 31 || got > 33 {
		t.Errorf("5xx %% = %v, want %v (about 32)", got, want)
	}
	var titles []string
	for _, c := range cs {
		titles = append(titles, c.title)
	}
	if got := strings.Join(titles, "|"); got != "Invocations per minute|4xx errors (% of invocations)|5xx errors (% of invocations)|Model latency avg (ms)|Model latency p99 (ms)|CPU (% of one vCPU, summed)|Memory (%)|API requests per minute|API 4XX (% of requests)|API 5XX (% of requests)" {
		t.Fatalf("charts = %s", got)
	}
}

// CloudWatch sums a 5-minute period still under way over the minutes that
// have passed: three minutes into it, 3 minutes of 900 calls a minute read
// 2,700. As a rate that would be 540 a minute, a fall that is not there;
// the chart ends at the last whole period instead, and its "now" says so.
func TestRatesEndAtTheLastWholePeriod(t *testing.T) {
	end := time.Date(2025, 6, 1, 10, 3, 0, 0, time.UTC)
	var s domain.Series
	for i := 12; i >= 0; i-- { // 09:00 … 10:00, the last three minutes old
		s.Times = append(s.Times, end.Add(-3*time.Minute).Add(-time.Duration(i)*5*time.Minute))
		v := 4500.0
		if i == 0 {
			v = 2700
		}
		s.Values = append(s.Values, v)
	}
	errs := domain.Series{Times: s.Times, Values: make([]float64, len(s.Values))}
	errs.Values[len(errs.Values)-1] = 270
	d := backend.EndpointData{Series: map[string]domain.Series{seriesInvocations: s, series5xx: errs}}
	cs := charts(d, time.Hour, end)
	inv := cs[0]
	if last := inv.pts[len(inv.pts)-1]; !last.t.Equal(end.Add(-8*time.Minute)) || last.v != 900 {
		t.Errorf("the rate ends at %v = %v, want the 09:55 period at 900/min", last.t, last.v)
	}
	for _, p := range inv.pts {
		if p.v != 900 {
			t.Errorf("%v: %v calls a minute, want a steady 900", p.t, p.v)
		}
	}
	if got := inv.summary(); got != "now 900/min · max 900/min" {
		t.Errorf("summary %q", got)
	}
	// The share of errors in the period under way is sound: 10 %.
	e5 := cs[2]
	if last := e5.pts[len(e5.pts)-1]; !last.t.Equal(end.Add(-3*time.Minute)) || last.v != 10 {
		t.Errorf("the 5xx share ends at %v = %v, want 10:00 at 10%%", last.t, last.v)
	}
}

func TestShareLeavesOutTimesWithoutTraffic(t *testing.T) {
	t0 := now
	pts := func(vs ...float64) []point {
		out := make([]point, len(vs))
		for i, v := range vs {
			out[i] = point{t0.Add(time.Duration(i) * 5 * time.Minute), v}
		}
		return out
	}
	got := share(pts(1, 0, 5), pts(10, 0, 50))
	if len(got) != 2 || got[0].v != 10 || got[1].v != 10 {
		t.Fatalf("share = %v", got)
	}
	if n := niceCeiling(37); n != 50 {
		t.Errorf("niceCeiling(37) = %v", n)
	}
	if n := niceCeiling(0.33); n != 0.5 {
		t.Errorf("niceCeiling(0.33) = %v", n)
	}
}

func TestChartsWithoutDataSaySo(t *testing.T) {
	st := themesPlain()
	out := drawChart(metricChart{title: "5xx errors (% of invocations)", unit: "%"}, 50, now.Add(-time.Hour), now, now.Location(), st, 0)
	if !strings.Contains(out, "no data in this window") || strings.Count(out, "\n") != chartHeight-1 {
		t.Fatalf("empty chart:\n%s", out)
	}
}

func TestLogsAreBoundedNewestFirst(t *testing.T) {
	p, _, _ := newPane(t, 140, 30)
	fleet(p, endpointstest.Fleet(now))
	openDetail(t, p, endpointstest.FraudProd)
	press(p, "l")
	key := backend.FeedKey{Kind: backend.FeedEndpointLogs, Arg: endpointstest.FraudProd}
	var events []domain.LogEvent
	for i := range 400 {
		events = append(events, domain.LogEvent{Timestamp: now.Add(time.Duration(i-400) * time.Second), Message: fmt.Sprintf("line %03d", i)})
	}
	deliver(p, key, backend.LogsData{Group: "/aws/sagemaker/Endpoints/" + endpointstest.FraudProd, Events: events[:250], Reset: true}, fresh(key))
	deliver(p, key, backend.LogsData{Events: events[250:]}, fresh(key))
	if len(p.logs.events) != maxLogLines || p.logs.dropped != 100 {
		t.Fatalf("kept %d, dropped %d", len(p.logs.events), p.logs.dropped)
	}
	out := p.View(140, 30)
	if !strings.Contains(out, "300 recent log events of /aws/sagemaker/Endpoints/mom-work-pass-fraud-prod, newest first (100 older ones") {
		t.Fatalf("logs head:\n%s", out)
	}
	if strings.Index(out, "line 399") > strings.Index(out, "line 398") || strings.Contains(out, "line 099") {
		t.Fatalf("not newest first, or the oldest kept:\n%s", out)
	}
	deliver(p, key, backend.LogsData{Events: events[:1], Reset: true}, fresh(key))
	if len(p.logs.events) != 1 {
		t.Fatal("a reset must drop what was kept")
	}
}

func TestHealthyEndpointSaysNothingIsWrong(t *testing.T) {
	p, _, _ := newPane(t, 160, 35)
	fleet(p, endpointstest.Healthy(now))
	openDetail(t, p, endpointstest.HDBProd)
	out := p.View(160, 35)
	for _, want := range []string{"✓ OK", "✓ nothing wrong", "Requests pass the API normally (4XX 0.4%, 5XX <0.1%); WAF blocks 3 req/min before they reach the API; the model is healthy.",
		"WAF ag-public-api-acl, blocking 3 req/min", "throttled at 50 req/s (3,000/min), burst 100"} {
		if !strings.Contains(out, want) {
			t.Errorf("healthy detail lacks %q:\n%s", want, out)
		}
	}
}

// Every AWS-sourced string is made inert before the screen.
func TestHostileTextIsInert(t *testing.T) {
	evil := "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[31mred\r\x07\u009b1;1H\u202eevil"
	data := endpointstest.Fleet(now)
	e := &data.Endpoints[3]
	e.Name += evil
	e.Project, e.Stage, e.Status = evil, evil, "InService"+evil
	e.Variants[0].Name, e.Variants[0].ModelName, e.Variants[0].InstanceType = evil, evil, evil
	e.Alarms[0].Name, e.Alarms[0].Reason, e.Alarms[0].Description, e.Alarms[0].State = evil, evil, evil, evil
	e.Health.Reasons = append([]string{evil}, e.Health.Reasons...)
	e.Front.APIName, e.Front.APIID, e.Front.Stage, e.Front.WebACL = evil, evil, evil, evil
	e.FailureReason, e.ARN, e.ConfigName = evil, evil, evil

	p, _, _ := newPane(t, 120, 60)
	fleet(p, data)
	check := func(where string) {
		t.Helper()
		out := p.View(120, 60) + strings.Join(p.Crumbs(), "") + p.Info()
		if strings.ContainsAny(out, "\x1b\x07\r\u009b\u202e") {
			t.Fatalf("%s: control characters reach the screen: %q", where, out)
		}
	}
	check("list")
	p.Update(kit.FilterMsg{Text: "red"})
	check("filtered list")
	p.Update(kit.FilterMsg{})
	name := e.Name
	p.Update(kit.NavigateMsg{Pane: kit.PaneEndpoints, Arg: name})
	check("detail without its feed")
	d, _ := endpointstest.Detail(endpointstest.FraudProd, now)
	d.Endpoint = *e
	d.Config.Name, d.Config.KMSKey = evil, evil
	key := backend.FeedKey{Kind: backend.FeedEndpoint, Arg: name}
	deliver(p, key, d, fresh(key))
	check("overview")
	press(p, "m")
	check("metrics")
	press(p, "l")
	logs := backend.FeedKey{Kind: backend.FeedEndpointLogs, Arg: name}
	deliver(p, logs, backend.LogsData{Group: evil, Events: []domain.LogEvent{{Timestamp: now, Message: evil + "\nsecond" + evil}}, Reset: true}, fresh(logs))
	check("logs")
	press(p, "i")
	check("smoke form")
	press(p, "esc")
	p.Update(kit.ActionDoneMsg{Pane: kit.PaneEndpoints, Req: backend.InvokeEndpoint{Endpoint: name, ContentType: evil, Body: []byte(evil)},
		Result: backend.ActionResult{Invoke: &backend.InvokeResult{StatusCode: 200, ContentType: evil, InvokedVariant: evil, Body: []byte(evil)}}})
	check("answer")
	deliver(p, listFeed, nil, backend.FeedState{Stale: true, Err: evil, LastSuccess: now.Add(-time.Minute)})
	press(p, "esc", "esc")
	check("stale banner")
}

// Names in Chinese, Malay, Tamil and emoji keep the columns in line.
func TestWideNamesKeepColumnsAligned(t *testing.T) {
	data := endpointstest.Fleet(now)
	for i, name := range []string{"组屋转售估价-prod", "ramalan-harga-flat-prod", "வீட்டு-விலை-prod", "🏠-valuation-prod"} {
		data.Endpoints[i].Name = name
	}
	for _, w := range []int{80, 120} {
		p, _, _ := newPane(t, w, 20)
		fleet(p, data)
		out := p.View(w, 20)
		col := -1
		for _, l := range strings.Split(out, "\n")[1:10] {
			if kit.Width(l) != w {
				t.Fatalf("width %d: line is %d wide: %q", w, kit.Width(l), l)
			}
			i := strings.Index(l, "InService")
			if i < 0 {
				i = strings.Index(l, "Updating")
			}
			if i < 0 {
				i = strings.Index(l, "Failed")
			}
			at := kit.Width(l[:i])
			if col >= 0 && at != col {
				t.Fatalf("width %d: STATUS starts at %d, not %d:\n%s", w, at, col, out)
			}
			col = at
		}
	}
}

func TestKeysInHelpMatchTheView(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	names := func() string {
		var out []string
		for _, b := range p.Keys() {
			if !strings.HasPrefix(b.Name, "table.") && !strings.HasPrefix(b.Name, "scroll.") {
				out = append(out, b.Name)
			}
		}
		return strings.Join(out, " ")
	}
	if got := names(); got != "endpoints.open endpoints.invoke endpoints.spark" {
		t.Errorf("list keys = %s", got)
	}
	press(p, "enter")
	if got := names(); got != "endpoints.back endpoints.overview endpoints.metrics endpoints.logs endpoints.nextsection endpoints.prevsection endpoints.window endpoints.invoke" {
		t.Errorf("detail keys = %s", got)
	}
	press(p, "i")
	if got := names(); got != "form.next form.prev form.submit form.cancel" {
		t.Errorf("form keys = %s", got)
	}
	if _, ok := p.Filter(); ok {
		t.Error("the form cannot be filtered")
	}
}

func TestSectionsCycleWithArrows(t *testing.T) {
	p, _, _ := newPane(t, 100, 30)
	fleet(p, endpointstest.Fleet(now))
	press(p, "enter")
	for _, want := range []section{secMetrics, secLogs, secOverview} {
		press(p, "right")
		if p.sec != want {
			t.Fatalf("right went to %v, want %v", p.sec, want)
		}
	}
	press(p, "left")
	if p.sec != secLogs {
		t.Fatalf("left from overview went to %v", p.sec)
	}
}

func TestMouseClickSelectsBelowTheStaleBanner(t *testing.T) {
	p, _, _ := newPane(t, 100, 20)
	fleet(p, endpointstest.Fleet(now))
	deliver(p, listFeed, nil, backend.FeedState{Stale: true, Err: "throttled", LastSuccess: now.Add(-time.Minute)})
	p.View(100, 20)
	// Line 0 is the banner, 1 the header, 2 the first row, 3 the second.
	p.Update(tea.MouseMsg{X: 10, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if r, _ := p.list.Selected(); r.Name != endpointstest.WSHStaging {
		t.Fatalf("click selected %s", r.Name)
	}
}

func TestThresholdsComeFromTheHealthConfig(t *testing.T) {
	cfg := health.Config{PerEndpoint: map[string]health.Thresholds{"ssg-*": {Warn4xxRate: 0.9}}}
	p, _, _ := newPane(t, 120, 35, WithHealth(cfg))
	fleet(p, endpointstest.Fleet(now))
	openDetail(t, p, endpointstest.DropoutProd)
	// With 4XX warnings from 90 %, half the requests refused is no longer
	// read as throttling.
	if out := p.View(120, 35); !strings.Contains(out, "Requests pass the API normally (4XX 50%, 5XX 0%)") {
		t.Fatalf("per-endpoint thresholds not used:\n%s", out)
	}
}

func themesPlain() *themes.Styles { return themes.BuildNoColorPlain() }

func TestVariantWeightsDropFloat32Noise(t *testing.T) {
	st := themesPlain()
	p := &page{kit.Page{St: st, Width: 100}}
	variantRows(p, []domain.Variant{
		{Name: "Primary", InstanceType: "ml.m5.xlarge", CurrentCount: 3, DesiredCount: 3, Weight: float64(float32(0.9)), ModelName: "v10"},
		{Name: "Challenger", InstanceType: "ml.m5.xlarge", CurrentCount: 1, DesiredCount: 3, Weight: float64(float32(0.1)), ModelName: "v6"},
		{Name: "Serverless", ServerlessMem: 2048, ModelName: "v6"},
	})
	out := p.String()
	for _, want := range []string{"Primary     ml.m5.xlarge    3/3        0.9 (90%)", "Challenger  ml.m5.xlarge    1/3        0.1 (10%)", "Serverless  serverless      2.0 GiB"} {
		if !strings.Contains(out, want) {
			t.Errorf("variants lack %q:\n%s", want, out)
		}
	}
	if got := instances([]domain.Variant{{InstanceType: "ml.m5.large", CurrentCount: 1, DesiredCount: 2}, {ServerlessMem: 1024}}); got != "1/2" {
		t.Errorf("instances = %q", got)
	}
	if got := instances([]domain.Variant{{ServerlessMem: 1024}}); got != "srvless" {
		t.Errorf("serverless instances = %q", got)
	}
}
