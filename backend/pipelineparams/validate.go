package pipelineparams

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/agdash/agdash/backend/domain"
)

// MaxValueLength is SageMaker's limit on a parameter value, in characters.
const MaxValueLength = 2500

// Validate checks values against the declared parameters and returns a
// sentence per bad parameter, keyed by the name as given; an empty map
// means all is well. The rules follow SageMaker: a name must be declared;
// an Integer must be a whole number, a Float a finite decimal number, a
// Boolean true or false; a value of a parameter with EnumValues must be
// one of them; no value may exceed 2,500 characters. A declared type
// agdash does not know is checked as a String.
func Validate(declared []domain.PipelineParameter, values map[string]string) map[string]string {
	byName := make(map[string]domain.PipelineParameter, len(declared))
	for _, p := range declared {
		byName[p.Name] = p
	}
	problems := map[string]string{}
	for name, value := range values {
		p, ok := byName[name]
		if !ok {
			problems[name] = unknownName(name, declared)
			continue
		}
		if msg := check(p, value); msg != "" {
			problems[name] = msg
		}
	}
	return problems
}

func check(p domain.PipelineParameter, value string) string {
	if n := utf8.RuneCountInString(value); n > MaxValueLength {
		return fmt.Sprintf("%s is %d characters long; SageMaker accepts at most %d.", p.Name, n, MaxValueLength)
	}
	switch p.Type {
	case domain.ParamInteger:
		if _, err := strconv.ParseInt(value, 10, 64); err != nil {
			return fmt.Sprintf("%s must be a whole number, not %s.", p.Name, quote(value))
		}
	case domain.ParamFloat:
		if !isDecimal(value) {
			return fmt.Sprintf("%s must be a number such as 0.5, not %s.", p.Name, quote(value))
		}
	case domain.ParamBoolean:
		if value != "true" && value != "false" {
			return fmt.Sprintf("%s must be true or false, not %s.", p.Name, quote(value))
		}
	}
	if len(p.Enum) > 0 && !slices.Contains(p.Enum, value) {
		return fmt.Sprintf("%s must be one of %s, not %s.", p.Name, strings.Join(p.Enum, ", "), quote(value))
	}
	return ""
}

// isDecimal accepts finite decimal numbers ("3", "-0.5", "1e-5") and
// refuses what ParseFloat also takes but SageMaker would not: NaN,
// infinities, hexadecimal and digit separators.
func isDecimal(s string) bool {
	if strings.ContainsAny(s, "xX_pP") {
		return false
	}
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

// unknownName says a name is not declared, suggesting a declared name
// that differs only in case.
func unknownName(name string, declared []domain.PipelineParameter) string {
	for _, p := range declared {
		if strings.EqualFold(p.Name, name) {
			return fmt.Sprintf("%s is not a parameter of this pipeline; did you mean %s?", quote(name), p.Name)
		}
	}
	return fmt.Sprintf("%s is not a parameter of this pipeline.", quote(name))
}

// quote shows a value in a message, shortened if long.
func quote(v string) string {
	const keep = 40
	if utf8.RuneCountInString(v) > keep {
		v = string([]rune(v)[:keep]) + "…"
	}
	return strconv.Quote(v)
}
