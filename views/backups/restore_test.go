package backups

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func TestIdempotencyTokenIsOnePerForm(t *testing.T) {
	bubble(t, "tokens", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.p.newToken = newToken // the real, random one
		h.toForm()
		h.typeText("notebooks/model.R")
		h.press("ctrl+s")
		first := h.confirmed().IdempotencyToken
		if !strings.HasPrefix(first, "agdash-restore-") || len(first) < len("agdash-restore-")+20 {
			t.Fatalf("token %q", first)
		}

		// The dialog was cancelled: confirm again from the review, then go
		// back, edit and confirm once more. One form, one token.
		h.press("enter")
		if again := h.confirmed().IdempotencyToken; again != first {
			t.Errorf("enter on the review sent token %q, then %q", first, again)
		}
		h.press("esc")
		h.typeText("x")
		h.press("ctrl+s")
		if again := h.confirmed(); again.IdempotencyToken != first || again.Paths[0] != "/200002/notebooks/model.Rx" {
			t.Errorf("after an edit: token %q paths %q, want token %q", again.IdempotencyToken, again.Paths, first)
		}
		// AWS refused it: the same request can be confirmed again, same token.
		h.send(kit.ActionDoneMsg{Pane: kit.PaneBackups, Req: backend.StartRestore{RestoreRequest: domain.RestoreRequest{IdempotencyToken: first}},
			Err: errors.New("backup:StartRestoreJob on fs-0hdb0001 failed: ServiceUnavailableException: try again")})
		if !strings.Contains(h.view(), "ServiceUnavailableException: try again") {
			t.Fatalf("the refusal is not shown:\n%s", h.view())
		}
		h.press("enter")
		if again := h.confirmed().IdempotencyToken; again != first {
			t.Errorf("retry after a refusal sent token %q, want %q", again, first)
		}

		// Leave the form and open a new one: a new token.
		h.press("esc", "esc", "esc")
		if h.p.flow != nil {
			t.Fatalf("esc ×3 did not leave the restore:\n%s", h.view())
		}
		h.press("r")
		h.chooseUser("bala-k")
		h.typeText("notebooks/model.R")
		h.press("ctrl+s")
		second := h.confirmed().IdempotencyToken
		if second == first || !strings.HasPrefix(second, "agdash-restore-") {
			t.Errorf("a new form reused token %q (got %q)", first, second)
		}

		// After a restore starts, the next form has a new token too.
		h.send(kit.ActionDoneMsg{Pane: kit.PaneBackups, Req: backend.StartRestore{RestoreRequest: domain.RestoreRequest{
			IdempotencyToken: second, FileSystemID: hdbFS}}, Result: backend.ActionResult{ID: newJobID}})
		h.press("esc") // jobs → timeline
		h.press("r")
		h.chooseUser("bala-k")
		h.typeText("a")
		h.press("ctrl+s")
		if third := h.confirmed().IdempotencyToken; third == second || third == first {
			t.Errorf("the form after a started restore reused a token: %q", third)
		}
	})
}

func TestEnterAfterConfirmDoesNotAskTwice(t *testing.T) {
	bubble(t, "enter", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.toForm()
		h.typeText("notebooks/model.R")
		h.press("ctrl+s")
		req := h.confirmed()
		h.send(kit.ActionDoneMsg{Pane: kit.PaneBackups, Req: req, Result: backend.ActionResult{ID: newJobID}})
		h.press("enter", "enter") // on the jobs list now: opens the file system, not a second restore
		if cs := take[kit.ConfirmMsg](h); len(cs) != 0 {
			t.Fatalf("enter after the restore started asked again: %+v", cs)
		}
	})
}

// fill types paths into a fresh form (ctrl+o between them) and submits.
func fill(h *harness, wholeFS bool, paths ...string) {
	h.toForm()
	if wholeFS {
		h.press("ctrl+t")
	}
	for i, p := range paths {
		if i > 0 {
			h.press("ctrl+o")
		}
		h.typeText(p)
	}
	h.press("ctrl+s")
}

