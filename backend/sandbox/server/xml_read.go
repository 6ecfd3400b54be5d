package server

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// xmlElem is one parsed XML element: attributes, children by name (in
// document order), and its text.
type xmlElem struct {
	name  string
	attrs map[string]string
	kids  map[string][]*xmlElem
	text  string
}

const maxXMLDepth = 64

// parseXML reads an XML document into its root element.
func parseXML(body []byte) (*xmlElem, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var stack []*xmlElem
	var root *xmlElem
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxXMLDepth {
				return nil, fmt.Errorf("elements nested deeper than %d", maxXMLDepth)
			}
			e := &xmlElem{name: t.Name.Local, attrs: map[string]string{}, kids: map[string][]*xmlElem{}}
			for _, a := range t.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.kids[e.name] = append(parent.kids[e.name], e)
			} else if root != nil {
				return nil, fmt.Errorf("more than one root element")
			} else {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

// xmlBinder fills Go values from parsed XML.
type xmlBinder struct {
	shapes   *shapeCache
	bodyOnly bool
}

func (b *xmlBinder) bind(dst reflect.Value, e *xmlElem, path string, m *member) error {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		return b.bind(dst.Elem(), e, path, m)
	}
	switch kindOf(dst.Type()) {
	case kStruct:
		return b.bindStruct(dst, e, path)
	case kList:
		name := "member"
		if m != nil {
			name = m.itemName
		}
		return b.bindItems(dst, e.kids[name], path)
	case kMap:
		return b.bindEntries(dst, e.kids["entry"], path, m)
	}
	ts := tsDateTime
	if m != nil && m.ts != tsDefault {
		ts = m.ts
	}
	if err := setText(dst, strings.TrimSpace(e.text), ts); err != nil {
		return SerializationException("Member '%s': %v", path, err)
	}
	return nil
}

func (b *xmlBinder) bindStruct(dst reflect.Value, e *xmlElem, path string) error {
	sh, err := b.shapes.of(dst.Type())
	if err != nil {
		return InternalFailure("%v", err)
	}
	for _, m := range sh.members {
		if b.bodyOnly && m.loc != inBody {
			continue
		}
		p := joinPath(path, m.name)
		fv := dst.FieldByIndex(m.index)
		if m.attr {
			s, ok := e.attrs[m.name]
			if ok {
				if err := setTextValues(fv, []string{s}, tsDateTime); err != nil {
					return SerializationException("Attribute '%s': %v", p, err)
				}
			} else if m.required {
				return missingMember(p)
			}
			continue
		}
		kids := e.kids[m.name]
		if len(kids) == 0 {
			if m.required {
				return missingMember(p)
			}
			continue
		}
		var err error
		switch k := kindOf(m.typ); {
		case m.flat && k == kList:
			err = b.bindItems(fv, kids, p)
		case m.flat && k == kMap:
			err = b.bindEntries(fv, kids, p, m)
		default:
			err = b.bind(fv, kids[0], p, m)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *xmlBinder) bindItems(dst reflect.Value, items []*xmlElem, path string) error {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
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

func (b *xmlBinder) bindEntries(dst reflect.Value, entries []*xmlElem, path string, m *member) error {
	if dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	keyName, valueName := "key", "value"
	if m != nil {
		keyName, valueName = m.keyName, m.valueName
	}
	out := reflect.MakeMapWithSize(dst.Type(), len(entries))
	for i, entry := range entries {
		keys, vals := entry.kids[keyName], entry.kids[valueName]
		if len(keys) == 0 || len(vals) == 0 {
			return SerializationException("Member '%s' entry %d needs a %s and a %s", path, i+1, keyName, valueName)
		}
		key := strings.TrimSpace(keys[0].text)
		v := reflect.New(dst.Type().Elem()).Elem()
		if err := b.bind(v, vals[0], joinPath(path, key), nil); err != nil {
			return err
		}
		out.SetMapIndex(reflect.ValueOf(key).Convert(dst.Type().Key()), v)
	}
	dst.Set(out)
	return nil
}
