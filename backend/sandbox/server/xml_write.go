package server

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"reflect"
	"slices"
)

// xmlWriter writes Go output values as the XML that awsQuery and restXml use.
type xmlWriter struct {
	buf    bytes.Buffer
	shapes *shapeCache
	ts     tsFormat
	// bodyOnly leaves out members bound to HTTP locations (restXml).
	bodyOnly bool
}

func (x *xmlWriter) open(name string, attrs ...xml.Attr) {
	x.buf.WriteByte('<')
	x.buf.WriteString(name)
	for _, a := range attrs {
		x.buf.WriteByte(' ')
		x.buf.WriteString(a.Name.Local)
		x.buf.WriteString(`="`)
		_ = xml.EscapeText(&x.buf, []byte(a.Value))
		x.buf.WriteByte('"')
	}
	x.buf.WriteByte('>')
}

func (x *xmlWriter) close(name string) {
	x.buf.WriteString("</")
	x.buf.WriteString(name)
	x.buf.WriteByte('>')
}

// text writes an element holding escaped text.
func (x *xmlWriter) text(name, s string) {
	x.open(name)
	_ = xml.EscapeText(&x.buf, []byte(s))
	x.close(name)
}

// structElement writes v (a struct) as <name attrs…>members</name>.
func (x *xmlWriter) structElement(name string, v reflect.Value, extra ...xml.Attr) error {
	sh, err := x.shapes.of(v.Type())
	if err != nil {
		return err
	}
	attrs := append([]xml.Attr(nil), extra...)
	for _, m := range sh.members {
		fv := v.FieldByIndex(m.index)
		if !m.attr || isEmpty(fv) {
			continue
		}
		s, err := x.scalarText(fv, m)
		if err != nil {
			return err
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Local: m.name}, Value: s})
	}
	x.open(name, attrs...)
	if err := x.members(v, sh); err != nil {
		return err
	}
	x.close(name)
	return nil
}

// members writes the child elements of struct v.
func (x *xmlWriter) members(v reflect.Value, sh *structShape) error {
	for _, m := range sh.members {
		if m.attr || (x.bodyOnly && m.loc != inBody) {
			continue
		}
		fv := v.FieldByIndex(m.index)
		if isEmpty(fv) {
			continue
		}
		if err := x.value(m.name, fv, m); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return nil
}

// value writes v under element name; m (may be nil) gives list and map naming.
func (x *xmlWriter) value(name string, v reflect.Value, m *member) error {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	flat := m != nil && m.flat
	switch kindOf(v.Type()) {
	case kStruct:
		return x.structElement(name, v)
	case kList:
		item := "member"
		if m != nil {
			item = m.itemName
		}
		if flat {
			item = name
		} else {
			x.open(name)
		}
		for i := range v.Len() {
			if err := x.value(item, v.Index(i), nil); err != nil {
				return err
			}
		}
		if !flat {
			x.close(name)
		}
		return nil
	case kMap:
		keyName, valueName := "key", "value"
		if m != nil {
			keyName, valueName = m.keyName, m.valueName
		}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		if !flat {
			x.open(name)
		}
		for _, k := range keys {
			entry := "entry"
			if flat {
				entry = name
			}
			x.open(entry)
			x.text(keyName, k)
			if err := x.value(valueName, v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())), nil); err != nil {
				return err
			}
			x.close(entry)
		}
		if !flat {
			x.close(name)
		}
		return nil
	}
	s, err := x.scalarText(v, m)
	if err != nil {
		return err
	}
	x.text(name, s)
	return nil
}

// scalarText writes a scalar as XML text.
func (x *xmlWriter) scalarText(v reflect.Value, m *member) (string, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	ts := x.ts
	if m != nil && m.ts != tsDefault {
		ts = m.ts
	}
	if s, ok := formatScalar(v, ts); ok {
		return s, nil
	}
	switch kindOf(v.Type()) {
	case kBlob:
		return base64.StdEncoding.EncodeToString(v.Bytes()), nil
	case kAny:
		return fmt.Sprint(v.Interface()), nil
	}
	return "", fmt.Errorf("cannot write %s as XML text", v.Type())
}