func TestPathsMapThroughTheForm(t *testing.T) {
	tests := []struct {
		name      string
		wholeFS   bool
		paths     []string
		want      []string
		user, dir string
	}{
		{"relative to the home", false, []string{"notebooks/model.R"}, []string{"/200002/notebooks/model.R"}, "bala-k", "/200002"},
		{"a leading slash is the home too", false, []string{"/notebooks/eda/"}, []string{"/200002/notebooks/eda"}, "bala-k", "/200002"},
		{"the whole home", false, []string{"/"}, []string{"/200002"}, "bala-k", "/200002"},
		{"several, in order, unicode kept", false, []string{"R & D/分析.Rmd", "./data//raw", ".Rhistory"},
			[]string{"/200002/R & D/分析.Rmd", "/200002/data/raw", "/200002/.Rhistory"}, "bala-k", "/200002"},
		{"whole file system", true, []string{"/200004/shared/lookup.csv", "lost+found"},
			[]string{"/200004/shared/lookup.csv", "/lost+found"}, "", ""},
	}
	for _, tt := range tests {
		bubble(t, tt.name, func(t *testing.T) {
			h := newHarness(t, kittest.Admin(), 120, 35).loaded()
			fill(h, tt.wholeFS, tt.paths...)
			req := h.confirmed()
			if !reflect.DeepEqual(req.Paths, tt.want) {
				t.Errorf("paths %q, want %q", req.Paths, tt.want)
			}
			if req.User != tt.user || req.HomeDir != tt.dir || req.FileSystemID != hdbFS || req.RecoveryPointARN != pointARN(3) {
				t.Errorf("request %+v", req)
			}
			out := h.view()
			if !strings.Contains(out, "itemsToRestore") || !strings.Contains(out, tt.want[0]) {
				t.Errorf("the review does not show the items:\n%s", out)
			}
		})
	}
}

func TestFormShowsWhereEachPathLands(t *testing.T) {
	bubble(t, "summary", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.toForm()
		h.typeText("notebooks/model.R")
		h.press("ctrl+o")
		h.typeText("data/")
		out := h.view()
		for _, want := range []string{
			"Restores      /200002/notebooks/model.R · /200002/data",
			"From          May 29 02:14 (3d ago) · COMPLETED · 45.1 GiB",
			"IAM role      " + planRole + " (the role that took the backup)",
			"nothing is overwritten",
			"Path 2",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("form lacks %q:\n%s", want, out)
			}
		}
	})
}

func TestBadPathsAreRefusedOnTheirField(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		want  []string // in the view, in order
	}{
		{"parent escape", []string{"../200001/.ssh/id_rsa"}, []string{"Path 1", "../200001/.ssh/id_rsa", `✗ contains "..": type the path it leads to instead`}},
		{"same item twice, the second is named", []string{"notebooks/model.R", "/notebooks/model.R/"},
			[]string{"Path 2", `✗ is the same item as path 1 ("notebooks/model.R"): /200002/notebooks/model.R`}},
		{"nothing typed", nil, []string{"Path 1", "✗ type at least one path to restore"}},
		{"bad one among good", []string{"ok.R", "d/" + strings.Repeat("n", 256), "fine/"}, []string{"Path 2", "✗ has a name longer than 255 bytes"}},
	}
	for _, tt := range tests {
		bubble(t, tt.name, func(t *testing.T) {
			h := newHarness(t, kittest.Admin(), 120, 35).loaded()
			fill(h, false, tt.paths...)
			if cs := take[kit.ConfirmMsg](h); len(cs) != 0 {
				t.Fatalf("bad paths were put to confirmation: %+v", cs[0].Req)
			}
			if h.p.flow.step != stepForm {
				t.Fatalf("left the form")
			}
			out := h.view()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("form lacks %q after offset %d:\n%s", w, at, out)
				}
				at += i
			}
		})
	}
}

func TestWholeFileSystemToggleKeepsPathsAndRechecks(t *testing.T) {
	bubble(t, "toggle", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.toForm()
		h.typeText("/")
		if strings.Contains(h.view(), "✗") {
			t.Fatalf("/ is the whole home, a valid path:\n%s", h.view())
		}
		h.press("ctrl+t")
		out := h.view()
		if !strings.Contains(out, "(whole file system)") || !strings.Contains(out, "✗ is the file system root") {
			t.Fatalf("after ctrl+t, / should be refused as the root:\n%s", out)
		}
		h.press("ctrl+t")
		if out := h.view(); strings.Contains(out, "✗") || !strings.Contains(out, "Restores      /200002") {
			t.Fatalf("back in the home, / is the home again:\n%s", out)
		}
	})
}

