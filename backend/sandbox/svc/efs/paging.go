package efs

import (
	"encoding/base64"
	"strings"
)

// markerPrefix marks the markers and tokens this service issues.
const markerPrefix = "efs1:"

// pageSize checks a page size (MaxItems, MaxResults: at least 1) and applies
// the default, which is also the most a page holds.
func pageSize(n *int32, name string, max int) (int, error) {
	if n == nil {
		return max, nil
	}
	if *n < 1 {
		return 0, badRequest("%s must be at least 1, got %d.", name, *n)
	}
	return min(int(*n), max), nil
}

// page returns the items of keys-sorted items after marker, at most size,
// and the marker of the next page, nil on the last.
func page[T any](items []T, key func(T) string, marker *string, size int) ([]T, *string, error) {
	start := 0
	if marker != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*marker)
		after, ok := strings.CutPrefix(string(raw), markerPrefix)
		if err != nil || !ok {
			return nil, nil, badRequest("The marker %q is not valid.", *marker)
		}
		for start < len(items) && key(items[start]) <= after {
			start++
		}
	}
	end := min(start+size, len(items))
	var next *string
	if end < len(items) {
		m := base64.RawURLEncoding.EncodeToString([]byte(markerPrefix + key(items[end-1])))
		next = &m
	}
	return items[start:end], next, nil
}
