package kit

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
)

// Context is what every pane draws and acts with. The shell owns it and
// writes it; panes only read it, and learn of changes through ScopeMsg,
// ThemeMsg, SizeMsg and IdentityMsg.
type Context struct {
	// Ctx ends when the program stops; async work derives from it.
	Ctx      context.Context
	Service  backend.Service
	Identity domain.Identity
	Styles   *themes.Styles
	// Scope is the project every pane is narrowed to, "" for all.
	Scope string
	// Width and Height are the pane area's size.
	Width, Height int
	// KeyOverrides rebind keys by binding name (from the config file).
	KeyOverrides map[string][]string
	// PollNow is the clock feed states (FeedState.LastSuccess) are stamped
	// on: the wall clock the backend polls by, where Now may be the
	// sandbox's faster virtual clock. nil measures feed ages with Now.
	PollNow func() time.Time
}

// Now is the clock the data is measured against (the sandbox's virtual
// clock in sandbox mode).
func (c *Context) Now() time.Time {
	if c.Service == nil {
		return time.Now()
	}
	return c.Service.Now()
}

// FeedAge is how old a feed's data is, measured on the clock its state
// was stamped on; zero before the first success.
func (c *Context) FeedAge(s backend.FeedState) time.Duration {
	if c.PollNow != nil {
		return s.Age(c.PollNow())
	}
	return s.Age(c.Now())
}

// ReadOnly reports whether mutating actions are refused.
func (c *Context) ReadOnly() bool { return c.Identity.ReadOnly }

// InScope reports whether something of project belongs in the current
// scope.
func (c *Context) InScope(project string) bool { return c.Scope == "" || c.Scope == project }
