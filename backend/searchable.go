package backend

import (
	"sync"

	"github.com/agdash/agdash/backend/aws"
)

// searchable remembers the resource types whose Search this account
// refused (an emulator that does not implement it, an IAM policy without
// sagemaker:Search), so that they are read one by one from then on
// without asking again.
type searchable struct {
	mu      sync.Mutex
	refused map[string]bool
}

// try runs search unless resource was refused before. It returns false
// when the caller must read the resources another way; a throttled or
// failed search is an error, to be retried by the feed.
func (s *searchable) try(resource string, search func() error) (bool, error) {
	s.mu.Lock()
	refused := s.refused[resource]
	s.mu.Unlock()
	if refused {
		return false, nil
	}
	err := search()
	if err == nil {
		return true, nil
	}
	if !aws.SearchUnsupported(err) {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused == nil {
		s.refused = map[string]bool{}
	}
	s.refused[resource] = true
	return false, nil
}
