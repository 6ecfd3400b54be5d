package server

import (
	"math"
	"testing"
	"time"
)

type jwLeaf struct {
	Label string `aws:"label"`
	When  time.Time
}

type jwNamed string

type jwShape struct {
	Text      string
	Escaped   string
	Named     jwNamed
	Count     int32
	Big       uint64
	Ratio     float64
	NaN       float64
	Inf       float32
	On        bool
	Off       *bool
	Stamp     time.Time
	ISO       time.Time `aws:",ts=iso"`
	HTTP      time.Time `aws:",ts=http"`
	Blob      []byte
	Strings   []string
	Empty     []string
	Holes     []*jwLeaf
	Tags      map[string]string
	ByName    map[jwNamed]*jwLeaf
	Nested    *jwLeaf
	NilNested *jwLeaf
	PtrPtr    **jwLeaf
	Any       any
	NilAny    any
	Header    string `aws:"X-Header,header"`
	Zero      int
	ZeroTime  time.Time
}

func TestJSONWriterWritesEveryKind(t *testing.T) {
	when := time.Date(2026, 11, 20, 2, 0, 0, 250e6, time.UTC)
	off := false
	var nilLeaf *jwLeaf
	in := &jwShape{
		Text: "plain", Escaped: "é <&> \"q\"\n", Named: "n", Count: -3, Big: 9007199254740993, Ratio: 0.5,
		NaN: math.NaN(), Inf: float32(math.Inf(-1)), On: true, Off: &off,
		Stamp: when, ISO: when, HTTP: when, Blob: []byte{0, 1, 2, 255},
		Strings: []string{"a", "b"}, Empty: []string{}, Holes: []*jwLeaf{{Label: "x"}, nil},
		Tags: map[string]string{"z": "1", "a": "2"}, ByName: map[jwNamed]*jwLeaf{"k": {Label: "v", When: when}, "j": nil},
		Nested: &jwLeaf{Label: "in"}, PtrPtr: &nilLeaf,
		Any: map[string]any{"n": 1, "s": []any{"x", true}}, Header: "h",
	}
	want := `{"Text":"plain","Escaped":"é \u003c\u0026\u003e \"q\"\n","Named":"n","Count":-3,"Big":9007199254740993,` +
		`"Ratio":0.5,"NaN":"NaN","Inf":"-Infinity","On":true,"Off":false,"Stamp":1795140000.25,` +
		`"ISO":"2026-11-20T02:00:00.25Z","HTTP":"Fri, 20 Nov 2026 02:00:00 GMT","Blob":"AAEC/w==",` +
		`"Strings":["a","b"],"Empty":[],"Holes":[{"label":"x"},null],"Tags":{"a":"2","z":"1"},` +
		`"ByName":{"j":null,"k":{"label":"v","When":1795140000.25}},"Nested":{"label":"in"},` +
		`"Any":{"n":1,"s":["x",true]}}`
	got, err := jsonBody(&shapeCache{}, in, true)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	withHeader, err := jsonBody(&shapeCache{}, &jwShape{Header: "h"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if string(withHeader) != `{"X-Header":"h"}` {
		t.Errorf("a non-REST body keeps header members: got %s", withHeader)
	}
	if _, err := jsonBody(&shapeCache{}, &struct{ Bad any }{Bad: make(chan int)}, false); err == nil {
		t.Error("a channel was written without an error")
	}
}
