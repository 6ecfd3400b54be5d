// Package kittest holds test doubles for panes and the shell: a scripted
// backend.Service and realistic fixture data.
package kittest

import (
	"context"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

// Service is a backend.Service whose updates, clock, feed states, call
// counts and action answers a test scripts. It is safe for concurrent use.
type Service struct {
	mu        sync.Mutex
	id        domain.Identity
	now       time.Time
	updates   chan backend.Update
	subs      map[backend.FeedKey]int
	log       []string
	refreshed []backend.FeedKey
	states    []backend.FeedState
	calls     backend.CallStats
	do        func(context.Context, backend.ActionRequest) (backend.ActionResult, error)
	requests  []backend.ActionRequest
	closed    bool
}

var _ backend.Service = (*Service)(nil)

// NewService returns a fake acting as id, its clock stopped at now.
func NewService(id domain.Identity, now time.Time) *Service {
	return &Service{id: id, now: now, updates: make(chan backend.Update, 256), subs: map[backend.FeedKey]int{}}
}

func (s *Service) Identity() domain.Identity {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.id
}

func (s *Service) ReloadIdentity(context.Context) (domain.Identity, error) { return s.Identity(), nil }

func (s *Service) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now
}

// Advance moves the clock on.
func (s *Service) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = s.now.Add(d)
}

func (s *Service) Subscribe(key backend.FeedKey) func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.subs[key]++
	s.log = append(s.log, "+"+key.String())
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.subs[key]--
			if s.subs[key] == 0 {
				delete(s.subs, key)
			}
			s.log = append(s.log, "-"+key.String())
		})
	}
}

// Subscribed lists the keys with at least one subscriber, sorted.
func (s *Service) Subscribed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.subs))
	for k := range s.subs {
		out = append(out, k.String())
	}
	sort.Strings(out)
	return out
}

// SubscriptionLog is every subscribe ("+key") and unsubscribe ("-key").
func (s *Service) SubscriptionLog() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

func (s *Service) Updates() <-chan backend.Update { return s.updates }

// Send queues an update as if a feed had delivered it.
func (s *Service) Send(u backend.Update) {
	if u.State.Key == (backend.FeedKey{}) {
		u.State.Key = u.Key
	}
	s.updates <- u
}

func (s *Service) Refresh(key backend.FeedKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refreshed = append(s.refreshed, key)
}

// Refreshed lists the keys Refresh was called with.
func (s *Service) Refreshed() []backend.FeedKey {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.refreshed)
}

// SetFeeds sets what Feeds reports.
func (s *Service) SetFeeds(states ...backend.FeedState) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.states = states
}

func (s *Service) Feeds() []backend.FeedState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.states)
}

// SetCalls sets what Calls reports.
func (s *Service) SetCalls(c backend.CallStats) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = c
}

func (s *Service) Calls() backend.CallStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// OnDo sets how Do answers. Without it, Do succeeds with a message naming
// the action and target.
func (s *Service) OnDo(fn func(context.Context, backend.ActionRequest) (backend.ActionResult, error)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.do = fn
}

func (s *Service) Do(ctx context.Context, req backend.ActionRequest) (backend.ActionResult, error) {
	s.mu.Lock()
	s.requests = append(s.requests, req)
	fn := s.do
	s.mu.Unlock()
	if fn != nil {
		return fn(ctx, req)
	}
	return backend.ActionResult{Action: req.Action(), Target: req.Target(), Outcome: backend.OutcomeDone,
		Message: "Done: " + req.Action().Verb() + " (" + req.Target() + ")"}, nil
}

// Requests are the actions Do was asked to perform.
func (s *Service) Requests() []backend.ActionRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

func (s *Service) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.updates)
	}
}
