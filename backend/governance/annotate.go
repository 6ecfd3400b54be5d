package governance

import (
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// Annotate returns copies of the input's projects with Members, Usage and
// FindingCount filled in, and the findings themselves: everything the
// projects feed derives, in one call.
func Annotate(in Input, now time.Time) ([]domain.Project, []domain.Finding) {
	findings := Findings(in)
	members := Members(in.Projects, in.Users)
	usage := Usage(in, now)
	counts := map[string]int{}
	for _, f := range findings {
		counts[f.Project]++
	}
	out := make([]domain.Project, len(in.Projects))
	for i, p := range in.Projects {
		p.Members = members[p.Name]
		p.Usage = usage[p.Name]
		p.FindingCount = counts[p.Name]
		out[i] = p
	}
	return out, findings
}
