package world

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// Model approval statuses.
const (
	Approved              = "Approved"
	Rejected              = "Rejected"
	PendingManualApproval = "PendingManualApproval"
)

// ModelPackageGroup is DescribeModelPackageGroup's answer (plus Tags).
type ModelPackageGroup struct {
	ModelPackageGroupName        string
	ModelPackageGroupArn         string
	ModelPackageGroupDescription string
	ModelPackageGroupStatus      string // Completed
	CreationTime                 time.Time
	CreatedBy                    UserContext
	Tags                         []Tag
}

// ModelPackageContainer mirrors SageMaker's shape.
type ModelPackageContainer struct {
	Image        string
	ModelDataUrl string
	Framework    string
	Environment  map[string]string
}

// InferenceSpecification mirrors SageMaker's shape.
type InferenceSpecification struct {
	Containers                              []ModelPackageContainer
	SupportedContentTypes                   []string
	SupportedResponseMIMETypes              []string
	SupportedRealtimeInferenceInstanceTypes []string
	SupportedTransformInstanceTypes         []string
}

// MetricsSource points at a metrics file in S3.
type MetricsSource struct {
	ContentType string
	S3Uri       string
}

// ModelQuality mirrors SageMaker's shape.
type ModelQuality struct {
	Statistics  *MetricsSource
	Constraints *MetricsSource
}

// ModelMetrics mirrors SageMaker's shape.
type ModelMetrics struct {
	ModelQuality *ModelQuality
}

// MetadataProperties mirrors SageMaker's shape; GeneratedBy is the pipeline
// execution ARN that registered the version.
type MetadataProperties struct {
	ProjectId   string
	GeneratedBy string
	CommitId    string
	Repository  string
}

// ModelPackage is DescribeModelPackage's answer (plus Tags).
type ModelPackage struct {
	ModelPackageName           string // the group name, for versioned packages
	ModelPackageGroupName      string
	ModelPackageVersion        int32
	ModelPackageArn            string
	ModelPackageDescription    string
	ModelPackageStatus         string // Completed
	ModelApprovalStatus        string
	ApprovalDescription        string
	CreationTime               time.Time
	LastModifiedTime           time.Time
	CreatedBy                  UserContext
	LastModifiedBy             UserContext
	MetadataProperties         MetadataProperties
	InferenceSpecification     InferenceSpecification
	ModelMetrics               ModelMetrics
	CustomerMetadataProperties map[string]string
	Tags                       []Tag
}

// ModelPackageSummary is one ListModelPackages entry.
type ModelPackageSummary struct {
	ModelPackageGroupName   string
	ModelPackageVersion     int32
	ModelPackageArn         string
	ModelPackageDescription string
	CreationTime            time.Time
	ModelPackageStatus      string
	ModelApprovalStatus     string
}

type packageGroup struct {
	ModelPackageGroup
	versions []*ModelPackage // ascending version
}

type registryStore struct {
	groups map[string]*packageGroup // lower-case name
	byArn  map[string]*ModelPackage
}

func (s *registryStore) init() {
	s.groups = map[string]*packageGroup{}
	s.byArn = map[string]*ModelPackage{}
}

// AddModelPackageGroup creates a group during Build.
func (b *Builder) AddModelPackageGroup(g ModelPackageGroup) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	g.ModelPackageGroupArn = w.ModelPackageGroupArn(g.ModelPackageGroupName)
	if g.ModelPackageGroupStatus == "" {
		g.ModelPackageGroupStatus = "Completed"
	}
	if g.CreationTime.IsZero() {
		g.CreationTime = w.now
	}
	w.registry.groups[strings.ToLower(g.ModelPackageGroupName)] = &packageGroup{ModelPackageGroup: g}
}

// ModelPackageGroups is ListModelPackageGroups, by name.
func (w *World) ModelPackageGroups() []ModelPackageGroup {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]ModelPackageGroup, 0, len(w.registry.groups))
	for _, g := range w.registry.groups {
		out = append(out, g.ModelPackageGroup)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ModelPackageGroupName < out[b].ModelPackageGroupName })
	return out
}

