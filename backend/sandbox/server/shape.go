package server

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"time"
)

// Members of input and output structs are named on the wire by their Go
// field name, or by an `aws` struct tag:
//
//	aws:"WireName,option,option=value"
//
// An empty name keeps the field name; "-" skips the field. Options:
//
//	required      input only: absent → ValidationException
//	uri           REST: bound to the path label {WireName} (or {WireName+})
//	query         REST: bound to the query-string parameter WireName
//	header        REST: bound to the HTTP header WireName
//	headers       REST: map[string]string of every header starting with WireName
//	payload       REST: the whole body ([]byte, string, io.Reader, or a struct)
//	status        REST output: the HTTP status code (an int)
//	flat          XML/query: a list or map without a wrapping element
//	member=Name   XML/query: the element name of list members (default "member")
//	key=K value=V XML/query: the element names in map entries (default key, value)
//	attr          XML: an attribute of the enclosing element
//	ts=epoch|iso|http  timestamp format, when it differs from the protocol's
//
// Location options matter only to the REST protocols; the RPC protocols
// (awsJson, rpcv2Cbor, awsQuery) put every member in the body.

// location says where a member travels in a REST message.
type location int

const (
	inBody location = iota
	inURI
	inQuery
	inHeader
	inHeaders
	inPayload
	inStatus
)

// tsFormat is a timestamp's wire format.
type tsFormat int

const (
	tsDefault  tsFormat = iota // the protocol's (or location's) own
	tsEpoch                    // seconds since 1970, with fraction
	tsDateTime                 // RFC 3339 / ISO 8601
	tsHTTPDate                 // RFC 7231 IMF-fixdate
)

// member is one field of a struct as the wire sees it.
type member struct {
	field     string // Go name, for messages
	index     []int
	name      string
	loc       location
	required  bool
	flat      bool
	attr      bool
	itemName  string // list member element name
	keyName   string
	valueName string
	ts        tsFormat
	typ       reflect.Type
}

// structShape is the wire view of one Go struct type.
type structShape struct {
	members []*member
	byName  map[string]*member
}

// valueKind classifies a Go type for the codecs.
type valueKind int

const (
	kInvalid valueKind = iota
	kString
	kBool
	kInt
	kUint
	kFloat
	kTime
	kBlob
	kList
	kMap
	kStruct
	kAny
	kReader
)

var (
	timeType   = reflect.TypeFor[time.Time]()
	readerType = reflect.TypeFor[io.Reader]()
)

// kindOf classifies t after removing pointers.
func kindOf(t reflect.Type) valueKind {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return kTime
	case t == readerType:
		return kReader
	}
	switch t.Kind() {
	case reflect.String:
		return kString
	case reflect.Bool:
		return kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kUint
	case reflect.Float32, reflect.Float64:
		return kFloat
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return kBlob
		}
		return kList
	case reflect.Map:
		if t.Key().Kind() == reflect.String {
			return kMap
		}
	case reflect.Struct:
		return kStruct
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return kAny
		}
	}
	return kInvalid
}

// shapeCache remembers the shapes of struct types. It belongs to one Server.
type shapeCache struct {
	m sync.Map // reflect.Type → *structShape
}

// of returns the shape of struct type t.
func (c *shapeCache) of(t reflect.Type) (*structShape, error) {
	if v, ok := c.m.Load(t); ok {
		return v.(*structShape), nil
	}
	sh, err := buildShape(t)
	if err != nil {
		return nil, err
	}
	v, _ := c.m.LoadOrStore(t, sh)
	return v.(*structShape), nil
}

// check walks t and every type reachable from it, reporting the first
// member the codecs could not handle.
func (c *shapeCache) check(t reflect.Type) error {
	return c.walk(t, map[reflect.Type]bool{})
}

