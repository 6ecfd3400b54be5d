package aws

import (
	"context"
	"sort"
	"strings"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"golang.org/x/sync/errgroup"

	"github.com/agdash/agdash/backend/domain"
)

// APIFronts finds the API Gateway REST APIs that front SageMaker endpoints,
// keyed by endpoint name: an API method integrates with
// arn:aws:apigateway:REGION:runtime.sagemaker:path//endpoints/NAME/invocations.
// The throttling limits and web ACL come from the API's stage (prod if it
// has one). Only the static parts are filled; metrics come separately.
// aws apigateway get-rest-apis; aws apigateway get-resources --rest-api-id ID --embed methods; aws apigateway get-stages --rest-api-id ID
func (a *Account) APIFronts(ctx context.Context) (map[string]domain.APIFront, error) {
	var apis []types.RestApi
	p := apigateway.NewGetRestApisPaginator(a.APIGateway, &apigateway.GetRestApisInput{Limit: sdk.Int32(500)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		apis = append(apis, page.Items...)
	}
	// Each API's resources and stages, every API at once.
	endpoints := make([][]string, len(apis))
	stages := make([][]types.Stage, len(apis))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for i, api := range apis {
		g.Go(func() (err error) {
			if endpoints[i], err = a.integratedEndpoints(gctx, str(api.Id)); err != nil || len(endpoints[i]) == 0 {
				return err
			}
			out, err := a.APIGateway.GetStages(gctx, &apigateway.GetStagesInput{RestApiId: api.Id})
			if err == nil {
				stages[i] = out.Item
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	fronts := map[string]domain.APIFront{}
	for i, api := range apis {
		if len(endpoints[i]) == 0 {
			continue
		}
		front := domain.APIFront{APIID: str(api.Id), APIName: str(api.Name)}
		if st, ok := pickStage(stages[i]); ok {
			front.Stage = str(st.StageName)
			if ms, ok := st.MethodSettings["*/*"]; ok {
				front.RateLimit, front.BurstLimit = ms.ThrottlingRateLimit, int(ms.ThrottlingBurstLimit)
			}
			front.WebACL = webACLName(str(st.WebAclArn))
		}
		for _, ep := range endpoints[i] {
			fronts[ep] = front
		}
	}
	return fronts, nil
}

func (a *Account) integratedEndpoints(ctx context.Context, apiID string) ([]string, error) {
	var names []string
	p := apigateway.NewGetResourcesPaginator(a.APIGateway, &apigateway.GetResourcesInput{
		RestApiId: sdk.String(apiID), Embed: []string{"methods"}, Limit: sdk.Int32(500),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range page.Items {
			for _, m := range r.ResourceMethods {
				if m.MethodIntegration == nil {
					continue
				}
				if ep := SageMakerIntegrationEndpoint(str(m.MethodIntegration.Uri)); ep != "" {
					names = append(names, ep)
				}
			}
		}
	}
	return names, nil
}

// SageMakerIntegrationEndpoint reads the endpoint name from an API Gateway
// integration URI that invokes SageMaker, "" for any other integration.
func SageMakerIntegrationEndpoint(uri string) string {
	if !strings.Contains(uri, ":runtime.sagemaker:") {
		return ""
	}
	return segmentAfter(uri, "/endpoints/")
}

func pickStage(stages []types.Stage) (types.Stage, bool) {
	if len(stages) == 0 {
		return types.Stage{}, false
	}
	sort.Slice(stages, func(i, j int) bool { return str(stages[i].StageName) < str(stages[j].StageName) })
	for _, s := range stages {
		if str(s.StageName) == "prod" {
			return s, true
		}
	}
	return stages[0], true
}

// webACLName: arn:aws:wafv2:R:A:regional/webacl/NAME/ID -> NAME, as the
// AWS/WAFV2 metrics' WebACL dimension wants it.
func webACLName(arn string) string {
	return segmentAfter(arn, "/webacl/")
}
