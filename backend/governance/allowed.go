package governance

import (
	"path"
	"strings"
)

// Allowed reports whether an instance type is within a limit: a list of
// exact names ("ml.m5.xlarge") and shell-style patterns ("ml.m5.*",
// "ml.g5.?xlarge"), compared case-insensitively. An empty limit allows
// everything (no limit is set); a malformed pattern matches only itself.
func Allowed(limit []string, instanceType string) bool {
	if len(limit) == 0 {
		return true
	}
	it := strings.ToLower(instanceType)
	for _, pattern := range limit {
		p := strings.ToLower(pattern)
		if p == it {
			return true
		}
		if ok, err := path.Match(p, it); err == nil && ok {
			return true
		}
	}
	return false
}

// limitText is a limit as written in a finding: "ml.m5.xlarge, ml.m5.2xlarge".
func limitText(limit []string) string {
	return strings.Join(limit, ", ")
}
