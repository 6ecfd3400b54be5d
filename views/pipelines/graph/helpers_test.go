package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// now is the fixtures' clock: 1 June 2025, 10:00 in Singapore.
var now = time.Date(2025, 6, 1, 10, 0, 0, 0, time.FixedZone("SGT", 8*3600))

// sandboxLayout reads a definition the sandbox generates (testdata/sandbox,
// written by backend/sandbox/scenario) and lays it out.
func sandboxLayout(t testing.TB, pipeline string) (*dag.LayeredLayout, domain.PipelineDefinition) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "sandbox", pipeline+".json"))
	if err != nil {
		t.Fatal(err)
	}
	def, err := dag.ParseDefinition(string(raw))
	if err != nil {
		t.Fatalf("%s: %v", pipeline, err)
	}
	g, err := dag.Build(def)
	if err != nil {
		t.Fatalf("%s: %v", pipeline, err)
	}
	return dag.Layout(g), def
}

// spec builds a definition from lines such as "C:Condition<B ?D :E", read
// as: step C of type Condition depends on B, runs D if true and E if not.
// A bare name is a Processing step with no dependency.
func spec(lines ...string) domain.PipelineDefinition {
	var def domain.PipelineDefinition
	for _, l := range lines {
		f := strings.Fields(l)
		s := domain.StepDefinition{Type: "Processing"}
		head, deps, _ := strings.Cut(f[0], "<")
		s.Name, s.Type, _ = strings.Cut(head, ":")
		if s.Type == "" {
			s.Type = "Processing"
		}
		if deps != "" {
			s.DependsOn = strings.Split(deps, ",")
		}
		for _, x := range f[1:] {
			switch x[0] {
			case '?':
				s.IfSteps = append(s.IfSteps, x[1:])
			case ':':
				s.ElseSteps = append(s.ElseSteps, x[1:])
			}
		}
		def.Steps = append(def.Steps, s)
	}
	return def
}

func layoutOf(t testing.TB, def domain.PipelineDefinition) *dag.LayeredLayout {
	t.Helper()
	g, err := dag.Build(def)
	if err != nil {
		t.Fatal(err)
	}
	return dag.Layout(g)
}

// statuses gives each named step a status: "A=Succeeded" etc. Started
// steps began ten minutes apart from 09:00; finished ones took 4m30s.
func statuses(pairs ...string) map[string]domain.PipelineStep {
	out := map[string]domain.PipelineStep{}
	for i, p := range pairs {
		name, status, _ := strings.Cut(p, "=")
		s := domain.PipelineStep{Name: name, Status: status}
		if status != domain.StepNotStarted {
			s.StartedAt = now.Add(-time.Hour + time.Duration(i)*10*time.Minute)
			if !Running(status) {
				s.EndedAt = s.StartedAt.Add(4*time.Minute + 30*time.Second)
			}
		}
		out[name] = s
	}
	return out
}

func plain() *themes.Styles { return themes.BuildNoColorPlain() }

// checkFrame verifies the drawing is exactly w×h cells.
func checkFrame(t *testing.T, lines []string, w, h int) {
	t.Helper()
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if kit.Width(l) != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, kit.Width(l), w, l)
		}
	}
}

// frame is a drawing as a golden file shows it: a header saying what was
// drawn, then the lines with a right margin marker.
func frame(head string, lines []string) []byte {
	var b strings.Builder
	b.WriteString(head + "\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "%s|\n", strings.TrimRight(l, " ")+strings.Repeat(" ", kit.Width(l)-kit.Width(strings.TrimRight(l, " "))))
	}
	return []byte(b.String())
}
