package scenario

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed default.yaml
var defaultYAML []byte

// Default returns the embedded default scenario.
func Default() (*Scenario, error) { return Parse(defaultYAML, "default.yaml") }

// DefaultYAML returns the text of the embedded default scenario, to start a
// custom one from.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

// Load reads and checks a scenario file.
func Load(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	return Parse(data, path)
}

// Parse reads and checks a scenario; errors name the file and line.
func Parse(data []byte, name string) (*Scenario, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s: the scenario is empty", name)
	}
	var s Scenario
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
		return nil, fmt.Errorf("%s: %s", name, strings.ReplaceAll(msg, "\n  ", "; "))
	}
	s.root = &root
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &s, nil
}

// lineError is a check failure at a place in the file.
type lineError struct {
	line int
	msg  string
}

func (e lineError) Error() string {
	if e.line > 0 {
		return fmt.Sprintf("line %d: %s", e.line, e.msg)
	}
	return e.msg
}

// at finds the line of a path of mapping keys and sequence indexes.
func (s *Scenario) at(path ...any) int {
	n := s.root
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, p := range path {
		switch k := p.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return line
			}
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					line = n.Content[i].Line
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case int:
			if n.Kind != yaml.SequenceNode || k >= len(n.Content) {
				return line
			}
			n = n.Content[k]
			line = n.Line
		}
	}
	return line
}

func (s *Scenario) fail(msg string, path ...any) error {
	return lineError{line: s.at(path...), msg: msg}
}

var roles = map[string]bool{"project-admin": true, "mlops-engineer": true, "data-scientist": true}

var stepTypes = map[string]bool{"Processing": true, "Training": true, "Evaluation": true, "Condition": true}

