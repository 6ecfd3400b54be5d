package backups

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
)

func TestDaysAgoCountsCalendarDaysInNowsZone(t *testing.T) {
	sgt := now.Location()
	tests := []struct {
		at   time.Time
		want int
	}{
		{time.Date(2025, 6, 1, 0, 1, 0, 0, sgt), 0},
		{time.Date(2025, 5, 31, 23, 59, 0, 0, sgt), 1},
		{time.Date(2025, 5, 31, 17, 0, 0, 0, time.UTC), 0}, // 01:00 SGT on 1 June
		{time.Date(2025, 5, 29, 2, 14, 0, 0, sgt), 3},
		{time.Date(2025, 3, 1, 2, 0, 0, 0, sgt), 92},
	}
	for _, tt := range tests {
		if got := daysAgo(tt.at, now); got != tt.want {
			t.Errorf("daysAgo(%s) = %d, want %d", tt.at, got, tt.want)
		}
	}
}

// A point's age is told in the calendar days that "3 days ago" and alt+3
// pick by, so the point they pick never reads "2d ago".
func TestPointAgeCountsAsThePickDoes(t *testing.T) {
	late := time.Date(2025, 6, 1, 2, 0, 0, 0, now.Location()) // shortly after midnight
	sgt := now.Location()
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2025, 6, 1, 0, 30, 0, 0, sgt), "1h ago"},
		{time.Date(2025, 5, 31, 22, 0, 0, 0, sgt), "yesterday"}, // 4 hours old
		{time.Date(2025, 5, 29, 18, 0, 0, 0, sgt), "3d ago"},    // 2 days and 8 hours old
		{time.Date(2025, 6, 1, 3, 0, 0, 0, sgt), "in 1h"},
		{time.Time{}, "-"},
	}
	for _, tt := range tests {
		if got := pointAge(tt.at, late); got != tt.want {
			t.Errorf("pointAge(%s) = %q, want %q", tt.at, got, tt.want)
		}
	}
	pts := []domain.RecoveryPoint{{CreatedAt: time.Date(2025, 5, 29, 18, 0, 0, 0, sgt), Status: "COMPLETED"}}
	i, err := resolvePoint(pts, "3 days ago", late)
	if err != nil || i != 0 {
		t.Fatalf("3 days ago: %d, %v", i, err)
	}
	if got := pointTime(pts[i], late); got != "May 29 18:00 (3d ago)" {
		t.Errorf("the point of 3 days ago reads %q", got)
	}
}

func TestDayStripMarksEachDay(t *testing.T) {
	pts := points().Points
	pts = append(pts[:5:5], pts[6:]...) // no backup 5 days ago
	strip, caret := dayStrip(pts, now, 35, 3, themes.BuildNoColorPlain())
	want := "34d ago ○○●●●●●●●●●●●●●●●●●●●●●●●◐●●●·●●●●● today"
	if strip != want {
		t.Fatalf("strip\n%q, want\n%q", strip, want)
	}
	// The caret is under the cell of 3 days ago.
	cells := []rune(strip)
	if i := len([]rune(caret)) - 1; string(cells[i]) != "●" || i != len([]rune("34d ago "))+34-3 {
		t.Errorf("caret at %d under %q", i, string(cells[i]))
	}
}

func TestStripDaysFitsTheWidth(t *testing.T) {
	pts := points().Points
	if d := stripDays(pts, now, 120); d != 35 {
		t.Errorf("120 wide: %d days", d)
	}
	if d := stripDays(pts, now, 40); d != 40-2-len("999d ago ")-len(" today") {
		t.Errorf("40 wide: %d days", d)
	}
	if d := stripDays(pts[:2], now, 120); d != 14 {
		t.Errorf("two points: %d days, want a fortnight", d)
	}
}

func TestResolvePointSkipsWhatCannotBeRestored(t *testing.T) {
	pts := points().Points
	pts[0].Status = "EXPIRED" // as if today's had been removed early
	if i, err := resolvePoint(pts, "newest", now); err != nil || i != 1 {
		t.Errorf("newest = %d, %v; want the newest restorable, 1", i, err)
	}
	if _, err := resolvePoint(pts, "today", now); err == nil || !strings.Contains(err.Error(), "EXPIRED") {
		t.Errorf("today's expired point: %v", err)
	}
	if _, err := resolvePoint(nil, "newest", now); err == nil || err.Error() != "this file system has no recovery points yet" {
		t.Errorf("no points: %v", err)
	}
	creating := []domain.RecoveryPoint{{ARN: "a", Status: "CREATING", CreatedAt: now.Add(-time.Hour)}}
	if _, err := resolvePoint(creating, "today", now); err == nil || !strings.Contains(err.Error(), "only COMPLETED or PARTIAL") {
		t.Errorf("creating point: %v", err)
	}
}

func TestPointSpecNamesTheCursorsPoint(t *testing.T) {
	pts := points().Points
	for i, want := range map[int]string{0: "newest", 1: "yesterday", 3: "3 days ago", 9: "9 days ago"} {
		if got := pointSpec(pts, i, now); got != want {
			t.Errorf("pointSpec(%d) = %q, want %q", i, got, want)
		}
		if j, err := resolvePoint(pts, pointSpec(pts, i, now), now); err != nil || j != i {
			t.Errorf("spec of %d resolves to %d, %v", i, j, err)
		}
	}
	// Two points on one day: the older one is named by its minute.
	two := append([]domain.RecoveryPoint{}, pts...)
	extra := two[3]
	extra.ARN, extra.CreatedAt = "arn:extra", extra.CreatedAt.Add(-time.Hour)
	two = append(two[:4], append([]domain.RecoveryPoint{extra}, two[4:]...)...)
	if got := pointSpec(two, 4, now); got != "2025-05-29 01:14" {
		t.Errorf("second point of a day: %q", got)
	}
	if j, _ := resolvePoint(two, "2025-05-29 01:14", now); j != 4 {
		t.Errorf("minute spec resolves to %d", j)
	}
}

func TestProgressBar(t *testing.T) {
	for pct, want := range map[string]string{
		"42.00%": "████░░░░░░  42%", "100.00%": "██████████ 100%", "0.0": "░░░░░░░░░░   0%", "": "░░░░░░░░░░    -", "junk%": "░░░░░░░░░░    -",
		"250%": "██████████ 100%",
	} {
		if got := progressBar(domain.RestoreJob{Status: domain.RestoreRunning, PercentDone: pct}, 10); got != want {
			t.Errorf("%q: %q, want %q", pct, got, want)
		}
	}
	if got := progressBar(domain.RestoreJob{Status: domain.RestoreCompleted}, 10); got != "██████████ 100%" {
		t.Errorf("completed without a percentage: %q", got)
	}
}
