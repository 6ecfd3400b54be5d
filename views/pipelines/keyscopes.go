package pipelines

import "github.com/agdash/agdash/views/kit"

var _ kit.KeyScoper = (*Pane)(nil)

// KeyScopes are the pane's key maps, for the shell's key checks and
// docs/KEYS.md. (The start form uses the kit form's keys.)
func (p *Pane) KeyScopes() []kit.KeyScope {
	if p.ctx == nil {
		return nil
	}
	return []kit.KeyScope{
		{Name: "pipelines", Keys: p.keys[modeList]},
		{Name: "executions", Keys: p.keys[modeExecutions]},
		{Name: "step graph", Keys: p.keys[modeGraph]},
		{Name: "step detail", Keys: p.keys[modeStep]},
		{Name: "steps (graph not drawable)", Keys: p.brokenKeys},
	}
}
