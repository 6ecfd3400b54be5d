package awsfake

import (
	"context"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	sctypes "github.com/aws/aws-sdk-go-v2/service/servicecatalog/types"
)

// AddProduct adds a Service Catalog product (a project template) by id and
// name.
func (f *Account) AddProduct(id, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.products[id] = name
}

func (f *Account) DescribeProduct(ctx context.Context, in *servicecatalog.DescribeProductInput, _ ...func(*servicecatalog.Options)) (*servicecatalog.DescribeProductOutput, error) {
	if err := f.call(ctx, "servicecatalog", "DescribeProduct"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	id := sdk.ToString(in.Id)
	name, ok := f.products[id]
	if !ok {
		return nil, wrap("servicecatalog", "DescribeProduct", APIError("ResourceNotFoundException", "Product "+id+" not found."))
	}
	return &servicecatalog.DescribeProductOutput{ProductViewSummary: &sctypes.ProductViewSummary{
		ProductId: sdk.String(id), Name: sdk.String(name), Type: sctypes.ProductTypeCloudFormationTemplate,
	}}, nil
}
