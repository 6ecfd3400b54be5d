package runtime

import (
	"errors"
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// SageMaker Runtime's errors, with the HTTP statuses its model gives them.

func validationError(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "ValidationError", format, args...)
}

// modelError is the container's failure, passed on with its own status
// and message (HTTP 424 Failed Dependency).
func modelError(m world.ErrModel) *server.Error {
	e := server.NewError(http.StatusFailedDependency, "ModelError", "%s", m.Message)
	e.Members = map[string]any{
		"OriginalStatusCode": m.OriginalStatusCode,
		"OriginalMessage":    m.OriginalMessage,
		"LogStreamArn":       m.LogStreamArn,
	}
	return e
}

// worldError maps the world's typed errors to SageMaker Runtime's.
func worldError(err error) error {
	var v world.ErrValidation
	var m world.ErrModel
	switch {
	case err == nil:
		return nil
	case errors.As(err, &m):
		return modelError(m)
	case errors.As(err, &v):
		return validationError("%s", v.Msg)
	}
	return err
}
