package server

import (
	"fmt"
	"net/http"
)

// Fault says whose fault an error is, as awsQuery's <Type> and the
// X-Amzn-Query-Error header report it.
type Fault string

const (
	FaultSender   Fault = "Sender"
	FaultReceiver Fault = "Receiver"
)

// ErrorCode is an error's code and HTTP status in one protocol or service.
type ErrorCode struct {
	Code   string
	Status int
}

// Error is an AWS error as a handler returns it. Code is the name the JSON
// and CBOR protocols use (the Smithy shape name). Query, when set, is how
// awsQuery names it (and what query-compatible services put in
// X-Amzn-Query-Error); restXml (S3) and per-service names come from
// s3ErrorCodes and Service.ErrorCodes.
type Error struct {
	Code    string
	Message string
	Status  int
	Fault   Fault
	Query   ErrorCode
	// Members are the error shape's members besides its message, written
	// into JSON and CBOR error bodies, e.g. SageMaker Runtime's ModelError
	// {OriginalStatusCode, OriginalMessage, LogStreamArn}.
	Members map[string]any
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// NewError makes a client (Sender) error with the given code and status.
func NewError(status int, code, format string, args ...any) *Error {
	fault := FaultSender
	if status >= 500 {
		fault = FaultReceiver
	}
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Status: status, Fault: fault}
}

// withQuery sets how awsQuery names the error.
func (e *Error) withQuery(code string, status int) *Error {
	e.Query = ErrorCode{Code: code, Status: status}
	return e
}

// ValidationException: the input breaks a constraint.
func ValidationException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "ValidationException", format, args...).withQuery("ValidationError", http.StatusBadRequest)
}

// ResourceNotFound is SageMaker's not-found error.
func ResourceNotFound(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "ResourceNotFound", format, args...)
}

// ResourceNotFoundException is the not-found error of Backup, Logs and
// CloudWatch (query: ResourceNotFound).
func ResourceNotFoundException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "ResourceNotFoundException", format, args...).withQuery("ResourceNotFound", http.StatusNotFound)
}

// ResourceInUse is SageMaker's conflict error.
func ResourceInUse(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "ResourceInUse", format, args...)
}

// AccessDeniedException: IAM refused the call (query and S3: AccessDenied, 403).
func AccessDeniedException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "AccessDeniedException", format, args...).withQuery("AccessDenied", http.StatusForbidden)
}

// ThrottlingException: rate exceeded (query: Throttling; S3: SlowDown).
func ThrottlingException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "ThrottlingException", format, args...).withQuery("Throttling", http.StatusBadRequest)
}

// UnrecognizedClientException: the access key is unknown (query:
// InvalidClientTokenId; S3: InvalidAccessKeyId).
func UnrecognizedClientException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "UnrecognizedClientException", format, args...).withQuery("InvalidClientTokenId", http.StatusForbidden)
}

// InvalidSignatureException: the signature does not match (query and S3:
// SignatureDoesNotMatch).
func InvalidSignatureException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "InvalidSignatureException", format, args...).withQuery("SignatureDoesNotMatch", http.StatusForbidden)
}

// IncompleteSignatureException: the Authorization header is malformed.
func IncompleteSignatureException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "IncompleteSignatureException", format, args...).withQuery("IncompleteSignature", http.StatusBadRequest)
}

// MissingAuthenticationToken: the request is not signed.
func MissingAuthenticationToken(format string, args ...any) *Error {
	return NewError(http.StatusForbidden, "MissingAuthenticationTokenException", format, args...).withQuery("MissingAuthenticationToken", http.StatusForbidden)
}

// ExpiredTokenException: the credentials have expired (query: ExpiredToken).
func ExpiredTokenException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "ExpiredTokenException", format, args...).withQuery("ExpiredToken", http.StatusBadRequest)
}

// SerializationException: the body cannot be read as the operation's input.
func SerializationException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "SerializationException", format, args...).withQuery("MalformedInput", http.StatusBadRequest)
}

// UnknownOperationException: no such operation (query: InvalidAction).
func UnknownOperationException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "UnknownOperationException", format, args...).withQuery("InvalidAction", http.StatusBadRequest)
}

// RequestEntityTooLarge: the body is over the service's limit.
func RequestEntityTooLarge(format string, args ...any) *Error {
	return NewError(http.StatusRequestEntityTooLarge, "ValidationException", format, args...).withQuery("ValidationError", http.StatusRequestEntityTooLarge)
}

// InternalFailure: the server failed (S3: InternalError).
func InternalFailure(format string, args ...any) *Error {
	return NewError(http.StatusInternalServerError, "InternalFailure", format, args...)
}

