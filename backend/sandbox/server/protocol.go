package server

import (
	"net/http"
	"net/url"
	"reflect"
)

// ProtocolID names a wire protocol as Smithy does.
type ProtocolID string

const (
	ProtocolAWSJSON10 ProtocolID = "awsJson1_0"
	ProtocolAWSJSON11 ProtocolID = "awsJson1_1"
	ProtocolRPCv2CBOR ProtocolID = "rpcv2Cbor"
	ProtocolAWSQuery  ProtocolID = "awsQuery"
	ProtocolRESTJSON  ProtocolID = "restJson1"
	ProtocolRESTXML   ProtocolID = "restXml"
)

// Protocol is one wire protocol a service answers in: AWSJSON, RPCv2CBOR,
// AWSQuery, RESTJSON or RESTXML.
type Protocol interface {
	ID() ProtocolID
	// decode fills in (a pointer to the operation's input struct).
	decode(rq *request, in any) error
	// encode writes a successful response; out may be nil.
	encode(w http.ResponseWriter, rq *request, out any) error
	// encodeError writes e as this protocol's error response.
	encodeError(w http.ResponseWriter, rq *request, e *Error)
	// isREST reports whether operations route by HTTP method and path.
	isREST() bool
}

// request is one AWS call as it passes through the server.
type request struct {
	r           *http.Request
	signingName string // from the credential scope; "" if unsigned
	body        []byte
	id          string
	svc         *service
	op          *Op
	labels      map[string]string // REST path labels
	form        url.Values        // awsQuery parameters
	shapes      *shapeCache
	cb          *cborCodec
	proto       Protocol // how to answer; a fallback until the service is known
}

func (rq *request) cbor() *cborCodec { return rq.cb }

// serviceName is the service's name, or "" before it is known.
func (rq *request) serviceName() string {
	if rq.svc == nil {
		return ""
	}
	return rq.svc.Name
}

// opName is the operation's name, or "" before it is known.
func (rq *request) opName() string {
	if rq.op == nil {
		return ""
	}
	return rq.op.Name
}

// finalError renames e as table (the protocol's) and then the service name it.
func (rq *request) finalError(e *Error, table map[string]ErrorCode) *Error {
	e = e.rename(table)
	if rq.svc != nil {
		e = e.rename(rq.svc.ErrorCodes)
	}
	return e
}

// queryCompatible reports whether errors must carry X-Amzn-Query-Error.
func (rq *request) queryCompatible() bool {
	return rq.svc != nil && rq.svc.QueryCompatible
}

// setQueryErrorHeader adds X-Amzn-Query-Error for query-compatible services.
func (rq *request) setQueryErrorHeader(h http.Header, e *Error) {
	if !rq.queryCompatible() {
		return
	}
	code, _ := e.asQuery()
	h.Set("X-Amzn-Query-Error", code+";"+string(e.fault()))
}

// outputValue dereferences a handler's output; ok is false for nil.
func outputValue(out any) (reflect.Value, bool) {
	if out == nil {
		return reflect.Value{}, false
	}
	v := reflect.ValueOf(out)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	return v, true
}
