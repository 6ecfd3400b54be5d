package dag

import (
	"bytes"
	"encoding/json"
	"strings"
)

// collectReferences adds to refs the name of every step that a JSON value
// reads a property of. SageMaker writes such reads as {"Get": "Steps.X.…"},
// on their own, inside {"Std:JsonGet": {"PropertyFile": {"Get":
// "Steps.X.PropertyFiles.F"}, …}} or among a {"Std:Join"}'s Values, so a
// deep walk for Get finds them all; Gets of Parameters or Execution
// variables are not step references.
func collectReferences(raw json.RawMessage, refs map[string]bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return
	}
	walkGets(v, refs)
}

func walkGets(v any, refs map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		if get, ok := t["Get"].(string); ok {
			if name, ok := stepOfGet(get); ok {
				refs[name] = true
			}
		}
		for _, child := range t {
			walkGets(child, refs)
		}
	case []any:
		for _, child := range t {
			walkGets(child, refs)
		}
	}
}

// stepOfGet returns X for "Steps.X.Property…" (or "Steps.X[…]").
func stepOfGet(get string) (string, bool) {
	rest, ok := strings.CutPrefix(get, "Steps.")
	if !ok {
		return "", false
	}
	if i := strings.IndexAny(rest, ".["); i >= 0 {
		rest = rest[:i]
	}
	return rest, rest != ""
}
