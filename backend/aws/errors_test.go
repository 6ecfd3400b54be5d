package aws

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// opErr wraps err as the SDK does for service:op (service as its SDK id).
func opErr(serviceID, op string, err error) error {
	return &smithy.OperationError{ServiceID: serviceID, OperationName: op, Err: err}
}

func apiErr(status int, code, msg string) error {
	return &awshttp.ResponseError{
		ResponseError: &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: status}},
			Err:      &smithy.GenericAPIError{Code: code, Message: msg},
		},
		RequestID: "req-1",
	}
}

func TestClassifyAndSentence(t *testing.T) {
	for _, tc := range []struct {
		name     string
		err      error
		kind     ErrorKind
		sentence string
	}{
		{"nil", nil, KindNone, ""},
		{"sagemaker throttling", opErr("SageMaker", "ListTrainingJobs", apiErr(400, "ThrottlingException", "Rate exceeded")),
			KindThrottled, "AWS throttled sagemaker:ListTrainingJobs (Rate exceeded); backing off."},
		{"cloudwatch query throttling", opErr("CloudWatch", "GetMetricData", apiErr(400, "Throttling", "Rate exceeded")),
			KindThrottled, "AWS throttled cloudwatch:GetMetricData (Rate exceeded); backing off."},
		{"api gateway", opErr("API Gateway", "GetRestApis", apiErr(429, "TooManyRequestsException", "Too Many Requests")),
			KindThrottled, "AWS throttled apigateway:GetRestApis (Too Many Requests); backing off."},
		{"s3 slow down", opErr("S3", "GetObject", apiErr(503, "SlowDown", "Please reduce your request rate.")),
			KindThrottled, "AWS throttled s3:GetObject (Please reduce your request rate.); backing off."},
		{"ec2-style limit", opErr("EFS", "DescribeFileSystems", apiErr(400, "RequestLimitExceeded", "Request limit exceeded.")),
			KindThrottled, "AWS throttled efs:DescribeFileSystems (Request limit exceeded.); backing off."},
		{"bare 429", opErr("Backup", "ListRestoreJobs", apiErr(429, "", "")),
			KindThrottled, "AWS throttled backup:ListRestoreJobs (HTTP 429); backing off."},
		{"client retry quota", opErr("SageMaker", "ListEndpoints", fmt.Errorf("retry quota exceeded: %w", ratelimit.QuotaExceededError{Available: 0, Requested: 5})),
			KindThrottled, "AWS throttled sagemaker:ListEndpoints (retry quota exceeded: retry quota exceeded, 0 available, 5 requested); backing off."},
		{"expired token", opErr("STS", "GetCallerIdentity", apiErr(403, "ExpiredToken", "The security token included in the request is expired")),
			KindExpired, "Credentials expired calling sts:GetCallerIdentity (The security token included in the request is expired): refresh them (e.g. aws sso login) and retry."},
		{"expired token exception", opErr("SageMaker", "ListDomains", apiErr(400, "ExpiredTokenException", "token expired")),
			KindExpired, "Credentials expired calling sagemaker:ListDomains (token expired): refresh them (e.g. aws sso login) and retry."},
		{"request expired", opErr("CloudWatch Logs", "GetLogEvents", apiErr(400, "RequestExpired", "Request has expired.")),
			KindExpired, "Credentials expired calling logs:GetLogEvents (Request has expired.): refresh them (e.g. aws sso login) and retry."},
		{"sso session", opErr("SageMaker", "ListEndpoints", fmt.Errorf("failed to refresh cached credentials, %w", &ssocreds.InvalidTokenError{})),
			KindExpired, "Credentials expired calling sagemaker:ListEndpoints (failed to refresh cached credentials, the SSO session has expired or is invalid): refresh them (e.g. aws sso login) and retry."},
		{"sso token text", opErr("SageMaker", "ListEndpoints", errors.New("refresh cached SSO token failed, unable to refresh SSO token")),
			KindExpired, "Credentials expired calling sagemaker:ListEndpoints (refresh cached SSO token failed, unable to refresh SSO token): refresh them (e.g. aws sso login) and retry."},
		{"access denied exception", opErr("SageMaker", "UpdateModelPackage", apiErr(400, "AccessDeniedException", "User: arn:aws:sts::1:assumed-role/DS/alice is not authorized to perform: sagemaker:UpdateModelPackage")),
			KindAccessDenied, "AWS denied sagemaker:UpdateModelPackage: User: arn:aws:sts::1:assumed-role/DS/alice is not authorized to perform: sagemaker:UpdateModelPackage."},
		{"s3 access denied", opErr("S3", "GetObject", apiErr(403, "AccessDenied", "Access Denied")),
			KindAccessDenied, "AWS denied s3:GetObject: Access Denied."},
		{"unauthorized operation", opErr("EFS", "DescribeFileSystems", apiErr(403, "UnauthorizedOperation", "You are not authorized.")),
			KindAccessDenied, "AWS denied efs:DescribeFileSystems: You are not authorized."},
		{"sagemaker not found", opErr("SageMaker", "DescribeTrainingJob", apiErr(400, "ValidationException", "Requested resource not found.")),
			KindNotFound, "sagemaker:DescribeTrainingJob: not found (Requested resource not found)."},
		{"resource not found", opErr("SageMaker", "DescribeDomain", apiErr(400, "ResourceNotFound", "Domain d-1 does not exist")),
			KindNotFound, "sagemaker:DescribeDomain: not found (Domain d-1 does not exist)."},
		{"no such key", opErr("S3", "GetObject", apiErr(404, "NoSuchKey", "The specified key does not exist.")),
			KindNotFound, "s3:GetObject: not found (The specified key does not exist)."},
		{"plain validation", opErr("SageMaker", "StartPipelineExecution", apiErr(400, "ValidationException", "Parameter Epochs must be an Integer")),
			KindOther, "sagemaker:StartPipelineExecution failed: ValidationException: Parameter Epochs must be an Integer."},
		{"5xx", opErr("SageMaker", "ListEndpoints", apiErr(503, "ServiceUnavailable", "Service is unavailable")),
			KindTransient, "sagemaker:ListEndpoints failed on AWS's side (Service is unavailable); will retry."},
		{"internal failure", opErr("CloudWatch", "DescribeAlarms", apiErr(500, "InternalFailure", "internal error")),
			KindTransient, "cloudwatch:DescribeAlarms failed on AWS's side (internal error); will retry."},
		{"transport", opErr("SageMaker", "ListEndpoints", &smithyhttp.RequestSendError{Err: &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}}),
			KindTransient, "Could not reach AWS for sagemaker:ListEndpoints (request send failed, dial tcp: connection refused)."},
		{"deadline", opErr("SageMaker", "StopTrainingJob", fmt.Errorf("request cancelled: %w", context.DeadlineExceeded)),
			KindTimeout, "sagemaker:StopTrainingJob timed out with no answer from AWS."},
		{"not from the SDK", errors.New("training job x does not exist"), KindOther, "Training job x does not exist."},
		{"multi-line message", opErr("SageMaker", "ListApps", apiErr(400, "ConflictException", "first line\n\tsecond line")),
			KindOther, "sagemaker:ListApps failed: ConflictException: first line second line."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Classify(tc.err); got != tc.kind {
				t.Errorf("Classify = %v, want %v", got, tc.kind)
			}
			if got := Sentence(tc.err); got != tc.sentence {
				t.Errorf("Sentence =\n  %q\nwant\n  %q", got, tc.sentence)
			}
		})
	}
}

