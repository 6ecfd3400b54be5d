package endpoints

import (
	"fmt"
	"strings"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/views/kit"
)

// change is one endpoint whose health moved between two updates.
type change struct {
	name          string
	before, after domain.Health
}

// turnedCrit reports a change into CRIT from anything else.
func (c change) turnedCrit() bool {
	return c.after.Level == domain.HealthCrit && c.before.Level != domain.HealthCrit
}

// watcher remembers each endpoint's last health to tell what changed, and
// which rows are highlighted for it. The first update only sets the
// baseline: starting agdash is not news.
type watcher struct {
	seen   map[string]domain.Health
	primed bool
	// flash maps a highlighted endpoint to the id of the timer that ends
	// its highlight; a newer change replaces the id, so an older timer
	// cannot cut the newer highlight short.
	flash map[string]uint64
	seq   uint64
}

// observe records the endpoints' health and returns what changed since
// the last update (health.Changed: a new level or a new kind of reason).
// Endpoints new since then are recorded without a change.
func (w *watcher) observe(eps []domain.Endpoint) []change {
	if w.seen == nil {
		w.seen = map[string]domain.Health{}
	}
	var out []change
	now := make(map[string]domain.Health, len(eps))
	for _, e := range eps {
		now[e.Name] = e.Health
		before, ok := w.seen[e.Name]
		if w.primed && ok && health.Changed(before, e.Health) {
			out = append(out, change{name: e.Name, before: before, after: e.Health})
		}
	}
	w.seen, w.primed = now, true
	return out
}

// highlight starts (or restarts) the highlight of name; the id is the
// one its ending timer must carry.
func (w *watcher) highlight(name string) uint64 {
	if w.flash == nil {
		w.flash = map[string]uint64{}
	}
	w.seq++
	w.flash[name] = w.seq
	return w.seq
}

// unhighlight ends name's highlight if id is still its latest.
func (w *watcher) unhighlight(name string, id uint64) bool {
	if w.flash[name] != id {
		return false
	}
	delete(w.flash, name)
	return true
}

func (w *watcher) highlighted(name string) bool {
	_, ok := w.flash[name]
	return ok
}

// announcement is the status-line note for a set of changes: the worst
// one in words, and how many others there are.
func announcement(cs []change) (kit.Level, string) {
	if len(cs) == 0 {
		return kit.LevelInfo, ""
	}
	worst := cs[0]
	for _, c := range cs[1:] {
		if severity(c.after.Level) > severity(worst.after.Level) {
			worst = c
		}
	}
	text := kit.Sanitize(worst.name) + " " + describe(worst)
	if n := len(cs) - 1; n > 0 {
		text += fmt.Sprintf(" (and %d more %s changed health)", n, plural(n, "endpoint", "endpoints"))
	}
	level := kit.LevelInfo
	switch worst.after.Level {
	case domain.HealthCrit:
		level = kit.LevelError
	case domain.HealthWarn:
		level = kit.LevelWarn
	}
	return level, text
}

// describe is one change in words: "turned CRIT: 5xx errors at 32% …".
func describe(c change) string {
	var b strings.Builder
	switch {
	case c.after.Level == c.before.Level:
		b.WriteString("is still " + c.after.Level.String())
	case c.after.Level == domain.HealthOK:
		b.WriteString("recovered: OK")
	case c.after.Level == domain.HealthUnknown:
		b.WriteString("lost its health: unknown")
	default:
		b.WriteString("turned " + c.after.Level.String())
	}
	if r := headline(c.after); r != "" {
		b.WriteString(": " + kit.Sanitize(r))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
