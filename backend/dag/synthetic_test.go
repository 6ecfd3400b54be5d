package dag

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"

	"github.com/agdash/agdash/backend/domain"
)

func stepName(i int) string { return fmt.Sprintf("step-%03d", i) }

// syntheticDefinition is a pipeline shaped like large real ones: mostly
// local data flow (each step reads one to three of the ten steps before
// it), some long-range reads, and a condition every twelfth step whose
// branches are the next two steps.
func syntheticDefinition(n int, seed uint64) domain.PipelineDefinition {
	rng := rand.New(rand.NewPCG(seed, 0x5ca1ab1e))
	types := []string{"Processing", "Training", "Processing", "Transform", "Lambda", "QualityCheck"}
	var def domain.PipelineDefinition
	branch := map[int]bool{}
	for i := range n {
		s := domain.StepDefinition{Name: stepName(i), Type: types[rng.IntN(len(types))]}
		if i > 0 && !branch[i] {
			refs := map[string]bool{}
			for range 1 + rng.IntN(3) {
				refs[stepName(max(0, i-1-rng.IntN(10)))] = true
			}
			if rng.IntN(8) == 0 {
				refs[stepName(rng.IntN(i))] = true
			}
			s.References = slices.Sorted(maps.Keys(refs))
		}
		if i%12 == 11 && i+2 < n {
			s.Type = "Condition"
			s.IfSteps = []string{stepName(i + 1)}
			s.ElseSteps = []string{stepName(i + 2)}
			branch[i+1], branch[i+2] = true, true
		}
		def.Steps = append(def.Steps, s)
	}
	return def
}