// ModelPackageGroup is DescribeModelPackageGroup (by name or ARN).
func (w *World) ModelPackageGroup(name string) (ModelPackageGroup, error) {
	w.rlock()
	defer w.mu.RUnlock()
	g := w.groupByName(name)
	if g == nil {
		return ModelPackageGroup{}, notFound("ModelPackageGroup", name)
	}
	return g.ModelPackageGroup, nil
}

func (w *World) groupByName(name string) *packageGroup {
	if a, ok := ParseArn(name); ok {
		name = strings.TrimPrefix(a.Resource, "model-package-group/")
	}
	return w.registry.groups[strings.ToLower(name)]
}

// ModelPackageQuery filters ListModelPackages, sorted by version (creation);
// SortOrder defaults to Descending (newest first) — handlers pass the
// request's order explicitly.
type ModelPackageQuery struct {
	Group               string
	ModelApprovalStatus string
	SortOrder           SortOrder
}

// ModelPackages is ListModelPackages for one group.
func (w *World) ModelPackages(q ModelPackageQuery) ([]ModelPackageSummary, error) {
	w.rlock()
	defer w.mu.RUnlock()
	g := w.groupByName(q.Group)
	if g == nil {
		return nil, notFound("ModelPackageGroup", q.Group)
	}
	out := make([]ModelPackageSummary, 0, len(g.versions))
	for _, p := range g.versions {
		if q.ModelApprovalStatus != "" && p.ModelApprovalStatus != q.ModelApprovalStatus {
			continue
		}
		out = append(out, ModelPackageSummary{
			ModelPackageGroupName: p.ModelPackageGroupName, ModelPackageVersion: p.ModelPackageVersion,
			ModelPackageArn: p.ModelPackageArn, ModelPackageDescription: p.ModelPackageDescription,
			CreationTime: p.CreationTime, ModelPackageStatus: p.ModelPackageStatus, ModelApprovalStatus: p.ModelApprovalStatus,
		})
	}
	if q.SortOrder != Ascending {
		for i, k := 0, len(out)-1; i < k; i, k = i+1, k-1 {
			out[i], out[k] = out[k], out[i]
		}
	}
	return out, nil
}

// ModelPackage is DescribeModelPackage, by ARN or "<group>/<version>".
func (w *World) ModelPackage(name string) (ModelPackage, error) {
	w.rlock()
	defer w.mu.RUnlock()
	p := w.packageByName(name)
	if p == nil {
		return ModelPackage{}, notFound("ModelPackage", name)
	}
	return *p, nil
}

func (w *World) packageByName(name string) *ModelPackage {
	if p := w.registry.byArn[strings.ToLower(name)]; p != nil {
		return p
	}
	group, ver, ok := strings.Cut(name, "/")
	if !ok {
		return nil
	}
	v, err := strconv.Atoi(ver)
	if err != nil {
		return nil
	}
	return w.registry.byArn[strings.ToLower(w.ModelPackageArn(group, int32(v)))]
}

// registerFromStep creates a model package version from a RegisterModel
// step's resolved arguments; callers hold the write lock.
func (w *World) registerFromStep(ex *execution, args any) (*ModelPackage, error) {
	var in struct {
		ModelPackageGroupName      string
		ModelPackageDescription    string
		ModelApprovalStatus        string
		InferenceSpecification     InferenceSpecification
		ModelMetrics               ModelMetrics
		CustomerMetadataProperties map[string]string
	}
	if err := decodeArgs(args, &in); err != nil {
		return nil, invalid("invalid RegisterModel arguments: %v", err)
	}
	projectID, _ := TagValue(ex.pipeline.Tags, "sagemaker:project-id")
	return w.createModelPackage(ModelPackage{
		ModelPackageGroupName:      in.ModelPackageGroupName,
		ModelPackageDescription:    in.ModelPackageDescription,
		ModelApprovalStatus:        in.ModelApprovalStatus,
		InferenceSpecification:     in.InferenceSpecification,
		ModelMetrics:               in.ModelMetrics,
		CustomerMetadataProperties: in.CustomerMetadataProperties,
		MetadataProperties:         MetadataProperties{ProjectId: projectID, GeneratedBy: ex.arn},
		CreatedBy:                  ex.createdBy,
		Tags:                       ex.pipeline.Tags,
	})
}

