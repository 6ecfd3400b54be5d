package endpoints

import (
	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

// maxLogLines bounds the log lines kept per endpoint: the newest stay.
const maxLogLines = 300

// logBuffer is the tail of an endpoint's logs, fed by increments.
type logBuffer struct {
	group   string
	events  []domain.LogEvent
	loaded  bool
	dropped int
}

// add takes one delivery of the logs feed.
func (l *logBuffer) add(d backend.LogsData) {
	if d.Reset {
		l.events, l.dropped = nil, 0
	}
	l.loaded = true
	if d.Group != "" {
		l.group = d.Group
	}
	l.events = append(l.events, d.Events...)
	if over := len(l.events) - maxLogLines; over > 0 {
		l.dropped += over
		l.events = append([]domain.LogEvent(nil), l.events[over:]...)
	}
}

func (l *logBuffer) reset() { *l = logBuffer{} }
