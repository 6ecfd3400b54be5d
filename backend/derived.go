package backend

// This file is the one place the backend calls the pure derived-logic
// packages (DAG, evaluation reports, governance, health, parameter
// validation, restore planning), so their signatures meet it here only.

import (
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/governance"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/backend/pipelineparams"
	"github.com/agdash/agdash/backend/restore"
)

// HealthConfig holds the endpoint health thresholds, per endpoint or
// default; its zero value means the defaults.
type HealthConfig = health.Config

func evaluateHealth(cfg HealthConfig, e domain.Endpoint) domain.Health {
	return health.Evaluate(e, cfg.For(e.Name))
}

func parseDefinition(definitionJSON string) (domain.PipelineDefinition, error) {
	return dag.ParseDefinition(definitionJSON)
}

// graphError is why a definition cannot be drawn, "" when it can.
func graphError(def domain.PipelineDefinition) string {
	if _, err := dag.Build(def); err != nil {
		return err.Error()
	}
	return ""
}

func parseReport(body []byte) domain.MetricsReport {
	return metrics.ParseReport(body)
}

// annotateProjects fills each project's members, usage and finding count
// and returns the governance findings.
func annotateProjects(projects []domain.Project, users []domain.User, jobs []domain.TrainingJobSummary,
	endpoints []domain.Endpoint, apps []domain.StudioApp, pipelines []domain.Pipeline, now time.Time) ([]domain.Project, []domain.Finding) {
	return governance.Annotate(governance.Input{
		Projects: projects, Users: users, Jobs: jobs, Endpoints: endpoints, Apps: apps, Pipelines: pipelines,
	}, now)
}

// validateParameters returns a message per parameter whose value does not
// fit its declaration; empty when all fit.
func validateParameters(declared []domain.PipelineParameter, values map[string]string) map[string]string {
	return pipelineparams.Validate(declared, values)
}

// restoreItems checks the paths of a restore, which arrive already mapped
// onto the file system (absolute), and returns them clean with
// StartRestoreJob's metadata. When home is known, every path must lie in
// it: a restore for one user must not pick up another's files.
func restoreItems(fsID, home string, paths []string) (map[string]string, []string, error) {
	mapped, err := restore.MapPaths("", paths, true)
	if err != nil {
		return nil, nil, err
	}
	if home = path.Clean(home); home != "." && home != "/" {
		for _, p := range mapped {
			if p != home && !strings.HasPrefix(p, home+"/") {
				return nil, nil, fmt.Errorf("%s is outside the home directory %s", p, home)
			}
		}
	}
	return restore.Plan(fsID, mapped), mapped, nil
}
