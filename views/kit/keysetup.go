package kit

import "github.com/agdash/agdash/backend/domain"

// ReadyKeys readies a pane's key maps in Init: the config file's
// rebindings first, then the identity's restrictions, so that a rebound
// key is refused where the role may not use it.
func (c *Context) ReadyKeys(maps ...*KeyMap) {
	for _, m := range maps {
		if m != nil {
			m.Apply(c.KeyOverrides)
			m.Restrict(c.Identity)
		}
	}
}

// RestrictKeys restricts a pane's key maps to a new identity (IdentityMsg).
func RestrictKeys(id domain.Identity, maps ...*KeyMap) {
	for _, m := range maps {
		if m != nil {
			m.Restrict(id)
		}
	}
}
