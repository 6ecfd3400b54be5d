package cloudwatch

import (
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// DescribeAlarms page sizes.
const (
	defaultAlarmRecords = 50
	maxAlarmRecords     = 100
)

// DescribeAlarmsInput is DescribeAlarms' request.
type DescribeAlarmsInput struct {
	AlarmNames          []string
	AlarmNamePrefix     *string
	AlarmTypes          []string
	ChildrenOfAlarmName *string
	ParentsOfAlarmName  *string
	StateValue          *string
	ActionPrefix        *string
	MaxRecords          *int32
	NextToken           *string
}

// MetricAlarm is an alarm on one metric, as DescribeAlarms shows it.
type MetricAlarm struct {
	AlarmName                          *string
	AlarmArn                           *string
	AlarmDescription                   *string
	AlarmConfigurationUpdatedTimestamp *time.Time
	ActionsEnabled                     *bool
	OKActions                          []string
	AlarmActions                       []string
	InsufficientDataActions            []string
	StateValue                         *string
	StateReason                        *string
	StateReasonData                    *string
	StateUpdatedTimestamp              *time.Time
	MetricName                         *string
	Namespace                          *string
	Statistic                          *string
	ExtendedStatistic                  *string
	Dimensions                         []Dimension
	Period                             *int32
	Unit                               *string
	EvaluationPeriods                  *int32
	DatapointsToAlarm                  *int32
	Threshold                          *float64
	ComparisonOperator                 *string
	TreatMissingData                   *string
	StateTransitionedTimestamp         *time.Time
}

// CompositeAlarm is listed for completeness; the sandbox has none.
type CompositeAlarm struct {
	AlarmName *string
}

// DescribeAlarmsOutput is DescribeAlarms' answer.
type DescribeAlarmsOutput struct {
	CompositeAlarms []CompositeAlarm
	MetricAlarms    []MetricAlarm
	NextToken       *string
}

// describeAlarms lists alarms by name, filtered by names or a name prefix,
// state, type and action prefix:
//
//	aws cloudwatch describe-alarms --state-value ALARM
func (h handlers) describeAlarms(_ context.Context, _ *server.Call, in *DescribeAlarmsInput) (*DescribeAlarmsOutput, error) {
	if len(in.AlarmNames) > 100 {
		return nil, server.ValidationException("The collection AlarmNames must not have a size greater than 100.")
	}
	if len(in.AlarmNames) > 0 && in.AlarmNamePrefix != nil {
		return nil, invalidParameterCombination("AlarmNames and AlarmNamePrefix cannot be specified together.")
	}
	state := optional.Value(in.StateValue)
	switch state {
	case "", world.AlarmOK, world.AlarmAlarm, world.AlarmInsufficientData:
	default:
		return nil, server.ValidationException("1 validation error detected: Value '%s' at 'stateValue' failed to satisfy constraint: "+
			"Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]", state)
	}
	wantMetric, wantComposite := len(in.AlarmTypes) == 0, false
	for _, t := range in.AlarmTypes {
		switch t {
		case "MetricAlarm":
			wantMetric = true
		case "CompositeAlarm":
			wantComposite = true
		default:
			return nil, server.ValidationException("1 validation error detected: Value '%s' at 'alarmTypes' failed to satisfy constraint: "+
				"Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]", t)
		}
	}
	limit := defaultAlarmRecords
	if in.MaxRecords != nil {
		if *in.MaxRecords < 1 || *in.MaxRecords > maxAlarmRecords {
			return nil, server.ValidationException("1 validation error detected: Value '%d' at 'maxRecords' failed to satisfy constraint: "+
				"Member must have value between 1 and %d", *in.MaxRecords, maxAlarmRecords)
		}
		limit = int(*in.MaxRecords)
	}
	after := ""
	if in.NextToken != nil {
		f, err := decodeToken("DescribeAlarms", *in.NextToken, 1)
		if err != nil {
			return nil, err
		}
		after = f[0]
	}
	out := &DescribeAlarmsOutput{}
	if wantComposite {
		out.CompositeAlarms = []CompositeAlarm{}
	}
	if !wantMetric {
		return out, nil
	}
	out.MetricAlarms = []MetricAlarm{}
	// Composite alarms have no children or parents here: nothing relates.
	if in.ChildrenOfAlarmName != nil || in.ParentsOfAlarmName != nil {
		return out, nil
	}
	for _, a := range h.world.Alarms(in.AlarmNames, optional.Value(in.AlarmNamePrefix), state) {
		if a.AlarmName <= after {
			continue
		}
		if in.ActionPrefix != nil && !hasActionPrefix(a, *in.ActionPrefix) {
			continue
		}
		if len(out.MetricAlarms) == limit {
			tok := encodeToken("DescribeAlarms", *out.MetricAlarms[limit-1].AlarmName)
			out.NextToken = &tok
			break
		}
		out.MetricAlarms = append(out.MetricAlarms, wireAlarm(a))
	}
	return out, nil
}

func hasActionPrefix(a world.MetricAlarm, prefix string) bool {
	for _, list := range [][]string{a.AlarmActions, a.OKActions} {
		for _, act := range list {
			if strings.HasPrefix(act, prefix) {
				return true
			}
		}
	}
	return false
}

func wireAlarm(a world.MetricAlarm) MetricAlarm {
	enabled, threshold := a.ActionsEnabled, a.Threshold
	period, evals, toAlarm := a.Period, a.EvaluationPeriods, a.DatapointsToAlarm
	return MetricAlarm{
		AlarmName:                          optString(a.AlarmName),
		AlarmArn:                           optString(a.AlarmArn),
		AlarmDescription:                   optString(a.AlarmDescription),
		AlarmConfigurationUpdatedTimestamp: optTime(a.AlarmConfigurationUpdatedTimestamp),
		ActionsEnabled:                     &enabled,
		OKActions:                          nonNil(a.OKActions),
		AlarmActions:                       nonNil(a.AlarmActions),
		InsufficientDataActions:            []string{},
		StateValue:                         optString(a.StateValue),
		StateReason:                        optString(a.StateReason),
		StateReasonData:                    optString(a.StateReasonData),
		StateUpdatedTimestamp:              optTime(a.StateUpdatedTimestamp),
		MetricName:                         optString(a.MetricName),
		Namespace:                          optString(a.Namespace),
		Statistic:                          optString(a.Statistic),
		ExtendedStatistic:                  optString(a.ExtendedStatistic),
		Dimensions:                         wireDimensions(a.Dimensions),
		Period:                             &period,
		Unit:                               optString(a.Unit),
		EvaluationPeriods:                  &evals,
		DatapointsToAlarm:                  &toAlarm,
		Threshold:                          &threshold,
		ComparisonOperator:                 optString(a.ComparisonOperator),
		TreatMissingData:                   optString(a.TreatMissingData),
		StateTransitionedTimestamp:         optTime(a.StateTransitionedTimestamp),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
