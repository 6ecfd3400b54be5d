package world

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// ContainerDefinition mirrors SageMaker's shape.
type ContainerDefinition struct {
	Image            string
	ModelDataUrl     string
	ModelPackageName string
	Environment      map[string]string
}

// Model is DescribeModel's answer (plus Tags).
type Model struct {
	ModelName        string
	ModelArn         string
	PrimaryContainer ContainerDefinition
	ExecutionRoleArn string
	CreationTime     time.Time
	Tags             []Tag
}

// ProductionVariant is an endpoint config's variant.
type ProductionVariant struct {
	VariantName          string
	ModelName            string
	InstanceType         string
	InitialInstanceCount int32
	InitialVariantWeight float32
}

// EndpointConfig is DescribeEndpointConfig's answer (plus Tags).
type EndpointConfig struct {
	EndpointConfigName string
	EndpointConfigArn  string
	ProductionVariants []ProductionVariant
	CreationTime       time.Time
	KmsKeyId           string
	Tags               []Tag
}

// DeployedImage mirrors SageMaker's shape.
type DeployedImage struct {
	SpecifiedImage string
	ResolvedImage  string
	ResolutionTime time.Time
}

// ProductionVariantSummary is an endpoint's live variant.
type ProductionVariantSummary struct {
	VariantName          string
	DeployedImages       []DeployedImage
	CurrentWeight        float32
	DesiredWeight        float32
	CurrentInstanceCount int32
	DesiredInstanceCount int32
}

// PendingDeploymentSummary says what an Updating endpoint is moving to.
type PendingDeploymentSummary struct {
	EndpointConfigName string
	StartTime          time.Time
}

// Endpoint status values.
const (
	EndpointInService = "InService"
	EndpointUpdating  = "Updating"
	EndpointFailed    = "Failed"
	EndpointCreating  = "Creating"
)

// Endpoint is DescribeEndpoint's answer (plus Tags).
type Endpoint struct {
	EndpointName             string
	EndpointArn              string
	EndpointConfigName       string
	EndpointStatus           string
	FailureReason            string
	ProductionVariants       []ProductionVariantSummary
	CreationTime             time.Time
	LastModifiedTime         time.Time
	PendingDeploymentSummary *PendingDeploymentSummary
	Tags                     []Tag
}

// EndpointSummary is one ListEndpoints entry.
type EndpointSummary struct {
	EndpointName     string
	EndpointArn      string
	EndpointStatus   string
	CreationTime     time.Time
	LastModifiedTime time.Time
}

// Incident is a window of server errors and slow answers.
type Incident struct {
	Start, End    time.Time
	ErrorRate     float64 // share of requests answered 5xx
	LatencyFactor float64 // multiplies model latency
}

// Traffic describes an endpoint's load.
type Traffic struct {
	PeakRPM   float64 // requests per minute at a weekday's busiest hour
	LatencyMs float64 // median model latency
	Incident  *Incident
}

type endpoint struct {
	Endpoint
	traffic      Traffic
	predictor    string
	group        string
	stage        string
	version      int32
	instances    map[string][]string // variant → instance ids
	serving      time.Time           // when traffic began (zero: never)
	invocations  uint64
	recorded     map[int64]*recordedMinute // minute (unix s) → InvokeEndpoint calls
	api          *restApi
	pendingGen   uint16
	instanceType map[string]string // variant → instance type
}

type recordedMinute struct {
	n, err4, err5 float64
}

type servingStore struct {
	models       map[string]*Model
	configs      map[string]*EndpointConfig
	endpoints    map[string]*endpoint
	endpointList []*endpoint // by name
}

func (s *servingStore) init() {
	s.models = map[string]*Model{}
	s.configs = map[string]*EndpointConfig{}
	s.endpoints = map[string]*endpoint{}
}

// EndpointSeed places an endpoint during Build.
type EndpointSeed struct {
	Name          string
	CreationTime  time.Time
	Models        []Model
	Config        EndpointConfig
	Status        string // InService, Failed or Updating
	FailureReason string
	Traffic       Traffic
	Predictor     string // hdb-resale, binary, regression
	Group         string // model package group whose approvals deploy here
	Stage         string // prod or staging
	ModelVersion  int32
	Tags          []Tag
}

