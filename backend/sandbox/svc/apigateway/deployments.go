package apigateway

import (
	"context"
	"fmt"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Deployment is a snapshot of an API that stages serve.
type Deployment struct {
	Id          string    `aws:"id"`
	Description string    `aws:"description"`
	CreatedDate time.Time `aws:"createdDate"`
}

// GetDeploymentsInput is GetDeployments' request.
type GetDeploymentsInput struct {
	RestApiId string  `aws:"restApiId,uri"`
	Limit     *int32  `aws:"limit,query"`
	Position  *string `aws:"position,query"`
}

// GetDeploymentsOutput is GetDeployments' answer.
type GetDeploymentsOutput struct {
	Items    []Deployment `aws:"item"`
	Position *string      `aws:"position"`
}

// getDeployments lists an API's deployments, oldest first.
// aws apigateway get-deployments --rest-api-id ID
func (h handlers) getDeployments(_ context.Context, call *server.Call, in *GetDeploymentsInput) (*GetDeploymentsOutput, error) {
	limit, err := pageLimit(in.Limit)
	if err != nil {
		return nil, err
	}
	all, err := h.world.Deployments(in.RestApiId)
	if err != nil {
		return nil, notFound("API", call, in.RestApiId)
	}
	key := func(d world.Deployment) string { return fmt.Sprintf("%020d|%s", d.CreatedDate.UnixNano(), d.Id) }
	pg, next, err := page(all, key, in.Position, limit)
	if err != nil {
		return nil, err
	}
	out := &GetDeploymentsOutput{Items: make([]Deployment, len(pg)), Position: next}
	for i, d := range pg {
		out.Items[i] = Deployment{Id: d.Id, Description: d.Description, CreatedDate: d.CreatedDate}
	}
	return out, nil
}
