package aws

import (
	"context"
	"fmt"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
)

// A SageMaker project names its MLOps template only by the Service Catalog
// product it was provisioned from (prod-…); the template's name is the
// product's, which only Service Catalog knows.

// ProductName is the name of a Service Catalog product: a SageMaker
// project's template.
// aws servicecatalog describe-product --id PRODUCT_ID
func (a *Account) ProductName(ctx context.Context, productID string) (string, error) {
	out, err := a.ServiceCatalog.DescribeProduct(ctx, &servicecatalog.DescribeProductInput{Id: sdk.String(productID)})
	if err != nil {
		return "", err
	}
	if out.ProductViewSummary == nil || str(out.ProductViewSummary.Name) == "" {
		return "", fmt.Errorf("service catalog product %s has no name", productID)
	}
	return str(out.ProductViewSummary.Name), nil
}
