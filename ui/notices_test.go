package ui

import "testing"

func TestStartupNoticesShowTheFirstAndCountTheRest(t *testing.T) {
	h := newHarness(t, 120, 30, withOptions(func(o *Options) {
		o.Notices = []string{
			"config.yaml line 4: intervals.endpoints: \"15 secs\" is not a duration; agdash started on the built-in defaults",
			"config.yaml line 9: unknown key \"colour\"",
		}
	}))
	want := "config.yaml line 4: intervals.endpoints: \"15 secs\" is not a duration; agdash started on the built-in defaults (and 1 more: run agdash config check)"
	if got := noteText(h); got != want {
		t.Fatalf("notification\n got %q\nwant %q", got, want)
	}
	if h.m.notes.current.level.String() != "error" {
		t.Fatalf("a config problem should be an error, not %s", h.m.notes.current.level)
	}
}

func TestNoNoticesNoNotification(t *testing.T) {
	h := newHarness(t, 120, 30)
	if got := noteText(h); got != "" {
		t.Fatalf("unexpected notification %q", got)
	}
}
