package awsfake

import (
	"context"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	agtypes "github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime"
)

// Endpoint is a SageMaker endpoint.
type Endpoint struct {
	Name, Status, Config, FailureReason string
	Created, Modified                   time.Time
	Variants                            []Variant
	Tags                                map[string]string
}

// Variant is an endpoint's production variant as DescribeEndpoint shows it.
type Variant struct {
	Name             string
	Current, Desired int
}

// EndpointConfig is an endpoint configuration.
type EndpointConfig struct {
	Name        string
	Variants    []ConfigVariant
	DataCapture bool
	KMSKey      string
}

// ConfigVariant is a variant as the configuration declares it.
type ConfigVariant struct {
	Name, Model, InstanceType string
	Count                     int
}

// RestAPI is an API Gateway REST API whose prod stage invokes an endpoint.
type RestAPI struct {
	ID, Name, Stage, Endpoint, WebACLArn string
	Rate                                 float64
	Burst                                int
}

// Invocation is an InvokeEndpoint request the fake received.
type Invocation struct {
	Endpoint, ContentType string
	Body                  []byte
}

// AddEndpoints adds endpoints (with their tags).
func (f *Account) AddEndpoints(es ...Endpoint) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range es {
		e := e
		if e.Modified.IsZero() {
			e.Modified = e.Created
		}
		f.endpoints = append(f.endpoints, &e)
		if e.Tags != nil {
			f.tags[f.arn("endpoint", e.Name)] = e.Tags
		}
	}
}

// AddEndpointConfigs adds endpoint configurations.
func (f *Account) AddEndpointConfigs(cs ...EndpointConfig) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range cs {
		f.configs[c.Name] = c
	}
}

// UpdateEndpoint changes an endpoint's status at the fake's now.
func (f *Account) UpdateEndpoint(name, status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.endpoints {
		if e.Name == name {
			e.Status, e.Modified = status, f.now
		}
	}
}

// AddRestAPIs adds API Gateway APIs.
func (f *Account) AddRestAPIs(as ...RestAPI) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.apis = append(f.apis, as...)
}

func (f *Account) ListEndpoints(ctx context.Context, in *sagemaker.ListEndpointsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListEndpointsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListEndpoints"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	es, next, err := page(f.endpoints, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListEndpoints", err)
	}
	out := &sagemaker.ListEndpointsOutput{NextToken: next}
	for _, e := range es {
		out.Endpoints = append(out.Endpoints, types.EndpointSummary{
			EndpointName: sdk.String(e.Name), EndpointArn: sdk.String(f.arn("endpoint", e.Name)),
			EndpointStatus: types.EndpointStatus(e.Status), CreationTime: sdk.Time(e.Created), LastModifiedTime: sdk.Time(e.Modified),
		})
	}
	return out, nil
}

func (f *Account) DescribeEndpoint(ctx context.Context, in *sagemaker.DescribeEndpointInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeEndpointOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeEndpoint"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.endpoints {
		if e.Name != sdk.ToString(in.EndpointName) {
			continue
		}
		out := &sagemaker.DescribeEndpointOutput{
			EndpointName: sdk.String(e.Name), EndpointArn: sdk.String(f.arn("endpoint", e.Name)),
			EndpointStatus: types.EndpointStatus(e.Status), EndpointConfigName: sdk.String(e.Config),
			CreationTime: sdk.Time(e.Created), LastModifiedTime: sdk.Time(e.Modified), FailureReason: sdk.String(e.FailureReason),
		}
		for _, v := range e.Variants {
			out.ProductionVariants = append(out.ProductionVariants, types.ProductionVariantSummary{
				VariantName: sdk.String(v.Name), CurrentInstanceCount: sdk.Int32(int32(v.Current)),
				DesiredInstanceCount: sdk.Int32(int32(v.Desired)), CurrentWeight: sdk.Float32(1),
			})
		}
		return out, nil
	}
	return nil, wrap("sagemaker", "DescribeEndpoint", notFound("Could not find endpoint"))
}

