package dag

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// ParseDefinition reads a SageMaker pipeline definition (the JSON that
// DescribePipeline and DescribePipelineDefinitionForExecution return,
// Version "2020-12-01").
//
// Steps nested in a Condition step's IfSteps and ElseSteps are steps of
// the pipeline too: they are listed after their condition step, in the
// order they appear. A nested step that is also declared elsewhere with
// exactly the same JSON is kept once; with different JSON it is a duplicate.
//
// Each step's References are the steps whose properties it reads through
// {"Get": "Steps.<Name>...."} anywhere in the step (its Arguments, and
// step-level fields such as a QualityCheck's supplied baselines),
// including inside Std:JsonGet property-file reads and Std:Join values. A
// condition step's references exclude those of its branches, which
// belong to the branch steps. Parameter defaults are kept as the console
// shows them: strings unquoted, numbers as written, booleans as true/false.
//
// Malformed JSON, a step or parameter without a name, or a duplicate step
// name give an error and an empty definition. References to unknown steps
// give an error naming each of them, together with the definition as read,
// so that its parameters can still be offered when starting a run.
func ParseDefinition(definitionJSON string) (domain.PipelineDefinition, error) {
	var raw struct {
		Parameters []json.RawMessage `json:"Parameters"`
		Steps      []json.RawMessage `json:"Steps"`
	}
	body := bytes.TrimSpace(bytes.TrimPrefix([]byte(definitionJSON), []byte("\xef\xbb\xbf")))
	if len(body) == 0 || body[0] != '{' {
		return domain.PipelineDefinition{}, errors.New("pipeline definition is not a JSON object")
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return domain.PipelineDefinition{}, jsonProblem(err)
	}
	var def domain.PipelineDefinition
	for i, p := range raw.Parameters {
		param, err := parseParameter(p)
		if err != nil {
			return domain.PipelineDefinition{}, fmt.Errorf("pipeline parameter %d %w", i+1, err)
		}
		def.Parameters = append(def.Parameters, param)
	}
	c := collector{seen: map[string][]byte{}}
	for i, s := range raw.Steps {
		if _, err := c.add(s, fmt.Sprintf("step %d", i+1), false); err != nil {
			return domain.PipelineDefinition{}, err
		}
	}
	def.Steps = c.steps
	return def, checkNames(def.Steps)
}

// collector flattens steps (including condition branches) in preorder and
// rejects duplicate names.
type collector struct {
	steps []domain.StepDefinition
	seen  map[string][]byte // step name → its compacted JSON
}

// add reads one step object and returns the step's name. In a branch
// list (byName) a string naming a step declared elsewhere is accepted too.
func (c *collector) add(raw json.RawMessage, where string, byName bool) (string, error) {
	var name string
	if byName && json.Unmarshal(raw, &name) == nil {
		// A branch that names a step declared elsewhere.
		if name == "" {
			return "", fmt.Errorf("%s names no step", where)
		}
		return name, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return "", fmt.Errorf("%s is not a JSON object", where)
	}
	if err := decodeField(fields, "Name", &name); err != nil {
		return "", fmt.Errorf("%s: %w", where, err)
	}
	if name == "" {
		return "", fmt.Errorf("%s has no Name", where)
	}
	compact := compactJSON(raw)
	if prev, dup := c.seen[name]; dup {
		if bytes.Equal(prev, compact) {
			return name, nil
		}
		return "", fmt.Errorf("step name %q is used by two different steps", name)
	}
	c.seen[name] = compact

	step := domain.StepDefinition{Name: name}
	if err := decodeField(fields, "Type", &step.Type); err != nil {
		return "", fmt.Errorf("step %q: %w", name, err)
	}
	if err := decodeField(fields, "DependsOn", &step.DependsOn); err != nil {
		return "", fmt.Errorf("step %q: %w", name, err)
	}
	step.DependsOn = uniqueStrings(step.DependsOn)
	if args, ok := fields["Arguments"]; ok && !isNull(args) {
		step.Arguments = string(args)
	}

	refs := map[string]bool{}
	var ifRaw, elseRaw []json.RawMessage
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		value := fields[key]
		switch key {
		case "Name", "Type", "DependsOn", "DisplayName", "Description", "PropertyFiles":
			continue
		case "Arguments":
			if step.Type == "Condition" {
				var err error
				if ifRaw, elseRaw, err = conditionBranches(value, refs); err != nil {
					return "", fmt.Errorf("condition step %q: %w", name, err)
				}
				continue
			}
		}
		collectReferences(value, refs)
	}
	step.References = slices.Sorted(maps.Keys(refs))

	// Append the condition before its branches so the order reads top-down.
	at := len(c.steps)
	c.steps = append(c.steps, step)
	for i, b := range ifRaw {
		n, err := c.add(b, fmt.Sprintf("IfSteps[%d] of %q", i, name), true)
		if err != nil {
			return "", err
		}
		c.steps[at].IfSteps = append(c.steps[at].IfSteps, n)
	}
	for i, b := range elseRaw {
		n, err := c.add(b, fmt.Sprintf("ElseSteps[%d] of %q", i, name), true)
		if err != nil {
			return "", err
		}
		c.steps[at].ElseSteps = append(c.steps[at].ElseSteps, n)
	}
	c.steps[at].IfSteps = uniqueStrings(c.steps[at].IfSteps)
	c.steps[at].ElseSteps = uniqueStrings(c.steps[at].ElseSteps)
	return name, nil
}