func (c *shapeCache) walk(t reflect.Type, seen map[reflect.Type]bool) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if seen[t] {
		return nil
	}
	seen[t] = true
	switch kindOf(t) {
	case kInvalid:
		return fmt.Errorf("type %s cannot be sent on the wire", t)
	case kList, kMap:
		return c.walk(t.Elem(), seen)
	case kStruct:
		sh, err := c.of(t)
		if err != nil {
			return err
		}
		for _, m := range sh.members {
			if err := c.walk(m.typ, seen); err != nil {
				return fmt.Errorf("%s.%s: %w", t.Name(), m.field, err)
			}
		}
	}
	return nil
}

func buildShape(t reflect.Type) (*structShape, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("%s is not a struct", t)
	}
	sh := &structShape{byName: map[string]*member{}}
	if err := addFields(sh, t, nil); err != nil {
		return nil, err
	}
	return sh, nil
}

func addFields(sh *structShape, t reflect.Type, prefix []int) error {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("aws")
		if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct {
			if err := addFields(sh, f.Type, append(append([]int(nil), prefix...), i)); err != nil {
				return err
			}
			continue
		}
		if !f.IsExported() || tag == "-" {
			continue
		}
		m, err := parseMember(f, tag)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
		m.index = append(append([]int(nil), prefix...), i)
		if _, dup := sh.byName[m.name]; dup && m.loc == inBody {
			return fmt.Errorf("%s: two members are named %q", t.Name(), m.name)
		}
		sh.members = append(sh.members, m)
		if m.loc == inBody {
			sh.byName[m.name] = m
		}
	}
	return nil
}

func parseMember(f reflect.StructField, tag string) (*member, error) {
	m := &member{field: f.Name, name: f.Name, typ: f.Type, itemName: "member", keyName: "key", valueName: "value"}
	parts := strings.Split(tag, ",")
	if parts[0] != "" {
		m.name = parts[0]
	}
	for _, opt := range parts[1:] {
		key, val, _ := strings.Cut(opt, "=")
		switch key {
		case "required":
			m.required = true
		case "uri":
			m.loc = inURI
		case "query":
			m.loc = inQuery
		case "header":
			m.loc = inHeader
		case "headers":
			m.loc = inHeaders
		case "payload":
			m.loc = inPayload
		case "status":
			m.loc = inStatus
		case "flat":
			m.flat = true
		case "attr":
			m.attr = true
		case "member":
			m.itemName = val
		case "key":
			m.keyName = val
		case "value":
			m.valueName = val
		case "ts":
			switch val {
			case "epoch":
				m.ts = tsEpoch
			case "iso":
				m.ts = tsDateTime
			case "http":
				m.ts = tsHTTPDate
			default:
				return nil, fmt.Errorf("unknown timestamp format %q", val)
			}
		case "":
		default:
			return nil, fmt.Errorf("unknown aws tag option %q", opt)
		}
	}
	k := kindOf(f.Type)
	switch {
	case m.loc == inStatus && k != kInt:
		return nil, fmt.Errorf("a status member must be an int")
	case m.loc == inHeaders && (k != kMap || kindOf(f.Type.Elem()) != kString):
		return nil, fmt.Errorf("a headers member must be a map[string]string")
	case m.loc == inPayload && k != kBlob && k != kString && k != kStruct && k != kReader:
		return nil, fmt.Errorf("a payload member must be []byte, string, io.Reader or a struct")
	case k == kReader && m.loc != inPayload:
		return nil, fmt.Errorf("io.Reader is allowed only as a payload")
	case (m.loc == inURI || m.loc == inHeader || m.loc == inQuery) && (k == kStruct || k == kMap || k == kAny):
		return nil, fmt.Errorf("a %s member must be a scalar or a list of scalars", tagLocationName(m.loc))
	}
	return m, nil
}

func tagLocationName(l location) string {
	return [...]string{"body", "uri", "query", "header", "headers", "payload", "status"}[l]
}

// isEmpty reports whether an output member is left out of the response:
// nil pointers, slices, maps and interfaces, and zero scalars and structs.
// An empty but non-nil slice or map is sent (as [] or {}).
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return v.IsNil()
	default:
		return v.IsZero()
	}
}
