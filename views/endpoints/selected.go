package endpoints

import "github.com/agdash/agdash/views/kit"

var _ kit.Selector = (*Pane)(nil)

// Selected is the endpoint being smoke-tested, open in detail, or under
// the cursor.
func (p *Pane) Selected() (kit.Resource, bool) {
	if p.ctx == nil {
		return kit.Resource{}, false
	}
	name := p.open
	switch {
	case p.smoke != nil:
		name = p.smoke.endpoint
	case name == "":
		r, ok := p.list.Selected()
		if !ok {
			return kit.Resource{}, false
		}
		return kit.Resource{Kind: kit.ResourceEndpoint, Name: r.Name, ARN: r.ARN}, true
	}
	res := kit.Resource{Kind: kit.ResourceEndpoint, Name: name}
	if e, ok := p.find(name); ok {
		res.ARN = e.ARN
	}
	return res, true
}
