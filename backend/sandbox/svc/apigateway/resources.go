package apigateway

import (
	"context"
	"slices"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Integration is where a method sends its requests: for AG's APIs, a
// SageMaker endpoint's invocations (type AWS).
type Integration struct {
	Type                string            `aws:"type"`
	HttpMethod          string            `aws:"httpMethod"`
	Uri                 string            `aws:"uri"`
	Credentials         string            `aws:"credentials"`
	PassthroughBehavior string            `aws:"passthroughBehavior"`
	TimeoutInMillis     int32             `aws:"timeoutInMillis"`
	RequestTemplates    map[string]string `aws:"requestTemplates"`
}

// Method is one HTTP method of a resource.
type Method struct {
	HttpMethod        string       `aws:"httpMethod"`
	AuthorizationType string       `aws:"authorizationType"`
	ApiKeyRequired    *bool        `aws:"apiKeyRequired"`
	MethodIntegration *Integration `aws:"methodIntegration"`
}

// Resource is one path of an API.
type Resource struct {
	Id              string            `aws:"id"`
	ParentId        string            `aws:"parentId"`
	Path            string            `aws:"path"`
	PathPart        string            `aws:"pathPart"`
	ResourceMethods map[string]Method `aws:"resourceMethods"`
}

// resource converts r; its methods are described in full when embedded
// (embed=methods) and are otherwise empty objects keyed by HTTP method, as
// API Gateway lists them.
func resource(r world.Resource, embed bool) Resource {
	out := Resource{Id: r.Id, ParentId: r.ParentId, Path: r.Path, PathPart: r.PathPart}
	if len(r.ResourceMethods) == 0 {
		return out
	}
	out.ResourceMethods = make(map[string]Method, len(r.ResourceMethods))
	for verb, m := range r.ResourceMethods {
		if !embed {
			out.ResourceMethods[verb] = Method{}
			continue
		}
		meth := Method{HttpMethod: m.HttpMethod, AuthorizationType: m.AuthorizationType, ApiKeyRequired: &m.ApiKeyRequired}
		if i := m.MethodIntegration; i != nil {
			meth.MethodIntegration = &Integration{
				Type: i.Type, HttpMethod: i.HttpMethod, Uri: i.Uri, Credentials: i.Credentials,
				PassthroughBehavior: i.PassthroughBehavior, TimeoutInMillis: i.TimeoutInMillis, RequestTemplates: i.RequestTemplates,
			}
		}
		out.ResourceMethods[verb] = meth
	}
	return out
}

// GetResourcesInput is GetResources' request.
type GetResourcesInput struct {
	RestApiId string   `aws:"restApiId,uri"`
	Embed     []string `aws:"embed,query"`
	Limit     *int32   `aws:"limit,query"`
	Position  *string  `aws:"position,query"`
}

// GetResourcesOutput is GetResources' answer.
type GetResourcesOutput struct {
	Items    []Resource `aws:"item"`
	Position *string    `aws:"position"`
}

// getResources lists an API's resources by path.
// aws apigateway get-resources --rest-api-id ID --embed methods
func (h handlers) getResources(_ context.Context, call *server.Call, in *GetResourcesInput) (*GetResourcesOutput, error) {
	limit, err := pageLimit(in.Limit)
	if err != nil {
		return nil, err
	}
	all, err := h.world.Resources(in.RestApiId)
	if err != nil {
		return nil, notFound("API", call, in.RestApiId)
	}
	key := func(r world.Resource) string { return r.Path + "\x00" + r.Id }
	pg, next, err := page(all, key, in.Position, limit)
	if err != nil {
		return nil, err
	}
	embed := slices.Contains(in.Embed, "methods")
	out := &GetResourcesOutput{Items: make([]Resource, len(pg)), Position: next}
	for i, r := range pg {
		out.Items[i] = resource(r, embed)
	}
	return out, nil
}

// GetResourceInput is GetResource's request.
type GetResourceInput struct {
	RestApiId  string   `aws:"restApiId,uri"`
	ResourceId string   `aws:"resourceId,uri"`
	Embed      []string `aws:"embed,query"`
}

// getResource describes one resource.
// aws apigateway get-resource --rest-api-id ID --resource-id RID --embed methods
func (h handlers) getResource(_ context.Context, call *server.Call, in *GetResourceInput) (*Resource, error) {
	all, err := h.world.Resources(in.RestApiId)
	if err != nil {
		return nil, notFound("API", call, in.RestApiId)
	}
	for _, r := range all {
		if r.Id == in.ResourceId {
			out := resource(r, slices.Contains(in.Embed, "methods"))
			return &out, nil
		}
	}
	return nil, notFound("Resource", call, in.ResourceId)
}
