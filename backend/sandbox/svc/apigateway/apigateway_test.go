package apigateway_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var ctx = context.Background()

// throttledAPI is the scenario's API whose clients send more than its
// stage allows (default.yaml: ssg-course-dropout-prod, rate 20, burst 40).
const throttledAPI = "ssg-course-dropout-api"

func client(t *testing.T, env *sandboxtest.Env, who string) *apigateway.Client {
	t.Helper()
	return apigateway.NewFromConfig(env.Config(t, who))
}

func apiNamed(t *testing.T, w *world.World, name string) world.RestApi {
	t.Helper()
	for _, a := range w.RestApis() {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("the world has no API %s", name)
	return world.RestApi{}
}

func TestGetRestApisPagesOverEveryAPI(t *testing.T) {
	env := sandboxtest.Start(t)
	want := env.World().RestApis()
	if len(want) != 4 {
		t.Fatalf("world has %d APIs, want the scenario's 4", len(want))
	}
	var got []types.RestApi
	pages := 0
	p := apigateway.NewGetRestApisPaginator(client(t, env, "on-call"), &apigateway.GetRestApisInput{Limit: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Items...)
		pages++
	}
	if len(got) != len(want) || pages != len(want) {
		t.Fatalf("%d APIs in %d pages, want %d in %d", len(got), pages, len(want), len(want))
	}
	for i, a := range got {
		wa := want[i]
		if aws.ToString(a.Id) != wa.Id || aws.ToString(a.Name) != wa.Name || aws.ToString(a.Description) != wa.Description ||
			!a.CreatedDate.Equal(wa.CreatedDate) || a.ApiKeySource != types.ApiKeySourceTypeHeader ||
			a.EndpointConfiguration == nil || !slices.Equal(endpointTypes(a.EndpointConfiguration), []string{"REGIONAL"}) ||
			aws.ToString(a.RootResourceId) != wa.RootResourceId || a.Tags["sagemaker:project-name"] != wa.Tags["sagemaker:project-name"] ||
			a.Tags["sagemaker:project-name"] == "" {
			t.Errorf("API %d = %+v\nwant %+v", i, a, wa)
		}
	}

	one, err := client(t, env, "data-scientist").GetRestApi(ctx, &apigateway.GetRestApiInput{RestApiId: aws.String(want[2].Id)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(one.Name) != want[2].Name || aws.ToString(one.RootResourceId) != want[2].RootResourceId {
		t.Errorf("GetRestApi = %s root %s, want %+v", aws.ToString(one.Name), aws.ToString(one.RootResourceId), want[2])
	}
}

func endpointTypes(c *types.EndpointConfiguration) []string {
	var out []string
	for _, t := range c.Types {
		out = append(out, string(t))
	}
	return out
}

func TestEveryIntegrationNamesAnExistingEndpoint(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "on-call")
	for _, api := range w.RestApis() {
		var resources []types.Resource
		p := apigateway.NewGetResourcesPaginator(c, &apigateway.GetResourcesInput{
			RestApiId: aws.String(api.Id), Embed: []string{"methods"}, Limit: aws.Int32(1),
		})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("%s: %v", api.Name, err)
			}
			resources = append(resources, page.Items...)
		}
		if len(resources) != 2 {
			t.Fatalf("%s: %d resources, want / and /predict", api.Name, len(resources))
		}
		root, predict := resources[0], resources[1]
		if aws.ToString(root.Path) != "/" || aws.ToString(root.Id) != api.RootResourceId || len(root.ResourceMethods) != 0 {
			t.Errorf("%s: root = %+v", api.Name, root)
		}
		if aws.ToString(predict.Path) != "/predict" || aws.ToString(predict.PathPart) != "predict" ||
			aws.ToString(predict.ParentId) != api.RootResourceId {
			t.Errorf("%s: predict = %+v", api.Name, predict)
		}
		post, ok := predict.ResourceMethods["POST"]
		if !ok || post.MethodIntegration == nil {
			t.Fatalf("%s: /predict has no POST integration: %+v", api.Name, predict.ResourceMethods)
		}
		in := post.MethodIntegration
		if aws.ToString(post.HttpMethod) != "POST" || aws.ToString(post.AuthorizationType) != "AWS_IAM" ||
			!aws.ToBool(post.ApiKeyRequired) || in.Type != types.IntegrationTypeAws || aws.ToString(in.HttpMethod) != "POST" ||
			in.TimeoutInMillis != 29000 || !strings.HasSuffix(aws.ToString(in.Credentials), "-ApiGatewayInvokeSageMaker") {
			t.Errorf("%s: POST = %+v, integration %+v", api.Name, post, in)
		}
		uri := aws.ToString(in.Uri)
		const prefix = "arn:aws:apigateway:ap-southeast-1:runtime.sagemaker:path//endpoints/"
		name, found := strings.CutSuffix(strings.TrimPrefix(uri, prefix), "/invocations")
		if !strings.HasPrefix(uri, prefix) || !found {
			t.Fatalf("%s: integration URI %q does not invoke a SageMaker endpoint", api.Name, uri)
		}
		if _, err := w.Endpoint(name); err != nil {
			t.Errorf("%s integrates with endpoint %s: %v", api.Name, name, err)
		}
		if api.Name != strings.TrimSuffix(name, "-prod")+"-api" {
			t.Errorf("%s fronts %s", api.Name, name)
		}

		bare, err := c.GetResource(ctx, &apigateway.GetResourceInput{RestApiId: aws.String(api.Id), ResourceId: predict.Id})
		if err != nil {
			t.Fatal(err)
		}
		if m, ok := bare.ResourceMethods["POST"]; !ok || m.MethodIntegration != nil {
			t.Errorf("%s: without embed, POST = %+v (listed %v), want an empty method", api.Name, m, ok)
		}
	}
}

