package logging

import (
	"fmt"
	"io"
	"log/slog"
	"os"
)

// Open starts the structured log: JSON lines appended to path, secrets
// redacted, at info level (debug adds feed subscriptions). Without a path
// the log is discarded: the terminal belongs to the dashboard. close
// flushes and closes the file.
func Open(path string, level slog.Level) (log *slog.Logger, close func() error, err error) {
	if path == "" {
		return slog.New(slog.DiscardHandler), func() error { return nil }, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("open the log file: %w", err)
	}
	return New(f, level), f.Close, nil
}

// New is a redacting JSON logger writing to w.
func New(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(NewRedactingHandler(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level})))
}
