package server

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// fallbackProtocol shapes errors for requests no service claims.
var fallbackProtocol Protocol = AWSJSON{Version: "1.1"}

// ServeHTTP answers one request: admin API, or an AWS call.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isAdminPath(r.URL.Path) {
		s.serveAdmin(w, r)
		return
	}
	s.requests.Add(1)
	rw := &responseWriter{ResponseWriter: w}
	rq := &request{r: r, id: s.newRequestID(), shapes: &s.shapes, cb: &s.cbor, proto: fallbackProtocol}
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if v == http.ErrAbortHandler {
			panic(v)
		}
		s.log.Error("sandbox: panic while serving", "service", rq.serviceName(), "operation", rq.opName(),
			"request_id", rq.id, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		if !rw.wroteHeader {
			s.fail(rw, rq, InternalFailure("We encountered an internal error. Please try again."))
		}
	}()
	s.serve(rw, rq)
}

// serve runs the pipeline: route, read the body, authenticate, inject
// faults, authorize, decode, handle, encode.
func (s *Server) serve(w http.ResponseWriter, rq *request) {
	r := rq.r
	rq.signingName, _ = requestSigningName(r)
	routeErr := s.resolve(rq, rq.signingName)
	if rq.svc == nil && routeErr != nil {
		s.fail(w, rq, routeErr)
		return
	}
	if e := s.readBody(rq); e != nil {
		s.fail(w, rq, e)
		return
	}
	if rq.proto.ID() == ProtocolAWSQuery && routeErr == nil {
		routeErr = s.resolveQueryAction(rq)
	}
	principal, auth, e := verifySigV4(r, rq.body, s.keys)
	if e != nil {
		s.fail(w, rq, e)
		return
	}
	if s.faults.expired(s.start, s.now()) {
		s.fail(w, rq, ExpiredTokenException("The security token included in the request is expired"))
		return
	}
	if routeErr != nil {
		s.fail(w, rq, routeErr)
		return
	}
	if auth.service != rq.svc.SigningName {
		s.fail(w, rq, InvalidSignatureException("Credential should be scoped to correct service: '%s'.", rq.svc.SigningName))
		return
	}
	if !s.regionServed(auth) {
		s.fail(w, rq, InvalidSignatureException("Credential should be scoped to a valid region."))
		return
	}
	s.countCall(rq.svc.SigningName, rq.op.Name)

	d := s.faults.decide(rq.svc.SigningName, rq.op.Name)
	if d.latency > 0 {
		if err := s.sleep(r.Context(), d.latency); err != nil {
			// The client left or the server is shutting down: close the
			// connection rather than let net/http answer an empty 200.
			dropConnection(w)
			return
		}
	}
	switch {
	case d.drop:
		dropConnection(w)
		return
	case d.throttle:
		s.fail(w, rq, ThrottlingException("Rate exceeded"))
		return
	case d.fail:
		s.fail(w, rq, InternalFailure("We encountered an internal error. Please try again."))
		return
	}

	call := &Call{
		RequestID: rq.id,
		Principal: principal,
		Region:    auth.region,
		Service:   rq.svc.SigningName,
		Operation: rq.op.Name,
		Protocol:  rq.proto.ID(),
		Header:    r.Header,
		iamPrefix: rq.svc.iamPrefix(),
		action:    rq.op.action(),
	}
	in := rq.op.New()
	decodeErr := rq.proto.decode(rq, in)
	if ok, _ := iam.Allowed(principal, call.iamPrefix, call.action, ""); !ok {
		// Refused whatever the request says; the message names the resource
		// when the request does.
		resource := call.ARN("*")
		if decodeErr == nil {
			resource = s.requestResource(call, in)
		}
		s.fail(w, rq, AccessDeniedException("%s", iam.DenyMessage(principal, call.Action(), resource)))
		return
	}
	if decodeErr != nil {
		s.fail(w, rq, asError(decodeErr))
		return
	}
	out, err := s.invoke(r.Context(), call, rq, in)
	if err != nil {
		var ae *Error
		if !errors.As(err, &ae) {
			s.log.Error("sandbox: handler failed", "service", rq.svc.Name, "operation", rq.op.Name, "request_id", rq.id, "err", err)
		}
		s.fail(w, rq, asError(err))
		return
	}
	s.setRequestIDHeaders(w, rq)
	if err := rq.proto.encode(w, rq, out); err != nil {
		s.log.Error("sandbox: cannot encode output", "service", rq.svc.Name, "operation", rq.op.Name, "request_id", rq.id, "err", err)
		if rw, ok := w.(*responseWriter); ok && !rw.wroteHeader {
			s.fail(w, rq, InternalFailure("We encountered an internal error. Please try again."))
		}
	}
}

// invoke calls the handler, turning a panic into InternalFailure.
func (s *Server) invoke(ctx context.Context, call *Call, rq *request, in any) (out any, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("sandbox: handler panicked", "service", rq.svc.Name, "operation", rq.op.Name,
				"request_id", rq.id, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			out, err = nil, InternalFailure("We encountered an internal error. Please try again.")
		}
	}()
	return rq.op.Handle(ctx, call, in)
}

// asError turns any error into an *Error; unknown ones become InternalFailure.
func asError(err error) *Error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	return InternalFailure("We encountered an internal error. Please try again.")
}

