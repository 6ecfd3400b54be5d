package cloudwatch

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// DescribeAlarmHistoryInput is DescribeAlarmHistory's request.
type DescribeAlarmHistoryInput struct {
	AlarmName       *string
	AlarmTypes      []string
	HistoryItemType *string
	StartDate       *time.Time
	EndDate         *time.Time
	MaxRecords      *int32
	NextToken       *string
	ScanBy          *string
}

// AlarmHistoryItem is one change of an alarm.
type AlarmHistoryItem struct {
	AlarmName       *string
	AlarmType       *string
	Timestamp       *time.Time
	HistoryItemType *string
	HistorySummary  *string
	HistoryData     *string
}

// DescribeAlarmHistoryOutput is DescribeAlarmHistory's answer.
type DescribeAlarmHistoryOutput struct {
	AlarmHistoryItems []AlarmHistoryItem
	NextToken         *string
}

// describeAlarmHistory lists alarms' state changes, newest first unless
// ScanBy says otherwise:
//
//	aws cloudwatch describe-alarm-history --alarm-name mom-work-pass-fraud-prod-5xx-errors
func (h handlers) describeAlarmHistory(_ context.Context, _ *server.Call, in *DescribeAlarmHistoryInput) (*DescribeAlarmHistoryOutput, error) {
	limit := 100
	if in.MaxRecords != nil {
		if *in.MaxRecords < 1 || *in.MaxRecords > 100 {
			return nil, server.ValidationException("1 validation error detected: Value '%d' at 'maxRecords' failed to satisfy constraint: "+
				"Member must have value between 1 and 100", *in.MaxRecords)
		}
		limit = int(*in.MaxRecords)
	}
	descending := true
	switch optional.Value(in.ScanBy) {
	case "", scanDescending:
	case scanAscending:
		descending = false
	default:
		return nil, server.ValidationException("1 validation error detected: Value '%s' at 'scanBy' failed to satisfy constraint: "+
			"Member must satisfy enum value set: [TimestampDescending, TimestampAscending]", *in.ScanBy)
	}
	switch optional.Value(in.HistoryItemType) {
	case "", "ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate", "AlarmContributorAction":
	default:
		return nil, server.ValidationException("1 validation error detected: Value '%s' at 'historyItemType' failed to satisfy constraint: "+
			"Member must satisfy enum value set: [ConfigurationUpdate, StateUpdate, Action, AlarmContributorStateUpdate, AlarmContributorAction]", *in.HistoryItemType)
	}
	wantMetric := len(in.AlarmTypes) == 0
	for _, t := range in.AlarmTypes {
		wantMetric = wantMetric || t == "MetricAlarm"
	}
	var after *historyKey
	if in.NextToken != nil {
		f, err := decodeToken("DescribeAlarmHistory", *in.NextToken, 2)
		if err != nil {
			return nil, err
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return nil, invalidNextToken()
		}
		after = &historyKey{ns, f[1]}
	}
	var items []world.AlarmHistoryItem
	if wantMetric {
		var names []string
		if in.AlarmName != nil {
			names = []string{*in.AlarmName}
		} else {
			for _, a := range h.world.Alarms(nil, "", "") {
				names = append(names, a.AlarmName)
			}
		}
		for _, n := range names {
			hist, err := h.world.AlarmHistory(n)
			if err != nil {
				continue // an unknown alarm has no history, as in CloudWatch
			}
			items = append(items, hist...)
		}
	}
	keyOf := func(it world.AlarmHistoryItem) historyKey { return historyKey{it.Timestamp.UnixNano(), it.AlarmName} }
	sort.SliceStable(items, func(a, b int) bool {
		if descending {
			return keyOf(items[b]).less(keyOf(items[a]))
		}
		return keyOf(items[a]).less(keyOf(items[b]))
	})
	out := &DescribeAlarmHistoryOutput{AlarmHistoryItems: []AlarmHistoryItem{}}
	for _, it := range items {
		k := keyOf(it)
		if after != nil && ((descending && !k.less(*after)) || (!descending && !after.less(k))) {
			continue
		}
		if in.HistoryItemType != nil && it.HistoryItemType != *in.HistoryItemType {
			continue
		}
		if in.StartDate != nil && it.Timestamp.Before(*in.StartDate) || in.EndDate != nil && it.Timestamp.After(*in.EndDate) {
			continue
		}
		if len(out.AlarmHistoryItems) == limit {
			last := out.AlarmHistoryItems[limit-1]
			tok := encodeToken("DescribeAlarmHistory", strconv.FormatInt(last.Timestamp.UnixNano(), 10), *last.AlarmName)
			out.NextToken = &tok
			break
		}
		out.AlarmHistoryItems = append(out.AlarmHistoryItems, AlarmHistoryItem{
			AlarmName: optString(it.AlarmName), AlarmType: optString(it.AlarmType), Timestamp: optTime(it.Timestamp),
			HistoryItemType: optString(it.HistoryItemType), HistorySummary: optString(it.HistorySummary), HistoryData: optString(it.HistoryData),
		})
	}
	return out, nil
}

// historyKey orders history items by time, then alarm name.
type historyKey struct {
	ns   int64
	name string
}

func (k historyKey) less(o historyKey) bool {
	if k.ns != o.ns {
		return k.ns < o.ns
	}
	return k.name < o.name
}
