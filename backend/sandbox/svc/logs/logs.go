// Package logs serves Amazon CloudWatch Logs over the world's log groups:
// SageMaker's /aws/sagemaker/TrainingJobs (streams <job>/algo-<n>-<epoch>),
// /aws/sagemaker/ProcessingJobs and /aws/sagemaker/Endpoints/<name>
// (streams <variant>/<instance-id>). It speaks awsJson1_1 with
// X-Amz-Target Logs_20140328.<Op> and camelCase member names, as the
// service does; times are epoch milliseconds.
//
// Operations and their CLI equivalents:
//
//	DescribeLogGroups   aws logs describe-log-groups
//	DescribeLogStreams  aws logs describe-log-streams
//	GetLogEvents        aws logs get-log-events
//	FilterLogEvents     aws logs filter-log-events
package logs

import (
	"errors"
	"net/http"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Service is CloudWatch Logs as the sandbox serves it: signing name "logs".
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:        "CloudWatchLogs",
		SigningName: "logs",
		Protocols:   []server.Protocol{server.AWSJSON{Version: "1.1", TargetPrefix: "Logs_20140328"}},
		// CloudWatch Logs reports constraint violations, the framework's
		// ValidationException, as InvalidParameterException.
		ErrorCodes: map[string]server.ErrorCode{
			"ValidationException": {Code: "InvalidParameterException", Status: http.StatusBadRequest},
		},
		Ops: []server.Op{
			server.Operation("DescribeLogGroups", h.describeLogGroups),
			server.Operation("DescribeLogStreams", h.describeLogStreams),
			server.Operation("GetLogEvents", h.getLogEvents),
			server.Operation("FilterLogEvents", h.filterLogEvents),
		},
	}
}

// handlers answer CloudWatch Logs' operations from the world.
type handlers struct {
	world *world.World
}

func invalidParameter(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "InvalidParameterException", format, args...)
}

func groupNotFound() *server.Error {
	return server.ResourceNotFoundException("The specified log group does not exist.")
}

func streamNotFound() *server.Error {
	return server.ResourceNotFoundException("The specified log stream does not exist.")
}

// worldError maps the world's typed errors to CloudWatch Logs'.
func worldError(err error) error {
	var nf world.ErrNotFound
	var v world.ErrValidation
	switch {
	case err == nil:
		return nil
	case errors.As(err, &nf) && nf.Kind == "LogStream":
		return streamNotFound()
	case errors.As(err, &nf):
		return groupNotFound()
	case errors.As(err, &v):
		return invalidParameter("%s", v.Msg)
	}
	return err
}

// groupName resolves logGroupName or logGroupIdentifier (a name or an ARN),
// exactly one of which must be given.
func groupName(name, identifier *string) (string, error) {
	switch {
	case name != nil && identifier != nil:
		return "", invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.")
	case name != nil:
		return *name, nil
	case identifier != nil:
		id := *identifier
		if strings.HasPrefix(id, "arn:") {
			_, rest, ok := strings.Cut(id, ":log-group:")
			if !ok {
				return "", invalidParameter("The logGroupIdentifier %s is not a log group name or ARN.", id)
			}
			return strings.TrimSuffix(rest, ":*"), nil
		}
		return id, nil
	}
	return "", invalidParameter("Either the logGroupName or the logGroupIdentifier must be specified.")
}

// checkLimit validates a limit member against [1, max].
func checkLimit(limit *int32, max int) error {
	if limit != nil && (*limit < 1 || int(*limit) > max) {
		return invalidParameter("1 validation error detected: Value '%d' at 'limit' failed to satisfy constraint: "+
			"Member must have value between 1 and %d", *limit, max)
	}
	return nil
}
