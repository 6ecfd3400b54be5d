package backup

import (
	"fmt"
	"math"
	"time"

	"github.com/agdash/agdash/backend/sandbox/svc/internal/paging"
)

// Backup lists accept 1 to 1000 results a page; with no MaxResults a page
// holds the most allowed.
const (
	maxResults     = 1000
	defaultResults = maxResults
)

// pageSize checks MaxResults and applies the default.
func pageSize(n *int32) (int, error) {
	if n == nil {
		return defaultResults, nil
	}
	if *n < 1 || *n > maxResults {
		return 0, invalidParameter("MaxResults must be between 1 and %d, got %d.", maxResults, *n)
	}
	return int(*n), nil
}

// newestFirst is a sort key under which later instants come first and ties
// go by id, so a token stays valid as new items arrive at the head.
func newestFirst(t time.Time, id string) string {
	return fmt.Sprintf("%019d|%s", math.MaxInt64-t.UnixNano(), id)
}

// paginate sorts items by key and returns the page that follows token (the
// key of the previous page's last item, behind "bk1:") and the token of the
// next page, nil on the last one.
func paginate[T any](items []T, key func(T) string, token *string, size int) ([]T, *string, error) {
	tokens := paging.Tokens{
		Prefix:  "bk1:",
		Invalid: func(string) error { return invalidParameter("The NextToken is invalid.") },
	}
	return paging.SortedPage(tokens, items, key, token, size)
}
