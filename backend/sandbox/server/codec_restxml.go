package server

import (
	"encoding/xml"
	"net"
	"net/http"
	"reflect"
	"strings"
)

// RESTXML is restXml as S3 speaks it: operations route by method and path
// template (path-style /{Bucket}/{Key+}); with VirtualHostBuckets the
// bucket may instead lead the Host (bucket.localhost:PORT). Body members
// travel in an XML document whose root element is Op.XMLName; timestamps
// are ISO 8601 in the body and HTTP dates in headers.
type RESTXML struct {
	XMLNamespace       string // e.g. "http://s3.amazonaws.com/doc/2006-03-01/"
	VirtualHostBuckets bool
}

func (RESTXML) ID() ProtocolID { return ProtocolRESTXML }
func (RESTXML) isREST() bool   { return true }

// virtualHostPath returns the path-style path for a virtual-host request:
// Host bucket.localhost:PORT and path /key become /bucket/key.
func (p RESTXML) virtualHostPath(r *http.Request, path string) (string, bool) {
	if !p.VirtualHostBuckets {
		return path, false
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	bucket, ok := strings.CutSuffix(host, ".localhost")
	if !ok || bucket == "" || net.ParseIP(host) != nil {
		return path, false
	}
	return "/" + bucket + path, true
}

func (RESTXML) decode(rq *request, in any) error {
	v, sh, err := bindHTTPMembers(rq, in)
	if err != nil {
		return err
	}
	pm := payloadMember(sh)
	if pm != nil && setRawPayload(v.FieldByIndex(pm.index), rq.body) {
		return nil
	}
	if len(rq.body) == 0 || (pm == nil && !hasBodyMembers(sh)) {
		return checkRequiredBody(v, sh, pm)
	}
	root, err := parseXML(rq.body)
	if err != nil {
		return SerializationException("The XML you provided was not well-formed: %v", err)
	}
	b := xmlBinder{shapes: rq.shapes, bodyOnly: true}
	if pm != nil {
		return b.bind(v.FieldByIndex(pm.index), root, pm.name, pm)
	}
	return b.bindStruct(v, root, "")
}

// checkRequiredBody reports a required body member when there is no body.
func checkRequiredBody(v reflect.Value, sh *structShape, pm *member) error {
	for _, m := range sh.members {
		if (m.loc == inBody || m == pm) && m.required && isEmpty(v.FieldByIndex(m.index)) {
			return missingMember(m.name)
		}
	}
	return nil
}

func (p RESTXML) encode(w http.ResponseWriter, rq *request, out any) error {
	v, ok := outputValue(out)
	if !ok {
		w.WriteHeader(successStatus(rq, 0))
		return nil
	}
	sh, pm, status, err := writeRESTHead(w, rq, v)
	if err != nil {
		return err
	}
	x := xmlWriter{shapes: rq.shapes, ts: tsDateTime}
	switch {
	case pm != nil:
		fv := v.FieldByIndex(pm.index)
		if done, err := writeRawPayload(w, fv, status); done || err != nil {
			return err
		}
		fv = reflect.Indirect(fv)
		if err := x.structElement(pm.name, fv, p.xmlns()...); err != nil {
			return err
		}
	case hasBodyMembers(sh):
		x.bodyOnly = true
		if err := x.structElement(rq.op.xmlName(), v, p.xmlns()...); err != nil {
			return err
		}
	default:
		w.WriteHeader(status)
		return nil
	}
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	if rq.r.Method != http.MethodHead {
		_, _ = w.Write([]byte(xml.Header))
		_, _ = w.Write(x.buf.Bytes())
	}
	return nil
}

func (p RESTXML) encodeError(w http.ResponseWriter, rq *request, e *Error) {
	e = rq.finalError(e, s3ErrorCodes)
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(e.Status)
	if rq.r.Method == http.MethodHead {
		return
	}
	x := xmlWriter{}
	x.open("Error")
	x.text("Code", e.Code)
	x.text("Message", e.Message)
	x.text("RequestId", s3RequestID(rq.id))
	x.text("HostId", hostID(rq.id))
	x.close("Error")
	_, _ = w.Write([]byte(xml.Header))
	_, _ = w.Write(x.buf.Bytes())
}

func (p RESTXML) xmlns() []xml.Attr {
	if p.XMLNamespace == "" {
		return nil
	}
	return []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: p.XMLNamespace}}
}
