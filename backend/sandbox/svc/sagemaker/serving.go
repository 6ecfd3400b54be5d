package sagemaker

import (
	"cmp"
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Serving: endpoints, their configs and the models behind them.

var endpointStatuses = []string{"OutOfService", "Creating", "Updating", "SystemUpdating", "RollingBack", "InService",
	"Deleting", "Failed", "UpdateRollbackFailed"}

type ListEndpointsInput struct {
	CreationTimeAfter      *time.Time
	CreationTimeBefore     *time.Time
	LastModifiedTimeAfter  *time.Time
	LastModifiedTimeBefore *time.Time
	NameContains           *string
	StatusEquals           string
	SortBy                 string
	SortOrder              string
	MaxResults             *int32
	NextToken              *string
}

type ListEndpointsOutput struct {
	Endpoints []world.EndpointSummary
	NextToken *string
}

// listEndpoints is `aws sagemaker list-endpoints`, newest first by default.
func (h handlers) listEndpoints(_ context.Context, _ *server.Call, in *ListEndpointsInput) (*ListEndpointsOutput, error) {
	for _, err := range []error{
		checkEnum("statusEquals", in.StatusEquals, endpointStatuses...),
		checkEnum("sortBy", in.SortBy, "Name", "CreationTime", "Status"),
		checkEnum("sortOrder", in.SortOrder, sortOrders...),
	} {
		if err != nil {
			return nil, err
		}
	}
	var items []world.EndpointSummary
	for _, e := range h.w.Endpoints() {
		if (in.StatusEquals != "" && e.EndpointStatus != in.StatusEquals) || !containsFold(e.EndpointName, in.NameContains) ||
			!within(e.CreationTime, in.CreationTimeAfter, in.CreationTimeBefore) ||
			!within(e.LastModifiedTime, in.LastModifiedTimeAfter, in.LastModifiedTimeBefore) {
			continue
		}
		items = append(items, e)
	}
	sortItems(items, descending(in.SortOrder, "Descending"), func(a, b world.EndpointSummary) int {
		switch in.SortBy {
		case "Name":
			return byName(a.EndpointName, b.EndpointName, a.CreationTime, b.CreationTime)
		case "Status":
			if c := cmp.Compare(a.EndpointStatus, b.EndpointStatus); c != 0 {
				return c
			}
		}
		return byTime(a.CreationTime, b.CreationTime, a.EndpointName, b.EndpointName)
	})
	page, err := pageOf("ListEndpoints", items, in.NextToken, in.MaxResults, 10, 1, 100)
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
	CreationTimeAfter  *time.Time
	CreationTimeBefore *time.Time
	NameContains       *string
	SortBy             string
	SortOrder          string
	MaxResults         *int32
	NextToken          *string
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
	if err := checkEnum("sortBy", in.SortBy, "Name", "CreationTime"); err != nil {
		return nil, err
	}
	if err := checkEnum("sortOrder", in.SortOrder, sortOrders...); err != nil {
		return nil, err
	}
	var items []EndpointConfigSummary
	for _, c := range h.w.EndpointConfigs() {
		if !containsFold(c.EndpointConfigName, in.NameContains) || !within(c.CreationTime, in.CreationTimeAfter, in.CreationTimeBefore) {
			continue
		}
		items = append(items, EndpointConfigSummary{EndpointConfigName: c.EndpointConfigName, EndpointConfigArn: c.EndpointConfigArn, CreationTime: c.CreationTime})
	}
	sortItems(items, descending(in.SortOrder, "Descending"), func(a, b EndpointConfigSummary) int {
		if in.SortBy == "Name" {
			return byName(a.EndpointConfigName, b.EndpointConfigName, a.CreationTime, b.CreationTime)
		}
		return byTime(a.CreationTime, b.CreationTime, a.EndpointConfigName, b.EndpointConfigName)
	})
	page, err := pageOf("ListEndpointConfigs", items, in.NextToken, in.MaxResults, 10, 1, 100)
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
	CreationTimeAfter  *time.Time
	CreationTimeBefore *time.Time
	NameContains       *string
	SortBy             string
	SortOrder          string
	MaxResults         *int32
	NextToken          *string
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
	if err := checkEnum("sortBy", in.SortBy, "Name", "CreationTime"); err != nil {
		return nil, err
	}
	if err := checkEnum("sortOrder", in.SortOrder, sortOrders...); err != nil {
		return nil, err
	}
	var items []ModelSummary
	for _, m := range h.w.Models() {
		if !containsFold(m.ModelName, in.NameContains) || !within(m.CreationTime, in.CreationTimeAfter, in.CreationTimeBefore) {
			continue
		}
		items = append(items, ModelSummary{ModelName: m.ModelName, ModelArn: m.ModelArn, CreationTime: m.CreationTime})
	}
	sortItems(items, descending(in.SortOrder, "Descending"), func(a, b ModelSummary) int {
		if in.SortBy == "Name" {
			return byName(a.ModelName, b.ModelName, a.CreationTime, b.CreationTime)
		}
		return byTime(a.CreationTime, b.CreationTime, a.ModelName, b.ModelName)
	})
	page, err := pageOf("ListModels", items, in.NextToken, in.MaxResults, 10, 1, 100)
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
