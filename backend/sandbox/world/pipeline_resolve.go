package world

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// resolve replaces Get, Std:Join and Std:JsonGet expressions in v with
// their values for an execution; callers hold the write lock.
func (w *World) resolve(ex *execution, v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 1 {
			if g, ok := x["Get"].(string); ok {
				return w.resolveGet(ex, g)
			}
			if j, ok := x["Std:Join"].(map[string]any); ok {
				on, _ := j["On"].(string)
				vals, _ := j["Values"].([]any)
				parts := make([]string, 0, len(vals))
				for _, v := range vals {
					r, err := w.resolve(ex, v)
					if err != nil {
						return nil, err
					}
					parts = append(parts, scalarString(r))
				}
				return strings.Join(parts, on), nil
			}
			if j, ok := x["Std:JsonGet"].(map[string]any); ok {
				return w.jsonGet(ex, j)
			}
		}
		out := make(map[string]any, len(x))
		for k, v := range x {
			r, err := w.resolve(ex, v)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, v := range x {
			r, err := w.resolve(ex, v)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	default:
		return v, nil
	}
}

func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

func (w *World) resolveGet(ex *execution, path string) (any, error) {
	switch {
	case strings.HasPrefix(path, "Parameters."):
		v, ok := ex.params[strings.TrimPrefix(path, "Parameters.")]
		if !ok {
			return nil, fmt.Errorf("unknown parameter in %s", path)
		}
		return v, nil
	case path == "Execution.ExecutionId" || path == "Execution.PipelineExecutionId":
		return ex.id, nil
	case path == "Execution.PipelineExecutionArn":
		return ex.arn, nil
	case path == "Execution.PipelineName":
		return ex.pipeline.PipelineName, nil
	case path == "Execution.StartDateTime" || path == "Execution.CurrentDateTime":
		return ex.created.UTC().Format("2006-01-02T15:04:05.000Z"), nil
	case strings.HasPrefix(path, "Steps."):
		rest := strings.TrimPrefix(path, "Steps.")
		name, prop, _ := strings.Cut(rest, ".")
		sr := ex.steps[name]
		if sr == nil || sr.outputs == nil {
			return nil, fmt.Errorf("step %s has no properties yet (%s)", name, path)
		}
		return navigate(sr.outputs, prop)
	}
	return nil, fmt.Errorf("unsupported property reference %s", path)
}

// navigate walks a property path such as
// ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri.
func navigate(root any, path string) (any, error) {
	cur := root
	for path != "" {
		var seg string
		if path[0] == '[' {
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return nil, fmt.Errorf("bad selector in %s", path)
			}
			seg, path = path[:end+1], strings.TrimPrefix(path[end+1:], ".")
		} else {
			i := strings.IndexAny(path, ".[")
			if i < 0 {
				seg, path = path, ""
			} else {
				seg = path[:i]
				path = path[i:]
				path = strings.TrimPrefix(path, ".")
			}
		}
		next, err := step(cur, seg)
		if err != nil {
			return nil, err
		}
		cur = next
	}
	return cur, nil
}

func step(cur any, seg string) (any, error) {
	if strings.HasPrefix(seg, "[") {
		sel := strings.Trim(seg, "[]")
		list, ok := cur.([]any)
		if !ok {
			return nil, fmt.Errorf("%s applied to a non-list", seg)
		}
		if n, err := strconv.Atoi(sel); err == nil {
			if n < 0 || n >= len(list) {
				return nil, fmt.Errorf("index %d out of range", n)
			}
			return list[n], nil
		}
		key := strings.Trim(sel, `'"`)
		for _, item := range list {
			m, ok := item.(map[string]any)
			if !ok {
				continue
			}
			for _, f := range []string{"OutputName", "ChannelName", "MetricName", "InputName", "Name"} {
				if m[f] == key {
					return m, nil
				}
			}
		}
		return nil, fmt.Errorf("no element named %s", key)
	}
	m, ok := cur.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("property %s applied to a non-object", seg)
	}
	v, ok := m[seg]
	if !ok {
		return nil, fmt.Errorf("no property %s", seg)
	}
	return v, nil
}

// jsonGet reads a value from a step's property file in S3.
func (w *World) jsonGet(ex *execution, j map[string]any) (any, error) {
	pf, _ := j["PropertyFile"].(map[string]any)
	ref, _ := pf["Get"].(string)
	path, _ := j["Path"].(string)
	rest, ok := strings.CutPrefix(ref, "Steps.")
	if !ok {
		return nil, fmt.Errorf("Std:JsonGet needs a step property file, got %q", ref)
	}
	name, fileRef, _ := strings.Cut(rest, ".PropertyFiles.")
	sr := ex.steps[name]
	if sr == nil {
		return nil, fmt.Errorf("step %s has not run", name)
	}
	uri := sr.files[fileRef]
	body, ok := w.objectBody(uri)
	if !ok {
		return nil, fmt.Errorf("property file %s of step %s is missing (%s)", fileRef, name, uri)
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("property file %s is not valid JSON: %v", uri, err)
	}
	v, err := navigate(doc, path)
	if err != nil {
		return nil, fmt.Errorf("path %s not found in %s: %v", path, uri, err)
	}
	return v, nil
}

// evalConditions evaluates a condition step's Conditions (all must hold).
func (w *World) evalConditions(ex *execution, conds []any) (bool, error) {
	for _, c := range conds {
		ok, err := w.evalCondition(ex, c)
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

func (w *World) evalCondition(ex *execution, c any) (bool, error) {
	m, ok := c.(map[string]any)
	if !ok {
		return false, fmt.Errorf("condition is not an object")
	}
	typ, _ := m["Type"].(string)
	switch typ {
	case "Not":
		inner, err := w.evalCondition(ex, m["Condition"])
		return !inner, err
	case "Or":
		list, _ := m["Conditions"].([]any)
		for _, c := range list {
			ok, err := w.evalCondition(ex, c)
			if err != nil {
				return false, err
			}
			if ok {
				return true, nil
			}
		}
		return false, nil
	}
	left, err := w.resolve(ex, m["LeftValue"])
	if err != nil {
		return false, err
	}
	right, err := w.resolve(ex, m["RightValue"])
	if err != nil {
		return false, err
	}
	if typ == "In" {
		list, _ := right.([]any)
		for _, r := range list {
			if compare(left, r) == 0 {
				return true, nil
			}
		}
		return false, nil
	}
	cmp := compare(left, right)
	switch typ {
	case "Equals":
		return cmp == 0, nil
	case "GreaterThan":
		return cmp > 0, nil
	case "GreaterThanOrEqualTo":
		return cmp >= 0, nil
	case "LessThan":
		return cmp < 0, nil
	case "LessThanOrEqualTo":
		return cmp <= 0, nil
	}
	return false, fmt.Errorf("unsupported condition type %q", typ)
}

func compare(a, b any) int {
	fa, okA := toFloat(a)
	fb, okB := toFloat(b)
	if okA && okB {
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	return strings.Compare(scalarString(a), scalarString(b))
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}
