package ui

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

// offlineService is a backend.Service with no account behind it: it lets
// the shell and its panes be built without AWS, to list their keys.
type offlineService struct{ updates chan backend.Update }

var _ backend.Service = offlineService{}

func newOfflineService() offlineService { return offlineService{updates: make(chan backend.Update)} }

func (offlineService) Identity() domain.Identity { return domain.Identity{} }
func (offlineService) ReloadIdentity(context.Context) (domain.Identity, error) {
	return domain.Identity{}, nil
}
func (offlineService) Now() time.Time                   { return time.Time{} }
func (offlineService) Subscribe(backend.FeedKey) func() { return func() {} }
func (s offlineService) Updates() <-chan backend.Update { return s.updates }
func (offlineService) Refresh(backend.FeedKey)          {}
func (offlineService) Feeds() []backend.FeedState       { return nil }
func (offlineService) Calls() backend.CallStats         { return backend.CallStats{} }
func (offlineService) Close()                           {}
func (offlineService) Do(context.Context, backend.ActionRequest) (backend.ActionResult, error) {
	return backend.ActionResult{}, context.Canceled
}
