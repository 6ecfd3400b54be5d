package dag

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/agdash/agdash/backend/domain"
)

// parseParameter reads one entry of the definition's Parameters.
func parseParameter(raw json.RawMessage) (domain.PipelineParameter, error) {
	var p struct {
		Name         string            `json:"Name"`
		Type         string            `json:"Type"`
		DefaultValue json.RawMessage   `json:"DefaultValue"`
		EnumValues   []json.RawMessage `json:"EnumValues"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return domain.PipelineParameter{}, errors.New("is not an object with a string Name and Type")
	}
	if p.Name == "" {
		return domain.PipelineParameter{}, errors.New("has no Name")
	}
	out := domain.PipelineParameter{
		Name:    p.Name,
		Type:    domain.ParameterType(p.Type),
		Default: scalarText(p.DefaultValue),
	}
	for _, e := range p.EnumValues {
		out.Enum = append(out.Enum, scalarText(e))
	}
	return out, nil
}

// scalarText is a JSON value as the SageMaker console shows it: a string
// without quotes, a number exactly as written (10, 0.7, 1e-05), a boolean
// as true or false; null or absent as "". Anything else stays as compact JSON.
func scalarText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(compactJSON(raw))
}
