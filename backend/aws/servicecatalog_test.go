package aws_test

import (
	"context"
	"testing"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/aws/awsfake"
)

func TestProductNameIsTheTemplatesName(t *testing.T) {
	f := awsfake.New(t0)
	f.AddProduct("prod-4zq6pxdgxtbqa", "R model build, train and deploy (plumber)")
	f.AddProduct("prod-c3kdn8w1ye5pz", "")
	a := f.AWS()
	ctx := context.Background()

	name, err := a.ProductName(ctx, "prod-4zq6pxdgxtbqa")
	if err != nil || name != "R model build, train and deploy (plumber)" {
		t.Fatalf("ProductName = %q, %v", name, err)
	}
	// A product without a name would show as a blank template: an error,
	// so the caller keeps the id.
	if name, err := a.ProductName(ctx, "prod-c3kdn8w1ye5pz"); err == nil || name != "" {
		t.Fatalf("a nameless product = %q, %v; want an error", name, err)
	} else if got := err.Error(); got != "service catalog product prod-c3kdn8w1ye5pz has no name" {
		t.Errorf("error = %q", got)
	}
	_, err = a.ProductName(ctx, "prod-aaaaaaaaaaaaa")
	if aws.Classify(err) != aws.KindNotFound {
		t.Errorf("an unknown product: %v (kind %d), want not found", err, aws.Classify(err))
	}
	if n := f.Calls("servicecatalog:DescribeProduct"); n != 3 {
		t.Errorf("%d DescribeProduct calls metered, want 3", n)
	}
}
