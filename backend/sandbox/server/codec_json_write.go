package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// jsonWriter writes Go output values straight to JSON, member for member as
// treeBuilder and the tree's JSON writer would, without building the tree:
// a page of 100 training jobs would otherwise cost a thousand small
// allocations before the first byte is written.
type jsonWriter struct {
	shapes *shapeCache
	buf    *bytes.Buffer
	// bodyOnly leaves out members bound to HTTP locations (REST bodies).
	bodyOnly bool
}

// present follows pointers and interfaces to the value that will be
// written; ok is false when the chain ends in nil or in a nil list, map or
// blob, which a struct leaves out (and a list or map writes as null).
func present(v reflect.Value) (reflect.Value, bool, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return v, false, nil
		}
		if v.Kind() == reflect.Interface && kindOf(v.Elem().Type()) == kInvalid {
			return v, false, fmt.Errorf("cannot send %s", v.Elem().Type())
		}
		v = v.Elem()
	}
	switch kindOf(v.Type()) {
	case kBlob, kList, kMap:
		return v, !v.IsNil(), nil
	}
	return v, true, nil
}

// value writes v, or null when it is absent.
func (jw *jsonWriter) value(v reflect.Value, m *member) error {
	v, ok, err := present(v)
	if err != nil {
		return err
	}
	if !ok {
		jw.buf.WriteString("null")
		return nil
	}
	return jw.concrete(v, m)
}

// concrete writes a value that present has resolved.
func (jw *jsonWriter) concrete(v reflect.Value, m *member) error {
	buf := jw.buf
	switch kindOf(v.Type()) {
	case kString:
		writeJSONString(buf, v.String())
	case kBool:
		buf.WriteString(strconv.FormatBool(v.Bool()))
	case kInt:
		buf.Write(strconv.AppendInt(buf.AvailableBuffer(), v.Int(), 10))
	case kUint:
		buf.Write(strconv.AppendUint(buf.AvailableBuffer(), v.Uint(), 10))
	case kFloat:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			writeJSONString(buf, formatFloat(f))
			return nil
		}
		b, _ := json.Marshal(f)
		buf.Write(b)
	case kTime:
		var t time.Time
		if v.CanAddr() {
			t = *v.Addr().Interface().(*time.Time)
		} else {
			t = v.Interface().(time.Time)
		}
		if m == nil || m.ts == tsDefault || m.ts == tsEpoch {
			buf.Write(strconv.AppendFloat(buf.AvailableBuffer(), epochSeconds(t), 'f', -1, 64))
		} else {
			writeJSONString(buf, formatTime(t, m.ts))
		}
	case kBlob:
		writeJSONString(buf, base64.StdEncoding.EncodeToString(v.Bytes()))
	case kList:
		buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := jw.value(v.Index(i), nil); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case kMap:
		type entry struct {
			key string
			val reflect.Value
		}
		entries := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			entries = append(entries, entry{it.Key().String(), it.Value()})
		}
		slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
		buf.WriteByte('{')
		for i, e := range entries {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSONString(buf, e.key)
			buf.WriteByte(':')
			if err := jw.value(e.val, nil); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case kStruct:
		return jw.object(v)
	default:
		return fmt.Errorf("cannot send %s", v.Type())
	}
	return nil
}

// object writes a structure's non-empty members in field order.
func (jw *jsonWriter) object(v reflect.Value) error {
	sh, err := jw.shapes.of(v.Type())
	if err != nil {
		return err
	}
	buf := jw.buf
	buf.WriteByte('{')
	first := true
	for _, m := range sh.members {
		if jw.bodyOnly && m.loc != inBody {
			continue
		}
		fv := v.FieldByIndex(m.index)
		if isEmpty(fv) {
			continue
		}
		fv, ok, err := present(fv)
		if err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
		if !ok {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		writeJSONString(buf, m.name)
		buf.WriteByte(':')
		if err := jw.concrete(fv, m); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	buf.WriteByte('}')
	return nil
}
