package governance

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMembers(t *testing.T) {
	in := agAccount()
	got := Members(in.Projects, in.Users)
	names := func(us []domain.User) []string {
		out := []string{}
		for _, u := range us {
			out = append(out, u.Name)
		}
		return out
	}
	want := map[string][]string{
		"hdb-resale-valuation":    {"alice", "bob", "carol"},
		"cpf-retirement-forecast": {"bob", "dave", "gina"}, // gina names it by id
		"lta-traffic-nowcast":     {"frank"},
	}
	if len(got) != len(want) {
		t.Errorf("projects in Members = %d, want %d (unknown names ignored)", len(got), len(want))
	}
	for p, w := range want {
		if n := names(got[p]); !reflect.DeepEqual(n, w) {
			t.Errorf("%s members = %v, want %v", p, n, w)
		}
	}
}

func TestMembersEdgeCases(t *testing.T) {
	projects := []domain.Project{{Name: "empty"}, {Name: "p"}}
	users := []domain.User{
		{Name: "u", DomainID: "d-2", Projects: []string{"p", "p"}},
		{Name: "u", DomainID: "d-1", Projects: []string{"p"}},
	}
	got := Members(projects, users)
	if got["empty"] == nil || len(got["empty"]) != 0 {
		t.Errorf("project without members = %#v, want an empty list", got["empty"])
	}
	if len(got["p"]) != 2 || got["p"][0].DomainID != "d-1" || got["p"][1].DomainID != "d-2" {
		t.Errorf("members of p = %+v, want u@d-1 then u@d-2, each once", got["p"])
	}
}

func TestInstanceHours(t *testing.T) {
	now := mustTime(t, "2024-05-15T10:00:00Z")
	from := MonthStart(now)
	tests := []struct {
		name string
		job  domain.TrainingJob
		want float64
	}{
		{
			"finished last month",
			domain.TrainingJob{Status: domain.JobCompleted, EndedAt: mustTime(t, "2024-04-30T20:00:00Z"), TrainingSeconds: 7200, InstanceCount: 1},
			0,
		},
		{
			"spans the month boundary: only May counts",
			domain.TrainingJob{Status: domain.JobCompleted, EndedAt: mustTime(t, "2024-05-01T02:00:00Z"), TrainingSeconds: 4 * 3600, InstanceCount: 2},
			4, // 2 h in May × 2 instances
		},
		{
			"running since 08:30",
			domain.TrainingJob{Status: domain.JobInProgress, CreatedAt: mustTime(t, "2024-05-15T08:20:00Z"), StartedAt: mustTime(t, "2024-05-15T08:30:00Z"), InstanceCount: 1},
			1.5,
		},
		{
			"running, not described: from creation",
			domain.TrainingJob{Status: domain.JobInProgress, CreatedAt: mustTime(t, "2024-05-15T09:00:00Z")},
			1,
		},
		{
			"finished without training seconds: from training start",
			domain.TrainingJob{Status: domain.JobFailed, CreatedAt: mustTime(t, "2024-05-09T23:50:00Z"), StartedAt: mustTime(t, "2024-05-10T00:00:00Z"), EndedAt: mustTime(t, "2024-05-10T03:00:00Z"), InstanceCount: 3},
			9,
		},
		{
			"finished, only listed: from creation to last change",
			domain.TrainingJob{Status: domain.JobStopped, CreatedAt: mustTime(t, "2024-05-12T00:00:00Z"), LastModified: mustTime(t, "2024-05-12T01:00:00Z")},
			1,
		},
		{
			"spot job counts training, not billable, time",
			domain.TrainingJob{Status: domain.JobCompleted, EndedAt: mustTime(t, "2024-05-14T12:00:00Z"), TrainingSeconds: 3600, BillableSeconds: 1200, InstanceCount: 1},
			1,
		},
		{
			"nothing known",
			domain.TrainingJob{Status: domain.JobCompleted},
			0,
		},
		{
			"clock behind the job's start",
			domain.TrainingJob{Status: domain.JobInProgress, StartedAt: mustTime(t, "2024-05-15T11:00:00Z")},
			0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := InstanceHours(tt.job.Summary(), from, now); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("InstanceHours = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMonthStartIsUTC(t *testing.T) {
	sgt := time.FixedZone("SGT", 8*3600)
	// 07:00 on 1 June in Singapore is still 31 May in UTC.
	now := time.Date(2024, 6, 1, 7, 0, 0, 0, sgt)
	if got, want := MonthStart(now), time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("MonthStart = %v, want %v", got, want)
	}
}

func TestUsageAGAccount(t *testing.T) {
	in := agAccount()
	now := mustTime(t, "2024-05-15T10:05:00Z")
	got := Usage(in, now)
	// Fixture jobs train from 08:05, 2 h before now. hdb has three running
	// (one with no instance count, counted as one instance) and one
	// finished with no end time, which counts nothing; cpf has two
	// running, one on 4 instances; lta one on 2.
	want := map[string]domain.ProjectUsage{
		"hdb-resale-valuation": {
			RunningJobs: 3, Endpoints: 4, Pipelines: 2,
			RunningApps:        4, // alice ×2 (JupyterServer counts), bob ×2
			InstanceHoursMonth: 2 + 2 + 2,
		},
		"cpf-retirement-forecast": {
			RunningJobs: 2, Endpoints: 1, Pipelines: 1,
			RunningApps:        3, // bob ×2, gina
			InstanceHoursMonth: 2 + 2*4,
		},
		"lta-traffic-nowcast": {RunningJobs: 1, RunningApps: 1, InstanceHoursMonth: 2 * 2},
	}
	for p, w := range want {
		g := got[p]
		if math.Abs(g.InstanceHoursMonth-w.InstanceHoursMonth) > 1e-9 {
			t.Errorf("%s instance-hours = %v, want %v", p, g.InstanceHoursMonth, w.InstanceHoursMonth)
		}
		g.InstanceHoursMonth, w.InstanceHoursMonth = 0, 0
		if g != w {
			t.Errorf("%s usage = %+v, want %+v", p, g, w)
		}
	}
	if len(got) != 3 {
		t.Errorf("usage has %d projects, want 3", len(got))
	}
}

func TestAnnotate(t *testing.T) {
	projects, findings := Annotate(agAccount(), mustTime(t, "2024-05-15T10:05:00Z"))
	if len(findings) != 11 {
		t.Errorf("%d findings, want 11", len(findings))
	}
	counts := map[string]int{}
	for _, p := range projects {
		counts[p.Name] = p.FindingCount
		if p.Name == "hdb-resale-valuation" && (len(p.Members) != 3 || p.Usage.Pipelines != 2) {
			t.Errorf("hdb annotated as %+v", p)
		}
	}
	want := map[string]int{"hdb-resale-valuation": 4, "cpf-retirement-forecast": 4, "lta-traffic-nowcast": 0}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("finding counts = %v, want %v", counts, want)
	}
}
