package servicecatalog

import (
	"context"
	"errors"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// DescribeProductInput names a product by Id or by Name.
type DescribeProductInput struct {
	AcceptLanguage *string
	Id             *string
	Name           *string
}

// ProductViewSummary is the end user's view of a product.
type ProductViewSummary struct {
	Id               string
	ProductId        string
	Name             string
	Owner            string
	ShortDescription string
	Type             string
	Distributor      string
	HasDefaultPath   bool
}

// ProvisioningArtifact is one version of a product.
type ProvisioningArtifact struct {
	Id          string
	Name        string
	Description string
	CreatedTime time.Time
	Guidance    string
}

// BudgetDetail is a budget associated with a product.
type BudgetDetail struct {
	BudgetName string
}

// LaunchPath is a portfolio path the product is provisioned through.
type LaunchPath struct {
	Id   string
	Name string
}

// DescribeProductOutput is DescribeProduct's answer.
type DescribeProductOutput struct {
	ProductViewSummary    *ProductViewSummary
	ProvisioningArtifacts []ProvisioningArtifact
	Budgets               []BudgetDetail
	LaunchPaths           []LaunchPath
}

// describeProduct is `aws servicecatalog describe-product --id PRODUCT_ID`
// (or --name NAME).
func (h handlers) describeProduct(_ context.Context, _ *server.Call, in *DescribeProductInput) (*DescribeProductOutput, error) {
	switch optional.Value(in.AcceptLanguage) {
	case "", "en", "jp", "zh":
	default:
		return nil, invalidParameters("AcceptLanguage %s is not en, jp or zh.", *in.AcceptLanguage)
	}
	id, name := optional.Value(in.Id), optional.Value(in.Name)
	var p world.Product
	var err error
	switch {
	case id != "":
		p, err = h.w.Product(id)
	case name != "":
		p, err = h.w.ProductNamed(name)
	default:
		return nil, invalidParameters("Either Id or Name must be specified.")
	}
	var nf world.ErrNotFound
	switch {
	case errors.As(err, &nf):
		return nil, notFound("Product %s not found.", nf.Name)
	case err != nil:
		return nil, err
	}
	out := &DescribeProductOutput{
		ProductViewSummary: &ProductViewSummary{
			Id: p.ProductViewId, ProductId: p.ProductId, Name: p.Name, Owner: p.Owner,
			ShortDescription: p.ShortDescription, Type: p.Type, Distributor: p.Distributor,
			HasDefaultPath: p.LaunchPathId != "",
		},
		ProvisioningArtifacts: []ProvisioningArtifact{},
		Budgets:               []BudgetDetail{},
		LaunchPaths:           []LaunchPath{},
	}
	for _, a := range p.Artifacts {
		out.ProvisioningArtifacts = append(out.ProvisioningArtifacts, ProvisioningArtifact{
			Id: a.Id, Name: a.Name, Description: a.Description, CreatedTime: a.CreatedTime, Guidance: a.Guidance,
		})
	}
	if p.LaunchPathId != "" {
		out.LaunchPaths = append(out.LaunchPaths, LaunchPath{Id: p.LaunchPathId, Name: p.LaunchPathName})
	}
	return out, nil
}
