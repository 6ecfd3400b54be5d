package runtime

import (
	"context"
	"regexp"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// InvokeEndpointInput is InvokeEndpoint's request: the payload is the raw
// body, the rest travels in headers.
type InvokeEndpointInput struct {
	EndpointName            *string `aws:",uri,required"`
	Body                    []byte  `aws:",payload"`
	ContentType             *string `aws:"Content-Type,header"`
	Accept                  *string `aws:"Accept,header"`
	CustomAttributes        *string `aws:"X-Amzn-SageMaker-Custom-Attributes,header"`
	TargetModel             *string `aws:"X-Amzn-SageMaker-Target-Model,header"`
	TargetVariant           *string `aws:"X-Amzn-SageMaker-Target-Variant,header"`
	TargetContainerHostname *string `aws:"X-Amzn-SageMaker-Target-Container-Hostname,header"`
	InferenceId             *string `aws:"X-Amzn-SageMaker-Inference-Id,header"`
	EnableExplanations      *string `aws:"X-Amzn-SageMaker-Enable-Explanations,header"`
	InferenceComponentName  *string `aws:"X-Amzn-SageMaker-Inference-Component,header"`
	SessionId               *string `aws:"X-Amzn-SageMaker-Session-Id,header"`
}

// InvokeEndpointOutput is the model's answer: a raw body and headers.
type InvokeEndpointOutput struct {
	Body                     []byte  `aws:",payload"`
	ContentType              *string `aws:"Content-Type,header"`
	InvokedProductionVariant *string `aws:"x-Amzn-Invoked-Production-Variant,header"`
	CustomAttributes         *string `aws:"X-Amzn-SageMaker-Custom-Attributes,header"`
}

var endpointNamePattern = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9])*$`)

// invokeEndpoint sends a payload to an endpoint's model. IAM allows it to
// on-call staff everywhere and to data scientists and MLOps engineers on
// their projects' endpoints; the simulated container answers JSON (an
// Accept that rules JSON out is refused by the container with 406).
//
//	aws sagemaker-runtime invoke-endpoint --endpoint-name hdb-resale-valuation-prod \
//	    --content-type application/json --body fileb://flat.json out.json
func (h handlers) invokeEndpoint(_ context.Context, call *server.Call, in *InvokeEndpointInput) (*InvokeEndpointOutput, error) {
	name := *in.EndpointName
	if len(name) > 63 || !endpointNamePattern.MatchString(name) {
		return nil, validationError("1 validation error detected: Value '%s' at 'endpointName' failed to satisfy constraint: "+
			"Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*", name)
	}
	arn, project := call.ARN("endpoint/"+strings.ToLower(name)), ""
	if e, err := h.world.Endpoint(name); err == nil {
		arn = e.EndpointArn
		project, _ = world.TagValue(e.Tags, "sagemaker:project-name")
	}
	if err := call.Authorize(arn, project); err != nil {
		return nil, err
	}
	if in.TargetModel != nil {
		return nil, validationError("Endpoint %s is not a multi-model endpoint and does not support target model header.", name)
	}
	if in.InferenceComponentName != nil {
		return nil, validationError("Inference Component Name header is not allowed for endpoints to which you dont deploy inference components.")
	}
	if a := optional.Value(in.Accept); a != "" && !acceptsJSON(a) {
		return nil, modelError(world.ErrModel{
			OriginalStatusCode: 406,
			OriginalMessage:    "Unsupported Accept type " + a + "; the model answers application/json.",
			LogStreamArn:       "arn:aws:logs:" + call.Region + ":" + call.Principal.Account + ":log-group:" + world.EndpointLogPrefix + name,
			Message:            "Received client error (406) from primary with message \"Unsupported Accept type " + a + "\".",
		})
	}
	out, err := h.world.InvokeEndpoint(world.InvokeEndpointInput{
		EndpointName: name, ContentType: optional.Value(in.ContentType), Accept: optional.Value(in.Accept),
		Body: in.Body, TargetVariant: optional.Value(in.TargetVariant),
	})
	if err != nil {
		return nil, worldError(err)
	}
	return &InvokeEndpointOutput{Body: out.Body, ContentType: &out.ContentType, InvokedProductionVariant: &out.InvokedProductionVariant}, nil
}

// acceptsJSON reports whether an Accept header admits application/json.
func acceptsJSON(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		media, _, _ := strings.Cut(strings.TrimSpace(strings.ToLower(part)), ";")
		switch media {
		case "*/*", "application/*", "application/json":
			return true
		}
	}
	return false
}
