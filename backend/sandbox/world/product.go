package world

import (
	"sort"
	"time"
)

// Product is a Service Catalog product: an MLOps template that SageMaker
// projects are provisioned from. Projects name it only by ProductId
// (ServiceCatalogProvisioningDetails); its name and the rest are Service
// Catalog's.
type Product struct {
	ProductId        string // prod- and 13 lowercase letters or digits
	ProductViewId    string // prodview-…, the end user's view of it
	Name             string
	Owner            string
	ShortDescription string
	Distributor      string
	Type             string // CLOUD_FORMATION_TEMPLATE
	CreatedTime      time.Time
	// Artifacts are the product's versions, oldest first; projects are
	// provisioned from the newest.
	Artifacts []ProvisioningArtifact
	// LaunchPathId is the portfolio path end users provision it through.
	LaunchPathId   string
	LaunchPathName string
}

// ProvisioningArtifact is one version of a product.
type ProvisioningArtifact struct {
	Id          string // pa-…
	Name        string // e.g. v3
	Description string
	CreatedTime time.Time
	Guidance    string // DEFAULT or DEPRECATED
}

// productStore holds the account's products by id.
type productStore struct {
	byID map[string]*Product
}

func (s *productStore) init() { s.byID = map[string]*Product{} }

// AddProduct places a Service Catalog product; a second product with the
// same id replaces the first.
func (b *Builder) AddProduct(p Product) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	if p.Type == "" {
		p.Type = "CLOUD_FORMATION_TEMPLATE"
	}
	p.Artifacts = append([]ProvisioningArtifact(nil), p.Artifacts...)
	w.products.byID[p.ProductId] = &p
}

// Products is every product, by id.
func (w *World) Products() []Product {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]Product, 0, len(w.products.byID))
	for _, p := range w.products.byID {
		out = append(out, p.clone())
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ProductId < out[b].ProductId })
	return out
}

// Product is DescribeProduct by id.
func (w *World) Product(id string) (Product, error) {
	w.rlock()
	defer w.mu.RUnlock()
	p := w.products.byID[id]
	if p == nil {
		return Product{}, notFound("Product", id)
	}
	return p.clone(), nil
}

// ProductNamed is DescribeProduct by name; of two products with one name,
// the one with the lower id.
func (w *World) ProductNamed(name string) (Product, error) {
	w.rlock()
	defer w.mu.RUnlock()
	var found *Product
	for _, p := range w.products.byID {
		if p.Name == name && (found == nil || p.ProductId < found.ProductId) {
			found = p
		}
	}
	if found == nil {
		return Product{}, notFound("Product", name)
	}
	return found.clone(), nil
}

func (p *Product) clone() Product {
	c := *p
	c.Artifacts = append([]ProvisioningArtifact(nil), p.Artifacts...)
	return c
}
