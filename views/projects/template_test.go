package projects

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit/kittest"
)

// namedTemplates is the fixture as the backend delivers it once Service
// Catalog has named the templates: each project's Template is its
// product's name, and TemplateID the product id. moh-triage-nlp's product
// could not be read (access denied), so it is shown by id.
func namedTemplates() backend.ProjectsData {
	d := kittest.Projects()
	for i := range d.Projects {
		p := &d.Projects[i]
		switch p.Name {
		case "hdb-resale-valuation":
			p.Template, p.TemplateID = "R model build, train and deploy (plumber)", "prod-4zq6pxdgxtbqa"
		case "moh-triage-nlp":
			p.Template, p.TemplateID = "prod-7hv2mq0x3rjle", "prod-7hv2mq0x3rjle"
		default:
			p.Template, p.TemplateID = "Python model build, train and deploy", "prod-c3kdn8w1ye5pz"
		}
	}
	return d
}

func TestTemplatesShowByNameWithTheirProductIDInTheDetail(t *testing.T) {
	p, _ := newPane(t, 120, 40)
	deliver(p, namedTemplates(), fresh())
	list := p.View(120, 40)
	for name, want := range map[string]string{
		"hdb-resale-valuation": "R model build, train and de…",
		"lta-bus-eta":          "Python model build, train a…",
		"moh-triage-nlp":       "prod-7hv2mq0x3rjle",
	} {
		if row := lineWith(list, name); !strings.Contains(row, want) {
			t.Errorf("%s row = %q, want its template as %q", name, row, want)
		}
	}
	if strings.Contains(list, "prod-4zq6pxdgxtbqa") {
		t.Errorf("the list shows a named template's product id:\n%s", list)
	}

	press(p, "enter")
	detail := p.View(120, 40)
	for _, want := range []string{
		" Template R model build, train and deploy (plumber) · product prod-4zq6pxdgxtbqa ",
		" id p-hdbresale01 · created 2024-12-29 (5mo ago) by alice-tan ",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail lacks the line %q:\n%s", want, detail)
		}
	}

	// A template known only by its id says it once.
	press(p, "esc", "down", "down", "down", "enter")
	detail = p.View(120, 40)
	want := "Template prod-7hv2mq0x3rjle · id p-mohtriage04 · created"
	if !strings.Contains(detail, want) || strings.Count(detail, "prod-7hv2mq0x3rjle") != 1 {
		t.Errorf("detail lacks %q, or repeats the id:\n%s", want, detail)
	}
}

// At 80 columns, when the template's name and product id do not fit on
// one line, the id gets a line of its own: never split at its hyphen.
func TestTemplateProductIDWrapsWhole(t *testing.T) {
	p, _ := newPane(t, 80, 24)
	d := namedTemplates()
	for i := range d.Projects {
		if d.Projects[i].Name == "hdb-resale-valuation" {
			d.Projects[i].Template = "R model build, train and deploy (plumber) for agencies"
		}
	}
	deliver(p, d, fresh())
	press(p, "enter")
	detail := p.View(80, 24)
	if !strings.Contains(detail, "\n product prod-4zq6pxdgxtbqa ") || strings.Contains(detail, "prod-\n") {
		t.Fatalf("the product id should move to the next line whole:\n%s", detail)
	}
	if got := strings.TrimSpace(lineWith(detail, "Template ")); got != "Template R model build, train and deploy (plumber) for agencies" {
		t.Fatalf("the template's name should have its own line:\n%s", detail)
	}
}
