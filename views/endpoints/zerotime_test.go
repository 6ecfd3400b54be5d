package endpoints

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit/kittest"
)

// An endpoint just listed, before its metrics and times are known: its
// row says "-" where a measure goes, and its overview names no time it
// does not have.
func TestZeroTimes(t *testing.T) {
	e := domain.Endpoint{Name: "hdb-resale-valuation-prod", Status: domain.EndpointCreating, Stage: "prod",
		Alarms: []domain.Alarm{{Name: "hdb-resale-5xx", MetricName: "Invocation5XXErrors", State: domain.AlarmAlarm}}}
	cells := kittest.Cells(columns(func() sparkMode { return sparkInvocations }), row{Endpoint: e})
	for _, title := range []string{"INV/M", "4XX", "5XX", "AVG", "P99", "CPU", "MEM"} {
		if cells[title] != "-" {
			t.Errorf("%s is %q before the metrics are known, want -", title, cells[title])
		}
	}
	out := overview(e, nil, health.DefaultThresholds(), themes.BuildNoColorPlain(), kittest.Now, 120)
	for _, bad := range []string{"changed", "created", "since", "106751", "292y"} {
		if strings.Contains(out, bad) {
			t.Errorf("the overview says %q with no times known:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "hdb-resale-5xx") {
		t.Errorf("the firing alarm is not listed:\n%s", out)
	}
}
