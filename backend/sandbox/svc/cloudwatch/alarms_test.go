package cloudwatch_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// alarmView is the part of an alarm every protocol must agree on.
type alarmView struct {
	Name, Arn, Description, State, Reason, ReasonData, Metric, Namespace, Stat, ExtStat, Op, Missing string
	Dims                                                                                             string
	Threshold                                                                                        float64
	Period, Evals, ToAlarm                                                                           int32
	Enabled                                                                                          bool
	Actions, OKActions                                                                               []string
	Updated                                                                                          time.Time
}

func viewOf(a cwtypes.MetricAlarm) alarmView {
	var dims []string
	for _, d := range a.Dimensions {
		dims = append(dims, aws.ToString(d.Name)+"="+aws.ToString(d.Value))
	}
	return alarmView{
		Name: aws.ToString(a.AlarmName), Arn: aws.ToString(a.AlarmArn), Description: aws.ToString(a.AlarmDescription),
		State: string(a.StateValue), Reason: aws.ToString(a.StateReason), ReasonData: aws.ToString(a.StateReasonData),
		Metric: aws.ToString(a.MetricName), Namespace: aws.ToString(a.Namespace), Stat: string(a.Statistic),
		ExtStat: aws.ToString(a.ExtendedStatistic), Op: string(a.ComparisonOperator), Missing: aws.ToString(a.TreatMissingData),
		Dims: strings.Join(dims, ","), Threshold: aws.ToFloat64(a.Threshold), Period: aws.ToInt32(a.Period),
		Evals: aws.ToInt32(a.EvaluationPeriods), ToAlarm: aws.ToInt32(a.DatapointsToAlarm), Enabled: aws.ToBool(a.ActionsEnabled),
		Actions: a.AlarmActions, OKActions: a.OKActions, Updated: aws.ToTime(a.StateUpdatedTimestamp).UTC(),
	}
}

func worldView(a world.MetricAlarm) alarmView {
	var dims []string
	for _, d := range a.Dimensions {
		dims = append(dims, d.Name+"="+d.Value)
	}
	return alarmView{
		Name: a.AlarmName, Arn: a.AlarmArn, Description: a.AlarmDescription, State: a.StateValue, Reason: a.StateReason,
		ReasonData: a.StateReasonData, Metric: a.MetricName, Namespace: a.Namespace, Stat: a.Statistic, ExtStat: a.ExtendedStatistic,
		Op: a.ComparisonOperator, Missing: a.TreatMissingData, Dims: strings.Join(dims, ","), Threshold: a.Threshold,
		Period: a.Period, Evals: a.EvaluationPeriods, ToAlarm: a.DatapointsToAlarm, Enabled: a.ActionsEnabled,
		Actions: a.AlarmActions, OKActions: a.OKActions, Updated: a.StateUpdatedTimestamp.UTC(),
	}
}

func sameAlarm(t *testing.T, got, want alarmView) {
	t.Helper()
	if !got.Updated.Equal(want.Updated) {
		t.Errorf("%s StateUpdatedTimestamp = %v, want %v", want.Name, got.Updated, want.Updated)
	}
	got.Updated, want.Updated = time.Time{}, time.Time{}
	if got.OKActions == nil {
		got.OKActions = []string{}
	}
	if want.OKActions == nil {
		want.OKActions = []string{}
	}
	if !slices.Equal(got.Actions, want.Actions) || !slices.Equal(got.OKActions, want.OKActions) {
		t.Errorf("%s actions = %v / %v, want %v / %v", want.Name, got.Actions, got.OKActions, want.Actions, want.OKActions)
	}
	got.Actions, want.Actions, got.OKActions, want.OKActions = nil, nil, nil, nil
	if got.Name != want.Name || got.Arn != want.Arn || got.Description != want.Description || got.State != want.State ||
		got.Reason != want.Reason || got.ReasonData != want.ReasonData || got.Metric != want.Metric || got.Namespace != want.Namespace ||
		got.Stat != want.Stat || got.ExtStat != want.ExtStat || got.Op != want.Op || got.Missing != want.Missing ||
		got.Dims != want.Dims || got.Threshold != want.Threshold || got.Period != want.Period || got.Evals != want.Evals ||
		got.ToAlarm != want.ToAlarm || got.Enabled != want.Enabled {
		t.Errorf("alarm = %+v\nwant %+v", got, want)
	}
}

