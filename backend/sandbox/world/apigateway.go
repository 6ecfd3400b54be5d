package world

import (
	"sort"
	"time"
)

// RestApi mirrors API Gateway's shape.
type RestApi struct {
	Id                    string
	Name                  string
	Description           string
	CreatedDate           time.Time
	ApiKeySource          string
	EndpointConfiguration []string // endpoint types, e.g. REGIONAL
	RootResourceId        string
	Tags                  map[string]string
}

// MethodSetting mirrors API Gateway's shape.
type MethodSetting struct {
	MetricsEnabled       bool
	LoggingLevel         string
	DataTraceEnabled     bool
	ThrottlingBurstLimit int32
	ThrottlingRateLimit  float64
	CachingEnabled       bool
}

// Stage mirrors API Gateway's shape. MethodSettings is keyed
// "<resource path>/<method>", e.g. "*/*".
type Stage struct {
	StageName       string
	DeploymentId    string
	Description     string
	CreatedDate     time.Time
	LastUpdatedDate time.Time
	MethodSettings  map[string]MethodSetting
	Variables       map[string]string
	TracingEnabled  bool
	WebAclArn       string
	Tags            map[string]string
}

// Integration mirrors API Gateway's shape.
type Integration struct {
	Type                string // AWS
	HttpMethod          string
	Uri                 string
	Credentials         string
	PassthroughBehavior string
	TimeoutInMillis     int32
	RequestTemplates    map[string]string
}

// Method mirrors API Gateway's shape.
type Method struct {
	HttpMethod        string
	AuthorizationType string
	ApiKeyRequired    bool
	MethodIntegration *Integration
}

// Resource mirrors API Gateway's shape.
type Resource struct {
	Id              string
	ParentId        string
	Path            string
	PathPart        string
	ResourceMethods map[string]Method
}

// Deployment mirrors API Gateway's shape.
type Deployment struct {
	Id          string
	Description string
	CreatedDate time.Time
}

type restApi struct {
	RestApi
	stages      []Stage
	resources   []Resource
	deployments []Deployment
	endpoint    *endpoint
	acl         *webACL
}

// rateLimit is the stage-wide steady-state limit in requests per second.
func (a *restApi) rateLimit() float64 {
	for _, s := range a.stages {
		if m, ok := s.MethodSettings["*/*"]; ok {
			return m.ThrottlingRateLimit
		}
	}
	return 10000
}

type apiStore struct {
	byId map[string]*restApi
}

func (s *apiStore) init() { s.byId = map[string]*restApi{} }

// RestApiSeed places an API in front of an endpoint.
type RestApiSeed struct {
	Api         RestApi
	Stages      []Stage
	Resources   []Resource
	Deployments []Deployment
	Endpoint    string // the SageMaker endpoint the integration calls
}

// AddRestApi places an API during Build.
func (b *Builder) AddRestApi(s RestApiSeed) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	a := &restApi{RestApi: s.Api, stages: s.Stages, resources: s.Resources, deployments: s.Deployments}
	if e := w.serving.endpoints[s.Endpoint]; e != nil {
		a.endpoint = e
		e.api = a
	} else if s.Endpoint != "" {
		return invalid("API %s fronts unknown endpoint %s", s.Api.Name, s.Endpoint)
	}
	w.apigw.byId[a.Id] = a
	return nil
}

// RestApis is GetRestApis, by name.
func (w *World) RestApis() []RestApi {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]RestApi, 0, len(w.apigw.byId))
	for _, a := range w.apigw.byId {
		out = append(out, a.RestApi)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// RestApi is GetRestApi.
func (w *World) RestApi(id string) (RestApi, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.apigw.byId[id]
	if a == nil {
		return RestApi{}, notFound("RestApi", id)
	}
	return a.RestApi, nil
}

// Stages is GetStages.
func (w *World) Stages(apiID string) ([]Stage, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.apigw.byId[apiID]
	if a == nil {
		return nil, notFound("RestApi", apiID)
	}
	return append([]Stage(nil), a.stages...), nil
}

// Stage is GetStage.
func (w *World) Stage(apiID, name string) (Stage, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.apigw.byId[apiID]
	if a == nil {
		return Stage{}, notFound("RestApi", apiID)
	}
	for _, s := range a.stages {
		if s.StageName == name {
			return s, nil
		}
	}
	return Stage{}, notFound("Stage", name)
}

// Resources is GetResources (methods embedded).
func (w *World) Resources(apiID string) ([]Resource, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.apigw.byId[apiID]
	if a == nil {
		return nil, notFound("RestApi", apiID)
	}
	return append([]Resource(nil), a.resources...), nil
}

// Deployments is GetDeployments.
func (w *World) Deployments(apiID string) ([]Deployment, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.apigw.byId[apiID]
	if a == nil {
		return nil, notFound("RestApi", apiID)
	}
	return append([]Deployment(nil), a.deployments...), nil
}
