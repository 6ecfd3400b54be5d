package backend

import (
	"fmt"
	"maps"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/feed"
)

var projectsKey = FeedKey{Kind: FeedProjects}

// templatesAccount has six projects made from two templates: hdb-* from
// prod-rplumber0001 and the rest from prod-python00002.
func templatesAccount() *awsfake.Account {
	f := projectAccount()
	for i, name := range []string{"hdb-flat-demand", "mom-fraud", "mom-wsh", "ssg-dropout", "lta-eta"} {
		template := "prod-python00002"
		if i == 0 {
			template = "prod-rplumber0001"
		}
		f.AddProjects(awsfake.Project{Name: name, ID: fmt.Sprintf("p-%d", i), Status: "CreateCompleted", Template: template,
			Tags: map[string]string{"ag:training-instance-types": "ml.m5.xlarge"}})
	}
	f.AddProjects(awsfake.Project{Name: "hdb-resale-2", ID: "p-hdb2", Status: "CreateCompleted", Template: "prod-rplumber0001"})
	f.AddProduct("prod-rplumber0001", "R model build, train and deploy (plumber)")
	f.AddProduct("prod-python00002", "Python model build, train and deploy")
	return f
}

// completeProjects is the next complete delivery of the projects feed,
// failing the test if the feed failed.
func completeProjects(t *testing.T, c *Client) ProjectsData {
	t.Helper()
	for {
		u := next(t, c, projectsKey)
		if u.State.Err != "" {
			t.Fatalf("the projects feed failed: %s", u.State.Err)
		}
		if d, ok := u.Data.(ProjectsData); ok && !d.Loading {
			return d
		}
	}
}

// poll moves both clocks by d and returns the poll's complete delivery.
func poll(t *testing.T, c *Client, clock *feed.FakeClock, f *awsfake.Account, d time.Duration) ProjectsData {
	t.Helper()
	idle(t, clock, 1)
	f.Advance(d)
	clock.Advance(d)
	return completeProjects(t, c)
}

// templates maps each project to its Template and TemplateID.
func templates(ps []domain.Project) map[string][2]string {
	out := map[string][2]string{}
	for _, p := range ps {
		out[p.Name] = [2]string{p.Template, p.TemplateID}
	}
	return out
}

func TestTemplateNamesAreReadOncePerProductPerSession(t *testing.T) {
	f := templatesAccount()
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(projectsKey)()
	d := completeProjects(t, c)
	r := [2]string{"R model build, train and deploy (plumber)", "prod-rplumber0001"}
	py := [2]string{"Python model build, train and deploy", "prod-python00002"}
	want := map[string][2]string{
		"hdb-resale":      {"prod-mlops", "prod-mlops"}, // no such product: its id
		"hdb-flat-demand": r, "hdb-resale-2": r,
		"mom-fraud": py, "mom-wsh": py, "ssg-dropout": py, "lta-eta": py,
	}
	if got := templates(d.Projects); !maps.Equal(got, want) {
		t.Fatalf("templates = %v\nwant %v", got, want)
	}
	if n := f.Calls("servicecatalog:DescribeProduct"); n != 3 {
		t.Fatalf("seven projects of three products cost %d DescribeProduct calls, want 3", n)
	}

	// Polls, a refresh of the projects' tags and the retry interval pass:
	// the names stay, and only the product that was not found is asked
	// for again, once.
	calls := delta(f, func() {
		for range 6 {
			d = poll(t, c, clock, f, time.Minute)
		}
		d = poll(t, c, clock, f, templateRetry)
		d = poll(t, c, clock, f, time.Minute)
	})
	if got := templates(d.Projects); !maps.Equal(got, want) {
		t.Errorf("templates after an hour = %v\nwant %v", got, want)
	}
	if calls["servicecatalog:DescribeProduct"] != 1 {
		t.Errorf("an hour of polls asked Service Catalog %d times, want once: the missing product, after %v",
			calls["servicecatalog:DescribeProduct"], templateRetry)
	}
}

func TestATemplateNotFoundShowsItsIDUntilAskedAgainLater(t *testing.T) {
	f := projectAccount() // hdb-resale, of product prod-mlops, which Service Catalog does not know
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(projectsKey)()
	p := completeProjects(t, c).Projects[0]
	if p.Template != "prod-mlops" || p.TemplateID != "prod-mlops" {
		t.Fatalf("template %q (%q), want the product id", p.Template, p.TemplateID)
	}
	f.AddProduct("prod-mlops", "AG MLOps template")
	calls := delta(f, func() { p = poll(t, c, clock, f, templateRetry-time.Minute).Projects[0] })
	if calls["servicecatalog:DescribeProduct"] != 0 || p.Template != "prod-mlops" {
		t.Fatalf("before %v: %d calls, template %q; want none, and the id", templateRetry, calls["servicecatalog:DescribeProduct"], p.Template)
	}
	calls = delta(f, func() { p = poll(t, c, clock, f, time.Minute).Projects[0] })
	if calls["servicecatalog:DescribeProduct"] != 1 || p.Template != "AG MLOps template" || p.TemplateID != "prod-mlops" {
		t.Fatalf("after %v: %d calls, template %q (%q); want one, and the name", templateRetry, calls["servicecatalog:DescribeProduct"], p.Template, p.TemplateID)
	}
}

func TestATemplateLookupThatFailsNeverFailsTheProjects(t *testing.T) {
	cases := []struct {
		name      string
		err       error
		askedLate int64 // calls once templateRetry has passed
	}{
		{"access denied: never asked again", awsfake.APIError("AccessDeniedException",
			"User: arn:aws:sts::123456789012:assumed-role/AG-OnCall-ReadOnly/oncall.user is not authorized to perform: servicecatalog:DescribeProduct"), 0},
		{"Service Catalog failing: asked again later", awsfake.APIError("InternalFailure", "We encountered an internal error."), 1},
		{"throttled beyond the SDK's retries: asked again later", awsfake.APIError("ThrottlingException", "Rate exceeded"), 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := projectAccount()
			f.AddProduct("prod-mlops", "AG MLOps template")
			f.Fail("servicecatalog:DescribeProduct", tc.err)
			c, clock := newTestClient(t, f, Options{})
			defer c.Subscribe(projectsKey)()
			d := completeProjects(t, c)
			if p := d.Projects[0]; p.Template != "prod-mlops" || p.Members == nil || len(d.Findings) == 0 {
				t.Fatalf("project %+v, findings %d; want it whole, its template by id", p, len(d.Findings))
			}
			calls := delta(f, func() {
				for range 3 {
					poll(t, c, clock, f, time.Minute)
				}
			})
			if calls["servicecatalog:DescribeProduct"] != 0 {
				t.Fatalf("the next polls asked Service Catalog %d times", calls["servicecatalog:DescribeProduct"])
			}
			calls = delta(f, func() { d = poll(t, c, clock, f, templateRetry) })
			want := "prod-mlops"
			if tc.askedLate > 0 {
				want = "AG MLOps template"
			}
			if calls["servicecatalog:DescribeProduct"] != tc.askedLate || d.Projects[0].Template != want {
				t.Fatalf("after %v: %d calls, template %q; want %d, %q", templateRetry, calls["servicecatalog:DescribeProduct"],
					d.Projects[0].Template, tc.askedLate, want)
			}
		})
	}
}
