package server_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// The Echo operation returns its input, so what goes in must come back
// out, member for member, in each RPC protocol.

const echoJSON = `{"Text":"héllo <&> \"q\"","Count":3,"Big":9007199254740993,"Ratio":0.5,"On":false,
"Stamp":1717200000.25,"Blob":"AAEC/w==","Strings":["a","b"],"Flat":["x","y"],"Tags":{"k1":"v1","k2":"v2"},
"Nested":{"label":"n","scores":[1.5,-2],"when":1717200001,"attrs":{"a":"b"}},
"Items":[{"label":"i1"},{"label":"i2","scores":[]}],"ByName":{"z":{"label":"zz"}},"Empty":[],"Zero":0}`

func decodeJSONNumbers(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	return v
}

func TestEchoAWSJSON(t *testing.T) {
	srv := start(t, server.Options{})
	resp, body := send(t, srv, servertest.Admin, "echo", "POST", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Echo_20240101.Echo"}, []byte(echoJSON))
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-amz-json-1.1" {
		t.Fatalf("%d %v %s", resp.StatusCode, resp.Header, body)
	}
	if got, want := decodeJSONNumbers(t, body), decodeJSONNumbers(t, []byte(echoJSON)); !reflect.DeepEqual(got, want) {
		t.Errorf("echo =\n%s\nwant the request back:\n%s", body, echoJSON)
	}
	// Members left out of the input stay out of the output.
	_, body = send(t, srv, servertest.Admin, "echo", "POST", "/", map[string]string{
		"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Echo_20240101.Echo"}, []byte(`{"Text":"only"}`))
	if string(body) != `{"Text":"only"}` {
		t.Errorf("sparse echo = %s", body)
	}
}

