package server

import (
	"net/http"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// Call is what a handler knows about the request it serves.
type Call struct {
	RequestID string
	// Principal is who signed the request.
	Principal iam.Principal
	// Region is the region of the request's credential scope.
	Region string
	// Service is the signing name, e.g. "monitoring".
	Service   string
	Operation string
	Protocol  ProtocolID
	// Header is the request's headers; handlers should rarely need them.
	Header http.Header

	iamPrefix string
	action    string
}

// Action is the IAM action of the call, e.g. "sagemaker:UpdateModelPackage".
func (c *Call) Action() string { return c.iamPrefix + ":" + c.action }

// ARN builds an ARN in the caller's account and region for this service,
// e.g. c.ARN("model-package/hdb-resale/3").
func (c *Call) ARN(resource string) string {
	return "arn:aws:" + c.iamPrefix + ":" + c.Region + ":" + c.Principal.Account + ":" + resource
}

// Authorize asks IAM whether the caller may perform this call's action on
// the resource resourceARN, which belongs to resourceProject ("" if none).
// It returns nil, or an AccessDeniedException worded as AWS words it.
// Handlers of mutating operations call it once they know the resource.
func (c *Call) Authorize(resourceARN, resourceProject string) error {
	if ok, _ := iam.Allowed(c.Principal, c.iamPrefix, c.action, resourceProject); ok {
		return nil
	}
	return AccessDeniedException("%s", iam.DenyMessage(c.Principal, c.Action(), resourceARN))
}