func TestDescribeAlarmsShowsTheIncidentInEveryProtocol(t *testing.T) {
	env := sandboxtest.Start(t)
	for _, proto := range protocols {
		t.Run(proto, func(t *testing.T) {
			c := client(t, env, "on-call", proto)
			out, err := c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmNamePrefix: aws.String(incidentEndpoint + "-")})
			if err != nil {
				t.Fatalf("DescribeAlarms: %v", err)
			}
			want := env.World().Alarms(nil, incidentEndpoint+"-", "")
			if len(out.MetricAlarms) != 2 || len(want) != 2 {
				t.Fatalf("%d alarms for the incident endpoint (world has %d), want 2", len(out.MetricAlarms), len(want))
			}
			for i, a := range out.MetricAlarms {
				sameAlarm(t, viewOf(a), worldView(want[i]))
				if a.StateValue != cwtypes.StateValueAlarm || !strings.HasPrefix(aws.ToString(a.StateReason), "Threshold Crossed: ") {
					t.Errorf("%s is %s (%s), want ALARM with a reason", aws.ToString(a.AlarmName), a.StateValue, aws.ToString(a.StateReason))
				}
			}
			errs := out.MetricAlarms[0]
			if aws.ToString(errs.AlarmName) != incidentEndpoint+"-5xx-errors" || aws.ToString(errs.MetricName) != "Invocation5XXErrors" ||
				errs.Statistic != cwtypes.StatisticSum || aws.ToFloat64(errs.Threshold) != 10 ||
				errs.ComparisonOperator != cwtypes.ComparisonOperatorGreaterThanThreshold || aws.ToInt32(errs.Period) != 60 ||
				aws.ToString(errs.AlarmArn) != "arn:aws:cloudwatch:ap-southeast-1:"+env.World().Account()+":alarm:"+incidentEndpoint+"-5xx-errors" {
				t.Errorf("5xx alarm = %+v", viewOf(errs))
			}
			var data struct {
				Statistic        string
				RecentDatapoints []float64 `json:"recentDatapoints"`
			}
			if err := json.Unmarshal([]byte(aws.ToString(errs.StateReasonData)), &data); err != nil || len(data.RecentDatapoints) == 0 {
				t.Errorf("StateReasonData %q: %v", aws.ToString(errs.StateReasonData), err)
			}
			breaching := 0
			for _, v := range data.RecentDatapoints {
				if v > 10 {
					breaching++
				}
			}
			if breaching < int(aws.ToInt32(errs.DatapointsToAlarm)) {
				t.Errorf("datapoints %v: %d over the threshold 10, want at least DatapointsToAlarm %d", data.RecentDatapoints, breaching, aws.ToInt32(errs.DatapointsToAlarm))
			}
			lat := out.MetricAlarms[1]
			if aws.ToString(lat.ExtendedStatistic) != "p99" || lat.Statistic != "" || lat.Unit != cwtypes.StandardUnitMicroseconds {
				t.Errorf("latency alarm statistic %q/%q unit %q, want ExtendedStatistic p99 in Microseconds", lat.Statistic, aws.ToString(lat.ExtendedStatistic), lat.Unit)
			}

			healthy, err := c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmNamePrefix: aws.String(healthyEndpoint + "-")})
			if err != nil {
				t.Fatal(err)
			}
			if len(healthy.MetricAlarms) < 2 {
				t.Fatalf("healthy endpoint has %d alarms", len(healthy.MetricAlarms))
			}
			for _, a := range healthy.MetricAlarms {
				if a.StateValue != cwtypes.StateValueOk {
					t.Errorf("healthy alarm %s is %s: %s", aws.ToString(a.AlarmName), a.StateValue, aws.ToString(a.StateReason))
				}
			}

			firing, err := c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{StateValue: cwtypes.StateValueAlarm})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range firing.MetricAlarms {
				names = append(names, aws.ToString(a.AlarmName))
			}
			var wantNames []string
			for _, a := range env.World().Alarms(nil, "", world.AlarmAlarm) {
				wantNames = append(wantNames, a.AlarmName)
			}
			if !slices.Equal(names, wantNames) || !slices.Contains(names, incidentEndpoint+"-5xx-errors") {
				t.Errorf("ALARM alarms = %v, want %v", names, wantNames)
			}
		})
	}
}

