package server

import (
	"net/http"
	"reflect"
)

// RESTJSON is restJson1: operations route by method and path template (see
// Op.At); members bind to the path, query string, headers or a JSON body.
// Body timestamps are epoch seconds, as Backup, EFS, API Gateway and
// SageMaker Runtime use them; header timestamps are HTTP dates.
type RESTJSON struct{}

func (RESTJSON) ID() ProtocolID { return ProtocolRESTJSON }
func (RESTJSON) isREST() bool   { return true }

func (RESTJSON) decode(rq *request, in any) error {
	v := reflect.ValueOf(in).Elem()
	sh, err := rq.shapes.of(v.Type())
	if err != nil {
		return InternalFailure("%v", err)
	}
	if err := bindHTTPMembers(rq, v, sh); err != nil {
		return err
	}
	b := binder{shapes: rq.shapes, style: nativeTree, bodyOnly: true}
	if pm := payloadMember(sh); pm != nil {
		fv := v.FieldByIndex(pm.index)
		if setRawPayload(fv, rq.body) {
			return nil
		}
		tree, err := decodeJSONBody(rq.body)
		if err != nil {
			return err
		}
		return b.bind(fv, tree, pm.name, pm)
	}
	tree, err := decodeJSONBody(rq.body)
	if err != nil {
		return err
	}
	return b.bindInput(in, tree)
}

func (RESTJSON) encode(w http.ResponseWriter, rq *request, out any) error {
	v, ok := outputValue(out)
	if !ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(successStatus(rq, 0))
		_, _ = w.Write([]byte("{}"))
		return nil
	}
	sh, err := rq.shapes.of(v.Type())
	if err != nil {
		return err
	}
	memberStatus, pm, err := writeHTTPMembers(w.Header(), v, sh)
	if err != nil {
		return err
	}
	status := successStatus(rq, memberStatus)
	body := []byte("{}")
	if pm != nil {
		fv := v.FieldByIndex(pm.index)
		if done, err := writeRawPayload(w, fv, status); done || err != nil {
			return err
		}
		if body, err = jsonBody(rq.shapes, fv.Interface(), false); err != nil {
			return err
		}
	} else if body, err = jsonBody(rq.shapes, out, true); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if status != http.StatusNoContent {
		_, _ = w.Write(body)
	}
	return nil
}

func (RESTJSON) encodeError(w http.ResponseWriter, rq *request, e *Error) {
	e = rq.finalError(e, restJSONErrorCodes)
	writeJSONError(w, "application/json", e)
}
