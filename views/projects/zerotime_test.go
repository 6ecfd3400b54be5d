package projects

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit/kittest"
)

// The lists show no times; a project, domain or app whose creation time
// AWS has not given shows none in the detail either, where one with a
// time says how long ago.
func TestZeroTimes(t *testing.T) {
	data := kittest.Projects()
	for i := range data.Projects {
		data.Projects[i].CreatedAt = time.Time{}
	}
	for i := range data.Apps {
		data.Apps[i].CreatedAt = time.Time{}
	}
	st := themes.BuildNoColorPlain()
	for _, pr := range data.Projects {
		cells := kittest.Cells(projectColumns(func() string { return "" }, func() bool { return false }), pr)
		for title, text := range cells {
			if strings.Contains(text, "ago") || strings.Contains(text, "106751") {
				t.Errorf("%s: %s is %q", pr.Name, title, text)
			}
		}
		out := projectDetail(pr, data, st, kittest.Now, 120)
		for _, bad := range []string{"created", "since", "(-)", "106751", "292y"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: the detail says %q with no times known:\n%s", pr.Name, bad, out)
			}
		}
	}
	d := domainRow{StudioDomain: data.Domains[0], RunningApps: 2}
	if out := domainDetail(d, data, st, kittest.Now, 120); strings.Contains(out, "since") || !strings.Contains(out, "RStudioServerPro") {
		t.Errorf("the domain's running apps should be listed without a start:\n%s", out)
	}
	// With times, the apps say since when.
	data = kittest.Projects()
	if out := domainDetail(d, data, st, kittest.Now, 120); !strings.Contains(out, "since 3h ago") {
		t.Errorf("the domain's running apps lost their start:\n%s", out)
	}
}