func TestThrottledAPIHasItsRateLimitAndWebACL(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	api := apiNamed(t, w, throttledAPI)
	ws, err := w.Stage(api.Id, "prod")
	if err != nil {
		t.Fatal(err)
	}
	acl, err := w.WebACL(throttledAPI + "-waf")
	if err != nil {
		t.Fatal(err)
	}
	c := client(t, env, "on-call")

	stages, err := c.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String(api.Id)})
	if err != nil {
		t.Fatal(err)
	}
	if len(stages.Item) != 1 {
		t.Fatalf("%d stages, want prod", len(stages.Item))
	}
	one, err := c.GetStage(ctx, &apigateway.GetStageInput{RestApiId: aws.String(api.Id), StageName: aws.String("prod")})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []types.Stage{stages.Item[0], {
		StageName: one.StageName, DeploymentId: one.DeploymentId, MethodSettings: one.MethodSettings, WebAclArn: one.WebAclArn,
		CreatedDate: one.CreatedDate, LastUpdatedDate: one.LastUpdatedDate, TracingEnabled: one.TracingEnabled, Tags: one.Tags,
	}} {
		ms, ok := st.MethodSettings["*/*"]
		if !ok {
			t.Fatalf("no */* method settings in %+v", st.MethodSettings)
		}
		if ms.ThrottlingRateLimit != 20 || ms.ThrottlingBurstLimit != 40 || !ms.MetricsEnabled || aws.ToString(ms.LoggingLevel) != "INFO" ||
			ms.ThrottlingRateLimit != ws.MethodSettings["*/*"].ThrottlingRateLimit {
			t.Errorf("*/* = rate %v burst %d metrics %v logging %q, want 20 40 true INFO",
				ms.ThrottlingRateLimit, ms.ThrottlingBurstLimit, ms.MetricsEnabled, aws.ToString(ms.LoggingLevel))
		}
		if aws.ToString(st.WebAclArn) != acl.ARN || !strings.Contains(acl.ARN, ":regional/webacl/"+throttledAPI+"-waf/") {
			t.Errorf("webAclArn = %q, want %s", aws.ToString(st.WebAclArn), acl.ARN)
		}
		if aws.ToString(st.StageName) != "prod" || aws.ToString(st.DeploymentId) != ws.DeploymentId || !st.TracingEnabled ||
			!st.CreatedDate.Equal(ws.CreatedDate) || !st.LastUpdatedDate.Equal(ws.LastUpdatedDate) ||
			st.Tags["sagemaker:project-name"] != "ssg-course-dropout" {
			t.Errorf("stage = %+v\nwant %+v", st, ws)
		}
	}
	stageArn := "arn:aws:apigateway:ap-southeast-1::/restapis/" + api.Id + "/stages/prod"
	if !slices.Contains(acl.AssociatedResourceArns, stageArn) {
		t.Errorf("web ACL protects %v, not %s", acl.AssociatedResourceArns, stageArn)
	}
	tags, err := c.GetTags(ctx, &apigateway.GetTagsInput{ResourceArn: aws.String(stageArn)})
	if err != nil {
		t.Fatal(err)
	}
	if tags.Tags["sagemaker:project-name"] != "ssg-course-dropout" {
		t.Errorf("stage tags = %v", tags.Tags)
	}

	none, err := c.GetStages(ctx, &apigateway.GetStagesInput{RestApiId: aws.String(api.Id), DeploymentId: aws.String("nope")})
	if err != nil || len(none.Item) != 0 {
		t.Errorf("stages of an unknown deployment: %v, %d", err, len(none.Item))
	}
	deps, err := c.GetDeployments(ctx, &apigateway.GetDeploymentsInput{RestApiId: aws.String(api.Id)})
	if err != nil {
		t.Fatal(err)
	}
	if len(deps.Items) != 1 || aws.ToString(deps.Items[0].Id) != ws.DeploymentId {
		t.Errorf("deployments = %+v, want the prod stage's %s", deps.Items, ws.DeploymentId)
	}
}

func TestAPIGatewayErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	api := env.World().RestApis()[0]

	_, err := c.GetRestApi(ctx, &apigateway.GetRestApiInput{RestApiId: aws.String("nope123456")})
	var nf *types.NotFoundException
	if !errors.As(err, &nf) || !strings.Contains(aws.ToString(nf.Message), "Invalid API identifier specified 318224574112:nope123456") {
		t.Errorf("unknown API: %v", err)
	}
	_, err = c.GetStage(ctx, &apigateway.GetStageInput{RestApiId: aws.String(api.Id), StageName: aws.String("beta")})
	servertest.WantCode(t, err, "NotFoundException")
	_, err = c.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: aws.String("nope123456")})
	servertest.WantCode(t, err, "NotFoundException")
	_, err = c.GetRestApis(ctx, &apigateway.GetRestApisInput{Limit: aws.Int32(501)})
	servertest.WantCode(t, err, "BadRequestException")
	_, err = c.GetRestApis(ctx, &apigateway.GetRestApisInput{Position: aws.String("not-mine")})
	servertest.WantCode(t, err, "BadRequestException")
}

func TestThrottlingIsTooManyRequests(t *testing.T) {
	env := sandboxtest.Start(t)
	if err := env.Server().SetFaults(server.Faults{ThrottleRate: 1, Services: []string{"apigateway"}}); err != nil {
		t.Fatal(err)
	}
	_, err := client(t, env, "on-call").GetRestApis(ctx, &apigateway.GetRestApisInput{})
	var tm *types.TooManyRequestsException
	if !errors.As(err, &tm) {
		t.Fatalf("err = %v, want TooManyRequestsException", err)
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != http.StatusTooManyRequests {
		t.Errorf("status = %v, want 429", err)
	}
}

func TestAWSCLIGetStages(t *testing.T) {
	env := sandboxtest.Start(t)
	api := apiNamed(t, env.World(), throttledAPI)
	stdout := env.AWSCLI(t, "on-call", "apigateway", "get-stages", "--rest-api-id", api.Id)
	var out struct {
		Item []struct {
			StageName      string `json:"stageName"`
			WebAclArn      string `json:"webAclArn"`
			MethodSettings map[string]struct {
				ThrottlingRateLimit  float64 `json:"throttlingRateLimit"`
				ThrottlingBurstLimit int     `json:"throttlingBurstLimit"`
			} `json:"methodSettings"`
		} `json:"item"`
	}
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(out.Item) != 1 || out.Item[0].StageName != "prod" || out.Item[0].MethodSettings["*/*"].ThrottlingRateLimit != 20 ||
		out.Item[0].MethodSettings["*/*"].ThrottlingBurstLimit != 40 || !strings.Contains(out.Item[0].WebAclArn, throttledAPI+"-waf") {
		t.Errorf("CLI get-stages = %s", stdout)
	}
}
