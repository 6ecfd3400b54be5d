package server

import (
	"context"
	"fmt"
	"reflect"
)

// Service is one AWS service as a service package declares it.
type Service struct {
	// Name is for messages and logs, e.g. "CloudWatch".
	Name string
	// SigningName is the SigV4 credential scope's service, e.g. "monitoring".
	// Several services may share one (SageMaker and SageMaker Runtime both
	// sign as "sagemaker").
	SigningName string
	// IAMPrefix is the service prefix of IAM actions ("cloudwatch" for
	// monitoring); empty means SigningName.
	IAMPrefix string
	// Protocols lists every protocol the service answers in; the same Ops
	// serve all of them. At most one may be REST (RESTJSON or RESTXML).
	Protocols []Protocol
	// QueryCompatible marks a former awsQuery service (CloudWatch): its JSON
	// and CBOR errors carry X-Amzn-Query-Error with the query error code.
	QueryCompatible bool
	// MaxBodyBytes caps request bodies; 0 means Options.MaxBodyBytes.
	MaxBodyBytes int64
	// ErrorCodes renames errors for this service, keyed by Error.Code, e.g.
	// API Gateway: {"ThrottlingException": {"TooManyRequestsException", 429}}.
	ErrorCodes map[string]ErrorCode
	Ops        []Op
}

// HTTP binds an operation to a method and path template for the REST
// protocols. Path labels are {Name} (one segment) or {Name+} (the rest of
// the path); a template may end in ?key or ?key=value to require query
// parameters, as S3's "/{Bucket}?list-type=2" does.
type HTTP struct {
	Method string
	Path   string
	Status int // success status; 0 means 200
}

// Op is one operation. Build it with Operation; New and Handle may also be
// set by hand.
type Op struct {
	Name string
	// Action is the IAM action name; empty means Name (S3's ListObjectsV2
	// is s3:ListBucket).
	Action string
	HTTP   HTTP
	// XMLName is the root element of a restXml response body (S3's
	// ListObjectsV2 answers <ListBucketResult>); empty means Name+"Result".
	XMLName string
	// New returns a pointer to a fresh input struct.
	New func() any
	// Handle serves the call. It returns its output (a struct pointer, or
	// nil for none) or an error; an *Error reaches the client as is, any
	// other error as InternalFailure.
	Handle func(ctx context.Context, call *Call, in any) (any, error)

	outType reflect.Type
}

// Operation makes an Op from a typed handler. In and Out are structs whose
// fields are the operation's members (see the aws struct tag in shape.go).
func Operation[In, Out any](name string, fn func(ctx context.Context, call *Call, in *In) (*Out, error)) Op {
	return Op{
		Name: name,
		New:  func() any { return new(In) },
		Handle: func(ctx context.Context, call *Call, in any) (any, error) {
			out, err := fn(ctx, call, in.(*In))
			if err != nil || out == nil {
				return nil, err
			}
			return out, nil
		},
		outType: reflect.TypeFor[Out](),
	}
}

// At binds the operation to method and path for the REST protocols.
func (o Op) At(method, path string) Op {
	o.HTTP.Method, o.HTTP.Path = method, path
	return o
}

// WithStatus sets the REST success status (e.g. 201, 202, 204).
func (o Op) WithStatus(status int) Op {
	o.HTTP.Status = status
	return o
}

// WithAction names the IAM action when it differs from the operation name.
func (o Op) WithAction(action string) Op {
	o.Action = action
	return o
}

// WithXMLName sets the root element of the restXml response body.
func (o Op) WithXMLName(name string) Op {
	o.XMLName = name
	return o
}

func (o *Op) action() string {
	if o.Action != "" {
		return o.Action
	}
	return o.Name
}

func (o *Op) xmlName() string {
	if o.XMLName != "" {
		return o.XMLName
	}
	return o.Name + "Result"
}

// service is a registered Service with its lookup tables.
type service struct {
	Service
	ops    map[string]*Op
	routes []*restRoute
	rest   Protocol // the REST protocol, if any
}

func (s *service) iamPrefix() string {
	if s.IAMPrefix != "" {
		return s.IAMPrefix
	}
	return s.SigningName
}

// protocol returns the service's protocol with the given ID.
func (s *service) protocol(id ProtocolID) (Protocol, bool) {
	for _, p := range s.Protocols {
		if p.ID() == id {
			return p, true
		}
	}
	return nil, false
}

// compile checks svc and builds its tables.
func compile(svc Service, shapes *shapeCache) (*service, error) {
	if svc.SigningName == "" {
		return nil, fmt.Errorf("service %q has no signing name", svc.Name)
	}
	if len(svc.Protocols) == 0 {
		return nil, fmt.Errorf("service %q has no protocols", svc.Name)
	}
	s := &service{Service: svc, ops: map[string]*Op{}}
	for _, p := range svc.Protocols {
		if p.isREST() {
			if s.rest != nil {
				return nil, fmt.Errorf("service %q has two REST protocols", svc.Name)
			}
			s.rest = p
		}
		switch x := p.(type) {
		case AWSJSON:
			if x.TargetPrefix == "" || (x.Version != "1.0" && x.Version != "1.1") {
				return nil, fmt.Errorf("service %q: AWSJSON needs a TargetPrefix and Version 1.0 or 1.1", svc.Name)
			}
		case RPCv2CBOR:
			if x.ServiceName == "" {
				return nil, fmt.Errorf("service %q: RPCv2CBOR needs a ServiceName", svc.Name)
			}
		case AWSQuery:
			if x.Version == "" {
				return nil, fmt.Errorf("service %q: AWSQuery needs a Version", svc.Name)
			}
		}
	}
	for i := range svc.Ops {
		op := svc.Ops[i]
		if op.Name == "" || op.New == nil || op.Handle == nil {
			return nil, fmt.Errorf("service %q: operation %d needs a Name, New and Handle", svc.Name, i)
		}
		if _, dup := s.ops[op.Name]; dup {
			return nil, fmt.Errorf("service %q: operation %s is declared twice", svc.Name, op.Name)
		}
		inType := reflect.TypeOf(op.New())
		if inType == nil || inType.Kind() != reflect.Pointer || inType.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("%s.%s: New must return a pointer to a struct, not %v", svc.Name, op.Name, inType)
		}
		if err := shapes.check(inType); err != nil {
			return nil, fmt.Errorf("%s.%s input: %w", svc.Name, op.Name, err)
		}
		if op.outType != nil {
			if err := shapes.check(op.outType); err != nil {
				return nil, fmt.Errorf("%s.%s output: %w", svc.Name, op.Name, err)
			}
		}
		s.ops[op.Name] = &op
		if s.rest == nil {
			continue
		}
		if op.HTTP.Method == "" || op.HTTP.Path == "" {
			return nil, fmt.Errorf("%s.%s: a REST operation needs At(method, path)", svc.Name, op.Name)
		}
		rt, err := parseRoute(op.HTTP.Method, op.HTTP.Path)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", svc.Name, op.Name, err)
		}
		rt.op, rt.svc = s.ops[op.Name], s
		s.routes = append(s.routes, rt)
	}
	return s, nil
}
