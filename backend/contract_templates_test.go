package backend

import (
	"maps"
	"testing"
	"time"
)

// templateCalls are the DescribeProduct calls the client made and the
// sandbox answered.
func templateCalls(s *onSandbox) (client, server int64) {
	const op = "servicecatalog:DescribeProduct"
	return s.c.Calls().ByOp[op], s.env.Server().Calls()[op]
}

// The five projects of the sandbox come from two templates; the projects
// pane shows each template's name, read from Service Catalog once per
// template for the whole session.
func TestSandboxProjectsShowTheirTemplatesNamesReadOncePerTemplate(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	defer s.c.Subscribe(projectsKey)()
	d := s.settled(t, projectsKey).Data.(ProjectsData)

	want := map[string][2]string{}
	products := map[string]bool{}
	for _, wp := range w.Projects() {
		id := wp.ServiceCatalogProvisioningDetails.ProductId
		product, err := w.Product(id)
		if err != nil {
			t.Fatal(err)
		}
		want[wp.ProjectName] = [2]string{product.Name, id}
		products[id] = true
	}
	if len(want) != 5 || len(products) != 2 {
		t.Fatalf("the sandbox has %d projects of %d templates, want 5 of 2", len(want), len(products))
	}
	if want["hdb-resale-valuation"][0] != "R model build, train and deploy (plumber)" || want["mom-work-pass-fraud"][0] != "Python model build, train and deploy" {
		t.Fatalf("the sandbox's templates are %v", want)
	}
	if got := templates(d.Projects); !maps.Equal(got, want) {
		t.Fatalf("projects' templates (name, id) = %v\nwant %v", got, want)
	}
	if client, server := templateCalls(s); client != 2 || server != 2 {
		t.Fatalf("five projects of two templates cost %d DescribeProduct calls (the sandbox answered %d), want 2", client, server)
	}

	// Polls, a refresh of the projects (Search reads them again, by their
	// product ids) and more than templateRetry later: not one call more.
	iv := DefaultIntervals().Projects
	for _, d := range []time.Duration{iv, iv, projectTagRefresh, templateRetry + iv} {
		s.advance(t, 1, d)
		got := s.settled(t, projectsKey).Data.(ProjectsData)
		if !maps.Equal(templates(got.Projects), want) {
			t.Fatalf("%v later, templates = %v", d, templates(got.Projects))
		}
	}
	if client, server := templateCalls(s); client != 2 || server != 2 {
		t.Fatalf("after the polls: %d DescribeProduct calls (sandbox: %d), want still 2", client, server)
	}
}

// On-call staff may not read Service Catalog: their projects pane shows
// the templates' product ids, the feed stays healthy, and Service Catalog
// is not asked again.
func TestSandboxTemplatesRefusedToOnCallShowTheirIDs(t *testing.T) {
	s := onNewSandbox(t, "on-call")
	w := s.env.World()
	defer s.c.Subscribe(projectsKey)()
	u := next(t, s.c, projectsKey)
	for u.Data == nil || isEarly(u.Data) {
		u = next(t, s.c, projectsKey)
	}
	if u.State.Err != "" || u.State.AccessDenied || u.State.Stale {
		t.Fatalf("the projects feed = %+v, want it healthy", u.State)
	}
	d := u.Data.(ProjectsData)
	if len(d.Projects) != len(w.Projects()) || len(d.Findings) == 0 {
		t.Fatalf("%d projects, %d findings; want the world's %d, and findings", len(d.Projects), len(d.Findings), len(w.Projects()))
	}
	for _, p := range d.Projects {
		wp, err := w.Project(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		id := wp.ServiceCatalogProvisioningDetails.ProductId
		if p.Template != id || p.TemplateID != id {
			t.Errorf("project %s: template %q (%q), want its product id %s", p.Name, p.Template, p.TemplateID, id)
		}
	}
	if client, server := templateCalls(s); client != 2 || server != 2 {
		t.Fatalf("first load: %d DescribeProduct calls (sandbox: %d), want one per template, 2", client, server)
	}
	if e := s.c.Calls().Errors; e != 2 {
		t.Errorf("the client counted %d failed calls, want the two refusals", e)
	}
	iv := DefaultIntervals().Projects
	for _, d := range []time.Duration{iv, templateRetry + iv} {
		s.advance(t, 1, d)
		s.settled(t, projectsKey)
	}
	if client, server := templateCalls(s); client != 2 || server != 2 {
		t.Fatalf("after the polls: %d DescribeProduct calls (sandbox: %d), want still 2: a refusal is not asked again", client, server)
	}
}
