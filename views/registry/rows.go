package registry

import (
	"sort"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
)

// maxHeads is how many headline metrics the versions list shows.
const maxHeads = 2

// approvedVersion is the newest approved version: the one in production,
// against which candidates are measured. 0 when none is approved.
func approvedVersion(vs []domain.ModelVersion) int {
	best := 0
	for _, v := range vs {
		if v.Approval == domain.ApprovalApproved {
			best = max(best, v.Version)
		}
	}
	return best
}

// versionRows makes the list's rows and names its headline metric
// columns: the first metrics of the group's comparison, so they follow
// the report format's canonical order (rmse first for regression, auc for
// binary classification).
func versionRows(vs []domain.ModelVersion) ([]versionRow, []string) {
	c := metrics.Compare(vs, approvedVersion(vs))
	var heads []string
	for i := 0; i < len(c.Rows) && i < maxHeads; i++ {
		heads = append(heads, c.Rows[i].Metric)
	}
	nums := make([]numbers, len(heads)) // a column's values share their decimals
	for h := range heads {
		nums[h] = numbersOf(c.Rows[h])
	}
	rows := make([]versionRow, len(vs))
	for i, v := range vs {
		rows[i] = versionRow{ModelVersion: v, ReportNote: reportNote(v), HeadNumbers: nums}
		for h := range heads {
			rows[i].Head = append(rows[i].Head, c.Rows[h].Cells[i])
		}
	}
	return rows, heads
}

// findVersion returns the version numbered n.
func findVersion(vs []domain.ModelVersion, n int) (domain.ModelVersion, bool) {
	for _, v := range vs {
		if v.Version == n {
			return v, true
		}
	}
	return domain.ModelVersion{}, false
}

// pickVersions returns the versions whose numbers are in nums, oldest
// first, so a comparison reads left to right as the model evolved.
func pickVersions(vs []domain.ModelVersion, nums []int) []domain.ModelVersion {
	want := map[int]bool{}
	for _, n := range nums {
		want[n] = true
	}
	var out []domain.ModelVersion
	for _, v := range vs {
		if want[v.Version] {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}
