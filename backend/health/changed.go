package health

import (
	"sort"
	"strings"
	"unicode"

	"github.com/agdash/agdash/backend/domain"
)

// Changed reports whether health changed in a way worth telling someone:
// a different level, or a different set of reasons once their numbers are
// ignored. A 5xx rate moving from 6.1 % to 6.3 % is not a change; a new
// firing alarm is.
func Changed(before, after domain.Health) bool {
	if before.Level != after.Level {
		return true
	}
	a, b := shapes(before.Reasons), shapes(after.Reasons)
	if len(a) != len(b) {
		return true
	}
	for i := range a {
		if a[i] != b[i] {
			return true
		}
	}
	return false
}

// shapes are the reasons with every number replaced by "#", sorted.
func shapes(reasons []string) []string {
	out := make([]string, len(reasons))
	for i, r := range reasons {
		out[i] = withoutNumbers(r)
	}
	sort.Strings(out)
	return out
}

func withoutNumbers(s string) string {
	var b strings.Builder
	inNumber := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			if !inNumber {
				b.WriteByte('#')
			}
			inNumber = true
		case inNumber && (r == '.' || r == ','):
			// part of the number
		default:
			inNumber = false
			b.WriteRune(r)
		}
	}
	return b.String()
}
