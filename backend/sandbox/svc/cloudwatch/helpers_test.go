package cloudwatch_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// The default scenario's incident: mom-work-pass-fraud-prod answers a third
// of its calls with 5xx from 35 minutes before the test epoch to 55 after.
const (
	incidentEndpoint = "mom-work-pass-fraud-prod"
	healthyEndpoint  = "hdb-resale-valuation-prod"
)

// protocols are the three ways the Go SDK can talk to CloudWatch: its
// default (rpcv2Cbor) and the two older protocols it can be switched to.
var protocols = []string{"rpcv2Cbor", "awsJson1_0", "awsQuery"}

func client(t *testing.T, env *sandboxtest.Env, who, protocol string) *cloudwatch.Client {
	t.Helper()
	var proto smithyhttp.ClientProtocol
	switch protocol {
	case "rpcv2Cbor":
	case "awsJson1_0":
		proto = awsjson.New10(schemas.GraniteServiceVersion20100801)
	case "awsQuery":
		proto = awsquery.New(schemas.GraniteServiceVersion20100801)
	default:
		t.Fatalf("unknown protocol %s", protocol)
	}
	return cloudwatch.NewFromConfig(env.Config(t, who), func(o *cloudwatch.Options) {
		if proto != nil {
			o.Protocol = proto
		}
	})
}

// variant is the first production variant of an endpoint.
func variant(t *testing.T, env *sandboxtest.Env, endpoint string) string {
	t.Helper()
	e, err := env.World().Endpoint(endpoint)
	if err != nil || len(e.ProductionVariants) == 0 {
		t.Fatalf("endpoint %s: %v %+v", endpoint, err, e)
	}
	return e.ProductionVariants[0].VariantName
}

func endpointMetric(endpoint, variantName, name string) *cwtypes.Metric {
	return &cwtypes.Metric{
		Namespace: aws.String(world.NamespaceSageMaker), MetricName: aws.String(name),
		Dimensions: []cwtypes.Dimension{
			{Name: aws.String("EndpointName"), Value: aws.String(endpoint)},
			{Name: aws.String("VariantName"), Value: aws.String(variantName)},
		},
	}
}

func statQuery(id string, m *cwtypes.Metric, stat string, period int32) cwtypes.MetricDataQuery {
	return cwtypes.MetricDataQuery{Id: aws.String(id), MetricStat: &cwtypes.MetricStat{Metric: m, Period: aws.Int32(period), Stat: aws.String(stat)}}
}

// worldSeries is what the world says a metric is, newest first as
// GetMetricData returns it by default.
func worldSeries(t *testing.T, env *sandboxtest.Env, m *cwtypes.Metric, stat string, period time.Duration, start, end time.Time) ([]time.Time, []float64) {
	t.Helper()
	dims := map[string]string{}
	for _, d := range m.Dimensions {
		dims[aws.ToString(d.Name)] = aws.ToString(d.Value)
	}
	ts, vs, err := env.World().MetricData(aws.ToString(m.Namespace), aws.ToString(m.MetricName), dims, stat, period, start, end)
	if err != nil {
		t.Fatalf("world MetricData: %v", err)
	}
	rt, rv := make([]time.Time, len(ts)), make([]float64, len(vs))
	for i := range ts {
		rt[len(ts)-1-i], rv[len(vs)-1-i] = ts[i], vs[i]
	}
	return rt, rv
}

func sum(vs []float64) float64 {
	s := 0.0
	for _, v := range vs {
		s += v
	}
	return s
}

// signedRequest sends a request signed for "monitoring" as who, the way a
// hand-written client would.
func signedRequest(t *testing.T, env *sandboxtest.Env, who, path string, header map[string]string, body []byte) (*http.Response, []byte) {
	t.Helper()
	p, err := env.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	return servertest.Send(t, p, "monitoring", http.MethodPost, env.URL()+path, header, body)
}
