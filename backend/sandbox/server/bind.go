package server

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// treeStyle says how lists and maps look in a decoded request tree.
type treeStyle int

const (
	// nativeTree: JSON or CBOR decoded to map[string]any, []any and scalars.
	nativeTree treeStyle = iota
	// queryTree: awsQuery keys split on "." into nested map[string]any,
	// text leaves, lists as {"member": {"1": …}} and maps as
	// {"entry": {"1": {"key": …, "value": …}}}.
	queryTree
)

// binder fills Go values from a decoded request tree.
type binder struct {
	shapes *shapeCache
	style  treeStyle
	// bodyOnly skips members bound to HTTP locations (REST bodies).
	bodyOnly bool
}

// bindInput fills the struct pointed to by in from tree (nil = empty).
func (b *binder) bindInput(in any, tree any) error {
	v := reflect.ValueOf(in)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return InternalFailure("operation input is %T, not a pointer to a struct", in)
	}
	if tree == nil {
		tree = map[string]any{}
	}
	return b.bind(v.Elem(), tree, "", nil)
}

func (b *binder) bind(dst reflect.Value, node any, path string, m *member) error {
	if node == nil {
		return nil
	}
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		return b.bind(dst.Elem(), node, path, m)
	}
	switch kindOf(dst.Type()) {
	case kStruct:
		obj, ok := node.(map[string]any)
		if !ok {
			return b.typeError(path, "a structure", node)
		}
		return b.bindStruct(dst, obj, path)
	case kList:
		return b.bindList(dst, node, path, m)
	case kMap:
		return b.bindMap(dst, node, path, m)
	}
	var err error
	if s, ok := node.(string); ok && b.style == queryTree {
		ts := tsDateTime
		if m != nil && m.ts != tsDefault {
			ts = m.ts
		}
		err = setText(dst, s, ts)
	} else if _, isObj := node.(map[string]any); isObj && kindOf(dst.Type()) != kAny {
		return b.typeError(path, kindName(kindOf(dst.Type())), node)
	} else {
		err = setNative(dst, node)
	}
	if err != nil {
		return SerializationException("Member '%s': %v", path, err)
	}
	return nil
}

func (b *binder) bindStruct(dst reflect.Value, obj map[string]any, path string) error {
	sh, err := b.shapes.of(dst.Type())
	if err != nil {
		return InternalFailure("%v", err)
	}
	for _, m := range sh.members {
		if b.bodyOnly && m.loc != inBody {
			continue
		}
		p := joinPath(path, m.name)
		node, present := obj[m.name]
		if !present || node == nil {
			if m.required {
				return missingMember(p)
			}
			continue
		}
		if err := b.bind(dst.FieldByIndex(m.index), node, p, m); err != nil {
			return err
		}
	}
	return nil
}

func (b *binder) bindList(dst reflect.Value, node any, path string, m *member) error {
	var items []any
	switch x := node.(type) {
	case []any:
		if b.style == queryTree {
			return b.typeError(path, "a list", node)
		}
		items = x
	case string:
		if b.style != queryTree || x != "" {
			return b.typeError(path, "a list", node)
		}
	case map[string]any:
		if b.style != queryTree {
			return b.typeError(path, "a list", node)
		}
		if m == nil || !m.flat {
			name := "member"
			if m != nil {
				name = m.itemName
			}
			if inner, ok := x[name].(map[string]any); ok {
				x = inner
			}
		}
		var err error
		if items, err = numbered(x, path); err != nil {
			return err
		}
	default:
		return b.typeError(path, "a list", node)
	}
	list := reflect.MakeSlice(dst.Type(), len(items), len(items))
	for i, item := range items {
		if err := b.bind(list.Index(i), item, fmt.Sprintf("%s.%d", path, i+1), nil); err != nil {
			return err
		}
	}
	dst.Set(list)
	return nil
}

func (b *binder) bindMap(dst reflect.Value, node any, path string, m *member) error {
	obj, ok := node.(map[string]any)
	if !ok {
		if s, isStr := node.(string); isStr && s == "" && b.style == queryTree {
			dst.Set(reflect.MakeMap(dst.Type()))
			return nil
		}
		return b.typeError(path, "a map", node)
	}
	out := reflect.MakeMapWithSize(dst.Type(), len(obj))
	set := func(key string, val any) error {
		v := reflect.New(dst.Type().Elem()).Elem()
		if err := b.bind(v, val, joinPath(path, key), nil); err != nil {
			return err
		}
		out.SetMapIndex(reflect.ValueOf(key).Convert(dst.Type().Key()), v)
		return nil
	}
	if b.style != queryTree {
		for k, v := range obj {
			if err := set(k, v); err != nil {
				return err
			}
		}
		dst.Set(out)
		return nil
	}
	keyName, valueName := "key", "value"
	if m != nil {
		keyName, valueName = m.keyName, m.valueName
	}
	if m == nil || !m.flat {
		if inner, ok := obj["entry"].(map[string]any); ok {
			obj = inner
		}
	}
	entries, err := numbered(obj, path)
	if err != nil {
		return err
	}
	for i, e := range entries {
		entry, ok := e.(map[string]any)
		if !ok {
			return b.typeError(fmt.Sprintf("%s.entry.%d", path, i+1), "a map entry", e)
		}
		key, ok := entry[keyName].(string)
		if !ok {
			return SerializationException("Member '%s.entry.%d' has no %s", path, i+1, keyName)
		}
		if err := set(key, entry[valueName]); err != nil {
			return err
		}
	}
	dst.Set(out)
	return nil
}

// numbered returns the children of a query node keyed 1, 2, 3 … in order.
func numbered(obj map[string]any, path string) ([]any, error) {
	idx := make([]int, 0, len(obj))
	for k := range obj {
		n, err := strconv.Atoi(k)
		if err != nil || n < 1 {
			return nil, SerializationException("Member '%s': unexpected key %q in a list", path, k)
		}
		idx = append(idx, n)
	}
	slices.Sort(idx)
	items := make([]any, len(idx))
	for i, n := range idx {
		items[i] = obj[strconv.Itoa(n)]
	}
	return items, nil
}

func (b *binder) typeError(path, want string, got any) *Error {
	if path == "" {
		return SerializationException("Expected %s as the request body, got %s", want, describe(got))
	}
	return SerializationException("Member '%s': expected %s, got %s", path, want, describe(got))
}

func missingMember(path string) *Error {
	return ValidationException("1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", path)
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// queryTreeOf turns awsQuery form values into a tree, leaving out skip keys
// (Action, Version).
func queryTreeOf(values map[string][]string, skip ...string) (map[string]any, error) {
	root := map[string]any{}
	for key, vals := range values {
		if slices.Contains(skip, key) || len(vals) == 0 {
			continue
		}
		segs := strings.Split(key, ".")
		node := root
		for i, seg := range segs {
			if seg == "" {
				return nil, SerializationException("Malformed query key %q", key)
			}
			if i == len(segs)-1 {
				if _, ok := node[seg].(map[string]any); ok {
					if vals[0] != "" {
						return nil, SerializationException("Query key %q is both a value and a structure", key)
					}
					continue // "List=" beside "List.member.1=…": keep the members
				}
				node[seg] = vals[0]
				continue
			}
			switch next := node[seg].(type) {
			case map[string]any:
				node = next
			case nil:
				child := map[string]any{}
				node[seg] = child
				node = child
			case string:
				if next != "" {
					return nil, SerializationException("Query key %q is both a value and a structure", key)
				}
				child := map[string]any{}
				node[seg] = child
				node = child
			}
		}
	}
	return root, nil
}
