package ui

import (
	"strings"

	"github.com/aymanbagabas/go-osc52/v2"
)

// clipboardSequence is the OSC 52 sequence that puts text on the system
// clipboard: ESC ] 52 ; c ; base64 BEL. Inside tmux it is wrapped in a DCS
// passthrough (ESC P tmux; … ESC \, with each ESC of the sequence doubled),
// and inside GNU screen in a plain DCS, so the outer terminal receives it.
// getenv reads the environment (nil reads nothing).
func clipboardSequence(text string, getenv func(string) string) string {
	seq := osc52.New(text)
	if getenv == nil {
		return seq.String()
	}
	switch {
	case getenv("TMUX") != "":
		seq = seq.Tmux()
	case strings.HasPrefix(getenv("TERM"), "screen") && getenv("STY") != "":
		seq = seq.Screen()
	}
	return seq.String()
}