// AddEndpoint places an endpoint, its config and models.
func (b *Builder) AddEndpoint(s EndpointSeed) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.serving.endpoints[s.Name] != nil {
		return invalid("endpoint %s already exists", s.Name)
	}
	for _, m := range s.Models {
		w.addModel(m)
	}
	cfg := w.addConfig(s.Config)
	e := &endpoint{
		Endpoint: Endpoint{
			EndpointName: s.Name, EndpointArn: w.smArn("endpoint", s.Name), EndpointConfigName: cfg.EndpointConfigName,
			EndpointStatus: s.Status, FailureReason: s.FailureReason, CreationTime: s.CreationTime,
			LastModifiedTime: maxTime(s.CreationTime, cfg.CreationTime.Add(9*time.Minute)), Tags: s.Tags,
		},
		traffic: s.Traffic, predictor: s.Predictor, group: s.Group, stage: s.Stage, version: s.ModelVersion,
		recorded: map[int64]*recordedMinute{},
	}
	if e.EndpointStatus == "" {
		e.EndpointStatus = EndpointInService
	}
	w.applyConfig(e, cfg, cfg.CreationTime)
	if e.EndpointStatus == EndpointFailed {
		e.serving = time.Time{}
		e.LastModifiedTime = cfg.CreationTime.Add(14 * time.Minute)
	} else {
		e.serving = e.CreationTime.Add(8 * time.Minute)
	}
	w.serving.endpoints[s.Name] = e
	w.serving.endpointList = append(w.serving.endpointList, e)
	sort.Slice(w.serving.endpointList, func(a, b int) bool {
		return w.serving.endpointList[a].EndpointName < w.serving.endpointList[b].EndpointName
	})
	return nil
}

// UpdateEndpoint starts rolling an endpoint to a new config at the builder's
// instant; it is InService on it at ends.
func (b *Builder) UpdateEndpoint(name string, cfg EndpointConfig, ends time.Time) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	e := w.serving.endpoints[name]
	if e == nil {
		return notFound("Endpoint", name)
	}
	w.beginUpdate(e, w.addConfig(cfg), ends, e.version)
	return nil
}

func (w *World) addModel(m Model) *Model {
	m.ModelArn = w.smArn("model", m.ModelName)
	if m.CreationTime.IsZero() {
		m.CreationTime = w.now
	}
	cp := m
	w.serving.models[m.ModelName] = &cp
	return &cp
}

func (w *World) addConfig(c EndpointConfig) *EndpointConfig {
	c.EndpointConfigArn = w.smArn("endpoint-config", c.EndpointConfigName)
	if c.CreationTime.IsZero() {
		c.CreationTime = w.now
	}
	cp := c
	w.serving.configs[c.EndpointConfigName] = &cp
	return &cp
}

// applyConfig makes cfg the endpoint's live configuration.
func (w *World) applyConfig(e *endpoint, cfg *EndpointConfig, at time.Time) {
	e.EndpointConfigName = cfg.EndpointConfigName
	e.instances = map[string][]string{}
	e.instanceType = map[string]string{}
	var vs []ProductionVariantSummary
	for _, v := range cfg.ProductionVariants {
		img := ""
		if m := w.serving.models[v.ModelName]; m != nil {
			img = m.PrimaryContainer.Image
		}
		r := newRand(w.seed, "instances/"+e.EndpointName+"/"+cfg.EndpointConfigName+"/"+v.VariantName)
		ids := make([]string, v.InitialInstanceCount)
		for i := range ids {
			ids[i] = "i-0" + r.String(hexDigits, 16)
		}
		e.instances[v.VariantName] = ids
		e.instanceType[v.VariantName] = v.InstanceType
		vs = append(vs, ProductionVariantSummary{
			VariantName: v.VariantName,
			DeployedImages: []DeployedImage{{SpecifiedImage: img, ResolvedImage: resolvedImage(img, r.String(hexDigits, 64)),
				ResolutionTime: at}},
			CurrentWeight: v.InitialVariantWeight, DesiredWeight: v.InitialVariantWeight,
			CurrentInstanceCount: v.InitialInstanceCount, DesiredInstanceCount: v.InitialInstanceCount,
		})
	}
	e.ProductionVariants = vs
}

func resolvedImage(img, digest string) string {
	if i := strings.LastIndexByte(img, ':'); i > strings.LastIndexByte(img, '/') && i >= 0 {
		img = img[:i]
	}
	return img + "@sha256:" + digest
}

