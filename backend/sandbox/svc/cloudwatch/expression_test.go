package cloudwatch

import (
	"slices"
	"strings"
	"testing"
)

func TestExpressionArithmetic(t *testing.T) {
	a := series{ts: []int64{60, 120, 180, 240}, vs: []float64{10, 20, 30, 40}}
	b := series{ts: []int64{120, 180, 240, 300}, vs: []float64{2, 0, 8, 9}}
	lookup := func(id string) (series, error) {
		return map[string]series{"a": a, "b": b}[id], nil
	}
	cases := []struct {
		src    string
		ts     []int64
		values []float64
	}{
		{"a + 1", []int64{60, 120, 180, 240}, []float64{11, 21, 31, 41}},
		{"2 + 3 * a", []int64{60, 120, 180, 240}, []float64{32, 62, 92, 122}},
		{"(2 + 3) * a", []int64{60, 120, 180, 240}, []float64{50, 100, 150, 200}},
		{"-a + 100", []int64{60, 120, 180, 240}, []float64{90, 80, 70, 60}},
		{"a - -a", []int64{60, 120, 180, 240}, []float64{20, 40, 60, 80}},
		// Series meet on shared timestamps; 30/0 is not a number and is dropped.
		{"a / b", []int64{120, 240}, []float64{10, 5}},
		{"100*a/b", []int64{120, 240}, []float64{1000, 500}},
		{"b ^ 2 / 2", []int64{120, 180, 240, 300}, []float64{2, 0, 32, 40.5}},
		{"2 ^ 3 ^ 2 + 0 * a", []int64{60, 120, 180, 240}, []float64{512, 512, 512, 512}},
		{"a - b - 1", []int64{120, 180, 240}, []float64{17, 29, 31}},
		{"1.5e1 + a", []int64{60, 120, 180, 240}, []float64{25, 35, 45, 55}},
	}
	for _, c := range cases {
		e, err := parseExpression(c.src)
		if err != nil {
			t.Errorf("%q: %v", c.src, err)
			continue
		}
		v, err := evaluate(e, lookup)
		if err != nil || v.constant || !slices.Equal(v.s.ts, c.ts) || !slices.Equal(v.s.vs, c.values) {
			t.Errorf("%q = %+v (%v), want %v %v", c.src, v, err, c.ts, c.values)
		}
	}
}

func TestExpressionRefsAndErrors(t *testing.T) {
	e, err := parseExpression("errors / (invocations + errors) * 100")
	if err != nil {
		t.Fatal(err)
	}
	if got := refs(e); !slices.Equal(got, []string{"errors", "invocations"}) {
		t.Errorf("refs = %v", got)
	}
	for src, want := range map[string]string{
		"":               "unexpected end",
		"a +":            "unexpected end",
		"(a":             "missing ')'",
		"a b":            `unexpected "b"`,
		"FILL(a, 0)":     "function FILL is not supported",
		"a % 2":          `unexpected "%"`,
		"METRICS()":      "function METRICS is not supported",
		"a * (b + c))":   `unexpected ")"`,
		"search('x', 1)": "function SEARCH is not supported",
	} {
		_, err := parseExpression(src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want it to say %q", src, err, want)
		}
	}
}
