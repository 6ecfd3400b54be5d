package registry

import (
	"strconv"

	"github.com/agdash/agdash/views/kit"
)

var _ kit.Selector = (*Pane)(nil)

// Selected is the group under the cursor, or, once a group is open, the
// version the keys act on (the selected row, the focused comparison
// column, the version in detail); the open group while its versions
// load or when it has none.
func (p *Pane) Selected() (kit.Resource, bool) {
	if p.ctx == nil {
		return kit.Resource{}, false
	}
	if p.mode == modeGroups {
		g, ok := p.groups.Selected()
		if !ok {
			return kit.Resource{}, false
		}
		return kit.Resource{Kind: kit.ResourceModelGroup, Name: g.Name, ARN: g.ARN}, true
	}
	if v, ok := p.target(); ok {
		return kit.Resource{Kind: kit.ResourceModelVersion, Parent: v.Group, Name: strconv.Itoa(v.Version), ARN: v.ARN}, true
	}
	if p.group == "" {
		return kit.Resource{}, false
	}
	r := kit.Resource{Kind: kit.ResourceModelGroup, Name: p.group}
	if p.groupsData != nil {
		for _, g := range p.groupsData.Groups {
			if g.Name == p.group {
				r.ARN = g.ARN
			}
		}
	}
	return r, true
}
