package server

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Scalar conversions shared by every codec: text (query strings, XML,
// headers, URI labels) and native (JSON, CBOR) values into Go scalars, and
// timestamps and floats out to text.

// formatTime writes t in format f, which must not be tsDefault.
func formatTime(t time.Time, f tsFormat) string {
	switch f {
	case tsEpoch:
		return strconv.FormatFloat(epochSeconds(t), 'f', -1, 64)
	case tsHTTPDate:
		return t.UTC().Format(http.TimeFormat)
	default:
		return t.UTC().Format("2006-01-02T15:04:05.999Z")
	}
}

// formatScalar writes a string, boolean, number or timestamp (in format ts)
// as text, as headers and XML carry them; ok is false for other kinds.
func formatScalar(v reflect.Value, ts tsFormat) (s string, ok bool) {
	switch kindOf(v.Type()) {
	case kString:
		return v.String(), true
	case kBool:
		return strconv.FormatBool(v.Bool()), true
	case kInt:
		return strconv.FormatInt(v.Int(), 10), true
	case kUint:
		return strconv.FormatUint(v.Uint(), 10), true
	case kFloat:
		return formatFloat(v.Float()), true
	case kTime:
		return formatTime(v.Interface().(time.Time), ts), true
	}
	return "", false
}

// epochSeconds is t as seconds since 1970 with millisecond precision, the
// way the SDKs write it.
func epochSeconds(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1e3
}

func fromEpoch(f float64) time.Time {
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(math.Round(frac*1e3))*int64(time.Millisecond)).UTC()
}

// parseTimeText reads a timestamp written as text, trying the expected
// format first and then the others the SDKs use.
func parseTimeText(s string, f tsFormat) (time.Time, error) {
	tryEpoch := func() (time.Time, bool) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return time.Time{}, false
		}
		return fromEpoch(v), true
	}
	if f == tsEpoch {
		if t, ok := tryEpoch(); ok {
			return t, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", http.TimeFormat, time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if t, ok := tryEpoch(); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a timestamp", s)
}

// formatFloat writes f as the SDKs do, spelling out NaN and infinities.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// parseFloatText reads a float written as text, including NaN and infinities.
func parseFloatText(s string) (float64, error) {
	switch s {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	}
	return strconv.ParseFloat(s, 64)
}

// setText stores text s in scalar dst (already dereferenced), converting
// it to dst's kind. Lists are not scalars; the caller splits them.
func setText(dst reflect.Value, s string, ts tsFormat) error {
	switch kindOf(dst.Type()) {
	case kString:
		dst.SetString(s)
	case kBool:
		switch s {
		case "true":
			dst.SetBool(true)
		case "false":
			dst.SetBool(false)
		default:
			return fmt.Errorf("expected true or false, got %q", s)
		}
	case kInt:
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || dst.OverflowInt(n) {
			return fmt.Errorf("expected an integer, got %q", s)
		}
		dst.SetInt(n)
	case kUint:
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil || dst.OverflowUint(n) {
			return fmt.Errorf("expected a non-negative integer, got %q", s)
		}
		dst.SetUint(n)
	case kFloat:
		f, err := parseFloatText(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("expected a number, got %q", s)
		}
		dst.SetFloat(f)
	case kTime:
		t, err := parseTimeText(strings.TrimSpace(s), ts)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(t))
	case kBlob:
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return fmt.Errorf("expected base64 data: %v", err)
		}
		dst.SetBytes(b)
	case kAny:
		dst.Set(reflect.ValueOf(s))
	default:
		return fmt.Errorf("expected a structure, got text")
	}
	return nil
}

// setNative stores a value decoded from JSON or CBOR in scalar dst
// (already dereferenced). JSON numbers arrive as json.Number, CBOR ones as
// int64, uint64 or float64.
func setNative(dst reflect.Value, v any) error {
	k := kindOf(dst.Type())
	if k == kAny {
		dst.Set(reflect.ValueOf(v))
		return nil
	}
	switch x := v.(type) {
	case string:
		switch k {
		case kString:
			dst.SetString(x)
			return nil
		case kBlob:
			b, err := base64.StdEncoding.DecodeString(x)
			if err != nil {
				return fmt.Errorf("expected base64 data: %v", err)
			}
			dst.SetBytes(b)
			return nil
		case kFloat:
			if x == "NaN" || x == "Infinity" || x == "-Infinity" {
				f, _ := parseFloatText(x)
				dst.SetFloat(f)
				return nil
			}
		case kTime:
			t, err := parseTimeText(x, tsDateTime)
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(t))
			return nil
		}
	case bool:
		if k == kBool {
			dst.SetBool(x)
			return nil
		}
	case json.Number:
		return setNumber(dst, k, string(x))
	case int64:
		return setNumber(dst, k, strconv.FormatInt(x, 10))
	case uint64:
		return setNumber(dst, k, strconv.FormatUint(x, 10))
	case float64:
		return setFloat(dst, k, x)
	case float32:
		return setFloat(dst, k, float64(x))
	case []byte:
		if k == kBlob {
			dst.SetBytes(append([]byte(nil), x...))
			return nil
		}
	case time.Time:
		if k == kTime {
			dst.Set(reflect.ValueOf(x.UTC()))
			return nil
		}
	}
	return fmt.Errorf("expected %s, got %s", kindName(k), describe(v))
}

func setNumber(dst reflect.Value, k valueKind, s string) error {
	switch k {
	case kInt:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(s, 64)
			if ferr != nil || f != math.Trunc(f) || f < math.MinInt64 || f > math.MaxInt64 {
				return fmt.Errorf("expected an integer, got %s", s)
			}
			n = int64(f)
		}
		if dst.OverflowInt(n) {
			return fmt.Errorf("integer %s is out of range", s)
		}
		dst.SetInt(n)
	case kUint:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || dst.OverflowUint(n) {
			return fmt.Errorf("expected a non-negative integer, got %s", s)
		}
		dst.SetUint(n)
	case kFloat:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("expected a number, got %s", s)
		}
		dst.SetFloat(f)
	case kTime:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("expected a timestamp, got %s", s)
		}
		dst.Set(reflect.ValueOf(fromEpoch(f)))
	default:
		return fmt.Errorf("expected %s, got a number", kindName(k))
	}
	return nil
}

func setFloat(dst reflect.Value, k valueKind, f float64) error {
	switch k {
	case kFloat:
		dst.SetFloat(f)
		return nil
	case kTime:
		dst.Set(reflect.ValueOf(fromEpoch(f)))
		return nil
	case kInt, kUint:
		if f == math.Trunc(f) && !math.IsInf(f, 0) {
			return setNumber(dst, k, strconv.FormatFloat(f, 'f', -1, 64))
		}
		return fmt.Errorf("expected an integer, got %v", f)
	}
	return fmt.Errorf("expected %s, got a number", kindName(k))
}

func kindName(k valueKind) string {
	switch k {
	case kString:
		return "a string"
	case kBool:
		return "a boolean"
	case kInt, kUint:
		return "an integer"
	case kFloat:
		return "a number"
	case kTime:
		return "a timestamp"
	case kBlob:
		return "a blob"
	case kList:
		return "a list"
	case kMap:
		return "a map"
	case kStruct:
		return "a structure"
	}
	return "a value"
}

// describe names the kind of a decoded value for error messages.
func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, int64, uint64, float64, float32:
		return "a number"
	case []byte:
		return "a blob"
	case time.Time:
		return "a timestamp"
	case []any:
		return "a list"
	case map[string]any:
		return "a structure or map"
	}
	return fmt.Sprintf("%T", v)
}