// check validates references and values that YAML types cannot.
func (s *Scenario) check() error {
	if len(s.Account) != 12 || strings.Trim(s.Account, "0123456789") != "" {
		return s.fail("account must be 12 digits", "account")
	}
	if s.Region == "" {
		return s.fail("region is required", "region")
	}
	if s.Start != "" {
		if _, err := time.Parse(time.RFC3339, s.Start); err != nil {
			return s.fail("start must be an RFC 3339 time such as 2025-06-02T09:30:00+08:00", "start")
		}
	}
	if s.History.Days < 1 {
		return s.fail("history.days must be at least 1", "history", "days")
	}
	if s.History.TrainingJobs < 0 || s.History.InProgress < 0 {
		return s.fail("history sizes cannot be negative", "history")
	}
	for k, v := range s.History.Outcomes {
		if k != "Completed" && k != "Failed" && k != "Stopped" {
			return s.fail(fmt.Sprintf("history.outcomes: %q is not Completed, Failed or Stopped", k), "history", "outcomes")
		}
		if v < 0 {
			return s.fail("history.outcomes weights cannot be negative", "history", "outcomes")
		}
	}
	if r := s.History.NewJobFailureRate; r < 0 || r > 1 {
		return s.fail("history.new_job_failure_rate must be between 0 and 1", "history", "new_job_failure_rate")
	}
	agencies := map[string]*Agency{}
	users := map[string]string{}
	if len(s.Agencies) == 0 {
		return s.fail("at least one agency is required", "agencies")
	}
	for i := range s.Agencies {
		a := &s.Agencies[i]
		if a.ID == "" || a.Domain == "" {
			return s.fail("an agency needs an id and a domain", "agencies", i)
		}
		if agencies[a.ID] != nil {
			return s.fail(fmt.Sprintf("agency %q is defined twice", a.ID), "agencies", i, "id")
		}
		agencies[a.ID] = a
		for k, u := range a.Users {
			if u.Name == "" {
				return s.fail("a user needs a name", "agencies", i, "users", k)
			}
			if !roles[u.Role] {
				return s.fail(fmt.Sprintf("user %s: role %q is not project-admin, mlops-engineer or data-scientist", u.Name, u.Role), "agencies", i, "users", k, "role")
			}
			if users[u.Name] != "" {
				return s.fail(fmt.Sprintf("user %s is defined twice", u.Name), "agencies", i, "users", k)
			}
			users[u.Name] = a.ID
		}
		for k, app := range a.Apps {
			if users[app.User] != a.ID {
				return s.fail(fmt.Sprintf("app of %q: no such user in agency %s", app.User, a.ID), "agencies", i, "apps", k, "user")
			}
			switch app.Type {
			case "JupyterLab", "KernelGateway", "RSessionGateway", "RStudioServerPro", "CodeEditor", "JupyterServer":
			default:
				return s.fail(fmt.Sprintf("app type %q is not a Studio app type", app.Type), "agencies", i, "apps", k, "type")
			}
			if !strings.HasPrefix(app.Instance, "ml.") && app.Instance != "system" {
				return s.fail(fmt.Sprintf("app instance %q is not an ml.* instance type", app.Instance), "agencies", i, "apps", k, "instance")
			}
		}
	}
	templates, err := s.checkTemplates()
	if err != nil {
		return err
	}
	projects := map[string]*Project{}
	for i := range s.Projects {
		p := &s.Projects[i]
		if p.Name == "" {
			return s.fail("a project needs a name", "projects", i)
		}
		if projects[p.Name] != nil {
			return s.fail(fmt.Sprintf("project %s is defined twice", p.Name), "projects", i, "name")
		}
		projects[p.Name] = p
		if agencies[p.Agency] == nil {
			return s.fail(fmt.Sprintf("project %s: agency %q is not defined", p.Name, p.Agency), "projects", i, "agency")
		}
		if p.Template == "" {
			return s.fail(fmt.Sprintf("project %s needs a template", p.Name), "projects", i)
		}
		if len(templates) > 0 && !templates[p.Template] {
			return s.fail(fmt.Sprintf("project %s: template %q is not defined under templates", p.Name, p.Template), "projects", i, "template")
		}
		if p.Language != "r" && p.Language != "python" {
			return s.fail(fmt.Sprintf("project %s: language must be r or python", p.Name), "projects", i, "language")
		}
		switch p.Problem {
		case "regression":
			if p.Quality["rmse"] <= 0 {
				return s.fail(fmt.Sprintf("project %s: a regression project needs quality.rmse", p.Name), "projects", i, "quality")
			}
		case "binary":
			if p.Quality["auc"] <= 0.5 || p.Quality["auc"] >= 1 {
				return s.fail(fmt.Sprintf("project %s: a binary project needs quality.auc between 0.5 and 1", p.Name), "projects", i, "quality")
			}
		default:
			return s.fail(fmt.Sprintf("project %s: problem must be regression or binary", p.Name), "projects", i, "problem")
		}
		if s.PipelineShapes[p.Pipeline.Shape] == nil {
			return s.fail(fmt.Sprintf("project %s: pipeline shape %q is not defined under pipeline_shapes", p.Name, p.Pipeline.Shape), "projects", i, "pipeline", "shape")
		}
		if p.Pipeline.Executions < 1 {
			return s.fail(fmt.Sprintf("project %s: pipeline.executions must be at least 1", p.Name), "projects", i, "pipeline", "executions")
		}
		if len(p.Limits.Training) == 0 || len(p.Limits.Endpoint) == 0 || len(p.Limits.Notebook) == 0 {
			return s.fail(fmt.Sprintf("project %s: limits need training, endpoint and notebook instance types", p.Name), "projects", i, "limits")
		}
		if p.JobPrefix == "" {
			p.JobPrefix = p.Name
		}
	}
	for _, a := range s.Agencies {
		for _, u := range a.Users {
			for _, pn := range u.Projects {
				if projects[pn] == nil {
					i, k := s.userIndex(u.Name)
					return s.fail(fmt.Sprintf("user %s: project %q is not defined", u.Name, pn), "agencies", i, "users", k, "projects")
				}
			}
		}
	}
	for name, steps := range s.PipelineShapes {
		if err := s.checkShape(name, steps); err != nil {
			return err
		}
	}
	for i, e := range s.Endpoints {
		if e.Name == "" || projects[e.Project] == nil {
			return s.fail(fmt.Sprintf("endpoint %q: project %q is not defined", e.Name, e.Project), "endpoints", i)
		}
		if e.Count < 1 || !strings.HasPrefix(e.Instance, "ml.") {
			return s.fail(fmt.Sprintf("endpoint %s needs an ml.* instance and a count of at least 1", e.Name), "endpoints", i)
		}
		for _, w := range []*Window{e.Incident, e.Updating} {
			if w == nil {
				continue
			}
			from, err1 := offset(w.From)
			to, err2 := offset(w.To)
			if err1 != nil || err2 != nil || to <= from {
				return s.fail(fmt.Sprintf("endpoint %s: a window needs from < to, as offsets such as -35m and 55m", e.Name), "endpoints", i)
			}
		}
		if e.API != nil && e.API.Rate <= 0 {
			return s.fail(fmt.Sprintf("endpoint %s: api.rate must be positive", e.Name), "endpoints", i, "api")
		}
	}
	for i, r := range s.Backup.Restores {
		if users[r.User] != r.Agency {
			return s.fail(fmt.Sprintf("restore: user %q is not in agency %q", r.User, r.Agency), "backup", "restores", i)
		}
		if len(r.Paths) == 0 || len(r.Paths) > 10 {
			return s.fail("restore: list 1 to 10 paths", "backup", "restores", i, "paths")
		}
	}
	if s.Backup.RetentionDays < 1 {
		return s.fail("backup.retention_days must be at least 1", "backup", "retention_days")
	}
	if g := s.Governance.OverLimitJob; g.Project != "" && projects[g.Project] == nil {
		return s.fail(fmt.Sprintf("governance: project %q is not defined", g.Project), "governance", "over_limit_job", "project")
	}
	for i, f := range s.Failures {
		switch f.Phase {
		case "Starting", "Downloading", "Training", "Uploading":
		default:
			return s.fail(fmt.Sprintf("failure phase %q is not Starting, Downloading, Training or Uploading", f.Phase), "failures", i, "phase")
		}
		if f.Reason == "" {
			return s.fail("a failure needs a reason", "failures", i)
		}
	}
	return nil
}

