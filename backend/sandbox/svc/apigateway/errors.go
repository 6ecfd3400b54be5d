package apigateway

import (
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// badRequest is API Gateway's error for a malformed request.
func badRequest(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "BadRequestException", format, args...)
}

// notFound words a missing API, stage or resource as API Gateway does:
// "Invalid API identifier specified 123456789012:abc123".
func notFound(what string, call *server.Call, id string) *server.Error {
	return server.NotFoundException("Invalid %s identifier specified %s:%s", what, call.Principal.Account, id)
}