func (f *Account) DescribeEndpointConfig(ctx context.Context, in *sagemaker.DescribeEndpointConfigInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeEndpointConfigOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeEndpointConfig"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.configs[sdk.ToString(in.EndpointConfigName)]
	if !ok {
		return nil, wrap("sagemaker", "DescribeEndpointConfig", notFound("Could not find endpoint configuration"))
	}
	out := &sagemaker.DescribeEndpointConfigOutput{
		EndpointConfigName: sdk.String(c.Name), CreationTime: sdk.Time(f.now), KmsKeyId: sdk.String(c.KMSKey),
	}
	if c.DataCapture {
		out.DataCaptureConfig = &types.DataCaptureConfig{EnableCapture: sdk.Bool(true)}
	}
	for _, v := range c.Variants {
		out.ProductionVariants = append(out.ProductionVariants, types.ProductionVariant{
			VariantName: sdk.String(v.Name), ModelName: sdk.String(v.Model),
			InstanceType: types.ProductionVariantInstanceType(v.InstanceType), InitialInstanceCount: sdk.Int32(int32(v.Count)),
		})
	}
	return out, nil
}

func (f *Account) InvokeEndpoint(ctx context.Context, in *sagemakerruntime.InvokeEndpointInput, _ ...func(*sagemakerruntime.Options)) (*sagemakerruntime.InvokeEndpointOutput, error) {
	if err := f.call(ctx, "sagemaker-runtime", "InvokeEndpoint"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	name := sdk.ToString(in.EndpointName)
	f.Invocations = append(f.Invocations, Invocation{Endpoint: name, ContentType: sdk.ToString(in.ContentType), Body: in.Body})
	for _, e := range f.endpoints {
		if e.Name == name {
			variant := "AllTraffic"
			if len(e.Variants) > 0 {
				variant = e.Variants[0].Name
			}
			return &sagemakerruntime.InvokeEndpointOutput{
				Body: []byte(`{"predictions":[512000.0]}`), ContentType: sdk.String("application/json"),
				InvokedProductionVariant: sdk.String(variant),
			}, nil
		}
	}
	return nil, wrap("sagemaker-runtime", "InvokeEndpoint", APIError("ValidationError", "Endpoint "+name+" of account "+f.AccountID+" not found."))
}

func (f *Account) GetRestApis(ctx context.Context, in *apigateway.GetRestApisInput, _ ...func(*apigateway.Options)) (*apigateway.GetRestApisOutput, error) {
	if err := f.call(ctx, "apigateway", "GetRestApis"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &apigateway.GetRestApisOutput{}
	for _, a := range f.apis {
		out.Items = append(out.Items, agtypes.RestApi{Id: sdk.String(a.ID), Name: sdk.String(a.Name)})
	}
	return out, nil
}

func (f *Account) GetResources(ctx context.Context, in *apigateway.GetResourcesInput, _ ...func(*apigateway.Options)) (*apigateway.GetResourcesOutput, error) {
	if err := f.call(ctx, "apigateway", "GetResources"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &apigateway.GetResourcesOutput{}
	for _, a := range f.apis {
		if a.ID != sdk.ToString(in.RestApiId) {
			continue
		}
		uri := "arn:aws:apigateway:" + f.Region + ":runtime.sagemaker:path//endpoints/" + a.Endpoint + "/invocations"
		out.Items = append(out.Items,
			agtypes.Resource{Id: sdk.String("root"), Path: sdk.String("/")},
			agtypes.Resource{Id: sdk.String("predict"), Path: sdk.String("/predict"), ResourceMethods: map[string]agtypes.Method{
				"POST": {HttpMethod: sdk.String("POST"), MethodIntegration: &agtypes.Integration{Type: agtypes.IntegrationTypeAws, Uri: sdk.String(uri)}},
			}})
	}
	return out, nil
}

func (f *Account) GetStages(ctx context.Context, in *apigateway.GetStagesInput, _ ...func(*apigateway.Options)) (*apigateway.GetStagesOutput, error) {
	if err := f.call(ctx, "apigateway", "GetStages"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &apigateway.GetStagesOutput{}
	for _, a := range f.apis {
		if a.ID == sdk.ToString(in.RestApiId) {
			out.Item = append(out.Item, agtypes.Stage{
				StageName: sdk.String(a.Stage), WebAclArn: sdk.String(a.WebACLArn),
				MethodSettings: map[string]agtypes.MethodSetting{"*/*": {ThrottlingRateLimit: a.Rate, ThrottlingBurstLimit: int32(a.Burst)}},
			})
		}
	}
	return out, nil
}
