// Package runtime serves Amazon SageMaker Runtime's InvokeEndpoint over the
// world's simulated models: the HDB resale-flat valuation model prices a
// flat from JSON or CSV features, the other endpoints score or predict,
// and the incident endpoint answers a share of calls with a ModelError.
//
// SageMaker Runtime is restJson1 and signs as "sagemaker", like SageMaker
// itself; the server tells them apart by the REST path
// POST /endpoints/{EndpointName}/invocations.
//
//	InvokeEndpoint  aws sagemaker-runtime invoke-endpoint --endpoint-name … --body … out.json
package runtime

import (
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// maxPayloadBytes is InvokeEndpoint's request size limit: 6 MiB.
const maxPayloadBytes = 6 << 20

// Service is SageMaker Runtime as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:         "SageMakerRuntime",
		SigningName:  "sagemaker",
		Protocols:    []server.Protocol{server.RESTJSON{}},
		MaxBodyBytes: maxPayloadBytes,
		// SageMaker Runtime names its validation error ValidationError.
		ErrorCodes: map[string]server.ErrorCode{
			"ValidationException": {Code: "ValidationError", Status: http.StatusBadRequest},
		},
		Ops: []server.Op{
			server.Operation("InvokeEndpoint", h.invokeEndpoint).At("POST", "/endpoints/{EndpointName}/invocations"),
		},
	}
}

// handlers answer SageMaker Runtime's operations from the world.
type handlers struct {
	world *world.World
}
