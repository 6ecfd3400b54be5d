package projects

import "github.com/agdash/agdash/views/kit"

var _ kit.Selector = (*Pane)(nil)

// Selected is the project (or Studio domain) open in detail, else the one
// under the cursor.
func (p *Pane) Selected() (kit.Resource, bool) {
	if p.ctx == nil {
		return kit.Resource{}, false
	}
	if p.showDomains {
		id := p.open
		if id == "" {
			d, ok := p.domains.Selected()
			if !ok {
				return kit.Resource{}, false
			}
			id = d.ID
		}
		if p.data != nil {
			for _, d := range p.data.Domains {
				if d.ID == id {
					return kit.Resource{Kind: kit.ResourceStudioDomain, ID: d.ID, Name: d.Name}, true
				}
			}
		}
		return kit.Resource{Kind: kit.ResourceStudioDomain, ID: id}, true
	}
	name := p.open
	if name == "" {
		pr, ok := p.projects.Selected()
		if !ok {
			return kit.Resource{}, false
		}
		name = pr.Name
	}
	if p.data != nil {
		for _, pr := range p.data.Projects {
			if pr.Name == name {
				return kit.Resource{Kind: kit.ResourceProject, Name: pr.Name, ID: pr.ID, ARN: pr.ARN}, true
			}
		}
	}
	return kit.Resource{Kind: kit.ResourceProject, Name: name}, true
}
