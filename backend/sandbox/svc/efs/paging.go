package efs

import "github.com/agdash/agdash/backend/sandbox/svc/internal/paging"

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

// page returns the items of key-sorted items after marker, at most size,
// and the marker of the next page ("efs1:" and the last key), nil on the
// last.
func page[T any](items []T, key func(T) string, marker *string, size int) ([]T, *string, error) {
	markers := paging.Tokens{
		Prefix:  "efs1:",
		Invalid: func(m string) error { return badRequest("The marker %q is not valid.", m) },
	}
	return paging.Page(markers, items, key, marker, size)
}
