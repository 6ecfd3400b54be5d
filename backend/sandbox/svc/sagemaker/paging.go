package sagemaker

import (
	"strconv"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/paging"
)

// Paging follows SageMaker: MaxResults has a per-operation default and
// range, and NextToken is opaque. Tokens here are base64 of the operation
// name and a position, so a token from another operation (or a made-up
// one) is refused with ValidationException.

// pageSize checks MaxResults against [lo, hi] and applies the default.
func pageSize(max *int32, def, lo, hi int32) (int, error) {
	if max == nil {
		return int(def), nil
	}
	if *max < lo {
		return 0, server.ValidationException("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to %d", *max, lo)
	}
	if *max > hi {
		return 0, server.ValidationException("1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to %d", *max, hi)
	}
	return int(*max), nil
}

// tokens are op's page tokens: the operation's name, NUL and a position.
func tokens(op string) paging.Tokens {
	return paging.Tokens{Prefix: op + "\x00", Invalid: func(string) error { return invalidToken() }}
}

// encodeToken wraps a position for op.
func encodeToken(op, pos string) *string {
	s := tokens(op).Encode(pos)
	return &s
}

// decodeToken unwraps a token made by encodeToken for op; "" means the
// first page.
func decodeToken(op string, token *string) (string, error) {
	if token == nil || *token == "" {
		return "", nil
	}
	pos, err := tokens(op).Decode(*token)
	if err != nil || pos == "" {
		return "", invalidToken()
	}
	return pos, nil
}

func invalidToken() error {
	return server.ValidationException("The NextToken value is invalid.")
}

// listPage is one page of a small, fully materialised list.
type listPage[T any] struct {
	Items []T
	Next  *string
}

// pageOf cuts one page out of items, which the caller has filtered and
// sorted. The token is an offset: fine for the lists it serves, which hold
// at most a few hundred items that are never deleted.
func pageOf[T any](op string, items []T, token *string, max *int32, def, lo, hi int32) (listPage[T], error) {
	size, err := pageSize(max, def, lo, hi)
	if err != nil {
		return listPage[T]{}, err
	}
	pos, err := decodeToken(op, token)
	if err != nil {
		return listPage[T]{}, err
	}
	off := 0
	if pos != "" {
		off, err = strconv.Atoi(pos)
		if err != nil || off < 0 || off > len(items) {
			return listPage[T]{}, invalidToken()
		}
	}
	end := min(off+size, len(items))
	page := listPage[T]{Items: items[off:end]}
	if page.Items == nil {
		page.Items = []T{}
	}
	if end < len(items) {
		page.Next = encodeToken(op, strconv.Itoa(end))
	}
	return page, nil
}
