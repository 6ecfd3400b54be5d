package scenario

import (
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// idChars are the characters of Service Catalog's ids.
const idChars = "abcdefghijklmnopqrstuvwxyz0123456789"

// templateOwner is the owner a template declares when the scenario names
// none: the platform team that publishes AG's MLOps templates.
const templateOwner = "Analytics.gov MLOps platform team"

// templates places the Service Catalog products the projects are made
// from, one per template however many projects share it, and returns the
// provisioning details each template's projects carry, by template name.
// A scenario without a templates list gets a product for each project's
// template text.
func (g *gen) templates() map[string]world.ServiceCatalogProvisioningDetails {
	declared := append([]Template(nil), g.s.Templates...)
	if len(declared) == 0 {
		seen := map[string]bool{}
		for _, p := range g.s.Projects {
			if !seen[p.Template] {
				seen[p.Template] = true
				declared = append(declared, Template{Name: p.Template})
			}
		}
	}
	taken := map[string]bool{}
	for _, t := range declared {
		if t.ID != "" {
			taken[t.ID] = true
		}
	}
	created := g.firstProjectCreated().Add(-14 * 24 * time.Hour)
	out := map[string]world.ServiceCatalogProvisioningDetails{}
	for _, t := range declared {
		r := g.rand("template/" + t.Name)
		id := t.ID
		if id == "" {
			id = "prod-" + r.String(idChars, 13)
			for taken[id] {
				id = "prod-" + r.String(idChars, 13)
			}
			taken[id] = true
		}
		owner := t.Owner
		if owner == "" {
			owner = templateOwner
		}
		artifact := world.ProvisioningArtifact{
			Id: "pa-" + r.String(idChars, 13), Name: "v1", Description: "First release",
			CreatedTime: created, Guidance: "DEFAULT",
		}
		path := "lpv3-" + r.String(idChars, 12)
		g.b.AddProduct(world.Product{
			ProductId: id, ProductViewId: "prodview-" + r.String(idChars, 13), Name: t.Name, Owner: owner,
			ShortDescription: t.Description, Distributor: owner, CreatedTime: created, Artifacts: []world.ProvisioningArtifact{artifact},
			LaunchPathId: path, LaunchPathName: "AG MLOps templates",
		})
		out[t.Name] = world.ServiceCatalogProvisioningDetails{ProductId: id, ProvisioningArtifactId: artifact.Id, PathId: path}
	}
	return out
}

// firstProjectCreated is when the scenario's first project was created,
// as projects lays them out.
func (g *gen) firstProjectCreated() time.Time {
	var first time.Time
	for i, p := range g.s.Projects {
		c := g.projectCreated(i, p)
		if first.IsZero() || c.Before(first) {
			first = c
		}
	}
	if first.IsZero() {
		return g.b.Now()
	}
	return first
}

// projectCreated is when the i-th project of the scenario was created.
func (g *gen) projectCreated(i int, p Project) time.Time {
	return g.domains[p.Agency].created.Add(time.Duration(40+i*9) * 24 * time.Hour)
}
