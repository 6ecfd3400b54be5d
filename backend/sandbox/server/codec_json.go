package server

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// AWSJSON is the awsJson1_0 / awsJson1_1 protocol: POST / with
// X-Amz-Target: <TargetPrefix>.<Operation> and a JSON body. Timestamps are
// epoch seconds.
type AWSJSON struct {
	Version      string // "1.0" or "1.1"
	TargetPrefix string // e.g. "SageMaker", "Logs_20140328", "GraniteServiceVersion20100801"
}

func (p AWSJSON) ID() ProtocolID {
	if p.Version == "1.0" {
		return ProtocolAWSJSON10
	}
	return ProtocolAWSJSON11
}

func (AWSJSON) isREST() bool { return false }

func (p AWSJSON) contentType() string { return "application/x-amz-json-" + p.Version }

func (p AWSJSON) decode(rq *request, in any) error {
	tree, err := decodeJSONBody(rq.body)
	if err != nil {
		return err
	}
	b := binder{shapes: rq.shapes, style: nativeTree}
	return b.bindInput(in, tree)
}

func (p AWSJSON) encode(w http.ResponseWriter, rq *request, out any) error {
	body, err := jsonBody(rq.shapes, out, false)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", p.contentType())
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
	return nil
}

func (p AWSJSON) encodeError(w http.ResponseWriter, rq *request, e *Error) {
	e = rq.finalError(e, nil)
	rq.setQueryErrorHeader(w.Header(), e)
	writeJSONError(w, p.contentType(), e)
}

// writeJSONError writes the JSON error shape shared by awsJson and
// restJson1. Both spellings of message are sent because services differ in
// which one their modeled errors use.
func writeJSONError(w http.ResponseWriter, contentType string, e *Error) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Amzn-ErrorType", e.Code)
	w.WriteHeader(e.Status)
	body, _ := json.Marshal(e.body())
	_, _ = w.Write(body)
}

// decodeJSONBody reads a JSON object body; an empty body is an empty object.
func decodeJSONBody(body []byte) (map[string]any, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]any{}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, SerializationException("Malformed JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, SerializationException("Malformed JSON: unexpected data after the request object")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, SerializationException("Expected a JSON object as the request body, got %s", describe(v))
	}
	return obj, nil
}

// jsonBody writes out (a struct pointer or nil) as a JSON object.
func jsonBody(shapes *shapeCache, out any, bodyOnly bool) ([]byte, error) {
	v, ok := outputValue(out)
	if !ok {
		return []byte("{}"), nil
	}
	var buf bytes.Buffer
	buf.Grow(1024)
	jw := jsonWriter{shapes: shapes, buf: &buf, bodyOnly: bodyOnly}
	if err := jw.value(v, nil); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeJSONString writes s as a JSON string, exactly as json.Marshal
// would. Most strings need no escaping and are copied as they are: a page
// of 100 training jobs holds several hundred strings.
func writeJSONString(buf *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if !jsonPlain[s[i]] {
			b, _ := json.Marshal(s)
			buf.Write(b)
			return
		}
	}
	buf.WriteByte('"')
	buf.WriteString(s)
	buf.WriteByte('"')
}

// jsonPlain marks the bytes that json.Marshal copies into a string
// unchanged: printable ASCII but for the quote, the backslash and the
// characters it escapes for HTML. It is never written after init.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
