package registry

import "github.com/agdash/agdash/views/kit"

var _ kit.KeyScoper = (*Pane)(nil)

// KeyScopes are the pane's four key maps, for the shell's key checks and
// docs/KEYS.md. (The comment and export forms use the kit form's keys.)
func (p *Pane) KeyScopes() []kit.KeyScope {
	if p.ctx == nil {
		return nil
	}
	return []kit.KeyScope{
		{Name: "groups", Keys: p.keys[modeGroups]},
		{Name: "versions", Keys: p.keys[modeVersions]},
		{Name: "comparison", Keys: p.keys[modeCompare]},
		{Name: "version detail", Keys: p.keys[modeDetail]},
	}
}
