package kit

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/themes"
)

// RetryHint follows a feed's error: the backend polls again by itself.
const RetryHint = "agdash keeps retrying; ctrl+r retries now."

// Awaiting is what a view shows before its feed's first data: AWS's
// refusal or the error in full, else that the data is loading. Its
// fields are the view's own words for each.
type Awaiting struct {
	Denied  string // "AWS denied access to the pipelines:"
	Failed  string // "Could not load the pipelines:"
	Loading string // "Loading the pipelines…"
}

// View draws it for the feed's state s, wrapped at width.
func (a Awaiting) View(st *themes.Styles, s backend.FeedState, width int) string {
	wrap := func(text string) string {
		return " " + strings.ReplaceAll(ansi.Wrap(Sanitize(text), max(10, width-2), " "), "\n", "\n ")
	}
	switch {
	case s.AccessDenied:
		return st.StatusError.Render(" "+a.Denied) + "\n" + wrap(s.Err)
	case s.Err != "":
		return st.StatusError.Render(" "+a.Failed) + "\n" + wrap(s.Err) + "\n\n " + st.Muted.Render(RetryHint)
	}
	return " " + st.Muted.Render(a.Loading)
}
