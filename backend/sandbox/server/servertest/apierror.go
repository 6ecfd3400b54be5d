package servertest

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
)

// APIError returns err's AWS error code and message, failing the test if
// err is not an AWS API error.
func APIError(t testing.TB, err error) (code, message string) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("err = %v (%T), want an AWS API error", err, err)
	}
	return ae.ErrorCode(), ae.ErrorMessage()
}

// WantCode fails the test unless err is an AWS API error with code, and
// returns its message.
func WantCode(t testing.TB, err error, code string) string {
	t.Helper()
	got, msg := APIError(t, err)
	if got != code {
		t.Fatalf("error code = %q (%s), want %q", got, msg, code)
	}
	return msg
}

// WantCodeContaining reports an error unless err is an AWS API error with
// code whose message contains part.
func WantCodeContaining(t testing.TB, err error, code, part string) {
	t.Helper()
	got, msg := APIError(t, err)
	if got != code || !strings.Contains(msg, part) {
		t.Errorf("got %s %q, want %s containing %q", got, msg, code, part)
	}
}
