package pipelineparams

import (
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// Changed returns the values that differ from their parameter's default,
// which is all StartPipelineExecution needs to be sent. Equality follows
// the type: "010" equals an Integer default of 10, "0.50" a Float default
// of 0.5, "True" a Boolean default of true; Strings compare exactly.
// Names that are not declared are kept, so that Validate reports them
// rather than their being dropped silently.
func Changed(declared []domain.PipelineParameter, values map[string]string) map[string]string {
	byName := make(map[string]domain.PipelineParameter, len(declared))
	for _, p := range declared {
		byName[p.Name] = p
	}
	out := map[string]string{}
	for name, value := range values {
		p, ok := byName[name]
		if !ok || !sameValue(p.Type, p.Default, value) {
			out[name] = value
		}
	}
	return out
}

func sameValue(t domain.ParameterType, a, b string) bool {
	if a == b {
		return true
	}
	switch t {
	case domain.ParamInteger:
		x, errX := strconv.ParseInt(a, 10, 64)
		y, errY := strconv.ParseInt(b, 10, 64)
		return errX == nil && errY == nil && x == y
	case domain.ParamFloat:
		if !isDecimal(a) || !isDecimal(b) {
			return false
		}
		x, _ := strconv.ParseFloat(a, 64)
		y, _ := strconv.ParseFloat(b, 64)
		return x == y
	case domain.ParamBoolean:
		return strings.EqualFold(a, b)
	}
	return false
}
