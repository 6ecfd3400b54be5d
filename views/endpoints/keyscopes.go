package endpoints

import "github.com/agdash/agdash/views/kit"

var _ kit.KeyScoper = (*Pane)(nil)

// KeyScopes are the pane's three key maps, for the shell's key checks and
// docs/KEYS.md. (The smoke-test form uses the kit form's keys.)
func (p *Pane) KeyScopes() []kit.KeyScope {
	if p.ctx == nil {
		return nil
	}
	return []kit.KeyScope{{Name: "list", Keys: p.keys.list}, {Name: "detail", Keys: p.keys.detail}, {Name: "smoke-test answer", Keys: p.keys.answer}}
}
