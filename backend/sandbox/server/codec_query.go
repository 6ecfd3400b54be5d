package server

import (
	"encoding/xml"
	"net/http"
)

// AWSQuery is the awsQuery protocol: POST / with a form body
// Action=<Op>&Version=<Version>&… (lists as Name.member.N, maps as
// Name.entry.N.key/value) and XML responses
// <OpResponse><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>.
// Timestamps are ISO 8601.
type AWSQuery struct {
	Version      string // the API version, e.g. "2011-06-15"
	XMLNamespace string // e.g. "https://sts.amazonaws.com/doc/2011-06-15/"
}

func (AWSQuery) ID() ProtocolID { return ProtocolAWSQuery }
func (AWSQuery) isREST() bool   { return false }

func (p AWSQuery) decode(rq *request, in any) error {
	tree, err := queryTreeOf(rq.form, "Action", "Version")
	if err != nil {
		return err
	}
	b := binder{shapes: rq.shapes, style: queryTree}
	return b.bindInput(in, tree)
}

func (p AWSQuery) encode(w http.ResponseWriter, rq *request, out any) error {
	name := rq.opName()
	x := xmlWriter{shapes: rq.shapes, ts: tsDateTime}
	x.open(name+"Response", p.xmlns()...)
	if v, ok := outputValue(out); ok {
		if err := x.structElement(name+"Result", v); err != nil {
			return err
		}
	} else {
		x.open(name + "Result")
		x.close(name + "Result")
	}
	x.open("ResponseMetadata")
	x.text("RequestId", rq.id)
	x.close("ResponseMetadata")
	x.close(name + "Response")
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(x.buf.Bytes())
	return nil
}

func (p AWSQuery) encodeError(w http.ResponseWriter, rq *request, e *Error) {
	e = rq.finalError(e, nil)
	code, status := e.asQuery()
	x := xmlWriter{}
	x.open("ErrorResponse", p.xmlns()...)
	x.open("Error")
	x.text("Type", string(e.fault()))
	x.text("Code", code)
	x.text("Message", e.Message)
	x.close("Error")
	x.text("RequestId", rq.id)
	x.close("ErrorResponse")
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	_, _ = w.Write(x.buf.Bytes())
}

func (p AWSQuery) xmlns() []xml.Attr {
	if p.XMLNamespace == "" {
		return nil
	}
	return []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: p.XMLNamespace}}
}
