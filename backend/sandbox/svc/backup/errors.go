package backup

import (
	"errors"
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Backup's own error codes, as its API model names them. All are client
// errors answered with HTTP 400.

func invalidParameter(format string, args ...any) *server.Error {
	return server.InvalidParameterValueException(format, args...)
}

func missingParameter(name string) *server.Error {
	return server.NewError(http.StatusBadRequest, "MissingParameterValueException", "%s is required.", name)
}

func invalidRequest(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "InvalidRequestException", format, args...)
}

func notFound(format string, args ...any) *server.Error {
	return server.ResourceNotFoundException(format, args...)
}

// fromWorld maps the world's typed errors to Backup's codes; what names a
// missing resource says so in Backup's words.
func fromWorld(err error) error {
	var nf world.ErrNotFound
	var inv world.ErrValidation
	var conflict world.ErrConflict
	switch {
	case errors.As(err, &nf):
		switch nf.Kind {
		case "BackupVault":
			return notFound("Backup vault %s does not exist.", nf.Name)
		case "RecoveryPoint":
			return notFound("Recovery point %s does not exist.", nf.Name)
		case "RestoreJob":
			return notFound("Restore job %s does not exist.", nf.Name)
		}
		return notFound("%s %s does not exist.", nf.Kind, nf.Name)
	case errors.As(err, &inv):
		return invalidParameter("%s", inv.Msg)
	case errors.As(err, &conflict):
		return invalidRequest("%s", conflict.Msg)
	}
	return err
}
