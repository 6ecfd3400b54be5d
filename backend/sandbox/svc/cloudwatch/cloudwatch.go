// Package cloudwatch serves Amazon CloudWatch (metrics and alarms) over the
// world's metric series and alarms, in all three protocols CloudWatch
// accepts: awsQuery, awsJson1_0 and Smithy RPC v2 CBOR (the Go SDK's
// default). One handler set serves them all.
//
// Operations and their CLI equivalents:
//
//	GetMetricData        aws cloudwatch get-metric-data
//	GetMetricStatistics  aws cloudwatch get-metric-statistics
//	ListMetrics          aws cloudwatch list-metrics
//	DescribeAlarms       aws cloudwatch describe-alarms
//	DescribeAlarmHistory aws cloudwatch describe-alarm-history
//
// GetMetricData answers metric queries and metric math in its simplest
// form: arithmetic (+ - * /, unary minus, parentheses) over numbers and the
// ids of other queries in the same call. Functions (SUM, METRICS, FILL,
// SEARCH, …) are refused with a ValidationException that says so.
package cloudwatch

import (
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Service is CloudWatch as the sandbox serves it: signing name
// "monitoring", IAM prefix "cloudwatch".
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:            "CloudWatch",
		SigningName:     "monitoring",
		IAMPrefix:       "cloudwatch",
		QueryCompatible: true,
		Protocols: []server.Protocol{
			server.AWSQuery{Version: "2010-08-01", XMLNamespace: "http://monitoring.amazonaws.com/doc/2010-08-01/"},
			server.AWSJSON{Version: "1.0", TargetPrefix: "GraniteServiceVersion20100801"},
			server.RPCv2CBOR{ServiceName: "GraniteServiceVersion20100801"},
		},
		Ops: []server.Op{
			server.Operation("GetMetricData", h.getMetricData),
			server.Operation("GetMetricStatistics", h.getMetricStatistics),
			server.Operation("ListMetrics", h.listMetrics),
			server.Operation("DescribeAlarms", h.describeAlarms),
			server.Operation("DescribeAlarmHistory", h.describeAlarmHistory),
		},
	}
}

// handlers answer CloudWatch's operations from the world.
type handlers struct {
	world *world.World
}
