package apigateway

import (
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// EndpointConfiguration says how an API is reached (REGIONAL, EDGE, PRIVATE).
type EndpointConfiguration struct {
	Types []string `aws:"types"`
}

// RestApi is a REST API as API Gateway describes it.
type RestApi struct {
	Id                        string                 `aws:"id"`
	Name                      string                 `aws:"name"`
	Description               string                 `aws:"description"`
	CreatedDate               time.Time              `aws:"createdDate"`
	ApiKeySource              string                 `aws:"apiKeySource"`
	EndpointConfiguration     *EndpointConfiguration `aws:"endpointConfiguration"`
	RootResourceId            string                 `aws:"rootResourceId"`
	DisableExecuteApiEndpoint *bool                  `aws:"disableExecuteApiEndpoint"`
	Tags                      map[string]string      `aws:"tags"`
}

func restApi(a world.RestApi) RestApi {
	return RestApi{
		Id: a.Id, Name: a.Name, Description: a.Description, CreatedDate: a.CreatedDate, ApiKeySource: a.ApiKeySource,
		EndpointConfiguration: &EndpointConfiguration{Types: a.EndpointConfiguration}, RootResourceId: a.RootResourceId,
		DisableExecuteApiEndpoint: new(bool), Tags: a.Tags,
	}
}

// GetRestApisInput is GetRestApis' request.
type GetRestApisInput struct {
	Limit    *int32  `aws:"limit,query"`
	Position *string `aws:"position,query"`
}

// GetRestApisOutput is GetRestApis' answer.
type GetRestApisOutput struct {
	Items    []RestApi `aws:"item"`
	Position *string   `aws:"position"`
}

// getRestApis lists the REST APIs by name.
// aws apigateway get-rest-apis
func (h handlers) getRestApis(_ context.Context, _ *server.Call, in *GetRestApisInput) (*GetRestApisOutput, error) {
	limit, err := pageLimit(in.Limit)
	if err != nil {
		return nil, err
	}
	apis := h.world.RestApis()
	key := func(a world.RestApi) string { return a.Name + "\x00" + a.Id }
	pg, next, err := page(apis, key, in.Position, limit)
	if err != nil {
		return nil, err
	}
	out := &GetRestApisOutput{Items: make([]RestApi, len(pg)), Position: next}
	for i, a := range pg {
		out.Items[i] = restApi(a)
	}
	return out, nil
}

// GetRestApiInput is GetRestApi's request.
type GetRestApiInput struct {
	RestApiId string `aws:"restApiId,uri"`
}

// getRestApi describes one REST API.
// aws apigateway get-rest-api --rest-api-id ID
func (h handlers) getRestApi(_ context.Context, call *server.Call, in *GetRestApiInput) (*RestApi, error) {
	a, err := h.world.RestApi(in.RestApiId)
	if err != nil {
		return nil, notFound("API", call, in.RestApiId)
	}
	out := restApi(a)
	return &out, nil
}

// GetTagsInput is GetTags' request.
type GetTagsInput struct {
	ResourceArn string  `aws:"resourceArn,uri"`
	Position    *string `aws:"position,query"`
	Limit       *int32  `aws:"limit,query"`
}

// GetTagsOutput is GetTags' answer.
type GetTagsOutput struct {
	Tags map[string]string `aws:"tags"`
}

// getTags returns the tags of an API or a stage, named by ARN
// (arn:aws:apigateway:REGION::/restapis/ID[/stages/NAME]).
// aws apigateway get-tags --resource-arn ARN
func (h handlers) getTags(_ context.Context, call *server.Call, in *GetTagsInput) (*GetTagsOutput, error) {
	a, ok := world.ParseArn(in.ResourceArn)
	if !ok || a.Service != "apigateway" {
		return nil, badRequest("Invalid ARN specified in the request: %s", in.ResourceArn)
	}
	parts := strings.Split(strings.TrimPrefix(a.Resource, "/"), "/")
	switch {
	case len(parts) == 2 && parts[0] == "restapis":
		api, err := h.world.RestApi(parts[1])
		if err != nil {
			return nil, notFound("API", call, parts[1])
		}
		return &GetTagsOutput{Tags: nonNil(api.Tags)}, nil
	case len(parts) == 4 && parts[0] == "restapis" && parts[2] == "stages":
		st, err := h.world.Stage(parts[1], parts[3])
		if err != nil {
			return nil, notFound("Stage", call, parts[3])
		}
		return &GetTagsOutput{Tags: nonNil(st.Tags)}, nil
	}
	return nil, notFound("resource", call, in.ResourceArn)
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
