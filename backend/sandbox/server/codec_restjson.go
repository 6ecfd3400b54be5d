package server

import (
	"net/http"
)

// RESTJSON is restJson1: operations route by method and path template (see
// Op.At); members bind to the path, query string, headers or a JSON body.
// Body timestamps are epoch seconds, as Backup, EFS, API Gateway and
// SageMaker Runtime use them; header timestamps are HTTP dates.
type RESTJSON struct{}

func (RESTJSON) ID() ProtocolID { return ProtocolRESTJSON }
func (RESTJSON) isREST() bool   { return true }

func (RESTJSON) decode(rq *request, in any) error {
	v, sh, err := bindHTTPMembers(rq, in)
	if err != nil {
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
	_, pm, status, err := writeRESTHead(w, rq, v)
	if err != nil {
		return err
	}
	var body []byte
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
