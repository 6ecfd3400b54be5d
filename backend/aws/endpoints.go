package aws

import (
	"context"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime"

	"github.com/agdash/agdash/backend/domain"
)

// Endpoints lists every endpoint (status and times; no variants).
// aws sagemaker list-endpoints
func (a *Account) Endpoints(ctx context.Context) ([]domain.Endpoint, error) {
	var out []domain.Endpoint
	p := sagemaker.NewListEndpointsPaginator(a.SageMaker, &sagemaker.ListEndpointsInput{MaxResults: sdk.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, e := range page.Endpoints {
			out = append(out, domain.Endpoint{
				Name: str(e.EndpointName), ARN: str(e.EndpointArn), Status: string(e.EndpointStatus),
				CreatedAt: tm(e.CreationTime), LastModified: tm(e.LastModifiedTime),
			})
		}
	}
	return out, nil
}

// DescribeEndpoint reads an endpoint with its variants' live counts.
// aws sagemaker describe-endpoint --endpoint-name NAME
func (a *Account) DescribeEndpoint(ctx context.Context, name string) (domain.Endpoint, error) {
	d, err := a.SageMaker.DescribeEndpoint(ctx, &sagemaker.DescribeEndpointInput{EndpointName: sdk.String(name)})
	if err != nil {
		return domain.Endpoint{}, err
	}
	e := domain.Endpoint{
		Name: str(d.EndpointName), ARN: str(d.EndpointArn), Status: string(d.EndpointStatus),
		FailureReason: str(d.FailureReason), ConfigName: str(d.EndpointConfigName),
		CreatedAt: tm(d.CreationTime), LastModified: tm(d.LastModifiedTime),
	}
	for _, v := range d.ProductionVariants {
		e.Variants = append(e.Variants, variantFromSummary(v))
	}
	return e, nil
}

func variantFromSummary(v types.ProductionVariantSummary) domain.Variant {
	out := domain.Variant{
		Name: str(v.VariantName), CurrentCount: i32(v.CurrentInstanceCount), DesiredCount: i32(v.DesiredInstanceCount),
		Weight: f32(v.CurrentWeight),
	}
	if s := v.CurrentServerlessConfig; s != nil {
		out.ServerlessMem = i32(s.MemorySizeInMB)
	}
	return out
}

// EndpointConfig is an endpoint configuration: immutable, so read once.
type EndpointConfig struct {
	Name        string
	CreatedAt   time.Time
	DataCapture bool
	KMSKey      string
	Variants    []domain.Variant // with model name, instance type and initial count
}

// DescribeEndpointConfig reads an endpoint configuration.
// aws sagemaker describe-endpoint-config --endpoint-config-name NAME
func (a *Account) DescribeEndpointConfig(ctx context.Context, name string) (EndpointConfig, error) {
	d, err := a.SageMaker.DescribeEndpointConfig(ctx, &sagemaker.DescribeEndpointConfigInput{EndpointConfigName: sdk.String(name)})
	if err != nil {
		return EndpointConfig{}, err
	}
	c := EndpointConfig{Name: str(d.EndpointConfigName), CreatedAt: tm(d.CreationTime), KMSKey: str(d.KmsKeyId)}
	if dc := d.DataCaptureConfig; dc != nil {
		c.DataCapture = dc.EnableCapture == nil || *dc.EnableCapture
	}
	for _, v := range d.ProductionVariants {
		pv := domain.Variant{
			Name: str(v.VariantName), ModelName: str(v.ModelName), InstanceType: string(v.InstanceType),
			DesiredCount: i32(v.InitialInstanceCount), Weight: f32(v.InitialVariantWeight),
		}
		if v.ServerlessConfig != nil {
			pv.ServerlessMem = i32(v.ServerlessConfig.MemorySizeInMB)
		}
		c.Variants = append(c.Variants, pv)
	}
	return c, nil
}

// Invocation is an InvokeEndpoint request.
type Invocation struct {
	Endpoint    string
	ContentType string
	Accept      string
	Body        []byte
}

// Invoked is an endpoint's answer and how long it took.
type Invoked struct {
	ContentType string
	Body        []byte
	Variant     string
	Latency     time.Duration
}

// InvokeEndpoint sends one request to an endpoint. The latency is measured
// with now, the caller's clock, around the call.
// aws sagemaker-runtime invoke-endpoint --endpoint-name NAME --content-type TYPE --body FILE OUT
func (a *Account) InvokeEndpoint(ctx context.Context, in Invocation, now func() time.Time) (Invoked, error) {
	req := &sagemakerruntime.InvokeEndpointInput{EndpointName: sdk.String(in.Endpoint), Body: in.Body}
	if in.ContentType != "" {
		req.ContentType = sdk.String(in.ContentType)
	}
	if in.Accept != "" {
		req.Accept = sdk.String(in.Accept)
	}
	start := now()
	out, err := a.Runtime.InvokeEndpoint(ctx, req)
	latency := now().Sub(start)
	if err != nil {
		return Invoked{Latency: latency}, err
	}
	return Invoked{ContentType: str(out.ContentType), Body: out.Body, Variant: str(out.InvokedProductionVariant), Latency: latency}, nil
}