func TestDescribeAlarmsPages(t *testing.T) {
	env := sandboxtest.Start(t)
	want := env.World().Alarms(nil, "", "")
	if len(want) < 8 {
		t.Fatalf("the scenario has only %d alarms", len(want))
	}
	for _, proto := range protocols {
		t.Run(proto, func(t *testing.T) {
			c := client(t, env, "on-call", proto)
			var got []string
			pages := 0
			p := cloudwatch.NewDescribeAlarmsPaginator(c, &cloudwatch.DescribeAlarmsInput{MaxRecords: aws.Int32(3)})
			for p.HasMorePages() {
				out, err := p.NextPage(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				pages++
				if len(out.MetricAlarms) > 3 {
					t.Errorf("page %d has %d alarms, over MaxRecords 3", pages, len(out.MetricAlarms))
				}
				if out.CompositeAlarms != nil {
					t.Errorf("CompositeAlarms = %v without AlarmTypes", out.CompositeAlarms)
				}
				for _, a := range out.MetricAlarms {
					got = append(got, aws.ToString(a.AlarmName))
				}
			}
			var names []string
			for _, a := range want {
				names = append(names, a.AlarmName)
			}
			if !slices.Equal(got, names) {
				t.Errorf("paged alarms = %v\nwant %v", got, names)
			}
			if pages != (len(want)+2)/3 {
				t.Errorf("%d pages for %d alarms, 3 a page", pages, len(want))
			}
		})
	}
}

func TestDescribeAlarmsRejectsBadInput(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	_, err := c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{StateValue: "FIRING"})
	if code, msg := servertest.APIError(t, err); code != "ValidationError" || !strings.Contains(msg, "stateValue") {
		t.Errorf("bad state: %s %q", code, msg)
	}
	_, err = c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{MaxRecords: aws.Int32(101)})
	if code, _ := servertest.APIError(t, err); code != "ValidationError" {
		t.Errorf("MaxRecords 101: %s", code)
	}
	_, err = c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{NextToken: aws.String("nope")})
	var bad *cwtypes.InvalidNextToken
	if !errors.As(err, &bad) {
		t.Errorf("bad token: %v, want InvalidNextToken", err)
	}
	_, err = c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"a"}, AlarmNamePrefix: aws.String("a")})
	var combo *cwtypes.InvalidParameterCombinationException
	if !errors.As(err, &combo) {
		t.Errorf("names and prefix: %v, want InvalidParameterCombination", err)
	}
	out, err := c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmTypes: []cwtypes.AlarmType{cwtypes.AlarmTypeCompositeAlarm}})
	if err != nil || len(out.MetricAlarms) != 0 || out.CompositeAlarms == nil {
		t.Errorf("composite only: %v, %d metric alarms, composite %v", err, len(out.MetricAlarms), out.CompositeAlarms)
	}
}

