package s3

import (
	"errors"
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// invalidArgument is S3's error for a bad parameter.
func invalidArgument(format string, args ...any) *server.Error {
	return server.NewError(http.StatusBadRequest, "InvalidArgument", format, args...)
}

// notFound is what HEAD requests get for a missing bucket or key: S3
// answers them with a bare 404 that the SDKs call NotFound.
func notFound() *server.Error {
	return server.NewError(http.StatusNotFound, "NotFound", "Not Found")
}

// fromWorld maps the world's errors to S3's codes.
func fromWorld(err error, bucket, key string) error {
	var nf world.ErrNotFound
	var inv world.ErrValidation
	switch {
	case errors.As(err, &nf) && nf.Kind == "Bucket":
		return server.NoSuchBucket(bucket)
	case errors.As(err, &nf):
		return server.NoSuchKey(key)
	case errors.As(err, &inv):
		return invalidArgument("%s", inv.Msg)
	}
	return err
}
