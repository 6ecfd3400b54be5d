package backups

import "github.com/agdash/agdash/views/kit"

var _ kit.KeyScoper = (*Pane)(nil)

// KeyScopes are the keys of the three lists and of each step of a
// restore, for the shell's key checks and docs/KEYS.md. A restore's keys
// are made with its flow; with none under way, a scratch flow's stand in.
// (The restore form's fields use the kit form's keys.)
func (p *Pane) KeyScopes() []kit.KeyScope {
	if p.ctx == nil {
		return nil
	}
	flow := p.flow
	if flow == nil {
		flow = &restoreFlow{users: p.newUserTable()}
		flow.keys = p.flowKeys(flow)
	}
	return []kit.KeyScope{
		{Name: "file systems", Keys: p.keys[screenFileSystems]},
		{Name: "recovery points", Keys: p.keys[screenPoints]},
		{Name: "restore jobs", Keys: p.keys[screenJobs]},
		{Name: "restore: choose the user", Keys: flow.keys[stepUser]},
		{Name: "restore: form", Keys: flow.keys[stepForm]},
		{Name: "restore: review", Keys: flow.keys[stepReview]},
	}
}
