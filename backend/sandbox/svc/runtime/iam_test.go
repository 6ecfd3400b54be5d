package runtime_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// invocations is the Invocations sum the world reports for an endpoint's
// first variant in the minute starting at m.
func invocations(t *testing.T, env *sandboxtest.Env, endpoint string, m time.Time) float64 {
	t.Helper()
	e, err := env.World().Endpoint(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	dims := map[string]string{"EndpointName": endpoint, "VariantName": e.ProductionVariants[0].VariantName}
	_, vs, err := env.World().MetricData("AWS/SageMaker", "Invocations", dims, "Sum", time.Minute, m, m.Add(time.Minute))
	if err != nil || len(vs) != 1 {
		t.Fatalf("Invocations at %v: %v %v", m, vs, err)
	}
	return vs[0]
}

// TestWhoMayInvoke: on-call may invoke any endpoint; a data scientist only
// their project's. A refused call is not served: the endpoint's traffic
// is what it would have been without it.
func TestWhoMayInvoke(t *testing.T) {
	used, quiet := sandboxtest.Start(t), sandboxtest.Start(t)
	ctx := context.Background()
	flat := []byte(`{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":92,"storey_range":"07 TO 09","remaining_lease":61}`)
	fraud := []byte(`{"salary":5000}`)
	minute := sandboxtest.Epoch

	ds := client(t, used, "data-scientist") // of hdb-resale-valuation
	for i := 0; i < 3; i++ {
		_, err := ds.InvokeEndpoint(ctx, &sagemakerruntime.InvokeEndpointInput{
			EndpointName: aws.String(incidentEndpoint), ContentType: aws.String("application/json"), Body: fraud})
		code, msg := servertest.APIError(t, err)
		if code != "AccessDeniedException" || !strings.Contains(msg, "sagemaker:InvokeEndpoint") ||
			!strings.Contains(msg, "endpoint/"+incidentEndpoint) {
			t.Fatalf("data scientist on another project's endpoint: %s %s", code, msg)
		}
	}
	for i := 0; i < 2; i++ {
		if _, err := ds.InvokeEndpoint(ctx, &sagemakerruntime.InvokeEndpointInput{
			EndpointName: aws.String(hdbEndpoint), ContentType: aws.String("application/json"), Body: flat}); err != nil {
			t.Fatalf("data scientist on their own project's endpoint: %v", err)
		}
	}
	oncall := client(t, used, "on-call")
	for _, name := range []string{hdbEndpoint, "ssg-course-dropout-prod"} {
		body := fraud
		if name == hdbEndpoint {
			body = flat
		}
		if _, err := oncall.InvokeEndpoint(ctx, &sagemakerruntime.InvokeEndpointInput{
			EndpointName: aws.String(name), ContentType: aws.String("application/json"), Body: body}); err != nil {
			t.Fatalf("on-call invoking %s: %v", name, err)
		}
	}

	used.Clock.Advance(2 * time.Minute)
	quiet.Clock.Advance(2 * time.Minute)
	if got, base := invocations(t, used, incidentEndpoint, minute), invocations(t, quiet, incidentEndpoint, minute); got != base {
		t.Errorf("refused calls were served: %s had %v invocations, %v without them", incidentEndpoint, got, base)
	}
	if got, base := invocations(t, used, hdbEndpoint, minute), invocations(t, quiet, hdbEndpoint, minute); got != base+3 {
		t.Errorf("%s had %v invocations, want %v + the 3 sent", hdbEndpoint, got, base)
	}
}
