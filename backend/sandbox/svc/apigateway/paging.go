package apigateway

import "github.com/agdash/agdash/backend/sandbox/svc/internal/paging"

// API Gateway pages hold 25 items unless asked for up to 500.
const (
	defaultLimit = 25
	maxLimit     = 500
)

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

// page sorts items by key and returns the page after position, at most
// limit, and the position of the next page ("apigw1:" and the last key),
// nil on the last.
func page[T any](items []T, key func(T) string, position *string, limit int) ([]T, *string, error) {
	positions := paging.Tokens{
		Prefix:  "apigw1:",
		Invalid: func(string) error { return badRequest("Invalid position parameter") },
	}
	return paging.SortedPage(positions, items, key, position, limit)
}
