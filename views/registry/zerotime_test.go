package registry

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit/kittest"
)

// A group or version whose creation time AWS has not given says "-",
// in its row and in the version's detail.
func TestRowsWithZeroTimes(t *testing.T) {
	clock := func() time.Time { return kittest.Now }
	g := kittest.Cells(groupColumns(clock), domain.ModelGroup{Name: "hdb-resale-valuation"})
	if g["CREATED"] != "-" {
		t.Errorf("group CREATED is %q, want -", g["CREATED"])
	}
	v := domain.ModelVersion{Group: "hdb-resale-valuation", Version: 3, Approval: domain.ApprovalPending}
	cells := kittest.Cells(versionColumns(func(int) bool { return false }, nil, clock), versionRow{ModelVersion: v})
	if cells["CREATED"] != "-" {
		t.Errorf("version CREATED is %q, want -", cells["CREATED"])
	}
	out := versionDetail(v, domain.ModelGroup{Name: v.Group}, []domain.ModelVersion{v}, "", themes.BuildNoColorPlain(), kittest.Now, 100)
	if !strings.Contains(out, "Registered -") || strings.Contains(out, "(-)") {
		t.Fatalf("the detail should say the registration time is not known, once:\n%s", out)
	}
}
