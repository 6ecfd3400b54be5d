package cloudwatch_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func sdkMetricKey(m cwtypes.Metric) string {
	parts := []string{aws.ToString(m.Namespace), aws.ToString(m.MetricName)}
	for _, d := range m.Dimensions {
		parts = append(parts, aws.ToString(d.Name)+"="+aws.ToString(d.Value))
	}
	return strings.Join(parts, "|")
}

func worldMetricKeys(ms []world.Metric) []string {
	var out []string
	for _, m := range ms {
		parts := []string{m.Namespace, m.MetricName}
		for _, d := range m.Dimensions {
			parts = append(parts, d.Name+"="+d.Value)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	sort.Strings(out)
	return out
}

func TestListMetricsOfAnEndpointInEveryProtocol(t *testing.T) {
	env := sandboxtest.Start(t)
	filter := []world.DimensionFilter{{Name: "EndpointName", Value: incidentEndpoint}}
	want := worldMetricKeys(env.World().ListMetrics(world.NamespaceSageMaker, "", filter))
	if len(want) != 12 { // six metrics for each of two variants
		t.Fatalf("world lists %d metrics for %s, want 12", len(want), incidentEndpoint)
	}
	answers := map[string][]string{}
	for _, proto := range protocols {
		t.Run(proto, func(t *testing.T) {
			out, err := client(t, env, "on-call", proto).ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{
				Namespace:  aws.String(world.NamespaceSageMaker),
				Dimensions: []cwtypes.DimensionFilter{{Name: aws.String("EndpointName"), Value: aws.String(incidentEndpoint)}},
			})
			if err != nil {
				t.Fatalf("ListMetrics: %v", err)
			}
			var got []string
			for _, m := range out.Metrics {
				got = append(got, sdkMetricKey(m))
			}
			answers[proto] = got
			sorted := slices.Clone(got)
			sort.Strings(sorted)
			if !slices.Equal(sorted, want) || out.NextToken != nil {
				t.Errorf("ListMetrics = %v (token %v)\nwant %v", got, out.NextToken, want)
			}

			// A dimension filter without a value, and a metric name.
			out, err = client(t, env, "on-call", proto).ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{
				MetricName: aws.String("ModelLatency"), Dimensions: []cwtypes.DimensionFilter{{Name: aws.String("VariantName")}},
			})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, m := range out.Metrics {
				if aws.ToString(m.MetricName) != "ModelLatency" || aws.ToString(m.Namespace) != world.NamespaceSageMaker {
					t.Errorf("ModelLatency filter returned %s", sdkMetricKey(m))
				}
				names = append(names, sdkMetricKey(m))
			}
			wantLat := worldMetricKeys(env.World().ListMetrics("", "ModelLatency", []world.DimensionFilter{{Name: "VariantName"}}))
			sort.Strings(names)
			if !slices.Equal(names, wantLat) {
				t.Errorf("ModelLatency metrics = %v, want %v", names, wantLat)
			}
		})
	}
	for _, proto := range protocols[1:] {
		if !slices.Equal(answers[proto], answers[protocols[0]]) {
			t.Errorf("%s answered %v, rpcv2Cbor %v", proto, answers[proto], answers[protocols[0]])
		}
	}
}

// TestListMetricsPagesOverEverything pages through every metric of the
// account: none missing, none twice.
func TestListMetricsPagesOverEverything(t *testing.T) {
	// A larger training history gives more than one page of metrics.
	env := sandboxtest.Start(t, func(o *sandbox.Options) { o.Scale = 4 })
	want := worldMetricKeys(env.World().ListMetrics("", "", nil))
	if len(want) <= 500 {
		t.Fatalf("the account has %d metrics; paging needs more than 500", len(want))
	}
	c := client(t, env, "on-call", "rpcv2Cbor")
	var got []string
	pages := 0
	p := cloudwatch.NewListMetricsPaginator(c, &cloudwatch.ListMetricsInput{})
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(out.Metrics) > 500 {
			t.Errorf("page %d has %d metrics", pages, len(out.Metrics))
		}
		for _, m := range out.Metrics {
			got = append(got, sdkMetricKey(m))
		}
	}
	if pages != (len(want)+499)/500 {
		t.Errorf("%d pages for %d metrics", pages, len(want))
	}
	sorted := slices.Clone(got)
	sort.Strings(sorted)
	if !slices.Equal(sorted, want) {
		t.Errorf("paged %d metrics, want %d, or some differ", len(got), len(want))
	}
	if len(slices.Compact(sorted)) != len(got) {
		t.Error("a metric was listed twice")
	}

	_, err := c.ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{NextToken: aws.String("%%%")})
	if code, _ := servertest.APIError(t, err); code != "InvalidNextToken" {
		t.Errorf("bad token: %s", code)
	}
}

// TestListMetricsRecentlyActive: a training job that ended long ago still
// has metrics within two weeks, but not in the last three hours.
func TestListMetricsRecentlyActive(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call", "rpcv2Cbor")
	all, err := c.ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{Namespace: aws.String(world.NamespaceSageMaker)})
	if err != nil {
		t.Fatal(err)
	}
	active, err := c.ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{Namespace: aws.String(world.NamespaceSageMaker), RecentlyActive: cwtypes.RecentlyActivePt3h})
	if err != nil {
		t.Fatal(err)
	}
	if len(active.Metrics) == 0 || len(active.Metrics) > len(all.Metrics) {
		t.Fatalf("%d recently active of %d", len(active.Metrics), len(all.Metrics))
	}
	// Serving endpoints have traffic every minute: all their metrics are active.
	for _, m := range active.Metrics {
		if aws.ToString(m.Namespace) != world.NamespaceSageMaker {
			t.Errorf("namespace filter broken: %s", sdkMetricKey(m))
		}
	}
	training, err := c.ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{Namespace: aws.String(world.NamespaceTraining)})
	if err != nil {
		t.Fatal(err)
	}
	trainingActive, err := c.ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{Namespace: aws.String(world.NamespaceTraining), RecentlyActive: cwtypes.RecentlyActivePt3h})
	if err != nil {
		t.Fatal(err)
	}
	if len(trainingActive.Metrics) >= len(training.Metrics) {
		t.Errorf("%d of %d training metrics recently active: jobs that ended days ago should not be", len(trainingActive.Metrics), len(training.Metrics))
	}
}
