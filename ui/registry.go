package ui

import (
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/projects"
)

// paneSpec is the one place that ties a pane's id, names, commands and
// constructor together.
type paneSpec struct {
	id    kit.PaneID
	title string // on its tab
	short string // on its tab when the terminal is narrow
	// commands switch to the pane; the first is the canonical one.
	commands []string
	build    func() kit.Pane
}

// paneSpecs lists the six panes in tab order. Panes not built yet are
// honest placeholders.
func paneSpecs() []paneSpec {
	return []paneSpec{
		{id: kit.PaneProjects, title: "Projects", short: "Proj", commands: []string{"projects", "proj"},
			build: func() kit.Pane { return projects.New() }},
		{id: kit.PaneJobs, title: "Training jobs", short: "Jobs", commands: []string{"jobs", "training", "tj"},
			build: placeholderFor(kit.PaneJobs, "Training jobs",
				"Training jobs, running first: status and progress, instance type, elapsed and billable time, hyperparameters, final metrics and metric curves, the failure reason and live CloudWatch logs; stop a job.")},
		{id: kit.PanePipelines, title: "Pipelines", short: "Pipes", commands: []string{"pipelines", "pipes", "pl"},
			build: placeholderFor(kit.PanePipelines, "Pipelines",
				"Pipelines and their executions, each execution's step graph with per-step status, step details and failure reasons; start an execution with parameter overrides, stop, retry.")},
		{id: kit.PaneRegistry, title: "Registry", short: "Reg", commands: []string{"registry", "models", "reg"},
			build: placeholderFor(kit.PaneRegistry, "Registry",
				"Model package groups and versions: metrics side by side with deltas and the best value marked, approval status and lineage; approve or reject with a comment.")},
		{id: kit.PaneEndpoints, title: "Endpoints", short: "Endpts", commands: []string{"endpoints", "ep"},
			build: placeholderFor(kit.PaneEndpoints, "Endpoints",
				"The health of every endpoint: status, variants, instances, invocations, 4xx/5xx rates, latency, CPU and memory, alarms, with sparklines; send a smoke-test request.")},
		{id: kit.PaneBackups, title: "Backups", short: "Backups", commands: []string{"backups", "backup", "restore"},
			build: placeholderFor(kit.PaneBackups, "Backups",
				"AWS Backup recovery points of the Studio home file systems: pick a user, a point in time and paths, start an item-level restore and follow it.")},
	}
}
