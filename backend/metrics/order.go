package metrics

import (
	"sort"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// headlines are the metrics people look at first, per report format, in
// order of preference.
func headlines(format string) []string {
	switch format {
	case FormatRegression:
		return []string{"rmse", "mse", "mae", "r2"}
	case FormatBinary:
		return []string{"auc", "f1", "accuracy"}
	case FormatMulticlass:
		return []string{"weighted_f1", "accuracy", "weighted_recall"}
	}
	return []string{"rmse", "auc", "f1", "weighted_f1", "accuracy", "r2", "mae", "mse"}
}

// headlineRank is the position of name among the format's headline
// candidates ("test_rmse" and "validation:rmse" count as rmse), or -1.
func headlineRank(format, name string) int {
	n := strings.ToLower(name)
	for i, h := range headlines(format) {
		if n == h || strings.HasSuffix(n, ":"+h) || strings.HasSuffix(n, "_"+h) {
			return i
		}
	}
	return -1
}

// SortNames orders metric names canonically for a report format: the
// single best headline candidate present first, then the rest by name.
func SortNames(format string, names []string) {
	head := -1
	for i, n := range names {
		r := headlineRank(format, n)
		if r >= 0 && (head < 0 || r < headlineRank(format, names[head]) ||
			r == headlineRank(format, names[head]) && lessName(n, names[head])) {
			head = i
		}
	}
	headName := ""
	if head >= 0 {
		headName = names[head]
	}
	sort.SliceStable(names, func(i, j int) bool {
		if (names[i] == headName) != (names[j] == headName) {
			return names[i] == headName
		}
		return lessName(names[i], names[j])
	})
}

// SortMetrics orders a report's metrics like SortNames.
func SortMetrics(format string, ms []domain.ReportMetric) {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	SortNames(format, names)
	rank := make(map[string]int, len(names))
	for i, n := range names {
		rank[n] = i
	}
	sort.SliceStable(ms, func(i, j int) bool { return rank[ms[i].Name] < rank[ms[j].Name] })
}

// Headline is the report's headline metric: the one it lists first.
func Headline(r domain.MetricsReport) (domain.ReportMetric, bool) {
	if len(r.Metrics) == 0 {
		return domain.ReportMetric{}, false
	}
	return r.Metrics[0], true
}

// lessName sorts case-insensitively, then exactly, so order is total.
func lessName(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	if la != lb {
		return la < lb
	}
	return a < b
}