func TestPredicatesAndUnknownOutcome(t *testing.T) {
	throttled := opErr("SageMaker", "ListTrainingJobs", apiErr(400, "ThrottlingException", "Rate exceeded"))
	denied := opErr("SageMaker", "StopTrainingJob", apiErr(400, "AccessDeniedException", "no"))
	timeout := opErr("SageMaker", "StopTrainingJob", context.DeadlineExceeded)
	transport := opErr("SageMaker", "StopTrainingJob", &smithyhttp.RequestSendError{Err: errors.New("connection reset by peer")})
	server := opErr("SageMaker", "StopTrainingJob", apiErr(500, "InternalFailure", "boom"))
	canceled := opErr("SageMaker", "StopTrainingJob", context.Canceled)

	if !IsThrottle(throttled) || IsThrottle(denied) {
		t.Error("IsThrottle wrong")
	}
	if !IsAccessDenied(denied) || IsAccessDenied(throttled) {
		t.Error("IsAccessDenied wrong")
	}
	if !IsTransient(timeout) || !IsTransient(transport) || !IsTransient(server) || IsTransient(denied) {
		t.Error("IsTransient wrong")
	}
	for _, err := range []error{timeout, transport, canceled} {
		if !IsUnknownOutcome(err) {
			t.Errorf("IsUnknownOutcome(%v) = false, want true", err)
		}
	}
	// AWS answered: the outcome is known (it failed).
	for _, err := range []error{denied, server, throttled} {
		if IsUnknownOutcome(err) {
			t.Errorf("IsUnknownOutcome(%v) = true, want false", err)
		}
	}
	if got := Operation(denied); got != "sagemaker:StopTrainingJob" {
		t.Errorf("Operation = %q", got)
	}
	if got := ErrorCode(denied); got != "AccessDeniedException" {
		t.Errorf("ErrorCode = %q", got)
	}
	if got := ErrorMessage(denied); got != "no" {
		t.Errorf("ErrorMessage = %q", got)
	}
}

func TestServiceKey(t *testing.T) {
	for id, want := range map[string]string{
		"SageMaker": "sagemaker", "SageMaker Runtime": "sagemaker-runtime", "CloudWatch Logs": "logs",
		"API Gateway": "apigateway", "STS": "sts", "Backup": "backup", "Something New": "something-new",
	} {
		if got := ServiceKey(id); got != want {
			t.Errorf("ServiceKey(%q) = %q, want %q", id, got, want)
		}
	}
}
