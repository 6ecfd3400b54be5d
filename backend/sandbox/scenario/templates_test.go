package scenario

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// generateText generates the scenario text with seed.
func generateText(t *testing.T, text string, seed int64) *world.World {
	t.Helper()
	s, err := Parse([]byte(text), "custom.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Generate(s, Options{Seed: seed, Start: testStart, Clock: world.NewManualClock(testStart)})
	if err != nil {
		t.Fatal(err)
	}
	return res.World
}

// productsOf maps each project to its template's product, as the world
// has it: the product DescribeProject names, and that product's name.
func productsOf(t *testing.T, w *world.World) map[string]world.Product {
	t.Helper()
	out := map[string]world.Product{}
	for _, p := range w.Projects() {
		prod, err := w.Product(p.ServiceCatalogProvisioningDetails.ProductId)
		if err != nil {
			t.Fatalf("project %s: its product: %v", p.ProjectName, err)
		}
		out[p.ProjectName] = prod
	}
	return out
}

func TestTemplatesAreProductsTheirProjectsShare(t *testing.T) {
	base := string(DefaultYAML())
	one := productsOf(t, generateText(t, base, 7))
	if one["hdb-resale-valuation"].Name != "R model build, train and deploy (plumber)" ||
		one["hdb-flat-demand"].Name != "Python model build, train and deploy" ||
		one["hdb-flat-demand"].ProductId != one["ssg-course-dropout"].ProductId ||
		one["hdb-flat-demand"].ProductId == one["hdb-resale-valuation"].ProductId {
		t.Fatalf("products = %+v", one)
	}
	again := productsOf(t, generateText(t, base, 7))
	other := productsOf(t, generateText(t, base, 8))
	if again["hdb-resale-valuation"].ProductId != one["hdb-resale-valuation"].ProductId {
		t.Error("the same seed drew another product id")
	}
	if other["hdb-resale-valuation"].ProductId == one["hdb-resale-valuation"].ProductId {
		t.Error("another seed drew the same product id")
	}

	// An id given in the file is kept, whatever the seed.
	fixed := strings.Replace(base, "  - name: R model build, train and deploy (plumber)\n",
		"  - name: R model build, train and deploy (plumber)\n    id: prod-4zq6pxdgxtbqa\n", 1)
	for _, seed := range []int64{7, 8} {
		if got := productsOf(t, generateText(t, fixed, seed))["hdb-resale-valuation"].ProductId; got != "prod-4zq6pxdgxtbqa" {
			t.Errorf("seed %d: product id %s, want the file's prod-4zq6pxdgxtbqa", seed, got)
		}
	}
}

// A scenario written before templates were listed names each project's
// template in words: each distinct text is a product of that name.
func TestScenarioWithoutTemplatesMakesAProductPerTemplateText(t *testing.T) {
	base := string(DefaultYAML())
	start := strings.Index(base, "templates:\n")
	end := strings.Index(base, "\nprojects:\n")
	if start < 0 || end < start {
		t.Fatal("the default scenario has no templates list before its projects")
	}
	text := base[:start] + base[end+1:]
	text = strings.Replace(text, "    template: R model build, train and deploy (plumber)", "    template: AG MLOps template for R models served with plumber", 1)
	products := productsOf(t, generateText(t, text, 7))
	if products["hdb-resale-valuation"].Name != "AG MLOps template for R models served with plumber" ||
		products["mom-work-pass-fraud"].Name != "Python model build, train and deploy" ||
		products["mom-work-pass-fraud"].ProductId != products["mom-wsh-incident-risk"].ProductId ||
		products["mom-work-pass-fraud"].Owner != templateOwner {
		t.Errorf("products = %+v", products)
	}
}
