package sagemaker

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// checkEnum refuses a value outside an enum, as AWS words it; "" passes.
func checkEnum[S ~string](member string, v S, allowed ...string) error {
	if v == "" || slices.Contains(allowed, string(v)) {
		return nil
	}
	return server.ValidationException("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [%s]",
		v, member, strings.Join(allowed, ", "))
}

// checkSort refuses a SortBy outside keys, and a SortOrder other than
// Ascending or Descending; "" passes.
func checkSort[B, O ~string](sortBy B, sortOrder O, keys ...string) error {
	if err := checkEnum("sortBy", sortBy, keys...); err != nil {
		return err
	}
	return checkEnum("sortOrder", sortOrder, sortOrders...)
}

// within reports whether t is strictly between after and before (each
// optional), as SageMaker's CreationTimeAfter/Before filters compare.
func within(t time.Time, after, before *time.Time) bool {
	if after != nil && !t.After(*after) {
		return false
	}
	if before != nil && !t.Before(*before) {
		return false
	}
	return true
}

// containsFold reports whether s contains sub, ignoring case (NameContains).
func containsFold(s string, sub *string) bool {
	return sub == nil || strings.Contains(strings.ToLower(s), strings.ToLower(*sub))
}

// sortItems sorts items stably by key order, reversed when descending;
// ties keep their order.
func sortItems[T any](items []T, descending bool, compare func(a, b T) int) {
	slices.SortStableFunc(items, func(a, b T) int {
		if descending {
			return compare(b, a)
		}
		return compare(a, b)
	})
}

// byTime compares two instants, then two names.
func byTime(a, b time.Time, an, bn string) int {
	if c := a.Compare(b); c != 0 {
		return c
	}
	return cmp.Compare(an, bn)
}

// byName compares names, then instants.
func byName(an, bn string, a, b time.Time) int {
	if c := cmp.Compare(an, bn); c != 0 {
		return c
	}
	return a.Compare(b)
}

// descending reports whether order asks for descending order, given the
// operation's default.
func descending[S ~string](order S, def string) bool {
	if order == "" {
		return def == "Descending"
	}
	return order == "Descending"
}

// Common enums.
var sortOrders = []string{"Ascending", "Descending"}
