package backup

import (
	"encoding/base64"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
)

// Backup lists accept 1 to 1000 results a page; with no MaxResults a page
// holds the most allowed.
const (
	maxResults     = 1000
	defaultResults = maxResults
)

// tokenPrefix marks the NextTokens this service issues.
const tokenPrefix = "bk1:"

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
// key of the previous page's last item) and the token of the next page, ""
// on the last one.
func paginate[T any](items []T, key func(T) string, token *string, size int) ([]T, *string, error) {
	items = slices.Clone(items) // the caller's slice may be the world's
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = key(it)
	}
	sort.Sort(byKey[T]{items, keys})
	start := 0
	if token != nil {
		after, err := decodeToken(*token)
		if err != nil {
			return nil, nil, err
		}
		start = sort.SearchStrings(keys, after)
		if start < len(keys) && keys[start] == after {
			start++
		}
	}
	end := min(start+size, len(items))
	var next *string
	if end < len(items) {
		t := encodeToken(keys[end-1])
		next = &t
	}
	return items[start:end], next, nil
}

func encodeToken(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(tokenPrefix + key))
}

func decodeToken(token string) (string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	key, ok := strings.CutPrefix(string(raw), tokenPrefix)
	if err != nil || !ok {
		return "", invalidParameter("The NextToken is invalid.")
	}
	return key, nil
}

// byKey sorts items together with their keys.
type byKey[T any] struct {
	items []T
	keys  []string
}

func (b byKey[T]) Len() int           { return len(b.items) }
func (b byKey[T]) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey[T]) Swap(i, j int) {
	b.items[i], b.items[j] = b.items[j], b.items[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
