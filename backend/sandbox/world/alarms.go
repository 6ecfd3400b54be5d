package world

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Alarm state values.
const (
	AlarmOK               = "OK"
	AlarmAlarm            = "ALARM"
	AlarmInsufficientData = "INSUFFICIENT_DATA"
)

// MetricAlarm mirrors CloudWatch's shape. Statistic holds a percentile such
// as "p99" in ExtendedStatistic instead.
type MetricAlarm struct {
	AlarmName                          string
	AlarmArn                           string
	AlarmDescription                   string
	ActionsEnabled                     bool
	AlarmActions                       []string
	OKActions                          []string
	StateValue                         string
	StateReason                        string
	StateReasonData                    string
	StateUpdatedTimestamp              time.Time
	StateTransitionedTimestamp         time.Time
	AlarmConfigurationUpdatedTimestamp time.Time
	Namespace                          string
	MetricName                         string
	Dimensions                         []Dimension
	Statistic                          string
	ExtendedStatistic                  string
	Period                             int32
	EvaluationPeriods                  int32
	DatapointsToAlarm                  int32
	Threshold                          float64
	ComparisonOperator                 string
	TreatMissingData                   string
	Unit                               string
}

// AlarmHistoryItem mirrors CloudWatch's shape.
type AlarmHistoryItem struct {
	AlarmName       string
	AlarmType       string // MetricAlarm
	Timestamp       time.Time
	HistoryItemType string // StateUpdate
	HistorySummary  string
	HistoryData     string
}

type alarm struct {
	MetricAlarm
	history []AlarmHistoryItem // newest last, at most 100
}

type alarmStore struct {
	byName    map[string]*alarm
	lastEval  time.Time
	scheduled bool
}

func (s *alarmStore) init() { s.byName = map[string]*alarm{} }

// AddAlarm creates an alarm during Build; it starts INSUFFICIENT_DATA and is
// evaluated every minute from then on.
func (b *Builder) AddAlarm(a MetricAlarm) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	a.AlarmArn = "arn:aws:cloudwatch:" + w.region + ":" + w.account + ":alarm:" + a.AlarmName
	a.StateValue = AlarmInsufficientData
	a.StateReason = "Unchecked: Initial alarm creation"
	a.StateUpdatedTimestamp = w.now
	a.StateTransitionedTimestamp = w.now
	a.AlarmConfigurationUpdatedTimestamp = w.now
	if a.TreatMissingData == "" {
		a.TreatMissingData = "missing"
	}
	if a.DatapointsToAlarm == 0 {
		a.DatapointsToAlarm = a.EvaluationPeriods
	}
	if a.Unit == "" {
		a.Unit = MetricUnit(a.Namespace, a.MetricName)
	}
	w.alarms.byName[a.AlarmName] = &alarm{MetricAlarm: a}
	if !w.alarms.scheduled {
		w.alarms.scheduled = true
		w.scheduleAlarmTick(w.now.Truncate(time.Minute).Add(time.Minute + 10*time.Second))
	}
}

func (w *World) scheduleAlarmTick(at time.Time) {
	w.schedule(at, func(t time.Time) {
		w.evaluateAlarms(t)
		next := t.Add(time.Minute)
		// After a long idle gap only the recent past matters to an alarm.
		if far := w.target.Add(-6 * time.Hour); next.Before(far) {
			next = far.Truncate(time.Minute).Add(10 * time.Second)
		}
		w.scheduleAlarmTick(next)
	})
}

// Alarms is DescribeAlarms: by name, filtered by names, prefix and state.
func (w *World) Alarms(names []string, prefix, state string) []MetricAlarm {
	w.rlock()
	defer w.mu.RUnlock()
	var out []MetricAlarm
	for _, a := range w.alarms.byName {
		if len(names) > 0 && !contains(names, a.AlarmName) {
			continue
		}
		if prefix != "" && !strings.HasPrefix(a.AlarmName, prefix) {
			continue
		}
		if state != "" && a.StateValue != state {
			continue
		}
		out = append(out, a.MetricAlarm)
	}
	sort.Slice(out, func(i, k int) bool { return out[i].AlarmName < out[k].AlarmName })
	return out
}

