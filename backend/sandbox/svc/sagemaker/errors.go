package sagemaker

import (
	"errors"
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// fromWorld turns a world error into SageMaker's error. notFound words the
// operation's own not-found answer: SageMaker uses ResourceNotFound for some
// kinds and ValidationException for others, each with its own message.
func fromWorld(err error, notFound func() *server.Error) error {
	if err == nil {
		return nil
	}
	var nf world.ErrNotFound
	var inval world.ErrValidation
	var inUse world.ErrInUse
	var conflict world.ErrConflict
	var limit world.ErrLimitExceeded
	switch {
	case errors.As(err, &nf):
		if notFound != nil {
			return notFound()
		}
		return server.ResourceNotFound("%s %s does not exist.", nf.Kind, nf.Name)
	case errors.As(err, &inval):
		return server.ValidationException("%s", inval.Msg)
	case errors.As(err, &inUse):
		return server.ResourceInUse("%s", inUse.Error())
	case errors.As(err, &conflict):
		return server.NewError(http.StatusBadRequest, "ConflictException", "%s", conflict.Msg)
	case errors.As(err, &limit):
		return server.NewError(http.StatusBadRequest, "ResourceLimitExceeded", "%s", limit.Msg)
	}
	return err
}

// missing is AWS's answer to an absent required member that the struct tag
// cannot catch (an empty string, or a member required only sometimes).
func missing(member string) error {
	return server.ValidationException("1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", member)
}
