// Package apigateway serves Amazon API Gateway v1 (restJson1, signing name
// "apigateway", camelCase members) over the sandbox world: the REST APIs
// that front SageMaker endpoints, their stages with throttling limits and
// WAF web ACLs, and their resources with the SageMaker integrations.
//
// Lists page with limit (1 to 500, default 25) and position; a position
// this service did not issue is a BadRequestException. Throttling faults
// reach clients as TooManyRequestsException (429), as API Gateway names
// them.
package apigateway

import (
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// handlers serves API Gateway's operations over one world.
type handlers struct {
	world *world.World
}

// Service is API Gateway as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:        "APIGateway",
		SigningName: "apigateway",
		Protocols:   []server.Protocol{server.RESTJSON{}},
		ErrorCodes: map[string]server.ErrorCode{
			"ThrottlingException": {Code: "TooManyRequestsException", Status: http.StatusTooManyRequests},
		},
		Ops: []server.Op{
			server.Operation("GetRestApis", h.getRestApis).At("GET", "/restapis"),
			server.Operation("GetRestApi", h.getRestApi).At("GET", "/restapis/{restApiId}"),
			server.Operation("GetStages", h.getStages).At("GET", "/restapis/{restApiId}/stages"),
			server.Operation("GetStage", h.getStage).At("GET", "/restapis/{restApiId}/stages/{stageName}"),
			server.Operation("GetResources", h.getResources).At("GET", "/restapis/{restApiId}/resources"),
			server.Operation("GetResource", h.getResource).At("GET", "/restapis/{restApiId}/resources/{resourceId}"),
			server.Operation("GetDeployments", h.getDeployments).At("GET", "/restapis/{restApiId}/deployments"),
			server.Operation("GetTags", h.getTags).At("GET", "/tags/{resourceArn}"),
		},
	}
}
