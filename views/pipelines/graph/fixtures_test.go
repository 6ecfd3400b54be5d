package graph

import (
	"fmt"

	"github.com/agdash/agdash/backend/domain"
)

// fiftySteps is a 50-step pipeline with every shape at once: six extracts
// merging pairwise into three cleaning steps, a feature build, eight
// candidate models trained and evaluated in parallel, eight reports, a
// comparison, a condition, and a deployment chain.
func fiftySteps() domain.PipelineDefinition {
	var lines []string
	for i := 1; i <= 6; i++ {
		lines = append(lines, fmt.Sprintf("Extract%d", i))
	}
	for i := 1; i <= 3; i++ {
		lines = append(lines, fmt.Sprintf("Clean%d<Extract%d,Extract%d", i, 2*i-1, 2*i))
	}
	lines = append(lines, "BuildFeatures<Clean1,Clean2,Clean3")
	evals := ""
	for i := 1; i <= 8; i++ {
		lines = append(lines, fmt.Sprintf("Train%d:Training<BuildFeatures", i), fmt.Sprintf("Evaluate%d<Train%d", i, i),
			fmt.Sprintf("Report%d<Evaluate%d", i, i))
		if evals != "" {
			evals += ","
		}
		evals += fmt.Sprintf("Evaluate%d", i)
	}
	lines = append(lines, "CompareModels<"+evals, "SummaryReport<CompareModels",
		"CheckBest:Condition<CompareModels ?RegisterBest :FailQuality", "RegisterBest:RegisterModel", "FailQuality:Fail")
	chain := []string{"CreateModel", "CreateEndpointConfig", "DeployStaging", "SmokeTest", "DeployProd", "Monitor",
		"RecordLineage", "UpdateDashboard", "Notify", "Archive", "Done"}
	prev := "RegisterBest"
	for _, c := range chain {
		lines = append(lines, c+"<"+prev)
		prev = c
	}
	return spec(lines...)
}
