package jobs

import "github.com/agdash/agdash/views/kit"

var _ kit.Selector = (*Pane)(nil)

// Selected is the job open in detail or logs, else the one under the
// cursor.
func (p *Pane) Selected() (kit.Resource, bool) {
	if p.ctx == nil {
		return kit.Resource{}, false
	}
	j, ok := p.current()
	if !ok {
		return kit.Resource{}, false
	}
	return kit.Resource{Kind: kit.ResourceTrainingJob, Name: j.Name, ARN: j.ARN}, true
}
