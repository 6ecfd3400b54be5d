package backups

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Glyphs of the day strip. Every status is told by its glyph as well as
// its colour, so the strip reads in NO_COLOR too.
const (
	glyphCompleted = "●"
	glyphPartial   = "◐"
	glyphExpired   = "○"
	glyphOther     = "◌"
	glyphNone      = "·"
)

// daysAgo is how many calendar days before now's day t falls, in now's
// location: 0 for today, 1 for yesterday.
func daysAgo(t, now time.Time) int {
	t = t.In(now.Location())
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	a := time.Date(y1, m1, d1, 12, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Round(24*time.Hour) / (24 * time.Hour))
}

// restorable reports whether AWS Backup restores from a point in this
// status, and if not, why.
func restorable(rp domain.RecoveryPoint) (bool, string) {
	switch strings.ToUpper(rp.Status) {
	case "COMPLETED", "PARTIAL", "AVAILABLE":
		return true, ""
	case "EXPIRED":
		return false, "it has EXPIRED: its retention ended, so it cannot be restored"
	}
	return false, "it is " + kit.Sanitize(orDash(rp.Status)) + ", and only COMPLETED or PARTIAL points can be restored"
}

// dayGlyph is the strip's mark for a day's points: the best of them
// (a completed point makes the day restorable whatever else it holds).
func dayGlyph(points []domain.RecoveryPoint) (string, themes.Family) {
	rank := func(rp domain.RecoveryPoint) int {
		switch strings.ToUpper(rp.Status) {
		case "COMPLETED", "AVAILABLE":
			return 4
		case "PARTIAL":
			return 3
		case "EXPIRED":
			return 1
		}
		return 2
	}
	best := -1
	var pick domain.RecoveryPoint
	for _, rp := range points {
		if r := rank(rp); r > best {
			best, pick = r, rp
		}
	}
	switch best {
	case -1:
		return glyphNone, themes.FamilyNeutral
	case 4:
		return glyphCompleted, themes.FamilySucceeded
	case 3:
		return glyphPartial, themes.FamilyWarning
	case 1:
		return glyphExpired, themes.FamilyStopped
	}
	return glyphOther, kit.StatusFamily(pick.Status)
}

// dayStrip draws one cell per day for the last days days, oldest at the
// left and today at the right, each marked by the points taken that day;
// selected (days ago, -1 for none) is drawn in the accent style. The
// second line carries a caret under the selected day.
func dayStrip(points []domain.RecoveryPoint, now time.Time, days, selected int, st *themes.Styles) (strip, caret string) {
	byDay := make([][]domain.RecoveryPoint, days)
	for _, rp := range points {
		if d := daysAgo(rp.CreatedAt, now); d >= 0 && d < days {
			byDay[d] = append(byDay[d], rp)
		}
	}
	left := strconv.Itoa(days-1) + "d ago "
	var b strings.Builder
	b.WriteString(st.Muted.Render(left))
	for d := days - 1; d >= 0; d-- {
		g, fam := dayGlyph(byDay[d])
		look := st.Status(fam)
		if d == selected {
			look = st.Accent
		}
		b.WriteString(look.Render(g))
	}
	b.WriteString(st.Muted.Render(" today"))
	if selected >= 0 && selected < days {
		caret = strings.Repeat(" ", kit.Width(left)+days-1-selected) + "^"
	}
	return b.String(), caret
}

// stripDays is how many days the strip shows in width cells: the oldest
// point's day at most, at least a fortnight, and what fits.
func stripDays(points []domain.RecoveryPoint, now time.Time, width int) int {
	oldest := 0
	for _, rp := range points {
		oldest = max(oldest, daysAgo(rp.CreatedAt, now))
	}
	fit := width - 2 - len("999d ago ") - len(" today")
	return max(1, min(max(oldest+1, 14), fit))
}

