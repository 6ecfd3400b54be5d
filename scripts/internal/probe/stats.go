package probe

import (
	"slices"
	"time"
)

// Median of ds (the mean of the middle two for an even count); 0 for none.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// DataMarker is, for a pane, text that only its rows show once its first
// data has arrived on the sandbox account.
func DataMarker(pane string) string {
	switch pane {
	case "jobs":
		return "InProgress"
	case "pipelines":
		return "Succeeded"
	case "registry":
		return "hdb-resale-valuation" // a group's row: the list shows no status word
	case "endpoints":
		return "InService"
	case "backups":
		return "fs-"
	}
	return "CreateCompleted" // projects
}

// HeaderMarker is on the first frame agdash draws: its header line.
const HeaderMarker = " agdash │ "
