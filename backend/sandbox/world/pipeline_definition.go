package world

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// definition is a parsed SageMaker pipeline definition.
type definition struct {
	params []defParam
	steps  map[string]*defStep
	order  []string // every step, in definition order (branch steps after their condition)
}

type defParam struct {
	Name    string
	Type    string // String, Integer, Float, Boolean
	Default any
}

type propertyFile struct {
	Name, OutputName, FilePath string
}

type defStep struct {
	Name        string
	Type        string
	DisplayName string
	Description string
	Args        map[string]any
	deps        []string
	files       []propertyFile
	ifSteps     []string
	elseSteps   []string
	condition   string // the condition step whose branch holds this step
	branch      bool   // true: IfSteps, false: ElseSteps
}

var supportedStepTypes = map[string]bool{
	"Processing": true, "Training": true, "Condition": true, "RegisterModel": true, "Fail": true,
}

type rawStep struct {
	Name          string           `json:"Name"`
	Type          string           `json:"Type"`
	DisplayName   string           `json:"DisplayName"`
	Description   string           `json:"Description"`
	Arguments     json.RawMessage  `json:"Arguments"`
	DependsOn     []string         `json:"DependsOn"`
	PropertyFiles []map[string]any `json:"PropertyFiles"`
}

// parseDefinition reads and checks a pipeline definition.
func parseDefinition(text string) (*definition, error) {
	var raw struct {
		Version    string           `json:"Version"`
		Parameters []map[string]any `json:"Parameters"`
		Steps      []rawStep        `json:"Steps"`
	}
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, invalid("Pipeline definition is not valid JSON: %v", err)
	}
	if raw.Version == "" {
		return nil, invalid("Pipeline definition has no Version")
	}
	d := &definition{steps: map[string]*defStep{}}
	for _, p := range raw.Parameters {
		name, _ := p["Name"].(string)
		typ, _ := p["Type"].(string)
		if name == "" {
			return nil, invalid("Pipeline definition has a parameter without a Name")
		}
		switch typ {
		case "String", "Integer", "Float", "Boolean":
		default:
			return nil, invalid("Parameter %s has an unsupported Type %q", name, typ)
		}
		d.params = append(d.params, defParam{Name: name, Type: typ, Default: p["DefaultValue"]})
	}
	if len(raw.Steps) == 0 {
		return nil, invalid("Pipeline definition has no Steps")
	}
	if err := d.addSteps(raw.Steps, "", false); err != nil {
		return nil, err
	}
	for _, name := range d.order {
		s := d.steps[name]
		for _, dep := range s.deps {
			if d.steps[dep] == nil {
				return nil, invalid("Step %s depends on step %s, which is not in the pipeline", name, dep)
			}
		}
	}
	if err := d.checkCycles(); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *definition) addSteps(steps []rawStep, cond string, branch bool) error {
	for _, r := range steps {
		if r.Name == "" {
			return invalid("Pipeline definition has a step without a Name")
		}
		if d.steps[r.Name] != nil {
			return invalid("Step name %s is used more than once", r.Name)
		}
		if !supportedStepTypes[r.Type] {
			return invalid("Step %s has type %q; the sandbox runs Processing, Training, Condition, RegisterModel and Fail steps", r.Name, r.Type)
		}
		s := &defStep{Name: r.Name, Type: r.Type, DisplayName: r.DisplayName, Description: r.Description, condition: cond, branch: branch}
		if len(r.Arguments) > 0 {
			if err := json.Unmarshal(r.Arguments, &s.Args); err != nil {
				return invalid("Step %s has invalid Arguments: %v", r.Name, err)
			}
		}
		for _, pf := range r.PropertyFiles {
			f := propertyFile{}
			f.Name, _ = pf["PropertyFileName"].(string)
			f.OutputName, _ = pf["OutputName"].(string)
			f.FilePath, _ = pf["FilePath"].(string)
			s.files = append(s.files, f)
		}
		deps := map[string]bool{}
		for _, dep := range r.DependsOn {
			deps[dep] = true
		}
		if cond != "" {
			deps[cond] = true
		}
		collectRefs(s.Args, deps)
		delete(deps, r.Name)
		for dep := range deps {
			s.deps = append(s.deps, dep)
		}
		sort.Strings(s.deps)
		d.steps[r.Name] = s
		d.order = append(d.order, r.Name)
		if r.Type == "Condition" {
			var ifs, elses []rawStep
			if err := remarshal(s.Args["IfSteps"], &ifs); err != nil {
				return invalid("Condition step %s has invalid IfSteps: %v", r.Name, err)
			}
			if err := remarshal(s.Args["ElseSteps"], &elses); err != nil {
				return invalid("Condition step %s has invalid ElseSteps: %v", r.Name, err)
			}
			for _, x := range ifs {
				s.ifSteps = append(s.ifSteps, x.Name)
			}
			for _, x := range elses {
				s.elseSteps = append(s.elseSteps, x.Name)
			}
			// Branch steps are steps in their own right; the condition's
			// own dependencies come from its Conditions only.
			delete(s.Args, "IfSteps")
			delete(s.Args, "ElseSteps")
			s.deps = nil
			deps := map[string]bool{}
			for _, dep := range r.DependsOn {
				deps[dep] = true
			}
			collectRefs(s.Args, deps)
			for dep := range deps {
				s.deps = append(s.deps, dep)
			}
			sort.Strings(s.deps)
			if err := d.addSteps(ifs, r.Name, true); err != nil {
				return err
			}
			if err := d.addSteps(elses, r.Name, false); err != nil {
				return err
			}
		}
	}
	return nil
}

