package efs

import (
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// badRequest is EFS's error for any malformed request or bad parameter.
func badRequest(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "BadRequest", format, args...)
}

// fileSystemNotFound is EFS's answer for an unknown file system id.
func fileSystemNotFound(id string) *server.Error {
	return server.NewError(http.StatusNotFound, "FileSystemNotFound", "File system '%s' does not exist.", id)
}