// conditionBranches splits a condition step's Arguments into its branch
// lists, collecting references from everything else (the Conditions).
func conditionBranches(args json.RawMessage, refs map[string]bool) (ifSteps, elseSteps []json.RawMessage, err error) {
	if isNull(args) {
		return nil, nil, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(args, &fields); err != nil {
		return nil, nil, errors.New("the step's Arguments is not a JSON object")
	}
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		value := fields[key]
		switch key {
		case "IfSteps":
			if err := decodeField(fields, key, &ifSteps); err != nil {
				return nil, nil, err
			}
		case "ElseSteps":
			if err := decodeField(fields, key, &elseSteps); err != nil {
				return nil, nil, err
			}
		default:
			collectReferences(value, refs)
		}
	}
	return ifSteps, elseSteps, nil
}

// checkNames reports every dependency, reference or branch that names a
// step the definition does not have.
func checkNames(steps []domain.StepDefinition) error {
	known := make(map[string]bool, len(steps))
	for _, s := range steps {
		known[s.Name] = true
	}
	var problems []string
	report := func(step, verb string, names []string) {
		for _, n := range names {
			if !known[n] {
				problems = append(problems, fmt.Sprintf("step %q %s unknown step %q", step, verb, n))
			}
		}
	}
	for _, s := range steps {
		report(s.Name, "depends on", s.DependsOn)
		report(s.Name, "refers to", s.References)
		report(s.Name, "branches to", s.IfSteps)
		report(s.Name, "branches to", s.ElseSteps)
	}
	if len(problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(problems, "; "))
}

// decodeField decodes fields[key] into out when present and not null,
// with an error that names the field.
func decodeField(fields map[string]json.RawMessage, key string, out any) error {
	v, ok := fields[key]
	if !ok || isNull(v) {
		return nil
	}
	if err := json.Unmarshal(v, out); err != nil {
		return fmt.Errorf("%s has the wrong JSON type", key)
	}
	return nil
}

func isNull(v json.RawMessage) bool {
	return len(bytes.TrimSpace(v)) == 0 || string(bytes.TrimSpace(v)) == "null"
}

func compactJSON(raw json.RawMessage) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return raw
	}
	return buf.Bytes()
}

// jsonProblem turns encoding/json's errors into what a user can act on.
func jsonProblem(err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Errorf("pipeline definition is not valid JSON: %s at byte %d", syntax.Error(), syntax.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) && typ.Field != "" {
		return fmt.Errorf("pipeline definition: %s has the wrong JSON type (%s)", typ.Field, typ.Value)
	}
	return fmt.Errorf("pipeline definition is not valid JSON: %w", err)
}

func uniqueStrings(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(in))
	out := in[:0:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
