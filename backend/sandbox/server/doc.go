// Package server is the sandbox's AWS-compatible HTTP server: the wire
// framework that service packages (backend/sandbox/svc/<service>) plug into.
//
// The server listens on loopback. Every SDK, and the AWS CLI, may be pointed
// at its one URL (AWS_ENDPOINT_URL): it tells services apart by the SigV4
// credential scope's signing name and each request's protocol (awsJson1_0/1_1
// by X-Amz-Target, Smithy RPC v2 CBOR by /service/<Name>/operation/<Op>,
// awsQuery by a form body with Action, restJson1 and restXml by method and
// path). It verifies SigV4 signatures against the principals it was given,
// asks package iam whether the caller's role may call the operation, decodes
// the input, calls the handler, and encodes the output or error the way
// that protocol's AWS service would, including AWS's error codes and HTTP
// statuses. Faults (throttling, 5xx, latency, dropped connections, expired
// credentials) can be injected at start (Options.Faults) or at run time
// through the admin API under /_sandbox/ (see admin.go).
//
// # Writing a service package
//
// A service package declares its operations as typed handlers over plain Go
// structs. Members are named on the wire by field name, or by an `aws`
// struct tag (see shape.go for every option): pointers are optional members
// and are left out of responses when nil, as are zero scalars, nil slices
// and nil maps; an empty non-nil slice is sent as an empty list. time.Time is
// a timestamp and []byte a blob, written as each protocol writes them. The
// same structs serve every protocol the service lists; location options
// (uri, query, header, payload, status) matter only to the REST protocols.
//
// Every package exposes Service(…) server.Service, which the sandbox
// registers (backend/sandbox/services.go). A complete example, CloudWatch's
// DeleteAlarms in all three of CloudWatch's protocols:
//
//	package cloudwatch
//
//	type DeleteAlarmsInput struct {
//		AlarmNames []string `aws:",required"`
//	}
//
//	type DeleteAlarmsOutput struct{}
//
//	func Service(w *world.World) server.Service {
//		h := handlers{world: w}
//		return server.Service{
//			Name:            "CloudWatch",
//			SigningName:     "monitoring",
//			IAMPrefix:       "cloudwatch",
//			QueryCompatible: true,
//			Protocols: []server.Protocol{
//				server.AWSQuery{Version: "2010-08-01", XMLNamespace: "http://monitoring.amazonaws.com/doc/2010-08-01/"},
//				server.AWSJSON{Version: "1.0", TargetPrefix: "GraniteServiceVersion20100801"},
//				server.RPCv2CBOR{ServiceName: "GraniteServiceVersion20100801"},
//			},
//			Ops: []server.Op{
//				server.Operation("DeleteAlarms", h.deleteAlarms),
//			},
//		}
//	}
//
//	func (h handlers) deleteAlarms(ctx context.Context, call *server.Call, in *DeleteAlarmsInput) (*DeleteAlarmsOutput, error) {
//		for _, name := range in.AlarmNames {
//			alarm, ok := h.world.Alarm(name)
//			if !ok {
//				return nil, server.ResourceNotFoundException("Alarm %s does not exist.", name)
//			}
//			// Mutations name their resource so IAM can limit them to the caller's projects.
//			if err := call.Authorize(call.ARN("alarm:"+name), alarm.Project); err != nil {
//				return nil, err
//			}
//		}
//		h.world.DeleteAlarms(in.AlarmNames)
//		return &DeleteAlarmsOutput{}, nil
//	}
//
// REST operations add their HTTP binding with At, and bind members to the
// request with tags:
//
//	type InvokeEndpointInput struct {
//		EndpointName *string `aws:",uri,required"`
//		Body         []byte  `aws:",payload"`
//		ContentType  *string `aws:"Content-Type,header"`
//	}
//
//	server.Operation("InvokeEndpoint", h.invoke).At("POST", "/endpoints/{EndpointName}/invocations")
//
// S3 routes use query literals and name their IAM action and XML root:
//
//	server.Operation("ListObjectsV2", h.list).At("GET", "/{Bucket}?list-type=2").
//		WithAction("ListBucket").WithXMLName("ListBucketResult")
//
// Before a handler runs, the server has already refused callers whose role
// may not call the operation at all (iam.Allowed with no project). Handlers
// of mutating operations call Call.Authorize once they know the resource,
// so that data scientists and MLOps engineers stay within their projects.
// Handlers return *Error values (ValidationException, ResourceNotFound,
// NoSuchKey, … or NewError for a service's own code); any other error, and
// any panic, reaches the client as InternalFailure and is logged.
//
// Tests start a server with package servertest and call it with the real
// SDK clients: servertest.Start(t, server.Options{}, sts.Register) and
// servertest.Config(srv, servertest.DataScientist).
package server
