package backend

import "github.com/agdash/agdash/backend/feed"

// panicReporter adapts Options.OnPanic to the feed engine's hook.
func panicReporter(report func(where string, value any, stack []byte) string) func(string, *feed.PanicError) string {
	if report == nil {
		return nil
	}
	return func(key string, p *feed.PanicError) string {
		return report("feed "+key, p.Value, p.Stack)
	}
}
