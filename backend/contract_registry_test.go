package backend

import (
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// worldVersions is a group's versions, oldest first.
func worldVersions(t testing.TB, w *world.World, group string) []world.ModelPackage {
	t.Helper()
	list, err := w.ModelPackages(world.ModelPackageQuery{Group: group, SortOrder: world.Ascending})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]world.ModelPackage, 0, len(list))
	for _, s := range list {
		mp, err := w.ModelPackage(s.ModelPackageArn)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, mp)
	}
	return out
}

func TestSandboxModelGroupsCountTheWorldsVersions(t *testing.T) {
	s := onNewSandbox(t, "mlops-engineer")
	w := s.env.World()
	key := FeedKey{Kind: FeedModelGroups}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(ModelGroupsData)
	if len(d.Groups) != len(w.ModelPackageGroups()) || len(d.Groups) == 0 {
		t.Fatalf("%d groups, the world has %d", len(d.Groups), len(w.ModelPackageGroups()))
	}
	for _, g := range d.Groups {
		wg, err := w.ModelPackageGroup(g.Name)
		if err != nil {
			t.Fatal(err)
		}
		versions := worldVersions(t, w, g.Name)
		approved, pending := 0, 0
		for _, v := range versions {
			switch v.ModelApprovalStatus {
			case domain.ApprovalApproved:
				approved = max(approved, int(v.ModelPackageVersion))
			case domain.ApprovalPending:
				pending++
			}
		}
		if g.ARN != wg.ModelPackageGroupArn || g.Project != tagMap(wg.Tags)["sagemaker:project-name"] || g.Project == "" ||
			g.Versions != len(versions) || g.LatestApproved != approved || g.Pending != pending {
			t.Errorf("group %s = %+v; want project %q, %d versions, latest approved %d, %d pending",
				g.Name, g, tagMap(wg.Tags)["sagemaker:project-name"], len(versions), approved, pending)
		}
	}
}

func TestSandboxModelVersionsParseReportsMalformedAndIncomplete(t *testing.T) {
	s := onNewSandbox(t, "mlops-engineer")
	w := s.env.World()
	for _, tc := range []struct {
		group, metric string // a metric every sound report has
		quirk         func(r domain.MetricsReport) bool
		says          string
	}{
		{"hdb-flat-demand", "rmse", func(r domain.MetricsReport) bool { return r.Err != "" && len(r.Metrics) == 0 }, "a malformed report has Err set"},
		{"mom-wsh-incident-risk", "recall", func(r domain.MetricsReport) bool {
			_, hasRecall := r.Metric("recall")
			_, hasAUC := r.Metric("auc")
			return r.Err == "" && !hasRecall && hasAUC
		}, "the report missing recall has the other metrics and no recall"},
	} {
		key := FeedKey{Kind: FeedModelVersions, Arg: tc.group}
		unsubscribe := s.c.Subscribe(key)
		d := s.settled(t, key).Data.(ModelVersionsData)
		unsubscribe()
		want := worldVersions(t, w, tc.group)
		if len(d.Versions) != len(want) || d.Group.Name != tc.group {
			t.Fatalf("%s: %d versions, the world has %d", tc.group, len(d.Versions), len(want))
		}
		quirky := int(want[len(want)/2].ModelPackageVersion) // the version the scenario spoils
		lineage := 0
		for i, v := range d.Versions {
			wv := want[len(want)-1-i] // newest first
			uri := ""
			if q := wv.ModelMetrics.ModelQuality; q != nil && q.Statistics != nil {
				uri = q.Statistics.S3Uri
			}
			if v.Version != int(wv.ModelPackageVersion) || v.ARN != wv.ModelPackageArn || v.Approval != wv.ModelApprovalStatus ||
				v.MetricsURI != uri || !v.Detailed || v.Lineage.PipelineExecutionARN != wv.MetadataProperties.GeneratedBy {
				t.Errorf("%s v%d = %+v\nwant %+v", tc.group, v.Version, v, wv)
			}
			if uri == "" {
				continue
			}
			if !v.Report.Loaded {
				t.Errorf("%s v%d: report not loaded", tc.group, v.Version)
			}
			_, has := v.Report.Metric(tc.metric)
			switch {
			case v.Version == quirky && !tc.quirk(v.Report):
				t.Errorf("%s v%d report = %+v; want: %s", tc.group, v.Version, v.Report, tc.says)
			case v.Version != quirky && (v.Report.Err != "" || !has):
				t.Errorf("%s v%d report = %+v; want a sound report with %s", tc.group, v.Version, v.Report, tc.metric)
			}
			if v.Lineage.TrainingJobName != "" && len(v.Hyperparameter) > 0 {
				lineage++
			}
		}
		if lineage == 0 {
			t.Errorf("%s: no version names the training job (and its hyperparameters) that produced it", tc.group)
		}
	}
}