// fail writes e in the request's protocol.
func (s *Server) fail(w http.ResponseWriter, rq *request, e *Error) {
	s.setRequestIDHeaders(w, rq)
	rq.proto.encodeError(w, rq, e)
}

func (s *Server) setRequestIDHeaders(w http.ResponseWriter, rq *request) {
	h := w.Header()
	if rq.proto.ID() == ProtocolRESTXML {
		h["x-amz-request-id"] = []string{s3RequestID(rq.id)}
		h["x-amz-id-2"] = []string{hostID(rq.id)}
		return
	}
	h["x-amzn-RequestId"] = []string{rq.id}
}

// resolve finds the service, protocol and operation of rq. It may leave
// rq.op nil (awsQuery names it in the body) and returns an error for an
// unknown operation; rq.svc stays nil when no service claims the request.
func (s *Server) resolve(rq *request, signingName string) *Error {
	r := rq.r
	s.mu.RLock()
	defer s.mu.RUnlock()

	if target := r.Header.Get("X-Amz-Target"); target != "" {
		i := strings.LastIndexByte(target, '.')
		if i < 0 {
			return UnknownOperationException("Malformed X-Amz-Target %q", target)
		}
		prefix, opName := target[:i], target[i+1:]
		svc := s.jsonTargets[prefix]
		if svc == nil {
			return UnknownOperationException("No service answers X-Amz-Target prefix %q", prefix)
		}
		for _, p := range svc.Protocols {
			if j, ok := p.(AWSJSON); ok && j.TargetPrefix == prefix {
				rq.proto = j
			}
		}
		return rq.setOp(svc, opName)
	}

	if rest, ok := strings.CutPrefix(r.URL.Path, "/service/"); ok && strings.EqualFold(r.Header.Get("Smithy-Protocol"), "rpc-v2-cbor") {
		name, opPath, _ := strings.Cut(rest, "/operation/")
		svc := s.cborNames[name]
		if svc == nil {
			rq.proto = RPCv2CBOR{ServiceName: name}
			return UnknownOperationException("No service answers rpcv2Cbor service %q", name)
		}
		rq.proto, _ = svc.protocol(ProtocolRPCv2CBOR)
		if r.Method != http.MethodPost {
			rq.svc = svc
			return UnknownOperationException("rpcv2Cbor operations must be POSTed")
		}
		return rq.setOp(svc, opPath)
	}

	if r.Method == http.MethodPost && (r.URL.Path == "/" || r.URL.Path == "") && isForm(r.Header.Get("Content-Type")) {
		for _, svc := range s.candidates(signingName) {
			if p, ok := svc.protocol(ProtocolAWSQuery); ok {
				rq.svc, rq.proto = svc, p
				return nil
			}
		}
	}

	return s.resolveREST(rq, signingName)
}

// candidates lists the services a signing name may mean; all of them if
// the request is unsigned.
func (s *Server) candidates(signingName string) []*service {
	if signingName == "" {
		return s.services
	}
	return s.bySigning[signingName]
}

func (s *Server) resolveREST(rq *request, signingName string) *Error {
	r := rq.r
	var best *restRoute
	var bestLabels map[string]string
	var restSvc *service
	query := r.URL.Query()
	for _, svc := range s.candidates(signingName) {
		if svc.rest == nil {
			continue
		}
		if restSvc == nil {
			restSvc = svc
		}
		path := r.URL.EscapedPath()
		if x, ok := svc.rest.(RESTXML); ok {
			path, _ = x.virtualHostPath(r, path)
		}
		for _, rt := range svc.routes {
			labels, ok := rt.match(r.Method, path, query)
			if ok && (best == nil || rt.moreSpecific(best)) {
				best, bestLabels = rt, labels
			}
		}
	}
	if best != nil {
		rq.svc, rq.proto, rq.op, rq.labels = best.svc, best.svc.rest, best.op, bestLabels
		return nil
	}
	if signingName != "" && restSvc != nil {
		rq.svc, rq.proto = restSvc, restSvc.rest
		return UnknownOperationException("No operation of %s answers %s %s", restSvc.Name, r.Method, r.URL.Path)
	}
	if signingName == "s3" {
		rq.proto = RESTXML{}
	}
	return UnknownOperationException("No service of this sandbox answers %s %s", r.Method, r.URL.Path)
}

// resolveQueryAction reads Action and Version from an awsQuery body.
func (s *Server) resolveQueryAction(rq *request) *Error {
	form, err := url.ParseQuery(string(rq.body))
	if err != nil {
		return SerializationException("Malformed form body: %v", err)
	}
	rq.form = form
	if v := form.Get("Version"); v != "" {
		s.mu.RLock()
		for _, svc := range s.candidates(rq.signingName) {
			if p, ok := svc.protocol(ProtocolAWSQuery); ok && p.(AWSQuery).Version == v {
				rq.svc, rq.proto = svc, p
			}
		}
		s.mu.RUnlock()
	}
	action := form.Get("Action")
	if action == "" {
		return UnknownOperationException("The request must contain the parameter Action.")
	}
	return rq.setOp(rq.svc, action)
}

// setOp records svc and its operation name, or reports it unknown.
func (rq *request) setOp(svc *service, name string) *Error {
	rq.svc = svc
	op, ok := svc.ops[name]
	if !ok {
		return UnknownOperationException("Unknown operation %s of %s", name, svc.Name)
	}
	rq.op = op
	return nil
}

func isForm(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// dropConnection closes the client's connection without answering.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
