package cloudwatch

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// CloudWatch's own errors, named as its JSON and CBOR protocols name them
// (the Smithy shape) and as awsQuery does.

func invalidParameterValue(format string, args ...any) *server.Error {
	return cwError("InvalidParameterValueException", "InvalidParameterValue", format, args...)
}

func invalidParameterCombination(format string, args ...any) *server.Error {
	return cwError("InvalidParameterCombinationException", "InvalidParameterCombination", format, args...)
}

func missingParameter(format string, args ...any) *server.Error {
	return cwError("MissingRequiredParameterException", "MissingParameter", format, args...)
}

func invalidNextToken() *server.Error {
	return cwError("InvalidNextToken", "InvalidNextToken", "The service cannot process the specified NextToken.")
}

func cwError(code, queryCode, format string, args ...any) *server.Error {
	return &server.Error{
		Code:    code,
		Message: fmt.Sprintf(format, args...),
		Status:  http.StatusBadRequest,
		Fault:   server.FaultSender,
		Query:   server.ErrorCode{Code: queryCode, Status: http.StatusBadRequest},
	}
}

// worldError maps the world's typed errors to CloudWatch's.
func worldError(err error) error {
	var v world.ErrValidation
	var nf world.ErrNotFound
	switch {
	case err == nil:
		return nil
	case errors.As(err, &v):
		return server.ValidationException("%s", v.Msg)
	case errors.As(err, &nf):
		return server.ResourceNotFoundException("%s %s does not exist.", nf.Kind, nf.Name)
	}
	return err
}
