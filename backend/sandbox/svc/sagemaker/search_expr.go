package sagemaker

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// Search expressions: Filters (all must hold, or any with Operator Or),
// SubExpressions combined the same way, on property paths such as
// TrainingJobStatus, Tags.sagemaker:project-name or HyperParameters.eta.

type SearchExpression struct {
	Filters        []Filter
	NestedFilters  []NestedFilters
	SubExpressions []SearchExpression
	Operator       string
}

type Filter struct {
	Name     string `aws:",required"`
	Operator string
	Value    *string
}

type NestedFilters struct {
	NestedPropertyName string   `aws:",required"`
	Filters            []Filter `aws:",required"`
}

var filterOperators = []string{"Equals", "NotEquals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo",
	"Contains", "Exists", "NotExists", "In"}

// check refuses what AWS refuses, and what the sandbox does not search by.
func (e *SearchExpression) check(depth int) error {
	if depth > 5 {
		return server.ValidationException("SearchExpression is nested too deeply: at most 5 levels of SubExpressions are allowed.")
	}
	if err := checkEnum("searchExpression.operator", e.Operator, "And", "Or"); err != nil {
		return err
	}
	if len(e.NestedFilters) > 0 {
		return server.ValidationException("NestedFilters are not supported by the sandbox's Search; use Filters on the nested property path.")
	}
	for _, err := range []error{checkLen("searchExpression.filters", len(e.Filters), 20), checkLen("searchExpression.subExpressions", len(e.SubExpressions), 20)} {
		if err != nil {
			return err
		}
	}
	for _, f := range e.Filters {
		if err := checkEnum("searchExpression.filters.member.operator", f.Operator, filterOperators...); err != nil {
			return err
		}
		op := cmp.Or(f.Operator, "Equals")
		if op != "Exists" && op != "NotExists" && f.Value == nil {
			return server.ValidationException("Filter on %s with operator %s needs a Value.", f.Name, op)
		}
	}
	for i := range e.SubExpressions {
		if err := e.SubExpressions[i].check(depth + 1); err != nil {
			return err
		}
	}
	return nil
}

// truth is a three-valued answer: a record may not know a property until it
// is described, and the scan decides what it can without describing.
type truth int8

const (
	no truth = iota
	maybe
	yes
)

// record answers Search's questions about one resource. prop returns the
// value (string, float64 or time.Time), whether the resource has it, and
// whether the record could tell without describing the resource.
type record interface {
	prop(name string) (v any, present, known bool)
}

// eval decides e for r. An unparsable filter value is an error.
func (e *SearchExpression) eval(r record) (truth, error) {
	or := e.Operator == "Or"
	acc := yes
	if or {
		acc = no
	}
	combine := func(t truth) {
		switch {
		case or && t > acc, !or && t < acc:
			acc = t
		}
	}
	for _, f := range e.Filters {
		t, err := f.eval(r)
		if err != nil {
			return no, err
		}
		combine(t)
	}
	for i := range e.SubExpressions {
		t, err := e.SubExpressions[i].eval(r)
		if err != nil {
			return no, err
		}
		combine(t)
	}
	return acc, nil
}

func (f Filter) eval(r record) (truth, error) {
	v, present, known := r.prop(f.Name)
	if !known {
		return maybe, nil
	}
	op := cmp.Or(f.Operator, "Equals")
	switch op {
	case "Exists":
		return when(present), nil
	case "NotExists":
		return when(!present), nil
	case "NotEquals":
		if !present {
			return yes, nil
		}
		c, err := compareProp(f.Name, v, *f.Value)
		return when(c != 0), err
	}
	if !present {
		return no, nil
	}
	want := *f.Value
	switch op {
	case "Contains":
		s, _ := v.(string)
		return when(strings.Contains(strings.ToLower(s), strings.ToLower(want))), nil
	case "In":
		for _, w := range strings.Split(want, ",") {
			if c, err := compareProp(f.Name, v, strings.TrimSpace(w)); err != nil || c == 0 {
				return when(c == 0), err
			}
		}
		return no, nil
	}
	c, err := compareProp(f.Name, v, want)
	if err != nil {
		return no, err
	}
	switch op {
	case "Equals":
		return when(c == 0), nil
	case "GreaterThan":
		return when(c > 0), nil
	case "GreaterThanOrEqualTo":
		return when(c >= 0), nil
	case "LessThan":
		return when(c < 0), nil
	default: // LessThanOrEqualTo
		return when(c <= 0), nil
	}
}

func when(b bool) truth {
	if b {
		return yes
	}
	return no
}

// compareProp compares a property's value with a filter's text, reading the
// text as the property's type.
func compareProp(name string, v any, text string) (int, error) {
	switch x := v.(type) {
	case float64:
		n, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return 0, server.ValidationException("Filter value '%s' for %s is not a number.", text, name)
		}
		return cmp.Compare(x, n), nil
	case time.Time:
		t, err := parseSearchTime(text)
		if err != nil {
			return 0, server.ValidationException("Filter value '%s' for %s is not a timestamp (ISO 8601 or epoch seconds).", text, name)
		}
		return x.Compare(t), nil
	case string:
		return strings.Compare(x, text), nil
	}
	return 0, server.InternalFailure("property %s has an unexpected type %T", name, v)
}

func parseSearchTime(s string) (time.Time, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		sec := int64(n)
		return time.Unix(sec, int64((n-float64(sec))*1e9)).UTC(), nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Parse(time.RFC3339, s)
}

// compareValues orders two property values for SortBy; absent ones last.
func compareValues(a, b any, aok, bok bool) int {
	switch {
	case !aok && !bok:
		return 0
	case !aok:
		return 1
	case !bok:
		return -1
	}
	switch x := a.(type) {
	case float64:
		if y, ok := b.(float64); ok {
			return cmp.Compare(x, y)
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y)
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y)
		}
	}
	return 0
}
