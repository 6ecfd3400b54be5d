package metrics

import (
	"sort"
	"strconv"

	"github.com/agdash/agdash/backend/domain"
)

// HyperRow is one hyperparameter whose value differs between versions.
type HyperRow struct {
	Name   string
	Values []string // one per version, in the order given; Missing when absent
}

// HyperparameterDiff lists, by name, the hyperparameters whose values
// differ across versions. A version with no hyperparameters at all (its
// training job is not known) shows Missing everywhere but does not count
// as differing; among the others, a name some lack counts as differing.
// Values that parse as the same number ("0.1", "0.10") are equal.
func HyperparameterDiff(versions []domain.ModelVersion) []HyperRow {
	names := map[string]bool{}
	for _, v := range versions {
		for k := range v.Hyperparameter {
			names[k] = true
		}
	}
	sorted := make([]string, 0, len(names))
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)

	var rows []HyperRow
	for _, name := range sorted {
		row := HyperRow{Name: name, Values: make([]string, len(versions))}
		var first *string
		differs := false
		for i, v := range versions {
			val, ok := v.Hyperparameter[name]
			row.Values[i] = Missing
			if ok {
				row.Values[i] = val
			}
			if len(v.Hyperparameter) == 0 {
				continue // unknown, not different
			}
			if !ok {
				differs = true
				continue
			}
			if first == nil {
				first = &val
			} else if !sameHyper(*first, val) {
				differs = true
			}
		}
		if differs {
			rows = append(rows, row)
		}
	}
	return rows
}

func sameHyper(a, b string) bool {
	if a == b {
		return true
	}
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && fa == fb
}
