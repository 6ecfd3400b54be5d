package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
)

// HTTP bindings of the REST protocols: members carried in the path, the
// query string, headers, the status code, or as the whole payload.

// bindHTTPMembers fills the members of in (a pointer to an input struct)
// bound to the URI, query and headers, and returns the struct and its
// shape for the protocol to bind the body.
func bindHTTPMembers(rq *request, in any) (reflect.Value, *structShape, error) {
	v := reflect.ValueOf(in).Elem()
	sh, err := rq.shapes.of(v.Type())
	if err != nil {
		return v, nil, InternalFailure("%v", err)
	}
	query := rq.r.URL.Query()
	for _, m := range sh.members {
		fv := v.FieldByIndex(m.index)
		var (
			vals []string
			ts   = tsDateTime
			what string
		)
		switch m.loc {
		case inURI:
			s, ok := rq.labels[m.name]
			if !ok {
				continue
			}
			vals, what = []string{s}, "path label"
		case inQuery:
			vals, what = query[m.name], "query parameter"
		case inHeader:
			vals, ts, what = headerValues(rq.r.Header, m), tsHTTPDate, "header"
		case inHeaders:
			prefix := strings.ToLower(m.name)
			out := reflect.MakeMap(fv.Type())
			for k, hv := range rq.r.Header {
				if lk := strings.ToLower(k); strings.HasPrefix(lk, prefix) && len(hv) > 0 {
					out.SetMapIndex(reflect.ValueOf(lk[len(prefix):]).Convert(fv.Type().Key()), reflect.ValueOf(hv[0]).Convert(fv.Type().Elem()))
				}
			}
			if out.Len() > 0 {
				fv.Set(out)
			}
			continue
		default:
			continue
		}
		if len(vals) == 0 {
			if m.required {
				return v, nil, missingMember(m.name)
			}
			continue
		}
		if m.ts != tsDefault {
			ts = m.ts
		}
		if err := setTextValues(fv, vals, ts); err != nil {
			return v, nil, SerializationException("%s %s: %v", what, m.name, err)
		}
	}
	return v, sh, nil
}

// headerValues returns a header's values; a list member's values are also
// split on commas, as the SDKs join them.
func headerValues(h http.Header, m *member) []string {
	vals := h.Values(m.name)
	if kindOf(m.typ) != kList {
		return vals
	}
	var out []string
	for _, v := range vals {
		for _, part := range strings.Split(v, ",") {
			out = append(out, strings.TrimSpace(part))
		}
	}
	return out
}

// setTextValues stores text in dst: the first value for a scalar, all of
// them for a list.
func setTextValues(dst reflect.Value, vals []string, ts tsFormat) error {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	if kindOf(dst.Type()) != kList {
		return setText(dst, vals[0], ts)
	}
	list := reflect.MakeSlice(dst.Type(), len(vals), len(vals))
	for i, s := range vals {
		if err := setTextValues(list.Index(i), []string{s}, ts); err != nil {
			return err
		}
	}
	dst.Set(list)
	return nil
}

// payloadMember returns the member bound to the whole payload, if any.
func payloadMember(sh *structShape) *member {
	for _, m := range sh.members {
		if m.loc == inPayload {
			return m
		}
	}
	return nil
}

// hasBodyMembers reports whether any member travels in the body.
func hasBodyMembers(sh *structShape) bool {
	for _, m := range sh.members {
		if m.loc == inBody {
			return true
		}
	}
	return false
}

// setRawPayload stores the body in a []byte, string or io.Reader member.
func setRawPayload(dst reflect.Value, body []byte) bool {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	switch kindOf(dst.Type()) {
	case kBlob:
		dst.SetBytes(append([]byte(nil), body...))
	case kString:
		dst.SetString(string(body))
	case kReader:
		dst.Set(reflect.ValueOf(io.Reader(bytes.NewReader(body))))
	default:
		return false
	}
	return true
}

// writeHTTPMembers sets the response headers from v's header members and
// returns the status member's value (0 if none) and the payload member.
func writeHTTPMembers(h http.Header, v reflect.Value, sh *structShape) (int, *member, error) {
	status := 0
	var payload *member
	for _, m := range sh.members {
		fv := v.FieldByIndex(m.index)
		switch m.loc {
		case inPayload:
			payload = m
		case inStatus:
			if !isEmpty(fv) {
				status = int(reflect.Indirect(fv).Int())
			}
		case inHeaders:
			it := fv.MapRange()
			for it.Next() {
				h.Set(m.name+it.Key().String(), it.Value().String())
			}
		case inHeader:
			if isEmpty(fv) {
				continue
			}
			s, err := headerText(fv, m)
			if err != nil {
				return 0, nil, fmt.Errorf("header %s: %w", m.name, err)
			}
			h.Set(m.name, s)
		}
	}
	return status, payload, nil
}

func headerText(v reflect.Value, m *member) (string, error) {
	v = reflect.Indirect(v)
	if kindOf(v.Type()) == kList {
		parts := make([]string, v.Len())
		for i := range v.Len() {
			s, err := headerText(v.Index(i), m)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return strings.Join(parts, ", "), nil
	}
	ts := tsHTTPDate
	if m.ts != tsDefault {
		ts = m.ts
	}
	if s, ok := formatScalar(v, ts); ok {
		return s, nil
	}
	return "", fmt.Errorf("cannot send %s in a header", v.Type())
}

// writeRawPayload writes a []byte, string or io.Reader payload; ok is false
// for other kinds (structures), which the protocol writes itself.
func writeRawPayload(w http.ResponseWriter, v reflect.Value, status int) (bool, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			w.WriteHeader(status)
			return true, nil
		}
		if kindOf(v.Type()) == kReader {
			break
		}
		v = v.Elem()
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/octet-stream")
	}
	switch kindOf(v.Type()) {
	case kBlob:
		w.WriteHeader(status)
		_, _ = w.Write(v.Bytes())
	case kString:
		w.WriteHeader(status)
		_, _ = io.WriteString(w, v.String())
	case kReader:
		w.WriteHeader(status)
		_, err := io.Copy(w, v.Interface().(io.Reader))
		return true, err
	default:
		w.Header().Del("Content-Type")
		return false, nil
	}
	return true, nil
}

// writeRESTHead writes the members of a REST output v that go in headers,
// and returns v's shape, its payload member (nil for none) and the status
// to answer with.
func writeRESTHead(w http.ResponseWriter, rq *request, v reflect.Value) (*structShape, *member, int, error) {
	sh, err := rq.shapes.of(v.Type())
	if err != nil {
		return nil, nil, 0, err
	}
	memberStatus, pm, err := writeHTTPMembers(w.Header(), v, sh)
	if err != nil {
		return nil, nil, 0, err
	}
	return sh, pm, successStatus(rq, memberStatus), nil
}

// successStatus is the status a REST operation answers with.
func successStatus(rq *request, fromMember int) int {
	switch {
	case fromMember != 0:
		return fromMember
	case rq.op != nil && rq.op.HTTP.Status != 0:
		return rq.op.HTTP.Status
	}
	return http.StatusOK
}
