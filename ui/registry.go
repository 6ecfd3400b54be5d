package ui

import (
	"fmt"
	"slices"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/backups"
	"github.com/agdash/agdash/views/endpoints"
	"github.com/agdash/agdash/views/jobs"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/pipelines"
	"github.com/agdash/agdash/views/projects"
	"github.com/agdash/agdash/views/registry"
)

// paneSpec is the one place that ties a pane's id, names, commands and
// constructor together.
type paneSpec struct {
	id    kit.PaneID
	title string // on its tab
	short string // on its tab when the terminal is narrow
	// commands switch to the pane; the first is the canonical one.
	commands []string
	// build makes the pane with the settings it takes from the options
	// (the config file's smoke-test samples, health thresholds, restore
	// role).
	build func(Options) kit.Pane
	// alerts are feeds the pane watches for what the user must hear of
	// while it is hidden (an endpoint turning CRIT). With bells on
	// (Options.Bell) they stay subscribed and their updates reach the
	// pane wherever the user is.
	alerts []backend.FeedKey
}

// paneSpecs lists the six panes in tab order.
func paneSpecs() []paneSpec {
	return []paneSpec{
		{id: kit.PaneProjects, title: "Projects", short: "Proj", commands: []string{"projects", "proj"},
			build: func(Options) kit.Pane { return projects.New() }},
		{id: kit.PaneJobs, title: "Training jobs", short: "Jobs", commands: []string{"jobs", "training", "tj"},
			build: func(Options) kit.Pane { return jobs.New() }},
		{id: kit.PanePipelines, title: "Pipelines", short: "Pipes", commands: []string{"pipelines", "pipes", "pl"},
			build: func(Options) kit.Pane { return pipelines.New() }},
		{id: kit.PaneRegistry, title: "Registry", short: "Reg", commands: []string{"registry", "models", "reg"},
			build: func(Options) kit.Pane { return registry.New() }},
		{id: kit.PaneEndpoints, title: "Endpoints", short: "Endpts", commands: []string{"endpoints", "ep"},
			build: func(o Options) kit.Pane {
				return endpoints.New(endpoints.WithSamples(o.Samples), endpoints.WithHealth(o.Health))
			},
			alerts: []backend.FeedKey{{Kind: backend.FeedEndpoints}}},
		{id: kit.PaneBackups, title: "Backups", short: "Backups", commands: []string{"backups", "backup", "restore"},
			build: func(o Options) kit.Pane { return backups.New(backups.WithRestoreRole(o.RestoreRoleARN)) }},
	}
}

// CheckPane reports whether name opens a pane (its id or any of its
// commands, as --pane and ":" take them), so a bad flag is refused before
// anything starts.
func CheckPane(name string) error {
	for _, s := range paneSpecs() {
		if string(s.id) == name || slices.Contains(s.commands, name) {
			return nil
		}
	}
	return fmt.Errorf("no pane called %q: try projects, jobs, pipelines, registry, endpoints or backups", name)
}

// buildSlots makes every pane afresh, in tab order; Options.Panes replaces
// a constructor (tests, a pane under development).
func buildSlots(opts Options) []*slot {
	var slots []*slot
	for _, s := range paneSpecs() {
		pane := func() kit.Pane { return s.build(opts) }
		if b, ok := opts.Panes[s.id]; ok {
			pane = b
		}
		slots = append(slots, &slot{spec: s, pane: pane()})
	}
	return slots
}