// pointOnDay is the index of the newest restorable point taken d days
// ago (points are newest first), or of the newest point that day when
// none is restorable; -1 when there is none.
func pointOnDay(points []domain.RecoveryPoint, now time.Time, d int) int {
	first := -1
	for i, rp := range points {
		if daysAgo(rp.CreatedAt, now) != d {
			continue
		}
		if ok, _ := restorable(rp); ok {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
}

// newestRestorable is the index of the newest point that can be restored.
func newestRestorable(points []domain.RecoveryPoint) int {
	for i, rp := range points {
		if ok, _ := restorable(rp); ok {
			return i
		}
	}
	return -1
}

// pointSpecHint says what the recovery point field accepts.
const pointSpecHint = "newest · yesterday · 3 (days ago) · YYYY-MM-DD [hh:mm] · ARN"

// resolvePoint finds the recovery point a typed spec names: "newest" (or
// empty), "today", "yesterday", "3", "3d", "3 days ago", a date, a date and
// minute, or an ARN. It refuses a point that cannot be restored.
func resolvePoint(points []domain.RecoveryPoint, spec string, now time.Time) (int, error) {
	s := strings.ToLower(strings.Join(strings.Fields(spec), " "))
	if len(points) == 0 {
		return -1, fmt.Errorf("this file system has no recovery points yet")
	}
	i, what := -1, ""
	switch {
	case s == "" || s == "newest" || s == "latest":
		if i = newestRestorable(points); i < 0 {
			return -1, fmt.Errorf("none of the %d recovery points can be restored", len(points))
		}
		return i, nil
	case strings.HasPrefix(s, "arn:"):
		for j, rp := range points {
			if strings.EqualFold(rp.ARN, strings.TrimSpace(spec)) {
				i = j
			}
		}
		what = "that ARN"
	default:
		d, ok := parseDaysAgo(s)
		switch {
		case ok:
			i, what = pointOnDay(points, now, d), fmt.Sprintf("%s (%s)", daysPhrase(d), now.AddDate(0, 0, -d).Format("Jan 02"))
		default:
			if day, err := time.ParseInLocation("2006-01-02", s, now.Location()); err == nil {
				i, what = pointOnDay(points, now, daysAgo(day, now)), day.Format("2006-01-02")
			} else if at, err := time.ParseInLocation("2006-01-02 15:04", s, now.Location()); err == nil {
				for j, rp := range points {
					if rp.CreatedAt.In(now.Location()).Truncate(time.Minute).Equal(at) {
						i = j
						break
					}
				}
				what = at.Format("2006-01-02 15:04")
			} else {
				return -1, fmt.Errorf("%q is not a recovery point: type %s", spec, pointSpecHint)
			}
		}
	}
	if i < 0 {
		return -1, fmt.Errorf("no recovery point from %s", what)
	}
	if ok, why := restorable(points[i]); !ok {
		return -1, fmt.Errorf("the recovery point of %s cannot be used: %s", pointTime(points[i], now), why)
	}
	return i, nil
}

// parseDaysAgo reads "today", "yesterday", "3", "3d", "3 days ago".
func parseDaysAgo(s string) (int, bool) {
	switch s {
	case "today":
		return 0, true
	case "yesterday":
		return 1, true
	}
	s = strings.TrimSuffix(s, " ago")
	for _, unit := range []string{" days", " day", "days", "day", "d"} {
		if t, ok := strings.CutSuffix(s, unit); ok {
			s = t
			break
		}
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 3660 {
		return 0, false
	}
	return n, true
}

// daysPhrase is d days ago in words.
func daysPhrase(d int) string {
	switch d {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return strconv.Itoa(d) + " days ago"
}

// pointSpec is what the recovery point field starts with for point i:
// "newest", "3 days ago" when it is that day's pick, else its minute.
func pointSpec(points []domain.RecoveryPoint, i int, now time.Time) string {
	if i < 0 || i >= len(points) || i == newestRestorable(points) {
		return "newest"
	}
	d := daysAgo(points[i].CreatedAt, now)
	if d >= 1 && pointOnDay(points, now, d) == i {
		return daysPhrase(d)
	}
	return points[i].CreatedAt.In(now.Location()).Format("2006-01-02 15:04")
}

// pointTime is when a point was taken, with its age: "May 29 02:14 (3d ago)".
func pointTime(rp domain.RecoveryPoint, now time.Time) string {
	if rp.CreatedAt.IsZero() {
		return kit.Unknown
	}
	return kit.Timestamp(rp.CreatedAt, now) + " (" + pointAge(rp.CreatedAt, now) + ")"
}

// pointAge is how long ago a point was taken, counted as the recovery
// point field and alt+1…9 count: in calendar days, "yesterday", "3d ago",
// and in hours for today's. So the point that alt+3 or "3 days ago" picks
// reads "3d ago", though shortly after midnight it is only 2 days and a
// few hours old.
func pointAge(t, now time.Time) string {
	if t.IsZero() {
		return kit.Unknown
	}
	switch d := daysAgo(t, now); {
	case d <= 0:
		return kit.Age(t, now)
	case d == 1:
		return "yesterday"
	default:
		return strconv.Itoa(d) + "d ago"
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
