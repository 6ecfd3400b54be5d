package aws

import (
	"context"
	"strings"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
)

// meterMiddleware sits in the Finalize step after the SDK's retry loop, so
// it sees (and paces) every attempt that goes on the wire, retries included.
type meterMiddleware struct{ m *Meter }

func (meterMiddleware) ID() string { return "agdash.Meter" }

func (mw meterMiddleware) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	svc := ServiceKey(awsmiddleware.GetServiceID(ctx))
	op := awsmiddleware.GetOperationName(ctx)
	if err := mw.m.Wait(ctx, svc); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	out, md, err := next.HandleFinalize(ctx, in)
	mw.m.Record(svc, op, err)
	return out, md, err
}

// addToStack is an APIOptions entry that puts the meter on a client's stack.
func (m *Meter) addToStack(stack *middleware.Stack) error {
	mw := meterMiddleware{m}
	if err := stack.Finalize.Insert(mw, "ResolveAuthScheme", middleware.Before); err == nil {
		return nil
	}
	return stack.Finalize.Add(mw, middleware.After)
}

// ServiceKey is the AWS CLI's name of an SDK service id, which is how
// agdash names operations ("CloudWatch Logs" -> "logs", as in
// "logs:GetLogEvents").
func ServiceKey(serviceID string) string {
	switch serviceID {
	case "SageMaker":
		return "sagemaker"
	case "SageMaker Runtime":
		return "sagemaker-runtime"
	case "CloudWatch Logs":
		return "logs"
	case "API Gateway":
		return "apigateway"
	case "SSO OIDC":
		return "sso-oidc"
	case "Service Catalog":
		return "servicecatalog"
	}
	return strings.ToLower(strings.ReplaceAll(serviceID, " ", "-"))
}
