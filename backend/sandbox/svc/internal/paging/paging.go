// Package paging is the sandbox services' page tokens (Tokens: a prefix of
// the service's own and a position, base64url-encoded) and the paging of
// lists ordered by a string key whose tokens name the last item served
// (AWS Backup, EFS, API Gateway): such a token stays valid as items come
// and go, the next page starting after its key wherever that now is.
//
// Each service keeps its own token prefix and its own error for a token it
// did not issue. SageMaker pages its short lists by offset (svc/sagemaker
// pageOf) but writes its tokens with Tokens too, as S3 does.
package paging

import (
	"encoding/base64"
	"slices"
	"sort"
	"strings"
)

// Tokens is one service's token format: unpadded base64url of Prefix and
// the key of the last item served.
type Tokens struct {
	// Prefix marks the tokens this service issues.
	Prefix string
	// Invalid is the service's error for a token it did not issue.
	Invalid func(token string) error
}

// Encode is the token that resumes after key.
func (tk Tokens) Encode(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(tk.Prefix + key))
}

// Decode is the key a token resumes after.
func (tk Tokens) Decode(token string) (string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	key, ok := strings.CutPrefix(string(raw), tk.Prefix)
	if err != nil || !ok {
		return "", tk.Invalid(token)
	}
	return key, nil
}

// Page returns the items after token (all of them for a nil token), at
// most size, and the token of the next page, nil on the last. items must
// be sorted by key, and keys must be unique.
func Page[T any](tk Tokens, items []T, key func(T) string, token *string, size int) ([]T, *string, error) {
	start := 0
	if token != nil {
		after, err := tk.Decode(*token)
		if err != nil {
			return nil, nil, err
		}
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > after })
	}
	end := min(start+size, len(items))
	var next *string
	if end < len(items) {
		t := tk.Encode(key(items[end-1]))
		next = &t
	}
	return items[start:end], next, nil
}

// SortedPage sorts a copy of items by key (the caller's slice may be the
// world's) and returns its page as Page does.
func SortedPage[T any](tk Tokens, items []T, key func(T) string, token *string, size int) ([]T, *string, error) {
	type keyed struct {
		key  string
		item T
	}
	byKey := make([]keyed, len(items))
	for i, it := range items {
		byKey[i] = keyed{key(it), it}
	}
	slices.SortFunc(byKey, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	sorted := make([]T, len(byKey))
	for i, k := range byKey {
		sorted[i] = k.item
	}
	return Page(tk, sorted, key, token, size)
}
