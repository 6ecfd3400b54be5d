package sagemaker

import (
	"cmp"
	"time"
)

// Most of SageMaker's List* calls filter by name and creation time, sort by
// name or creation time (some also by status) and page: listNamed does
// that once for them all.

// listQuery is the request members those calls share.
type listQuery struct {
	CreationTimeAfter  *time.Time
	CreationTimeBefore *time.Time
	NameContains       *string
	SortBy             string
	SortOrder          string
	MaxResults         *int32
	NextToken          *string
}

// listSpec is what differs between those calls.
type listSpec struct {
	op           string   // the operation, named in its page tokens
	sortBy       []string // the SortBy values it accepts
	defaultOrder string   // its SortOrder when the request has none
}

// listKey is what a list filters and sorts one item by.
type listKey struct {
	name    string
	created time.Time
	status  string
}

// listNamed keeps the items whose name contains q.NameContains and that
// were created within q's window, sorts them by q.SortBy (creation time
// unless Name or Status; ties go by the other of name and time) in
// q.SortOrder, and returns the page q asks for.
func listNamed[T any](spec listSpec, q listQuery, items []T, key func(T) listKey) (listPage[T], error) {
	if err := checkSort(q.SortBy, q.SortOrder, spec.sortBy...); err != nil {
		return listPage[T]{}, err
	}
	var kept []T
	for _, it := range items {
		k := key(it)
		if containsFold(k.name, q.NameContains) && within(k.created, q.CreationTimeAfter, q.CreationTimeBefore) {
			kept = append(kept, it)
		}
	}
	sortItems(kept, descending(q.SortOrder, spec.defaultOrder), func(a, b T) int {
		ka, kb := key(a), key(b)
		switch q.SortBy {
		case "Name":
			return byName(ka.name, kb.name, ka.created, kb.created)
		case "Status":
			if c := cmp.Compare(ka.status, kb.status); c != 0 {
				return c
			}
		}
		return byTime(ka.created, kb.created, ka.name, kb.name)
	})
	return pageOf(spec.op, kept, q.NextToken, q.MaxResults, 10, 1, 100)
}
