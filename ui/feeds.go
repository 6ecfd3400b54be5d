package ui

import (
	"context"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
)

// holder is who wants a feed: a pane (by id) or the shell's background set.
type holder string

const background holder = "background"

// feedSet keeps the service's subscriptions in step with what is visible:
// each holder declares the keys it wants, and a feed runs while anyone
// holds it. It also keeps each feed's latest state, and the last data of
// collection feeds so a pane shown again has something to draw at once.
type feedSet struct {
	svc    backend.Service
	unsub  map[backend.FeedKey]func()
	held   map[backend.FeedKey][]holder
	states map[backend.FeedKey]backend.FeedState
	last   map[backend.FeedKey]backend.Update
}

func newFeedSet(svc backend.Service) *feedSet {
	return &feedSet{svc: svc, unsub: map[backend.FeedKey]func(){}, held: map[backend.FeedKey][]holder{},
		states: map[backend.FeedKey]backend.FeedState{}, last: map[backend.FeedKey]backend.Update{}}
}

// want makes h hold exactly keys, subscribing and unsubscribing as needed.
// It returns the keys newly held by h.
func (f *feedSet) want(h holder, keys []backend.FeedKey) []backend.FeedKey {
	var added []backend.FeedKey
	for key, hs := range f.held {
		if slices.Contains(hs, h) && !slices.Contains(keys, key) {
			f.drop(key, h)
		}
	}
	for _, key := range keys {
		hs := f.held[key]
		if slices.Contains(hs, h) {
			continue
		}
		if len(hs) == 0 {
			f.unsub[key] = f.svc.Subscribe(key)
		}
		f.held[key] = append(hs, h)
		added = append(added, key)
	}
	return added
}

func (f *feedSet) drop(key backend.FeedKey, h holder) {
	hs := slices.DeleteFunc(slices.Clone(f.held[key]), func(x holder) bool { return x == h })
	if len(hs) > 0 {
		f.held[key] = hs
		return
	}
	delete(f.held, key)
	if u := f.unsub[key]; u != nil {
		u()
	}
	delete(f.unsub, key)
	if key.Arg != "" {
		// Per-item feeds (and log increments) are not worth replaying.
		delete(f.last, key)
		delete(f.states, key)
	}
}

// holders of key.
func (f *feedSet) holders(key backend.FeedKey) []holder { return f.held[key] }

// record keeps an update's state and, for data, the update itself. It
// returns the update as the panes should see it (see keepAge).
func (f *feedSet) record(u backend.Update) backend.Update {
	u.State = f.keepAge(u.State)
	f.states[u.Key] = u.State
	if u.Data != nil {
		f.last[u.Key] = u
	}
	return u
}

// refreshStates merges the service's view of its running feeds.
func (f *feedSet) refreshStates() {
	for _, s := range f.svc.Feeds() {
		if _, held := f.held[s.Key]; held {
			f.states[s.Key] = f.keepAge(s)
		}
	}
}

// keepAge gives a collection feed subscribed again the time of its last
// success before. The service starts such a feed afresh (no success yet),
// while its pane still draws the data kept from that success: without
// the time, that data would be called "failed" rather than stale, and
// shown with no age, until the new feed's first poll succeeds.
func (f *feedSet) keepAge(s backend.FeedState) backend.FeedState {
	if !s.LastSuccess.IsZero() {
		return s
	}
	old, ok := f.states[s.Key]
	if _, kept := f.last[s.Key]; !ok || !kept || old.LastSuccess.IsZero() {
		return s
	}
	// Stale needs no second look: until the new feed's first poll ends it
	// is fetching (the status shows the age), and a failure marks it.
	s.LastSuccess = old.LastSuccess
	return s
}

// state of key and whether any is known.
func (f *feedSet) state(key backend.FeedKey) (backend.FeedState, bool) {
	s, ok := f.states[key]
	return s, ok
}

// cached is the last data update of key, if kept.
func (f *feedSet) cached(key backend.FeedKey) (backend.Update, bool) {
	u, ok := f.last[key]
	return u, ok
}

// expired reports whether any held feed found the credentials expired.
func (f *feedSet) expired() bool {
	for key := range f.held {
		if f.states[key].Expired {
			return true
		}
	}
	return false
}

// closeAll unsubscribes everything.
func (f *feedSet) closeAll() {
	for key, u := range f.unsub {
		u()
		delete(f.unsub, key)
	}
	clear(f.held)
}

// updateMsg is one delivery from the service.
type updateMsg struct{ u backend.Update }

// updatesClosedMsg says the service closed its updates channel.
type updatesClosedMsg struct{}

// liveUpdateMsg is an update pumped from the service's channel; from
// names the channel, so that one from a replaced service is dropped.
type liveUpdateMsg struct {
	updateMsg
	from <-chan backend.Update
}

// waitForUpdate is a command that waits for the next update; the shell
// re-arms it after each one. It ends with ctx.
func waitForUpdate(ctx context.Context, ch <-chan backend.Update) tea.Cmd {
	return func() tea.Msg {
		select {
		case u, ok := <-ch:
			if !ok {
				return updatesClosedMsg{}
			}
			return liveUpdateMsg{updateMsg{u}, ch}
		case <-ctx.Done():
			return nil
		}
	}
}
