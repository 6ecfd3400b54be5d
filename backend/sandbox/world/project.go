package world

import (
	"sort"
	"time"
)

// ServiceCatalogProvisioningDetails mirrors SageMaker's shape.
type ServiceCatalogProvisioningDetails struct {
	ProductId              string
	ProvisioningArtifactId string
	PathId                 string
}

// ServiceCatalogProvisionedProductDetails mirrors SageMaker's shape.
type ServiceCatalogProvisionedProductDetails struct {
	ProvisionedProductId            string
	ProvisionedProductStatusMessage string
}

// Project is DescribeProject's answer (plus Tags).
type Project struct {
	ProjectName                             string
	ProjectId                               string
	ProjectArn                              string
	ProjectDescription                      string
	ProjectStatus                           string // CreateCompleted
	CreationTime                            time.Time
	LastModifiedTime                        time.Time
	CreatedBy                               UserContext
	ServiceCatalogProvisioningDetails       ServiceCatalogProvisioningDetails
	ServiceCatalogProvisionedProductDetails ServiceCatalogProvisionedProductDetails
	Tags                                    []Tag
}

type projectStore struct {
	byName map[string]*Project
}

func (s *projectStore) init() { s.byName = map[string]*Project{} }

// AddProject places a SageMaker project.
func (b *Builder) AddProject(p Project) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	p.ProjectArn = w.smArn("project", p.ProjectName)
	if p.ProjectStatus == "" {
		p.ProjectStatus = "CreateCompleted"
	}
	w.projects.byName[p.ProjectName] = &p
}

// Projects is ListProjects, newest first (AWS's default order).
func (w *World) Projects() []Project {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]Project, 0, len(w.projects.byName))
	for _, p := range w.projects.byName {
		out = append(out, *p)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].CreationTime.After(out[b].CreationTime) })
	return out
}

// Project is DescribeProject.
func (w *World) Project(name string) (Project, error) {
	w.rlock()
	defer w.mu.RUnlock()
	p := w.projects.byName[name]
	if p == nil {
		return Project{}, notFound("Project", name)
	}
	return *p, nil
}
