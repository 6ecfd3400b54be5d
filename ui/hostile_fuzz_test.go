package ui

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// FuzzShellText puts fuzzed text where the shell draws AWS's words: the
// identity in the header (account, ARN, principal, profile, endpoint,
// projects), a feed's error on the status line, the expired-credentials
// banner's profile, notifications (AWS error messages), an action's
// error, a feed's crash report and the confirmation dialog's plan lines.
// Drawn with the plain no-colour styles, the screen holds nothing a
// terminal would act on.
func FuzzShellText(f *testing.F) {
	for _, s := range kittest.HostileSeeds {
		f.Add(s, "x"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		id := kittest.Admin()
		kittest.Poison(&id, a, b)
		id.Role = domain.RoleProjectAdmin
		h := newHarness(t, 100, 24, withIdentity(id)).withProjects()
		check := func(what string) {
			t.Helper()
			kittest.AssertInert(t, what, h.screen())
		}
		check("header")

		st := freshProjects()
		st.Err, st.Stale, st.Expired = a+" "+b, true, true
		h.deliver(projectsKey, nil, st)
		check("status line and banner")

		st.Expired, st.Panicked, st.CrashReport = false, true, b
		h.deliver(projectsKey, nil, st)
		check("crash notice")

		h.send(kit.NotifyMsg{Level: kit.LevelError, Text: a + "\n" + b})
		check("notification")

		req := backend.StopTrainingJob{Name: a}
		h.send(actionDoneMsg{from: kit.PaneProjects, req: req, err: &backend.ActionError{
			Action: domain.ActionStopTrainingJob, Target: a, Operation: "sagemaker:StopTrainingJob", Code: b, Message: a + b}})
		check("action error")

		h.send(kit.ConfirmMsg{Pane: kit.PaneProjects, Req: backend.StartExecution{Pipeline: a, DisplayName: b, Description: a,
			Parameters: map[string]string{a: b, b: a}, ClientToken: b}})
		check("confirmation dialog")
		if !strings.Contains(h.screen(), "Start a pipeline execution?") {
			t.Fatalf("the dialog is not on screen:\n%s", h.screen())
		}
	})
}
