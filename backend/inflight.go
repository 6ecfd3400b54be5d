package backend

import (
	"fmt"
	"sync"
)

// inflight remembers the actions sent and not yet answered, so the same
// request cannot be submitted twice while AWS is still thinking.
type inflight struct {
	mu   sync.Mutex
	keys map[string]bool
}

// begin claims key; false when an identical request is already in flight.
func (f *inflight) begin(key string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.keys[key] {
		return false
	}
	if f.keys == nil {
		f.keys = map[string]bool{}
	}
	f.keys[key] = true
	return true
}

func (f *inflight) end(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.keys, key)
}

// requestKey identifies a request by its type and every field (maps print
// in key order), so only a truly identical request counts as a repeat.
func requestKey(req ActionRequest) string {
	return fmt.Sprintf("%T %+v", req, req)
}
