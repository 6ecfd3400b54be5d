package server

import (
	"net/http"
	"reflect"

	"github.com/fxamacker/cbor/v2"
)

// RPCv2CBOR is Smithy RPC v2 CBOR: POST /service/<ServiceName>/operation/<Op>
// with "smithy-protocol: rpc-v2-cbor" and a CBOR body. Timestamps are tag 1
// around epoch seconds.
type RPCv2CBOR struct {
	ServiceName string // e.g. "GraniteServiceVersion20100801"
}

func (RPCv2CBOR) ID() ProtocolID { return ProtocolRPCv2CBOR }
func (RPCv2CBOR) isREST() bool   { return false }

// cborCodec holds the immutable CBOR modes the protocol uses.
type cborCodec struct {
	dec cbor.DecMode
	enc cbor.EncMode
}

func newCBORCodec() (cborCodec, error) {
	dec, err := cbor.DecOptions{
		DefaultMapType:   reflect.TypeFor[map[string]any](),
		MaxNestedLevels:  64,
		MaxArrayElements: 1 << 20,
		MaxMapPairs:      1 << 20,
	}.DecMode()
	if err != nil {
		return cborCodec{}, err
	}
	enc, err := cbor.EncOptions{}.EncMode()
	if err != nil {
		return cborCodec{}, err
	}
	return cborCodec{dec: dec, enc: enc}, nil
}

func (p RPCv2CBOR) decode(rq *request, in any) error {
	var tree any
	if len(rq.body) > 0 {
		if err := rq.cbor().dec.Unmarshal(rq.body, &tree); err != nil {
			return SerializationException("Malformed CBOR: %v", err)
		}
		if _, ok := tree.(map[string]any); !ok {
			return SerializationException("Expected a CBOR map as the request body, got %s", describe(tree))
		}
	}
	b := binder{shapes: rq.shapes, style: nativeTree}
	return b.bindInput(in, tree)
}

func (p RPCv2CBOR) encode(w http.ResponseWriter, rq *request, out any) error {
	tree := any(map[string]any{})
	if v, ok := outputValue(out); ok {
		tb := treeBuilder{shapes: rq.shapes, ts: tsEpoch}
		t, err := tb.build(v, nil)
		if err != nil {
			return err
		}
		tree = toCBOR(t)
	}
	body, err := rq.cbor().enc.Marshal(tree)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/cbor")
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
	return nil
}

func (p RPCv2CBOR) encodeError(w http.ResponseWriter, rq *request, e *Error) {
	e = rq.finalError(e, nil)
	h := w.Header()
	rq.setQueryErrorHeader(h, e)
	h.Set("Content-Type", "application/cbor")
	h.Set("Smithy-Protocol", "rpc-v2-cbor")
	w.WriteHeader(e.Status)
	body, _ := rq.cbor().enc.Marshal(e.body())
	_, _ = w.Write(body)
}

// toCBOR turns a tree (see tree.go) into values the CBOR encoder writes the
// way Smithy expects: structures as maps, timestamps as tag 1.
func toCBOR(node any) any {
	switch x := node.(type) {
	case object:
		m := make(map[string]any, len(x))
		for _, f := range x {
			m[f.name] = toCBOR(f.val)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, v := range x {
			m[k] = toCBOR(v)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, v := range x {
			l[i] = toCBOR(v)
		}
		return l
	case stamp:
		return cbor.Tag{Number: 1, Content: epochSeconds(x.t)}
	}
	return node
}