func remarshal(v any, out any) error {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// collectRefs finds the steps a value refers to through Get expressions.
func collectRefs(v any, deps map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if g, ok := x["Get"].(string); ok && len(x) == 1 {
			if rest, ok := strings.CutPrefix(g, "Steps."); ok {
				name, _, _ := strings.Cut(rest, ".")
				if i := strings.IndexByte(name, '['); i >= 0 {
					name = name[:i]
				}
				deps[name] = true
			}
			return
		}
		for k, v := range x {
			if k == "IfSteps" || k == "ElseSteps" {
				continue
			}
			collectRefs(v, deps)
		}
	case []any:
		for _, v := range x {
			collectRefs(v, deps)
		}
	}
}

func (d *definition) checkCycles() error {
	state := map[string]int{}
	var visit func(string) error
	visit = func(n string) error {
		switch state[n] {
		case 1:
			return invalid("Pipeline definition has a cycle through step %s", n)
		case 2:
			return nil
		}
		state[n] = 1
		for _, dep := range d.steps[n].deps {
			if err := visit(dep); err != nil {
				return err
			}
		}
		state[n] = 2
		return nil
	}
	for _, n := range d.order {
		if err := visit(n); err != nil {
			return err
		}
	}
	return nil
}

// paramValue converts a string override or a default to the parameter's type.
func (p defParam) value(s *string) (any, error) {
	if s == nil {
		if p.Default == nil {
			return nil, invalid("Pipeline parameter %s has no default and no value was given", p.Name)
		}
		return p.Default, nil
	}
	switch p.Type {
	case "Integer":
		var v int64
		if _, err := fmt.Sscan(*s, &v); err != nil {
			return nil, invalid("Value '%s' for parameter %s is not an Integer", *s, p.Name)
		}
		return float64(v), nil
	case "Float":
		var v float64
		if _, err := fmt.Sscan(*s, &v); err != nil {
			return nil, invalid("Value '%s' for parameter %s is not a Float", *s, p.Name)
		}
		return v, nil
	case "Boolean":
		switch strings.ToLower(*s) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, invalid("Value '%s' for parameter %s is not a Boolean", *s, p.Name)
	default:
		return *s, nil
	}
}
