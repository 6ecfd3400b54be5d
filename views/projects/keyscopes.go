package projects

import "github.com/agdash/agdash/views/kit"

var _ kit.KeyScoper = (*Pane)(nil)

// KeyScopes are the pane's three key maps, for the shell's key checks and
// docs/KEYS.md.
func (p *Pane) KeyScopes() []kit.KeyScope {
	if p.ctx == nil {
		return nil
	}
	return []kit.KeyScope{{Name: "projects list", Keys: p.keys[0]}, {Name: "domains list", Keys: p.keys[1]}, {Name: "detail", Keys: p.keys[2]}}
}
