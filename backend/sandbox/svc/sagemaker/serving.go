package sagemaker

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Serving: endpoints, their configs and the models behind them.

var endpointStatuses = []string{"OutOfService", "Creating", "Updating", "SystemUpdating", "RollingBack", "InService",
	"Deleting", "Failed", "UpdateRollbackFailed"}

type ListEndpointsInput struct {
	listQuery
	LastModifiedTimeAfter  *time.Time
	LastModifiedTimeBefore *time.Time
	StatusEquals           string
}

type ListEndpointsOutput struct {
	Endpoints []world.EndpointSummary
	NextToken *string
}

// listEndpoints is `aws sagemaker list-endpoints`, newest first by default.
func (h handlers) listEndpoints(_ context.Context, _ *server.Call, in *ListEndpointsInput) (*ListEndpointsOutput, error) {
	if err := checkEnum("statusEquals", in.StatusEquals, endpointStatuses...); err != nil {
		return nil, err
	}
	var items []world.EndpointSummary
	for _, e := range h.w.Endpoints() {
		if (in.StatusEquals == "" || e.EndpointStatus == in.StatusEquals) &&
			within(e.LastModifiedTime, in.LastModifiedTimeAfter, in.LastModifiedTimeBefore) {
			items = append(items, e)
		}
	}
	spec := listSpec{op: "ListEndpoints", sortBy: []string{"Name", "CreationTime", "Status"}, defaultOrder: "Descending"}
	page, err := listNamed(spec, in.listQuery, items, func(e world.EndpointSummary) listKey {
		return listKey{name: e.EndpointName, created: e.CreationTime, status: e.EndpointStatus}
	})
	if err != nil {
		return nil, err
	}
	return &ListEndpointsOutput{Endpoints: page.Items, NextToken: page.Next}, nil
}

type DescribeEndpointInput struct {
	EndpointName string `aws:",required"`
}

// Endpoint is an endpoint as DescribeEndpoint answers it; Search adds Tags.
type Endpoint struct {
	EndpointName             string
	EndpointArn              string
	EndpointConfigName       string
	EndpointStatus           string
	FailureReason            string
	ProductionVariants       []world.ProductionVariantSummary
	CreationTime             time.Time
	LastModifiedTime         time.Time
	PendingDeploymentSummary *world.PendingDeploymentSummary
}

func endpointOut(e world.Endpoint) Endpoint {
	return Endpoint{
		EndpointName: e.EndpointName, EndpointArn: e.EndpointArn, EndpointConfigName: e.EndpointConfigName,
		EndpointStatus: e.EndpointStatus, FailureReason: e.FailureReason, ProductionVariants: e.ProductionVariants,
		CreationTime: e.CreationTime, LastModifiedTime: e.LastModifiedTime, PendingDeploymentSummary: e.PendingDeploymentSummary,
	}
}

// describeEndpoint is `aws sagemaker describe-endpoint --endpoint-name NAME`.
func (h handlers) describeEndpoint(_ context.Context, _ *server.Call, in *DescribeEndpointInput) (*Endpoint, error) {
	e, err := h.w.Endpoint(in.EndpointName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ValidationException("Could not find endpoint \"%s\".", in.EndpointName)
		})
	}
	out := endpointOut(e)
	return &out, nil
}

type ListEndpointConfigsInput struct {
	listQuery
}

type EndpointConfigSummary struct {
	EndpointConfigName string
	EndpointConfigArn  string
	CreationTime       time.Time
}

type ListEndpointConfigsOutput struct {
	EndpointConfigs []EndpointConfigSummary
	NextToken       *string
}

// listEndpointConfigs is `aws sagemaker list-endpoint-configs`, newest first by default.
func (h handlers) listEndpointConfigs(_ context.Context, _ *server.Call, in *ListEndpointConfigsInput) (*ListEndpointConfigsOutput, error) {
	var items []EndpointConfigSummary
	for _, c := range h.w.EndpointConfigs() {
		items = append(items, EndpointConfigSummary{EndpointConfigName: c.EndpointConfigName, EndpointConfigArn: c.EndpointConfigArn, CreationTime: c.CreationTime})
	}
	spec := listSpec{op: "ListEndpointConfigs", sortBy: []string{"Name", "CreationTime"}, defaultOrder: "Descending"}
	page, err := listNamed(spec, in.listQuery, items, func(c EndpointConfigSummary) listKey {
		return listKey{name: c.EndpointConfigName, created: c.CreationTime}
	})
	if err != nil {
		return nil, err
	}
	return &ListEndpointConfigsOutput{EndpointConfigs: page.Items, NextToken: page.Next}, nil
}

type DescribeEndpointConfigInput struct {
	EndpointConfigName string `aws:",required"`
}

type DescribeEndpointConfigOutput struct {
	EndpointConfigName string
	EndpointConfigArn  string
	ProductionVariants []world.ProductionVariant
	KmsKeyId           string
	CreationTime       time.Time
}

// describeEndpointConfig is `aws sagemaker describe-endpoint-config --endpoint-config-name NAME`.
func (h handlers) describeEndpointConfig(_ context.Context, _ *server.Call, in *DescribeEndpointConfigInput) (*DescribeEndpointConfigOutput, error) {
	c, err := h.w.EndpointConfig(in.EndpointConfigName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ValidationException("Could not find endpoint configuration \"%s\".", in.EndpointConfigName)
		})
	}
	return &DescribeEndpointConfigOutput{EndpointConfigName: c.EndpointConfigName, EndpointConfigArn: c.EndpointConfigArn,
		ProductionVariants: c.ProductionVariants, KmsKeyId: c.KmsKeyId, CreationTime: c.CreationTime}, nil
}

type ListModelsInput struct {
	listQuery
}

type ModelSummary struct {
	ModelName    string
	ModelArn     string
	CreationTime time.Time
}

type ListModelsOutput struct {
	Models    []ModelSummary
	NextToken *string
}

// listModels is `aws sagemaker list-models`, newest first by default.
func (h handlers) listModels(_ context.Context, _ *server.Call, in *ListModelsInput) (*ListModelsOutput, error) {
	var items []ModelSummary
	for _, m := range h.w.Models() {
		items = append(items, ModelSummary{ModelName: m.ModelName, ModelArn: m.ModelArn, CreationTime: m.CreationTime})
	}
	spec := listSpec{op: "ListModels", sortBy: []string{"Name", "CreationTime"}, defaultOrder: "Descending"}
	page, err := listNamed(spec, in.listQuery, items, func(m ModelSummary) listKey {
		return listKey{name: m.ModelName, created: m.CreationTime}
	})
	if err != nil {
		return nil, err
	}
	return &ListModelsOutput{Models: page.Items, NextToken: page.Next}, nil
}

type DescribeModelInput struct {
	ModelName string `aws:",required"`
}

type DescribeModelOutput struct {
	ModelName        string
	ModelArn         string
	PrimaryContainer *world.ContainerDefinition
	ExecutionRoleArn string
	CreationTime     time.Time
}

// describeModel is `aws sagemaker describe-model --model-name NAME`.
func (h handlers) describeModel(_ context.Context, call *server.Call, in *DescribeModelInput) (*DescribeModelOutput, error) {
	m, err := h.w.Model(in.ModelName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ValidationException("Could not find model \"%s\".", call.ARN("model/"+in.ModelName))
		})
	}
	return &DescribeModelOutput{ModelName: m.ModelName, ModelArn: m.ModelArn, PrimaryContainer: &m.PrimaryContainer,
		ExecutionRoleArn: m.ExecutionRoleArn, CreationTime: m.CreationTime}, nil
}
