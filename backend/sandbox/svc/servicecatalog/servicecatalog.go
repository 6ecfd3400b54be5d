// Package servicecatalog serves AWS Service Catalog (awsJson1_1,
// X-Amz-Target prefix "AWS242ServiceCatalogService", signing name
// "servicecatalog") over the sandbox world: the products that SageMaker
// projects are provisioned from, their MLOps templates. A project names
// its template only by product id; DescribeProduct gives the name.
//
// Every operation names its AWS CLI equivalent.
package servicecatalog

import (
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// handlers serve Service Catalog's operations over one world.
type handlers struct {
	w *world.World
}

// Service is AWS Service Catalog as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{w: w}
	return server.Service{
		Name:        "Service Catalog",
		SigningName: "servicecatalog",
		Protocols:   []server.Protocol{server.AWSJSON{Version: "1.1", TargetPrefix: "AWS242ServiceCatalogService"}},
		Ops: []server.Op{
			server.Operation("DescribeProduct", h.describeProduct),
		},
	}
}
