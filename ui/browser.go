package ui

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// browserCommand is the program (and its leading arguments) that opens a
// URL in the user's browser.
type browserCommand []string

// findBrowser says how to open a URL here, or nil when there is no
// browser to open: an SSH session without a forwarded display, or a
// desktop-less machine. $BROWSER wins where it is set.
func findBrowser(goos string, getenv func(string) string, lookPath func(string) (string, error)) browserCommand {
	if getenv == nil {
		return nil
	}
	display := getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
	if (getenv("SSH_CONNECTION") != "" || getenv("SSH_TTY") != "") && !display {
		return nil
	}
	if b := strings.Fields(getenv("BROWSER")); len(b) > 0 {
		if _, err := lookPath(b[0]); err == nil {
			return b
		}
	}
	switch goos {
	case "darwin":
		return browserCommand{"open"}
	case "windows":
		return browserCommand{"rundll32", "url.dll,FileProtocolHandler"}
	}
	if !display {
		return nil
	}
	for _, p := range []string{"xdg-open", "wslview"} {
		if _, err := lookPath(p); err == nil {
			return browserCommand{p}
		}
	}
	return nil
}

// opener turns a browser command into the shell's deps.browser; nil stays
// nil. The program's output is discarded: the terminal is the dashboard's.
func (b browserCommand) opener() func(ctx context.Context, url string) error {
	if len(b) == 0 {
		return nil
	}
	return func(ctx context.Context, url string) error {
		ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		args := append(append([]string(nil), b[1:]...), url)
		if err := exec.CommandContext(ctx, b[0], args...).Run(); err != nil {
			return fmt.Errorf("%s: %w", b[0], err)
		}
		return nil
	}
}