// productID is how Service Catalog spells a product id.
var productID = regexp.MustCompile(`^prod-[a-z0-9]{13}$`)

// checkTemplates checks the templates and returns their names.
func (s *Scenario) checkTemplates() (map[string]bool, error) {
	names := map[string]bool{}
	ids := map[string]bool{}
	for i, t := range s.Templates {
		if t.Name == "" {
			return nil, s.fail("a template needs a name", "templates", i)
		}
		if names[t.Name] {
			return nil, s.fail(fmt.Sprintf("template %q is defined twice", t.Name), "templates", i, "name")
		}
		names[t.Name] = true
		if t.ID == "" {
			continue
		}
		if !productID.MatchString(t.ID) {
			return nil, s.fail(fmt.Sprintf("template %q: id %q is not prod- and 13 lowercase letters or digits", t.Name, t.ID), "templates", i, "id")
		}
		if ids[t.ID] {
			return nil, s.fail(fmt.Sprintf("template %q: id %s is another template's", t.Name, t.ID), "templates", i, "id")
		}
		ids[t.ID] = true
	}
	return names, nil
}

func (s *Scenario) userIndex(name string) (int, int) {
	for i, a := range s.Agencies {
		for k, u := range a.Users {
			if u.Name == name {
				return i, k
			}
		}
	}
	return 0, 0
}

func (s *Scenario) checkShape(name string, steps []ShapeStep) error {
	seen := map[string]string{}
	hasTrain, hasCond := false, false
	for i, st := range steps {
		if !stepTypes[st.Type] {
			return s.fail(fmt.Sprintf("pipeline shape %s: step type %q is not Processing, Training, Evaluation or Condition", name, st.Type), "pipeline_shapes", name, i, "type")
		}
		for _, a := range st.After {
			if seen[a] == "" {
				return s.fail(fmt.Sprintf("pipeline shape %s: step %s comes after %q, which is not an earlier step", name, st.Name, a), "pipeline_shapes", name, i, "after")
			}
		}
		seen[st.Name] = st.Type
		switch st.Type {
		case "Training":
			hasTrain = true
		case "Condition":
			hasCond = true
			if len(st.If) != 1 || len(st.Else) != 1 {
				return s.fail(fmt.Sprintf("pipeline shape %s: condition %s needs one if step (RegisterModel) and one else step (Fail)", name, st.Name), "pipeline_shapes", name, i)
			}
		}
	}
	if !hasTrain || !hasCond {
		return s.fail(fmt.Sprintf("pipeline shape %s needs a Training and a Condition step", name), "pipeline_shapes", name)
	}
	return nil
}

// offset reads "-35m", "55m", "2h".
func offset(s string) (time.Duration, error) {
	if s == "" {
		return 0, errors.New("empty offset")
	}
	if d, err := time.ParseDuration(s); err == nil {
		return d, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Minute, nil
	}
	return 0, fmt.Errorf("bad offset %q", s)
}
