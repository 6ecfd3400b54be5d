package backend

import (
	"slices"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// worldFronts is the API Gateway API in front of each endpoint, by
// endpoint name, read from the APIs' integrations.
func worldFronts(t testing.TB, w *world.World) map[string]world.RestApi {
	t.Helper()
	out := map[string]world.RestApi{}
	for _, api := range w.RestApis() {
		resources, err := w.Resources(api.Id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range resources {
			for _, m := range r.ResourceMethods {
				if m.MethodIntegration != nil {
					if ep := aws.SageMakerIntegrationEndpoint(m.MethodIntegration.Uri); ep != "" {
						out[ep] = api
					}
				}
			}
		}
	}
	return out
}

func TestSandboxEndpointsAreTheWorldsWithHealth(t *testing.T) {
	s := onNewSandbox(t, "on-call")
	w := s.env.World()
	defer s.c.Subscribe(endpointsKey)()
	d := s.settled(t, endpointsKey).Data.(EndpointsData)
	if len(d.Endpoints) != len(w.Endpoints()) || len(d.Endpoints) == 0 {
		t.Fatalf("%d endpoints, the world has %d", len(d.Endpoints), len(w.Endpoints()))
	}
	fronts := worldFronts(t, w)
	if len(fronts) < 3 {
		t.Fatalf("the world fronts %d endpoints with APIs; the scenario fronts four", len(fronts))
	}
	byName := map[string]domain.Endpoint{}
	for _, e := range d.Endpoints {
		byName[e.Name] = e
		we, err := w.Endpoint(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := w.EndpointConfig(we.EndpointConfigName)
		if err != nil {
			t.Fatal(err)
		}
		tags := tagMap(we.Tags)
		if e.Status != we.EndpointStatus || e.ConfigName != we.EndpointConfigName || e.Project != tags["sagemaker:project-name"] ||
			e.Stage != tags["ag:stage"] || len(e.Variants) != len(we.ProductionVariants) {
			t.Errorf("endpoint %s = %s, config %s, project %q, stage %q, %d variants; want %s, %s, %q, %q, %d",
				e.Name, e.Status, e.ConfigName, e.Project, e.Stage, len(e.Variants),
				we.EndpointStatus, we.EndpointConfigName, tags["sagemaker:project-name"], tags["ag:stage"], len(we.ProductionVariants))
			continue
		}
		for i, v := range e.Variants {
			wv := we.ProductionVariants[i]
			idx := slices.IndexFunc(cfg.ProductionVariants, func(p world.ProductionVariant) bool { return p.VariantName == wv.VariantName })
			if idx < 0 || v.Name != wv.VariantName || v.CurrentCount != int(wv.CurrentInstanceCount) || v.DesiredCount != int(wv.DesiredInstanceCount) ||
				v.InstanceType != cfg.ProductionVariants[idx].InstanceType || v.ModelName != cfg.ProductionVariants[idx].ModelName {
				t.Errorf("endpoint %s variant %+v, want %+v on its configuration's instance type", e.Name, v, wv)
			}
		}
		api, fronted := fronts[e.Name]
		switch {
		case fronted && (e.Front == nil || e.Front.APIName != api.Name || e.Front.APIID != api.Id || e.Front.RateLimit == 0 || !e.Front.Known):
			t.Errorf("endpoint %s front = %+v, want API %s (%s) with its limits and metrics", e.Name, e.Front, api.Name, api.Id)
		case !fronted && e.Front != nil:
			t.Errorf("endpoint %s has a front %+v; no API integrates with it", e.Name, e.Front)
		}
		if e.Status == domain.EndpointInService && (!e.Metrics.Known || e.Metrics.InvocationsPerMin <= 0) {
			t.Errorf("endpoint %s serves traffic, but its metrics are %+v", e.Name, e.Metrics)
		}
	}

	hasReason := func(e domain.Endpoint, part string) bool {
		return slices.ContainsFunc(e.Health.Reasons, func(r string) bool { return strings.Contains(r, part) })
	}
	incident := byName["mom-work-pass-fraud-prod"]
	if incident.Health.Level != domain.HealthCrit || !hasReason(incident, "5xx errors at") {
		t.Errorf("incident endpoint health = %+v, want CRIT with its 5xx rate", incident.Health)
	}
	if incident.Metrics.Rate5xx < 0.2 || len(incident.Alarms) == 0 || incident.Alarms[0].State != domain.AlarmAlarm {
		t.Errorf("incident endpoint: 5xx rate %.2f, alarms %+v; want the incident's errors and a firing alarm first", incident.Metrics.Rate5xx, incident.Alarms)
	}
	updating := byName["mom-work-pass-fraud-staging"]
	if updating.Status != domain.EndpointUpdating || updating.Health.Level != domain.HealthWarn || !hasReason(updating, "updating") {
		t.Errorf("updating endpoint = %s, health %+v; want Updating and WARN", updating.Status, updating.Health)
	}
	failed := byName["mom-wsh-incident-risk-staging"]
	wf, _ := w.Endpoint(failed.Name)
	if failed.Health.Level != domain.HealthCrit || failed.FailureReason == "" || !hasReason(failed, "endpoint status Failed: "+wf.FailureReason) {
		t.Errorf("failed endpoint health = %+v, want CRIT with its reason %q", failed.Health, wf.FailureReason)
	}
	throttled := byName["ssg-course-dropout-prod"]
	if throttled.Health.Level != domain.HealthOK || !hasReason(throttled, "clients throttled at API Gateway") {
		t.Errorf("throttled-API endpoint health = %+v, want OK with clients throttled", throttled.Health)
	}
	quiet := byName["hdb-resale-valuation-prod"]
	if quiet.Health.Level != domain.HealthOK || quiet.Front == nil {
		t.Errorf("HDB prod endpoint health = %+v, front %+v; want OK behind its API", quiet.Health, quiet.Front)
	}
}

func TestSandboxEndpointDetailHasADayOfEveryMetric(t *testing.T) {
	s := onNewSandbox(t, "on-call")
	w := s.env.World()
	const name = "hdb-resale-valuation-prod"
	key := FeedKey{Kind: FeedEndpoint, Arg: name}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(EndpointData)
	we, _ := w.Endpoint(name)
	cfg, _ := w.EndpointConfig(we.EndpointConfigName)
	if d.Endpoint.Name != name || d.Config.Name != cfg.EndpointConfigName || len(d.Config.VariantSpecs) != len(cfg.ProductionVariants) ||
		d.Config.VariantSpecs[0].InstanceType != cfg.ProductionVariants[0].InstanceType || d.Endpoint.Front == nil {
		t.Fatalf("detail = %+v / %+v, want %s with its configuration %s and front", d.Endpoint, d.Config, name, cfg.EndpointConfigName)
	}
	inv := d.Series["Invocations"]
	if d.Window.Hours() != 24 || len(inv.Times) < 200 || len(d.Series["ModelLatency"].Times) == 0 || len(d.Series["ApiCount"].Times) == 0 {
		t.Fatalf("series: window %v, %d invocation points, %d latency, %d API; want a day of 5-minute points",
			d.Window, len(inv.Times), len(d.Series["ModelLatency"].Times), len(d.Series["ApiCount"].Times))
	}
}