// TestAlarmRecoversWhenTheIncidentEnds drives the clock past the incident
// (it ends 55 minutes after the epoch): the 5xx alarm returns to OK, the
// errors stop, and the history records both transitions.
func TestAlarmRecoversWhenTheIncidentEnds(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	name := incidentEndpoint + "-5xx-errors"
	env.Clock.Advance(65 * time.Minute)

	out, err := c.DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{name}})
	if err != nil || len(out.MetricAlarms) != 1 {
		t.Fatalf("DescribeAlarms: %v %+v", err, out)
	}
	a := out.MetricAlarms[0]
	incidentEnd := sandboxtest.Epoch.Add(55 * time.Minute)
	if a.StateValue != cwtypes.StateValueOk || aws.ToTime(a.StateUpdatedTimestamp).Before(incidentEnd) {
		t.Errorf("after the incident %s is %s since %v: %s", name, a.StateValue, aws.ToTime(a.StateUpdatedTimestamp), aws.ToString(a.StateReason))
	}

	m := endpointMetric(incidentEndpoint, variant(t, env, incidentEndpoint), "Invocation5XXErrors")
	now := sandboxtest.Epoch.Add(65 * time.Minute)
	md, err := c.GetMetricData(context.Background(), &cloudwatch.GetMetricDataInput{
		StartTime: aws.Time(now.Add(-8 * time.Minute)), EndTime: aws.Time(now),
		MetricDataQueries: []cwtypes.MetricDataQuery{statQuery("e", m, "Sum", 60)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if v := md.MetricDataResults[0].Values; len(v) != 8 || sum(v) > 2 {
		t.Errorf("5xx after the incident = %v, want 8 minutes of about none", v)
	}

	hist, err := c.DescribeAlarmHistory(context.Background(), &cloudwatch.DescribeAlarmHistoryInput{AlarmName: aws.String(name)})
	if err != nil {
		t.Fatal(err)
	}
	var summaries []string
	for _, h := range hist.AlarmHistoryItems {
		summaries = append(summaries, aws.ToString(h.HistorySummary))
		if h.HistoryItemType != cwtypes.HistoryItemTypeStateUpdate || aws.ToString(h.AlarmName) != name {
			t.Errorf("history item %+v", h)
		}
	}
	if len(summaries) < 2 || summaries[0] != "Alarm updated from ALARM to OK" || !slices.Contains(summaries, "Alarm updated from OK to ALARM") &&
		!slices.Contains(summaries, "Alarm updated from INSUFFICIENT_DATA to ALARM") {
		t.Errorf("history, newest first = %v", summaries)
	}
	for i := 1; i < len(hist.AlarmHistoryItems); i++ {
		if aws.ToTime(hist.AlarmHistoryItems[i].Timestamp).After(aws.ToTime(hist.AlarmHistoryItems[i-1].Timestamp)) {
			t.Errorf("history not newest first at %d", i)
		}
	}
}

func TestDescribeAlarmHistoryPages(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "awsQuery")
	all, err := c.DescribeAlarmHistory(context.Background(), &cloudwatch.DescribeAlarmHistoryInput{ScanBy: cwtypes.ScanByTimestampAscending})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.AlarmHistoryItems) < 5 {
		t.Fatalf("only %d history items in the account", len(all.AlarmHistoryItems))
	}
	var paged []string
	p := cloudwatch.NewDescribeAlarmHistoryPaginator(c, &cloudwatch.DescribeAlarmHistoryInput{ScanBy: cwtypes.ScanByTimestampAscending, MaxRecords: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range out.AlarmHistoryItems {
			paged = append(paged, aws.ToString(h.AlarmName)+"@"+aws.ToTime(h.Timestamp).String())
		}
	}
	var whole []string
	for _, h := range all.AlarmHistoryItems {
		whole = append(whole, aws.ToString(h.AlarmName)+"@"+aws.ToTime(h.Timestamp).String())
	}
	if !slices.Equal(paged, whole) {
		t.Errorf("paged history = %v\nwant %v", paged, whole)
	}
}
