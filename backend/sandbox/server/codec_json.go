package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
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
	body, _ := json.Marshal(map[string]string{"__type": e.Code, "message": e.Message, "Message": e.Message})
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
	tb := treeBuilder{shapes: shapes, ts: tsEpoch, bodyOnly: bodyOnly}
	tree, err := tb.build(v, nil)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, tree); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeJSON writes a tree (see tree.go) as JSON.
func writeJSON(buf *bytes.Buffer, node any) error {
	switch x := node.(type) {
	case nil:
		buf.WriteString("null")
	case object:
		buf.WriteByte('{')
		for i, f := range x {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSONString(buf, f.name)
			buf.WriteByte(':')
			if err := writeJSON(buf, f.val); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		buf.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSONString(buf, k)
			buf.WriteByte(':')
			if err := writeJSON(buf, x[k]); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case []any:
		buf.WriteByte('[')
		for i, item := range x {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeJSON(buf, item); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case string:
		writeJSONString(buf, x)
	case bool:
		buf.WriteString(strconv.FormatBool(x))
	case int64:
		buf.WriteString(strconv.FormatInt(x, 10))
	case uint64:
		buf.WriteString(strconv.FormatUint(x, 10))
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			writeJSONString(buf, formatFloat(x))
			return nil
		}
		b, _ := json.Marshal(x)
		buf.Write(b)
	case stamp:
		if x.f == tsEpoch {
			buf.WriteString(strconv.FormatFloat(epochSeconds(x.t), 'f', -1, 64))
		} else {
			writeJSONString(buf, formatTime(x.t, x.f))
		}
	case []byte:
		writeJSONString(buf, base64.StdEncoding.EncodeToString(x))
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return err
		}
		buf.Write(b)
	}
	return nil
}

func writeJSONString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s)
	buf.Write(b)
}