func TestRecoveryPointField(t *testing.T) {
	tests := []struct {
		typed   string
		want    string // ARN chosen, "" when refused
		refusal string
	}{
		{"newest", pointARN(0), ""},
		{"yesterday", pointARN(1), ""},
		{"3", pointARN(3), ""},
		{"5d", pointARN(5), ""},
		{"7 days ago", pointARN(7), ""},
		{"2025-05-23", pointARN(9), ""}, // PARTIAL can be restored
		{"2025-05-20 02:14", pointARN(12), ""},
		{pointARN(4), pointARN(4), ""},
		{"34 days ago", "", "cannot be used: it has EXPIRED"},
		{"60", "", "no recovery point from 60 days ago"},
		{"last tuesday", "", `"last tuesday" is not a recovery point`},
	}
	for _, tt := range tests {
		bubble(t, tt.typed, func(t *testing.T) {
			h := newHarness(t, kittest.Admin(), 120, 35).loaded()
			h.toForm()
			h.typeText("notebooks/model.R")
			h.press("up", "ctrl+u")
			h.typeText(tt.typed)
			h.press("ctrl+s")
			if tt.want == "" {
				if out := h.view(); !strings.Contains(out, tt.refusal) {
					t.Fatalf("no refusal %q:\n%s", tt.refusal, out)
				}
				return
			}
			if got := h.confirmed().RecoveryPointARN; got != tt.want {
				t.Errorf("chose %s, want %s", got, tt.want)
			}
		})
	}
}

func TestTimelineCursorIsTheFormsDefault(t *testing.T) {
	bubble(t, "default", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.press("enter", "r") // the newest
		h.chooseUser("bala-k")
		if v := h.p.flow.form.Value("point"); v != "newest" {
			t.Errorf("from the top of the timeline the point is %q", v)
		}
		h.press("esc", "esc", "alt+5", "r")
		h.chooseUser("bala-k")
		if v := h.p.flow.form.Value("point"); v != "5 days ago" {
			t.Errorf("after alt+5 the point is %q", v)
		}
		h.press("esc", "esc", "down", "r") // alt+5's point, one older: 6 days ago
		h.chooseUser("bala-k")
		if v := h.p.flow.form.Value("point"); v != "6 days ago" {
			t.Errorf("after moving down the point is %q", v)
		}
	})
}

func TestRestoreRoleFallsBackToTheAccountDefault(t *testing.T) {
	bubble(t, "role", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35)
		h.deliver(fsFeed, fileSystems())
		pts := points()
		for i := range pts.Points {
			pts.Points[i].IAMRoleARN = ""
		}
		h.deliver(pointsFeed(hdbFS), pts)
		h.toForm()
		h.typeText("a.R")
		h.press("ctrl+s")
		want := "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole"
		if got := h.confirmed().IAMRoleARN; got != want {
			t.Errorf("role %q, want %q", got, want)
		}
		if !strings.Contains(flatten(h.view()), want+" (AWS Backup's default service role)") {
			t.Errorf("the review does not name the role and its source:\n%s", h.view())
		}
	})
	bubble(t, "configured", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35)
		WithRestoreRole("arn:aws:iam::123456789012:role/ag-restore")(&h.p.opts)
		h.loaded()
		h.toForm()
		h.typeText("a.R")
		h.press("ctrl+s")
		if got := h.confirmed().IAMRoleARN; got != "arn:aws:iam::123456789012:role/ag-restore" {
			t.Errorf("role %q", got)
		}
	})
}

func TestRestoreRefusedForADataScientist(t *testing.T) {
	bubble(t, "refused", func(t *testing.T) {
		h := newHarness(t, kittest.Scientist(), 120, 35).loaded()
		h.press("r")
		notes := take[kit.NotifyMsg](h)
		if len(notes) != 1 || notes[0].Text != "Refused: restore files — the data scientist role may not start a restore job." {
			t.Fatalf("r answered %+v", notes)
		}
		if h.p.flow != nil || len(take[kit.ConfirmMsg](h)) != 0 {
			t.Fatal("a data scientist got into the restore")
		}
		for _, b := range h.p.Keys() {
			if b.Name == "backups.restore" && (!b.Mutates || b.Action != domain.ActionStartRestore || b.Disabled() == "") {
				t.Errorf("restore binding %+v", b)
			}
		}
	})
}

func TestRestoreWithoutUsersIsOnTheWholeFileSystem(t *testing.T) {
	bubble(t, "nousers", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35)
		h.deliver(fsFeed, fileSystems())
		pts := points()
		for i := range pts.Points {
			pts.Points[i].ResourceARN = "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0shared01"
		}
		h.deliver(pointsFeed("fs-0shared01"), pts)
		h.press("down", "down", "down", "r")
		if h.p.flow == nil || h.p.flow.step != stepForm || !h.p.flow.wholeFS {
			t.Fatalf("expected the form on the whole file system:\n%s", h.view())
		}
		h.typeText("datasets/hdb/2024.parquet")
		h.press("ctrl+s")
		req := h.confirmed()
		if req.FileSystemID != "fs-0shared01" || req.Paths[0] != "/datasets/hdb/2024.parquet" || req.HomeDir != "" {
			t.Errorf("request %+v", req)
		}
	})
}

// flatten is the screen's words joined by single spaces, so a test can
// look for a sentence however it wrapped.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }
