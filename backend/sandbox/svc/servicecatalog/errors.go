package servicecatalog

import (
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// Service Catalog's own error codes, as its API model names them. Both are
// client errors answered with HTTP 400.

func invalidParameters(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "InvalidParametersException", format, args...)
}

func notFound(format string, args ...any) *server.Error {
	return server.ResourceNotFoundException(format, args...)
}
