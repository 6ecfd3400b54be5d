package servicecatalog_test

import (
	"errors"
	"regexp"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func client(t *testing.T, env *sandboxtest.Env, who string) *servicecatalog.Client {
	t.Helper()
	return servicecatalog.NewFromConfig(env.Config(t, who))
}

// productIDs are the products the world's projects were made from, with
// how many projects each.
func productIDs(t *testing.T, env *sandboxtest.Env) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, p := range env.World().Projects() {
		out[p.ServiceCatalogProvisioningDetails.ProductId]++
	}
	return out
}

// The default scenario's five projects come from two templates: the R one
// of hdb-resale-valuation, and the Python one of the other four. Each is
// one product with a Service Catalog id, which its projects share.
func TestProjectsShareTheProductOfTheirTemplate(t *testing.T) {
	env := sandboxtest.Start(t)
	ids := productIDs(t, env)
	var counts []int
	for id, n := range ids {
		if !regexp.MustCompile(`^prod-[a-z0-9]{13}$`).MatchString(id) {
			t.Errorf("product id %q is not prod- and 13 lowercase letters or digits", id)
		}
		counts = append(counts, n)
	}
	sort.Ints(counts)
	if len(counts) != 2 || counts[0] != 1 || counts[1] != 4 {
		t.Fatalf("projects per product = %v, want one product of one project and one of four", ids)
	}
	if len(env.World().Products()) != 2 {
		t.Errorf("the world holds %d products, want the two templates'", len(env.World().Products()))
	}
	hdb, err := env.World().Project("hdb-resale-valuation")
	if err != nil {
		t.Fatal(err)
	}
	if ids[hdb.ServiceCatalogProvisioningDetails.ProductId] != 1 {
		t.Errorf("hdb-resale-valuation's product is shared; it alone is made from the R template")
	}
}

func TestDescribeProductNamesTheTemplate(t *testing.T) {
	env := sandboxtest.Start(t)
	hdb, err := env.World().Project("hdb-resale-valuation")
	if err != nil {
		t.Fatal(err)
	}
	sc := hdb.ServiceCatalogProvisioningDetails
	c := client(t, env, "data-scientist")
	out, err := c.DescribeProduct(t.Context(), &servicecatalog.DescribeProductInput{Id: aws.String(sc.ProductId)})
	if err != nil {
		t.Fatal(err)
	}
	v := out.ProductViewSummary
	if v == nil {
		t.Fatal("no ProductViewSummary")
	}
	if aws.ToString(v.Name) != "R model build, train and deploy (plumber)" || aws.ToString(v.ProductId) != sc.ProductId ||
		aws.ToString(v.ShortDescription) != "AG MLOps template for R models served with plumber" ||
		aws.ToString(v.Owner) != "Analytics.gov MLOps platform team" || v.Type != types.ProductTypeCloudFormationTemplate ||
		!regexp.MustCompile(`^prodview-[a-z0-9]{13}$`).MatchString(aws.ToString(v.Id)) || !v.HasDefaultPath {
		t.Errorf("ProductViewSummary = %+v", *v)
	}
	// The project was provisioned from the product's artifact, through its
	// launch path.
	if len(out.ProvisioningArtifacts) != 1 || aws.ToString(out.ProvisioningArtifacts[0].Id) != sc.ProvisioningArtifactId ||
		aws.ToString(out.ProvisioningArtifacts[0].Name) != "v1" || out.ProvisioningArtifacts[0].Guidance != types.ProvisioningArtifactGuidanceDefault ||
		out.ProvisioningArtifacts[0].CreatedTime == nil || !out.ProvisioningArtifacts[0].CreatedTime.Before(hdb.CreationTime) {
		t.Errorf("artifacts = %+v, want v1 %s, made before the project", out.ProvisioningArtifacts, sc.ProvisioningArtifactId)
	}
	if len(out.LaunchPaths) != 1 || aws.ToString(out.LaunchPaths[0].Id) != sc.PathId {
		t.Errorf("launch paths = %+v, want %s", out.LaunchPaths, sc.PathId)
	}

	byName, err := c.DescribeProduct(t.Context(), &servicecatalog.DescribeProductInput{Name: aws.String("Python model build, train and deploy")})
	if err != nil {
		t.Fatal(err)
	}
	if byName.ProductViewSummary == nil || aws.ToString(byName.ProductViewSummary.ProductId) == sc.ProductId ||
		productIDs(t, env)[aws.ToString(byName.ProductViewSummary.ProductId)] != 4 {
		t.Errorf("by name: %+v, want the product of the four Python projects", byName.ProductViewSummary)
	}
}

func TestDescribeProductOfNoSuchProductIsResourceNotFound(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	_, err := c.DescribeProduct(t.Context(), &servicecatalog.DescribeProductInput{Id: aws.String("prod-aaaaaaaaaaaaa")})
	var nf *types.ResourceNotFoundException
	if msg := servertest.WantCode(t, err, "ResourceNotFoundException"); msg != "Product prod-aaaaaaaaaaaaa not found." {
		t.Errorf("message = %q", msg)
	}
	if !errors.As(err, &nf) {
		t.Errorf("err = %T, want the SDK's *types.ResourceNotFoundException", err)
	}

	_, err = c.DescribeProduct(t.Context(), &servicecatalog.DescribeProductInput{})
	servertest.WantCodeContaining(t, err, "InvalidParametersException", "Id or Name")
}

// On-call staff are not Studio users, and AG gives Service Catalog to the
// Studio roles only.
func TestDescribeProductIsRefusedToOnCall(t *testing.T) {
	env := sandboxtest.Start(t)
	hdb, err := env.World().Project("hdb-resale-valuation")
	if err != nil {
		t.Fatal(err)
	}
	id := hdb.ServiceCatalogProvisioningDetails.ProductId
	_, err = client(t, env, "on-call").DescribeProduct(t.Context(), &servicecatalog.DescribeProductInput{Id: aws.String(id)})
	msg := servertest.WantCode(t, err, "AccessDeniedException")
	want := "User: arn:aws:sts::318224574112:assumed-role/AG-OnCall-ReadOnly/on-call is not authorized to perform: servicecatalog:DescribeProduct on resource: arn:aws:catalog:ap-southeast-1:318224574112:product/" + id +
		" because no identity-based policy allows the servicecatalog:DescribeProduct action"
	if msg != want {
		t.Errorf("message =\n%s\nwant\n%s", msg, want)
	}
	for _, who := range []string{"data-scientist", "mlops-engineer", "project-admin"} {
		if _, err := client(t, env, who).DescribeProduct(t.Context(), &servicecatalog.DescribeProductInput{Id: aws.String(id)}); err != nil {
			t.Errorf("%s: %v", who, err)
		}
	}
}

func TestAWSCLIDescribeProduct(t *testing.T) {
	env := sandboxtest.Start(t)
	hdb, err := env.World().Project("hdb-resale-valuation")
	if err != nil {
		t.Fatal(err)
	}
	id := hdb.ServiceCatalogProvisioningDetails.ProductId
	var out struct {
		ProductViewSummary struct {
			ProductId, Name string
		}
	}
	env.AWSCLIJSON(t, "lim-jia-hui", &out, "servicecatalog", "describe-product", "--id", id)
	if out.ProductViewSummary.ProductId != id || out.ProductViewSummary.Name != "R model build, train and deploy (plumber)" {
		t.Errorf("aws servicecatalog describe-product = %+v", out)
	}
}
