package server

import (
	"errors"
	"io"
	"net/http"
)

// readBody reads the request body into rq.body, refusing bodies over the
// service's limit.
func (s *Server) readBody(rq *request) *Error {
	limit := s.maxBody
	if rq.svc != nil && rq.svc.MaxBodyBytes > 0 {
		limit = rq.svc.MaxBodyBytes
	}
	tooLarge := func(n int64) *Error {
		if rq.proto.ID() == ProtocolRESTXML {
			return NewError(http.StatusBadRequest, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size (%d bytes).", limit)
		}
		name := "this service"
		if rq.svc != nil {
			name = rq.svc.Name
		}
		if n > 0 {
			return RequestEntityTooLarge("Request body of %d bytes exceeds the %d-byte limit of %s.", n, limit, name)
		}
		return RequestEntityTooLarge("Request body exceeds the %d-byte limit of %s.", limit, name)
	}
	if rq.r.ContentLength > limit {
		return tooLarge(rq.r.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(rq.r.Body, limit+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return tooLarge(0)
		}
		return SerializationException("Could not read the request body: %v", err)
	}
	if int64(len(body)) > limit {
		return tooLarge(0)
	}
	rq.body = body
	return nil
}