// cborOf converts the JSON request to CBOR as the SDK writes it: integers
// as integers, timestamps as tag 1, blobs as byte strings.
func cborOf(t *testing.T) []byte {
	t.Helper()
	m := decodeJSONNumbers(t, []byte(echoJSON)).(map[string]any)
	var conv func(v any) any
	conv = func(v any) any {
		switch x := v.(type) {
		case json.Number:
			if i, err := x.Int64(); err == nil {
				return i
			}
			f, _ := x.Float64()
			return f
		case map[string]any:
			out := map[string]any{}
			for k, e := range x {
				out[k] = conv(e)
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = conv(e)
			}
			return out
		}
		return v
	}
	c := conv(m).(map[string]any)
	c["Stamp"] = cbor.Tag{Number: 1, Content: 1717200000.25}
	c["Blob"] = []byte{0, 1, 2, 255}
	nested := c["Nested"].(map[string]any)
	nested["when"] = cbor.Tag{Number: 1, Content: int64(1717200001)}
	nested["scores"] = []any{1.5, -2.0}
	b, err := cbor.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEchoRPCv2CBOR(t *testing.T) {
	srv := start(t, server.Options{})
	req := cborOf(t)
	resp, body := send(t, srv, servertest.Admin, "echo", "POST", "/service/Echo/operation/Echo", map[string]string{
		"Content-Type": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor"}, req)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %x", resp.StatusCode, body)
	}
	var got, want any
	if err := cbor.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if err := cbor.Unmarshal(req, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("echo =\n%#v\nwant\n%#v", got, want)
	}
}

func TestEchoAWSQuery(t *testing.T) {
	srv := start(t, server.Options{})
	form := url.Values{
		"Action": {"Echo"}, "Version": {"2024-01-01"},
		"Text": {`héllo <&> "q"`}, "Count": {"3"}, "Big": {"9007199254740993"}, "Ratio": {"0.5"}, "On": {"false"},
		"Stamp": {"2024-06-01T00:00:00.25Z"}, "Blob": {"AAEC/w=="},
		"Strings.member.1": {"a"}, "Strings.member.2": {"b"}, "Flat.1": {"x"}, "Flat.2": {"y"},
		"Tags.entry.1.key": {"k1"}, "Tags.entry.1.value": {"v1"}, "Tags.entry.2.key": {"k2"}, "Tags.entry.2.value": {"v2"},
		"Nested.label": {"n"}, "Nested.scores.member.1": {"1.5"}, "Nested.scores.member.2": {"-2"},
		"Nested.when": {"2024-06-01T00:00:01Z"}, "Nested.attrs.entry.1.key": {"a"}, "Nested.attrs.entry.1.value": {"b"},
		"Items.member.1.label": {"i1"}, "Items.member.2.label": {"i2"}, "Items.member.2.scores": {""},
		"ByName.entry.1.key": {"z"}, "ByName.entry.1.value.label": {"zz"},
		"Empty": {""}, "Zero": {"0"},
	}
	resp, body := send(t, srv, servertest.Admin, "echo", "POST", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(form.Encode()))
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	type entry struct {
		Key   string `xml:"key"`
		Value string `xml:"value"`
	}
	type nested struct {
		Label  string    `xml:"label"`
		Scores []float64 `xml:"scores>member"`
		When   time.Time `xml:"when"`
		Attrs  []entry   `xml:"attrs>entry"`
	}
	var doc struct {
		XMLName xml.Name `xml:"https://echo.example/doc/2024-01-01/ EchoResponse"`
		R       struct {
			Text    string    `xml:"Text"`
			Count   int32     `xml:"Count"`
			Big     int64     `xml:"Big"`
			Ratio   float64   `xml:"Ratio"`
			On      *bool     `xml:"On"`
			Stamp   time.Time `xml:"Stamp"`
			Blob    string    `xml:"Blob"`
			Strings []string  `xml:"Strings>member"`
			Flat    []string  `xml:"Flat"`
			Tags    []entry   `xml:"Tags>entry"`
			Nested  nested    `xml:"Nested"`
			Items   []nested  `xml:"Items>member"`
			ByName  []struct {
				Key   string `xml:"key"`
				Value nested `xml:"value"`
			} `xml:"ByName>entry"`
			Empty *struct{} `xml:"Empty"`
			Zero  *int32    `xml:"Zero"`
		} `xml:"EchoResult"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	r := doc.R
	if r.Text != `héllo <&> "q"` || r.Count != 3 || r.Big != 9007199254740993 || r.Ratio != 0.5 || r.On == nil || *r.On ||
		!r.Stamp.Equal(time.Date(2024, 6, 1, 0, 0, 0, 250e6, time.UTC)) || r.Blob != "AAEC/w==" {
		t.Errorf("scalars = %+v", r)
	}
	if !slices.Equal(r.Strings, []string{"a", "b"}) || !slices.Equal(r.Flat, []string{"x", "y"}) ||
		!slices.Equal(r.Tags, []entry{{"k1", "v1"}, {"k2", "v2"}}) {
		t.Errorf("lists and maps = %v %v %v", r.Strings, r.Flat, r.Tags)
	}
	if r.Nested.Label != "n" || !slices.Equal(r.Nested.Scores, []float64{1.5, -2}) ||
		!r.Nested.When.Equal(time.Date(2024, 6, 1, 0, 0, 1, 0, time.UTC)) || !slices.Equal(r.Nested.Attrs, []entry{{"a", "b"}}) {
		t.Errorf("nested = %+v", r.Nested)
	}
	if len(r.Items) != 2 || r.Items[0].Label != "i1" || r.Items[1].Label != "i2" || len(r.ByName) != 1 || r.ByName[0].Value.Label != "zz" {
		t.Errorf("items %+v byName %+v", r.Items, r.ByName)
	}
	if r.Empty == nil || r.Zero == nil || *r.Zero != 0 {
		t.Errorf("an empty list and a zero given explicitly must come back: empty %v zero %v", r.Empty, r.Zero)
	}
}