// ServiceUnavailable: the service is temporarily unavailable.
func ServiceUnavailable(format string, args ...any) *Error {
	return NewError(http.StatusServiceUnavailable, "ServiceUnavailable", format, args...)
}

// S3 errors.

// NoSuchKey: the object does not exist.
func NoSuchKey(key string) *Error {
	return NewError(http.StatusNotFound, "NoSuchKey", "The specified key does not exist. (%s)", key)
}

// NoSuchBucket: the bucket does not exist.
func NoSuchBucket(bucket string) *Error {
	return NewError(http.StatusNotFound, "NoSuchBucket", "The specified bucket does not exist (%s)", bucket)
}

// Backup, EFS and API Gateway errors.

// InvalidParameterValueException: a parameter has a bad value (Backup, EFS).
func InvalidParameterValueException(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "InvalidParameterValueException", format, args...)
}

// NotFoundException is API Gateway's not-found error.
func NotFoundException(format string, args ...any) *Error {
	return NewError(http.StatusNotFound, "NotFoundException", format, args...)
}

// TooManyRequestsException is API Gateway's throttling error.
func TooManyRequestsException(format string, args ...any) *Error {
	return NewError(http.StatusTooManyRequests, "TooManyRequestsException", format, args...)
}

// s3ErrorCodes renames the framework's errors the way S3 names them.
var s3ErrorCodes = map[string]ErrorCode{
	"AccessDeniedException":               {"AccessDenied", http.StatusForbidden},
	"ThrottlingException":                 {"SlowDown", http.StatusServiceUnavailable},
	"UnrecognizedClientException":         {"InvalidAccessKeyId", http.StatusForbidden},
	"InvalidSignatureException":           {"SignatureDoesNotMatch", http.StatusForbidden},
	"IncompleteSignatureException":        {"AuthorizationHeaderMalformed", http.StatusBadRequest},
	"MissingAuthenticationTokenException": {"AccessDenied", http.StatusForbidden},
	"ExpiredTokenException":               {"ExpiredToken", http.StatusBadRequest},
	"SerializationException":              {"MalformedXML", http.StatusBadRequest},
	"UnknownOperationException":           {"NotImplemented", http.StatusNotImplemented},
	"ValidationException":                 {"InvalidArgument", http.StatusBadRequest},
	"InternalFailure":                     {"InternalError", http.StatusInternalServerError},
	"ServiceUnavailable":                  {"ServiceUnavailable", http.StatusServiceUnavailable},
}

// restJSONErrorCodes gives REST JSON services the statuses their front door
// uses for the framework's errors.
var restJSONErrorCodes = map[string]ErrorCode{
	"AccessDeniedException":               {"AccessDeniedException", http.StatusForbidden},
	"UnrecognizedClientException":         {"UnrecognizedClientException", http.StatusForbidden},
	"InvalidSignatureException":           {"InvalidSignatureException", http.StatusForbidden},
	"ExpiredTokenException":               {"ExpiredTokenException", http.StatusForbidden},
	"MissingAuthenticationTokenException": {"MissingAuthenticationTokenException", http.StatusForbidden},
	"ThrottlingException":                 {"ThrottlingException", http.StatusTooManyRequests},
	"UnknownOperationException":           {"UnknownOperationException", http.StatusNotFound},
}

// rename returns e as named by table, or e itself when the table has no entry.
func (e *Error) rename(table map[string]ErrorCode) *Error {
	c, ok := table[e.Code]
	if !ok {
		return e
	}
	r := *e
	r.Code, r.Status = c.Code, c.Status
	r.Query = ErrorCode{}
	return &r
}

// asQuery returns the code and status awsQuery uses.
func (e *Error) asQuery() (string, int) {
	code, status := e.Code, e.Status
	if e.Query.Code != "" {
		code = e.Query.Code
	}
	if e.Query.Status != 0 {
		status = e.Query.Status
	}
	return code, status
}

// body is the JSON and CBOR error body: the code, the message in both
// spellings (services differ in which one their modeled errors use), and
// the error's other members.
func (e *Error) body() map[string]any {
	b := make(map[string]any, 3+len(e.Members))
	for k, v := range e.Members {
		b[k] = v
	}
	b["__type"], b["message"], b["Message"] = e.Code, e.Message, e.Message
	return b
}

// fault returns e's fault, deriving it from the status when unset.
func (e *Error) fault() Fault {
	if e.Fault != "" {
		return e.Fault
	}
	if e.Status >= 500 {
		return FaultReceiver
	}
	return FaultSender
}
