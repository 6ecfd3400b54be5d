package apigateway

import (
	"encoding/base64"
	"strings"
)

// API Gateway pages hold 25 items unless asked for up to 500.
const (
	defaultLimit = 25
	maxLimit     = 500
)

// positionPrefix marks the positions this service issues.
const positionPrefix = "apigw1:"

// pageLimit checks limit and applies the default.
func pageLimit(limit *int32) (int, error) {
	if limit == nil {
		return defaultLimit, nil
	}
	if *limit < 1 || *limit > maxLimit {
		return 0, badRequest("Invalid limit %d: it must be between 1 and %d.", *limit, maxLimit)
	}
	return int(*limit), nil
}

// page returns the items of key-sorted items after position, at most
// limit, and the position of the next page (nil on the last).
func page[T any](items []T, key func(T) string, position *string, limit int) ([]T, *string, error) {
	start := 0
	if position != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*position)
		after, ok := strings.CutPrefix(string(raw), positionPrefix)
		if err != nil || !ok {
			return nil, nil, badRequest("Invalid position parameter")
		}
		for start < len(items) && key(items[start]) <= after {
			start++
		}
	}
	end := min(start+limit, len(items))
	var next *string
	if end < len(items) {
		p := base64.RawURLEncoding.EncodeToString([]byte(positionPrefix + key(items[end-1])))
		next = &p
	}
	return items[start:end], next, nil
}