// beginUpdate starts rolling an endpoint to cfg; it is InService on it at end.
func (w *World) beginUpdate(e *endpoint, cfg *EndpointConfig, end time.Time, version int32) {
	e.EndpointStatus = EndpointUpdating
	e.LastModifiedTime = w.now
	e.PendingDeploymentSummary = &PendingDeploymentSummary{EndpointConfigName: cfg.EndpointConfigName, StartTime: w.now}
	e.pendingGen++
	gen := e.pendingGen
	w.schedule(end, func(at time.Time) {
		if e.pendingGen != gen {
			return
		}
		w.applyConfig(e, cfg, at)
		e.EndpointStatus = EndpointInService
		e.FailureReason = ""
		e.PendingDeploymentSummary = nil
		e.LastModifiedTime = at
		e.version = version
		if e.serving.IsZero() {
			e.serving = at
		}
	})
}

// deployApproved rolls an approved version out to its group's endpoints:
// staging first, production a quarter of an hour later.
func (w *World) deployApproved(p *ModelPackage) {
	if len(p.InferenceSpecification.Containers) == 0 {
		return
	}
	c := p.InferenceSpecification.Containers[0]
	modelName := p.ModelPackageGroupName + "-v" + strconv.Itoa(int(p.ModelPackageVersion))
	for _, e := range w.serving.endpointList {
		if e.group != p.ModelPackageGroupName {
			continue
		}
		delay := 2 * time.Minute
		if e.stage == "prod" {
			delay = 15 * time.Minute
		}
		e := e
		version := p.ModelPackageVersion
		w.schedule(w.now.Add(delay), func(at time.Time) {
			if w.serving.models[modelName] == nil {
				w.addModel(Model{ModelName: modelName, PrimaryContainer: ContainerDefinition{Image: c.Image, ModelDataUrl: c.ModelDataUrl, ModelPackageName: p.ModelPackageArn},
					ExecutionRoleArn: w.roleArn("AmazonSageMaker-ExecutionRole-" + p.ModelPackageGroupName), Tags: p.Tags})
			}
			old := w.serving.configs[e.EndpointConfigName]
			cfg := EndpointConfig{EndpointConfigName: e.EndpointName + "-config-v" + strconv.Itoa(int(version)) + "-" + strconv.FormatInt(at.Unix(), 10), Tags: e.Tags}
			if old != nil {
				for _, v := range old.ProductionVariants {
					v.ModelName = modelName
					cfg.ProductionVariants = append(cfg.ProductionVariants, v)
				}
				cfg.KmsKeyId = old.KmsKeyId
			}
			r := newRand(w.seed, "deploy/"+cfg.EndpointConfigName)
			w.beginUpdate(e, w.addConfig(cfg), at.Add(time.Duration(r.Range(7, 11)*float64(time.Minute))), version)
		})
	}
}

// Endpoints is ListEndpoints, by name.
func (w *World) Endpoints() []EndpointSummary {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]EndpointSummary, 0, len(w.serving.endpointList))
	for _, e := range w.serving.endpointList {
		out = append(out, EndpointSummary{EndpointName: e.EndpointName, EndpointArn: e.EndpointArn, EndpointStatus: e.EndpointStatus,
			CreationTime: e.CreationTime, LastModifiedTime: e.LastModifiedTime})
	}
	return out
}

// Endpoint is DescribeEndpoint.
func (w *World) Endpoint(name string) (Endpoint, error) {
	w.rlock()
	defer w.mu.RUnlock()
	e := w.serving.endpoints[name]
	if e == nil {
		return Endpoint{}, notFound("Endpoint", name)
	}
	return e.Endpoint, nil
}

// EndpointConfig is DescribeEndpointConfig.
func (w *World) EndpointConfig(name string) (EndpointConfig, error) {
	w.rlock()
	defer w.mu.RUnlock()
	c := w.serving.configs[name]
	if c == nil {
		return EndpointConfig{}, notFound("EndpointConfig", name)
	}
	return *c, nil
}

// EndpointConfigs is ListEndpointConfigs, by name.
func (w *World) EndpointConfigs() []EndpointConfig {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]EndpointConfig, 0, len(w.serving.configs))
	for _, c := range w.serving.configs {
		out = append(out, *c)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].EndpointConfigName < out[b].EndpointConfigName })
	return out
}

// Model is DescribeModel.
func (w *World) Model(name string) (Model, error) {
	w.rlock()
	defer w.mu.RUnlock()
	m := w.serving.models[name]
	if m == nil {
		return Model{}, notFound("Model", name)
	}
	return *m, nil
}

// Models is ListModels, by name.
func (w *World) Models() []Model {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]Model, 0, len(w.serving.models))
	for _, m := range w.serving.models {
		out = append(out, *m)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ModelName < out[b].ModelName })
	return out
}
