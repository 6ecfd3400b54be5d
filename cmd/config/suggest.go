package config

import (
	"reflect"
	"sort"
	"strings"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
)

// sections are the file's mapping types, by the name the YAML decoder
// gives them in its errors.
var sections = []reflect.Type{
	reflect.TypeFor[Config](), reflect.TypeFor[Intervals](), reflect.TypeFor[Sample](), reflect.TypeFor[Backups](),
	reflect.TypeFor[health.Config](), reflect.TypeFor[health.Thresholds](), reflect.TypeFor[domain.TagKeys](),
}

// knownKeys are the YAML keys of the type the decoder named.
func knownKeys(typeName string) []string {
	for _, t := range sections {
		if t.String() != typeName {
			continue
		}
		var keys []string
		for i := range t.NumField() {
			if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
				keys = append(keys, tag)
			}
		}
		sort.Strings(keys)
		return keys
	}
	return nil
}

// suggest names the known key closest to key, or lists them all.
func suggest(key string, known []string) string {
	if len(known) == 0 {
		return ""
	}
	for _, k := range known {
		if strings.HasPrefix(k, key) || strings.HasPrefix(key, k) {
			return " (did you mean " + k + "?)"
		}
	}
	best, bestD := "", len(key)/2+2
	for _, k := range known {
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return " (did you mean " + best + "?)"
	}
	return " (known keys: " + strings.Join(known, ", ") + ")"
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