func (w *World) createModelPackage(p ModelPackage) (*ModelPackage, error) {
	g := w.groupByName(p.ModelPackageGroupName)
	if g == nil {
		return nil, invalid("Model Package Group %s does not exist.", p.ModelPackageGroupName)
	}
	switch p.ModelApprovalStatus {
	case "":
		p.ModelApprovalStatus = PendingManualApproval
	case Approved, Rejected, PendingManualApproval:
	default:
		return nil, invalid("Value '%s' at 'modelApprovalStatus' failed to satisfy constraint: Member must satisfy enum value set: [Approved, Rejected, PendingManualApproval]", p.ModelApprovalStatus)
	}
	p.ModelPackageGroupName = g.ModelPackageGroupName
	p.ModelPackageName = g.ModelPackageGroupName
	p.ModelPackageVersion = int32(len(g.versions) + 1)
	p.ModelPackageArn = w.ModelPackageArn(g.ModelPackageGroupName, p.ModelPackageVersion)
	p.ModelPackageStatus = "Completed"
	p.CreationTime = w.now
	p.LastModifiedTime = w.now
	p.LastModifiedBy = p.CreatedBy
	cp := p
	g.versions = append(g.versions, &cp)
	w.registry.byArn[strings.ToLower(cp.ModelPackageArn)] = &cp
	return &cp, nil
}

// UpdateModelPackageInput is UpdateModelPackage's request.
type UpdateModelPackageInput struct {
	ModelPackageArn            string
	ModelApprovalStatus        string
	ApprovalDescription        string
	CustomerMetadataProperties map[string]string
	Caller                     Caller
}

// UpdateModelPackage changes a version's approval. Approving a version of a
// group whose project has endpoints starts their deployment (staging, then
// production), as the MLOps template's deploy pipeline would.
func (w *World) UpdateModelPackage(in UpdateModelPackageInput) (string, error) {
	w.wlock()
	defer w.mu.Unlock()
	p := w.packageByName(in.ModelPackageArn)
	if p == nil {
		return "", notFound("ModelPackage", in.ModelPackageArn)
	}
	switch in.ModelApprovalStatus {
	case "", Approved, Rejected, PendingManualApproval:
	default:
		return "", invalid("Value '%s' at 'modelApprovalStatus' failed to satisfy constraint: Member must satisfy enum value set: [Approved, Rejected, PendingManualApproval]", in.ModelApprovalStatus)
	}
	if len(in.ApprovalDescription) > 1024 {
		return "", invalid("ApprovalDescription must be at most 1024 characters")
	}
	cp := *p
	was := cp.ModelApprovalStatus
	if in.ModelApprovalStatus != "" {
		cp.ModelApprovalStatus = in.ModelApprovalStatus
	}
	if in.ApprovalDescription != "" || in.ModelApprovalStatus != "" {
		cp.ApprovalDescription = in.ApprovalDescription
	}
	if in.CustomerMetadataProperties != nil {
		m := make(map[string]string, len(cp.CustomerMetadataProperties)+len(in.CustomerMetadataProperties))
		for k, v := range cp.CustomerMetadataProperties {
			m[k] = v
		}
		for k, v := range in.CustomerMetadataProperties {
			m[k] = v
		}
		cp.CustomerMetadataProperties = m
	}
	cp.LastModifiedTime = w.now
	cp.LastModifiedBy = w.userContext(in.Caller)
	*p = cp
	if was != Approved && cp.ModelApprovalStatus == Approved && !w.building {
		w.deployApproved(p)
	}
	return p.ModelPackageArn, nil
}
