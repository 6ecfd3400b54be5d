package server

import (
	"fmt"
	"reflect"
	"time"
)

// Output values are first turned into a tree for the CBOR writer: object
// (ordered members), []any, map[string]any, stamp, and the scalars string,
// bool, int64, uint64, float64, []byte. JSON is written straight from the
// values by jsonWriter (codec_json_write.go), with the same rules.

// object is a structure's members in field order.
type object []objectField

type objectField struct {
	name string
	val  any
}

// stamp is a timestamp with the format it must be written in.
type stamp struct {
	t time.Time
	f tsFormat
}

// treeBuilder turns Go output values into a tree.
type treeBuilder struct {
	shapes *shapeCache
	ts     tsFormat // the protocol's timestamp format
	// bodyOnly leaves out members bound to HTTP locations (REST bodies).
	bodyOnly bool
}

// build returns the tree for v, or nil if v is empty.
func (tb *treeBuilder) build(v reflect.Value, m *member) (any, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil, nil
		}
		if v.Kind() == reflect.Interface && kindOf(v.Elem().Type()) == kInvalid {
			return nil, fmt.Errorf("cannot send %s", v.Elem().Type())
		}
		v = v.Elem()
	}
	switch kindOf(v.Type()) {
	case kString:
		return v.String(), nil
	case kBool:
		return v.Bool(), nil
	case kInt:
		return v.Int(), nil
	case kUint:
		return v.Uint(), nil
	case kFloat:
		return v.Float(), nil
	case kTime:
		f := tb.ts
		if m != nil && m.ts != tsDefault {
			f = m.ts
		}
		return stamp{t: v.Interface().(time.Time), f: f}, nil
	case kBlob:
		if v.IsNil() {
			return nil, nil
		}
		return v.Bytes(), nil
	case kList:
		if v.IsNil() {
			return nil, nil
		}
		list := make([]any, 0, v.Len())
		for i := range v.Len() {
			item, err := tb.build(v.Index(i), nil)
			if err != nil {
				return nil, err
			}
			list = append(list, item)
		}
		return list, nil
	case kMap:
		if v.IsNil() {
			return nil, nil
		}
		out := make(map[string]any, v.Len())
		it := v.MapRange()
		for it.Next() {
			item, err := tb.build(it.Value(), nil)
			if err != nil {
				return nil, err
			}
			out[it.Key().String()] = item
		}
		return out, nil
	case kStruct:
		return tb.buildStruct(v)
	case kAny:
		return v.Interface(), nil
	}
	return nil, fmt.Errorf("cannot send %s", v.Type())
}

func (tb *treeBuilder) buildStruct(v reflect.Value) (object, error) {
	sh, err := tb.shapes.of(v.Type())
	if err != nil {
		return nil, err
	}
	obj := make(object, 0, len(sh.members))
	for _, m := range sh.members {
		if tb.bodyOnly && m.loc != inBody {
			continue
		}
		fv := v.FieldByIndex(m.index)
		if isEmpty(fv) {
			continue
		}
		val, err := tb.build(fv, m)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.name, err)
		}
		if val != nil {
			obj = append(obj, objectField{m.name, val})
		}
	}
	return obj, nil
}