// AlarmHistory is DescribeAlarmHistory for one alarm, newest first.
func (w *World) AlarmHistory(name string) ([]AlarmHistoryItem, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.alarms.byName[name]
	if a == nil {
		return nil, notFound("Alarm", name)
	}
	out := make([]AlarmHistoryItem, len(a.history))
	for i, h := range a.history {
		out[len(out)-1-i] = h
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// evaluateAlarms judges every alarm on its latest complete periods.
func (w *World) evaluateAlarms(at time.Time) {
	names := make([]string, 0, len(w.alarms.byName))
	for n := range w.alarms.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w.evaluateAlarm(w.alarms.byName[n], at)
	}
	w.alarms.lastEval = at
}

type datapoint struct {
	t time.Time
	v float64
}

func (w *World) evaluateAlarm(a *alarm, at time.Time) {
	dims := map[string]string{}
	for _, d := range a.Dimensions {
		dims[d.Name] = d.Value
	}
	stat := a.Statistic
	if a.ExtendedStatistic != "" {
		stat = a.ExtendedStatistic
	}
	p := time.Duration(a.Period) * time.Second
	end := at.Truncate(time.Minute).Add(-time.Minute)
	end = time.Unix(end.Unix()/int64(a.Period)*int64(a.Period), 0).UTC()
	start := end.Add(-time.Duration(a.EvaluationPeriods) * p)
	// Evaluate at the alarm's instant without re-entering the lock.
	def, ok := w.seriesFor(a.Namespace, a.MetricName, dims, at)
	var points []datapoint
	if ok {
		for t := start; t.Before(end); t = t.Add(p) {
			var buf []sample
			for m := t.Unix(); m < t.Add(p).Unix(); m += 60 {
				if m < def.from-59 || (def.to != 0 && m > def.to) || m > at.Unix()-60 {
					continue
				}
				if s, ok := def.minute(m); ok && s.n > 0 {
					buf = append(buf, s)
				}
			}
			if v, ok := statValue(stat, buf); ok {
				points = append(points, datapoint{t, v})
			}
		}
	}
	breaching := 0
	for _, d := range points {
		if breaches(a.ComparisonOperator, d.v, a.Threshold) {
			breaching++
		}
	}
	state, reason := AlarmOK, ""
	op := opWords(a.ComparisonOperator)
	switch {
	case len(points) == 0 && a.TreatMissingData != "notBreaching":
		state = AlarmInsufficientData
		reason = fmt.Sprintf("Insufficient Data: %d datapoint%s unknown.", a.EvaluationPeriods, plural(int(a.EvaluationPeriods), " was", "s were"))
	case breaching >= int(a.DatapointsToAlarm):
		state = AlarmAlarm
		reason = fmt.Sprintf("Threshold Crossed: %d out of the last %d datapoints %s %s %s the threshold (%s) (minimum %d datapoint%s for OK -> ALARM transition).",
			breaching, a.EvaluationPeriods, formatPoints(points), plural(breaching, "was", "were"), op, javaFloat(a.Threshold),
			a.DatapointsToAlarm, plural(int(a.DatapointsToAlarm), "", "s"))
	case len(points) == 0:
		reason = fmt.Sprintf("Threshold Crossed: no datapoints were received for %d period%s and %d missing datapoint%s treated as [NonBreaching].",
			a.EvaluationPeriods, plural(int(a.EvaluationPeriods), "", "s"), a.EvaluationPeriods, plural(int(a.EvaluationPeriods), " was", "s were"))
	default:
		reason = fmt.Sprintf("Threshold Crossed: %d datapoint%s %s %s not %s the threshold (%s).",
			len(points), plural(len(points), "", "s"), formatPoints(points), plural(len(points), "was", "were"), op, javaFloat(a.Threshold))
	}
	if state == a.StateValue {
		return
	}
	data := map[string]any{"version": "1.0", "queryDate": cwTime(at), "startDate": cwTime(start), "statistic": stat,
		"period": a.Period, "threshold": a.Threshold}
	var recent []float64
	var evaluated []map[string]any
	for _, d := range points {
		recent = append(recent, d.v)
		evaluated = append(evaluated, map[string]any{"timestamp": cwTime(d.t), "value": d.v})
	}
	data["recentDatapoints"] = recent
	data["evaluatedDatapoints"] = evaluated
	rd, _ := json.Marshal(data)
	old := a.StateValue
	a.StateValue = state
	a.StateReason = reason
	a.StateReasonData = string(rd)
	a.StateUpdatedTimestamp = at
	a.StateTransitionedTimestamp = at
	hist, _ := json.Marshal(map[string]any{"version": "1.0", "oldState": map[string]string{"stateValue": old}, "newState": map[string]any{"stateValue": state, "stateReason": reason}})
	a.history = append(a.history, AlarmHistoryItem{AlarmName: a.AlarmName, AlarmType: "MetricAlarm", Timestamp: at, HistoryItemType: "StateUpdate",
		HistorySummary: "Alarm updated from " + old + " to " + state, HistoryData: string(hist)})
	if len(a.history) > 100 {
		a.history = append([]AlarmHistoryItem(nil), a.history[len(a.history)-100:]...)
	}
}

func statValue(name string, ss []sample) (float64, bool) { return stat(name, ss) }

func breaches(op string, v, threshold float64) bool {
	switch op {
	case "GreaterThanThreshold":
		return v > threshold
	case "GreaterThanOrEqualToThreshold":
		return v >= threshold
	case "LessThanThreshold":
		return v < threshold
	case "LessThanOrEqualToThreshold":
		return v <= threshold
	}
	return false
}

func opWords(op string) string {
	switch op {
	case "GreaterThanThreshold":
		return "greater than"
	case "GreaterThanOrEqualToThreshold":
		return "greater than or equal to"
	case "LessThanThreshold":
		return "less than"
	default:
		return "less than or equal to"
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// formatPoints lists datapoints newest first as the console shows them:
// [57.0 (26/11/25 09:12:00), ...].
func formatPoints(ps []datapoint) string {
	parts := make([]string, 0, len(ps))
	for i := len(ps) - 1; i >= 0; i-- {
		parts = append(parts, javaFloat(ps[i].v)+" ("+ps[i].t.Format("02/01/06 15:04:05")+")")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func javaFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func cwTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000+0000") }
