package aws

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// ErrorKind is what an AWS error means for agdash.
type ErrorKind int

const (
	KindNone         ErrorKind = iota
	KindThrottled              // slow down and try later
	KindExpired                // credentials expired: the user must refresh them
	KindAccessDenied           // IAM refused
	KindNotFound               // the resource does not exist (any more)
	KindTimeout                // no answer in time: outcome unknown
	KindTransient              // 5xx or transport failure: try later
	KindOther                  // anything else (validation, conflicts, ...)
)

// AWS error codes by meaning.
func isThrottleCode(code string) bool {
	switch code {
	case "ThrottlingException", "Throttling", "TooManyRequestsException", "SlowDown",
		"RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
		"ProvisionedThroughputExceededException", "BandwidthLimitExceeded":
		return true
	}
	return false
}

func isExpiredCode(code string) bool {
	switch code {
	case "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired":
		return true
	}
	return false
}

func isDeniedCode(code string) bool {
	switch code {
	case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
		"UnauthorizedException", "Forbidden":
		return true
	}
	return false
}

func isNotFoundCode(code string) bool {
	switch code {
	case "ResourceNotFound", "ResourceNotFoundException", "NotFoundException", "NotFound",
		"NoSuchKey", "NoSuchBucket", "FileSystemNotFound", "ResourceNotFoundFault":
		return true
	}
	return false
}

func isTransientCode(code string) bool {
	switch code {
	case "InternalFailure", "InternalServerError", "InternalServerException", "InternalError",
		"ServiceUnavailable", "ServiceUnavailableException", "ServiceException", "RequestTimeout",
		"RequestTimeoutException":
		return true
	}
	return false
}

// ssoExpired reports how the credential providers say an SSO session or
// cached token ran out; they come as plain errors, not API codes.
func ssoExpired(msg string) bool {
	for _, sub := range []string{
		"sso session has expired", "token is expired", "refresh cached sso token failed",
		"the security token included in the request is expired",
	} {
		if strings.Contains(msg, sub) {
			return true
		}
	}
	return false
}

// Classify says what err means; KindNone for nil.
func Classify(err error) ErrorKind {
	if err == nil {
		return KindNone
	}
	code := ErrorCode(err)
	msg := strings.ToLower(err.Error())
	var invalidSSO *ssocreds.InvalidTokenError
	var quota ratelimit.QuotaExceededError
	switch {
	case isThrottleCode(code) || errors.As(err, &quota) || httpStatus(err) == 429:
		return KindThrottled
	case isExpiredCode(code) || errors.As(err, &invalidSSO) || ssoExpired(msg):
		return KindExpired
	case isDeniedCode(code):
		return KindAccessDenied
	case isNotFoundCode(code) || httpStatus(err) == 404 || isSageMakerNotFound(code, msg):
		return KindNotFound
	case errors.Is(err, context.DeadlineExceeded) || isNetTimeout(err):
		return KindTimeout
	case isTransientCode(code) || httpStatus(err) >= 500 || isTransport(err):
		return KindTransient
	}
	return KindOther
}

// SageMaker answers a Describe of a missing resource with a
// ValidationException whose message says so.
func isSageMakerNotFound(code, msg string) bool {
	return code == "ValidationException" &&
		(strings.Contains(msg, "not found") || strings.Contains(msg, "does not exist"))
}

// IsThrottle reports a throttling error.
func IsThrottle(err error) bool { return Classify(err) == KindThrottled }

// IsExpired reports expired credentials (including an expired SSO session).
func IsExpired(err error) bool { return Classify(err) == KindExpired }

// IsAccessDenied reports an IAM refusal.
func IsAccessDenied(err error) bool { return Classify(err) == KindAccessDenied }

// IsNotFound reports a missing resource.
func IsNotFound(err error) bool { return Classify(err) == KindNotFound }

// IsTransient reports a server-side or transport failure worth retrying later.
func IsTransient(err error) bool { k := Classify(err); return k == KindTransient || k == KindTimeout }

// IsUnknownOutcome reports an error after which a mutating call may or may
// not have taken effect: timeouts, cancellations and transport failures.
func IsUnknownOutcome(err error) bool {
	k := Classify(err)
	return k == KindTimeout || (k == KindTransient && isTransport(err)) || errors.Is(err, context.Canceled)
}

// ErrorCode is the AWS error code ("ThrottlingException"), "" when err is
// not an API error.
func ErrorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// ErrorMessage is AWS's own message, on one line; err's text when it is
// not an API error.
func ErrorMessage(err error) string {
	var ae smithy.APIError
	msg := err.Error()
	if errors.As(err, &ae) {
		msg = ae.ErrorMessage()
		if msg == "" {
			msg = ae.ErrorCode()
		}
		if msg == "" && httpStatus(err) != 0 {
			msg = fmt.Sprintf("HTTP %d", httpStatus(err))
		}
	} else {
		var oe *smithy.OperationError
		if errors.As(err, &oe) && oe.Err != nil {
			msg = oe.Err.Error()
		}
	}
	return oneLine(msg)
}

// Operation names the call that failed, as "service:Operation", or "" when
// err did not come from an SDK call.
func Operation(err error) string {
	var oe *smithy.OperationError
	if errors.As(err, &oe) {
		return ServiceKey(oe.ServiceID) + ":" + oe.OperationName
	}
	return ""
}

// Sentence turns any error from this package into one sentence that names
// the operation, for the status line and notifications.
func Sentence(err error) string {
	if err == nil {
		return ""
	}
	op := Operation(err)
	if op == "" {
		return capitalise(oneLine(err.Error())) + "."
	}
	msg := ErrorMessage(err)
	switch Classify(err) {
	case KindThrottled:
		return fmt.Sprintf("AWS throttled %s (%s); backing off.", op, msg)
	case KindExpired:
		return fmt.Sprintf("Credentials expired calling %s (%s): refresh them (e.g. aws sso login) and retry.", op, msg)
	case KindAccessDenied:
		return fmt.Sprintf("AWS denied %s: %s.", op, strings.TrimSuffix(msg, "."))
	case KindNotFound:
		return fmt.Sprintf("%s: not found (%s).", op, strings.TrimSuffix(msg, "."))
	case KindTimeout:
		return fmt.Sprintf("%s timed out with no answer from AWS.", op)
	case KindTransient:
		if isTransport(err) {
			return fmt.Sprintf("Could not reach AWS for %s (%s).", op, msg)
		}
		return fmt.Sprintf("%s failed on AWS's side (%s); will retry.", op, msg)
	}
	if code := ErrorCode(err); code != "" && code != msg {
		return fmt.Sprintf("%s failed: %s: %s.", op, code, strings.TrimSuffix(msg, "."))
	}
	return fmt.Sprintf("%s failed: %s.", op, strings.TrimSuffix(msg, "."))
}

func httpStatus(err error) int {
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) {
		return re.HTTPStatusCode()
	}
	return 0
}

func isTransport(err error) bool {
	var send *smithyhttp.RequestSendError
	var netErr net.Error
	return errors.As(err, &send) || errors.As(err, &netErr) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

func isNetTimeout(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// oneLine folds whitespace runs (newlines included) into single spaces
// and bounds the length, so an AWS message fits a status line.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 300 {
		s = string(r[:299]) + "…"
	}
	return s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Explained wraps err so that its text is Sentence(err), while errors.As
// and the Is* predicates still see the SDK error beneath.
func Explained(err error) error {
	if err == nil {
		return nil
	}
	return &explained{err}
}

type explained struct{ err error }

func (e *explained) Error() string { return Sentence(e.err) }
func (e *explained) Unwrap() error { return e.err }
