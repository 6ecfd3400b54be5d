package jobs

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// Text that tries to act on the terminal: clear the screen, set the
// clipboard (OSC 52), retitle the window, ring the bell, return the
// carriage, reverse the text direction; mixed with wide and combining
// scripts that must stay aligned.
const (
	hostileName = "房屋-\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07மறுவிற்பனை\r🏠🚀\x07-\u202eevil"
	hostileLine = "\x1b[31mERROR\x1b[0m \x1b]0;pwned\x07房屋转售 \x1b]52;c;ZXZpbA==\x1b\\மறுவிற்பனை 🏠🚀 over\rwrite\x07 \x9b2J done"
)

func hostileJob() domain.TrainingJob {
	j := failed()
	j.Name, j.ARN = hostileName, arn(hostileName)
	j.SecondaryStatus = "Failed\x1b[5m"
	j.Project = "项目\x1b]0;pwned\x07-தமிழ்"
	j.FailureReason = hostileLine + "\n" + hostileLine
	j.Hyperparameters = map[string]string{"\x1b[8mkey": hostileLine}
	j.Transitions[2].Message = hostileLine
	return j
}

func hostileStates() []struct {
	name  string
	drive func(f *fixture)
} {
	return []struct {
		name  string
		drive func(f *fixture)
	}{
		{"list", func(f *fixture) {
			d := listJobs()
			d.Jobs = append(d.Jobs[:3], append(summaries(hostileJob()), d.Jobs[3:]...)...)
			f.deliver(listFeed, d, fresh(listFeed))
			f.keys("down", "down", "down")
		}},
		{"detail", func(f *fixture) {
			f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: hostileName})
			f.deliver(jobFeed(hostileName), backend.TrainingJobData{Job: hostileJob()}, fresh(jobFeed(hostileName)))
		}},
		{"logs", func(f *fixture) {
			f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: hostileName, View: kit.ViewLogs})
			d := logLines(hostileName, 6)
			d.Streams = append(d.Streams, domain.LogStream{Name: hostileName + "/\x1b]52;c;eA==\aalgo-3-1748741520"})
			d.Events = append(d.Events,
				domain.LogEvent{Stream: d.Streams[2].Name, Timestamp: now, Message: hostileLine},
				domain.LogEvent{Stream: d.Streams[0].Name, Timestamp: now, Message: hostileLine})
			f.deliver(logsFeed(hostileName), d, fresh(logsFeed(hostileName)))
			f.keys("t")
			f.send(kit.FilterMsg{Text: "房屋"})
		}},
	}
}

func TestHostileTextGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range hostileStates() {
			t.Run(s.name+"_"+sz.Name, func(t *testing.T) {
				f := newFixture(t, sz.W, sz.H, kittest.Scientist())
				s.drive(f)
				out := f.screen(sz.W, sz.H)
				assertInert(t, out)
				for _, want := range []string{"房屋", "மறுவிற்பனை", "🏠🚀"} {
					if s.name != "logs" && !strings.Contains(out, want) {
						t.Errorf("the readable part %q is gone", want)
					}
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// assertInert fails when text could act on a terminal: an escape, any
// other control character but the line break, or a C1 control or
// direction override.
func assertInert(t *testing.T, out string) {
	t.Helper()
	for i, r := range out {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			t.Fatalf("control character %U at byte %d: %q", r, i, around(out, i))
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			t.Fatalf("direction override %U at byte %d: %q", r, i, around(out, i))
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD"):
			t.Fatalf("invalid UTF-8 at byte %d", i)
		}
	}
}

func around(s string, i int) string { return s[max(0, i-20):min(len(s), i+20)] }

// FuzzRenderers renders any job name and log line through the list, the
// detail and the log view with the plain no-colour styles, which write no
// escape sequence of their own: so no escape, and no control character
// but the line break, may appear; and every view keeps its exact size.
func FuzzRenderers(f *testing.F) {
	f.Add(hostileName, hostileLine)
	f.Add("hdb-resale-train-0412", "#metrics iter 3/400 train:rmse=24000.5")
	f.Add("\x9b31m", "\x1bP1$r\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\")
	f.Add("\xff\xfe", "tab\there\r\n\u2028next\u2029")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, name, line string) {
		const w, h = 70, 16
		fx := newFixture(t, w, h, kittest.Scientist())
		j := hostileJob()
		j.Name, j.SecondaryStatus, j.FailureReason, j.Project = name, line, line, line
		j.Hyperparameters = map[string]string{name: line}
		j.Inputs = []domain.InputChannel{{Name: name, S3URI: line, ContentType: line}}
		j.FinalMetrics = []domain.MetricValue{{Name: line, Value: 1}}
		d := listJobs()
		d.Jobs = append(summaries(j), d.Jobs...)
		fx.deliver(listFeed, d, fresh(listFeed))
		fx.send(kit.FilterMsg{Text: line})
		check := func(what string) {
			out := fx.p.View(w, h)
			assertInert(t, out)
			kittest.RequireBlock(t, out, w, h)
			for _, c := range fx.p.Crumbs() {
				assertInert(t, c)
			}
			assertInert(t, fx.p.Info())
			_ = what
		}
		check("list")
		fx.send(kit.FilterMsg{Text: ""})
		fx.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: name})
		curve := domain.Series{Label: line, Unit: name, Times: []time.Time{now, now.Add(time.Minute)}, Values: []float64{1, 2}}
		fx.deliver(jobFeed(fx.p.open), backend.TrainingJobData{Job: j, Curves: []domain.Series{curve}}, fresh(jobFeed(fx.p.open)))
		check("detail")
		fx.keys("l")
		logs := backend.LogsData{Streams: []domain.LogStream{{Name: name}, {Name: line}}, Reset: true,
			Events: []domain.LogEvent{{Stream: name, Timestamp: now, Message: line}, {Stream: line, Timestamp: now, Message: name}}}
		fx.deliver(logsFeed(fx.p.open), logs, fresh(logsFeed(fx.p.open)))
		check("logs")
		fx.keys("t", "w")
		if len(line) > 2 {
			fx.send(kit.FilterMsg{Text: line[:len(line)/2]})
		}
		check("logs with times, unwrapped, searched")
		for _, m := range fx.msgs {
			if n, ok := m.(kit.NotifyMsg); ok {
				assertInert(t, kit.Sanitize(n.Text)) // the shell sanitises notes; the pane's own words are clean
			}
		}
	})
}
