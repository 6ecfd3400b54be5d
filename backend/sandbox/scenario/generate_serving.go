package scenario

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// production finds the version a group serves: the newest Approved one, and
// the Approved one before it (for a challenger variant).
func (g *gen) production(group string) (prod, prev *world.ModelPackage, err error) {
	list, err := g.w.ModelPackages(world.ModelPackageQuery{Group: group, SortOrder: world.Descending})
	if err != nil {
		return nil, nil, err
	}
	for _, s := range list {
		if s.ModelApprovalStatus != world.Approved {
			continue
		}
		p, err := g.w.ModelPackage(s.ModelPackageArn)
		if err != nil {
			return nil, nil, err
		}
		if prod == nil {
			prod = &p
		} else {
			prev = &p
			break
		}
	}
	if prod == nil {
		return nil, nil, fmt.Errorf("model package group %s has no approved version to serve", group)
	}
	if prev == nil {
		prev = prod
	}
	return prod, prev, nil
}

func modelFor(p *world.ModelPackage, role string) world.Model {
	c := p.InferenceSpecification.Containers[0]
	return world.Model{
		ModelName:        p.ModelPackageGroupName + "-v" + strconv.Itoa(int(p.ModelPackageVersion)),
		PrimaryContainer: world.ContainerDefinition{Image: c.Image, ModelDataUrl: c.ModelDataUrl, ModelPackageName: p.ModelPackageArn},
		ExecutionRoleArn: role, CreationTime: p.LastModifiedTime, Tags: p.Tags,
	}
}

// serving places endpoints, their APIs, web ACLs and alarms.
func (g *gen) serving() error {
	for i, es := range g.s.Endpoints {
		if err := g.endpoint(i, es); err != nil {
			return fmt.Errorf("endpoint %s: %w", es.Name, err)
		}
	}
	return nil
}

func (g *gen) endpoint(i int, es Endpoint) error {
	pi := g.proj[es.Project]
	d := g.domains[pi.p.Agency]
	prod, prev, err := g.production(es.Project)
	if err != nil {
		return err
	}
	models := []world.Model{modelFor(prod, d.role)}
	if prev.ModelPackageVersion != prod.ModelPackageVersion {
		models = append(models, modelFor(prev, d.role))
	}
	variants := es.Variants
	if len(variants) == 0 {
		variants = map[string]float64{"AllTraffic": 1}
	}
	deployed := prod.LastModifiedTime.Add(30 * time.Minute)
	if es.Stage == "prod" {
		deployed = deployed.Add(15 * time.Minute)
	}
	cfg := world.EndpointConfig{EndpointConfigName: es.Name + "-config-v" + strconv.Itoa(int(prod.ModelPackageVersion)) + "-" + strconv.FormatInt(deployed.Unix(), 10),
		CreationTime: deployed, KmsKeyId: g.kmsKey(pi.p.Agency)}
	names := slices.Sorted(maps.Keys(variants))
	sort.SliceStable(names, func(a, b int) bool { return variants[names[a]] > variants[names[b]] })
	for k, v := range names {
		model := models[0].ModelName
		if k > 0 && len(models) > 1 {
			model = models[1].ModelName
		}
		cfg.ProductionVariants = append(cfg.ProductionVariants, world.ProductionVariant{VariantName: v, ModelName: model,
			InstanceType: es.Instance, InitialInstanceCount: es.Count, InitialVariantWeight: float32(variants[v])})
	}
	var tags []world.Tag
	if !es.Untagged {
		tags = append(g.projectTags(es.Project), world.Tag{Key: "ag:stage", Value: es.Stage})
		cfg.Tags = tags
	}
	seed := world.EndpointSeed{
		Name: es.Name, CreationTime: pi.created.Add(time.Duration(14+i) * 24 * time.Hour), Models: models, Config: cfg,
		Status: world.EndpointInService, Traffic: world.Traffic{PeakRPM: es.RPM, LatencyMs: es.LatencyMs},
		Predictor: predictor(pi.p), Stage: es.Stage, ModelVersion: prod.ModelPackageVersion, Tags: tags,
	}
	if es.Stage == "prod" || es.Stage == "staging" {
		seed.Group = es.Project
	}
	if es.Failed != "" {
		seed.Status = world.EndpointFailed
		seed.FailureReason = es.Failed
	}
	if in := es.Incident; in != nil {
		from, _ := offset(in.From)
		to, _ := offset(in.To)
		seed.Traffic.Incident = &world.Incident{Start: g.start.Add(from), End: g.start.Add(to), ErrorRate: in.ErrorRate, LatencyFactor: in.LatencyFactor}
	}
	if err := g.b.AddEndpoint(seed); err != nil {
		return err
	}
	if up := es.Updating; up != nil {
		from, _ := offset(up.From)
		to, _ := offset(up.To)
		next := cfg
		next.EndpointConfigName = es.Name + "-config-v" + strconv.Itoa(int(prod.ModelPackageVersion)) + "-" + strconv.FormatInt(g.start.Add(from).Unix(), 10)
		next.CreationTime = g.start.Add(from)
		next.ProductionVariants = append([]world.ProductionVariant(nil), cfg.ProductionVariants...)
		for k := range next.ProductionVariants {
			next.ProductionVariants[k].InitialInstanceCount++
		}
		g.later(g.start.Add(from), func() error { return g.b.UpdateEndpoint(es.Name, next, g.start.Add(to)) })
	}
	var apiName string
	if es.API != nil {
		apiName = g.api(es, pi)
	}
	g.alarms(es, names[0], apiName)
	return nil
}

func (g *gen) api(es Endpoint, pi *projectInfo) string {
	r := g.rand("api/" + es.Name)
	id := r.String("abcdefghijklmnopqrstuvwxyz0123456789", 10)
	name := strings.TrimSuffix(es.Name, "-prod") + "-api"
	created := pi.created.Add(20 * 24 * time.Hour)
	rootID := r.String("abcdefghijklmnopqrstuvwxyz0123456789", 10)
	resID := r.String("abcdefghijklmnopqrstuvwxyz0123456789", 6)
	depID := r.String("abcdefghijklmnopqrstuvwxyz0123456789", 6)
	aclID := r.UUID()
	aclName := name + "-waf"
	aclArn := "arn:aws:wafv2:" + g.s.Region + ":" + g.s.Account + ":regional/webacl/" + aclName + "/" + aclID
	tags := map[string]string{}
	for _, t := range g.projectTags(es.Project) {
		tags[t.Key] = t.Value
	}
	_ = g.b.AddRestApi(world.RestApiSeed{
		Api: world.RestApi{Id: id, Name: name, Description: "Public scoring API for " + es.Name, CreatedDate: created,
			ApiKeySource: "HEADER", EndpointConfiguration: []string{"REGIONAL"}, RootResourceId: rootID, Tags: tags},
		Stages: []world.Stage{{StageName: "prod", DeploymentId: depID, Description: "Production", CreatedDate: created,
			LastUpdatedDate: created.Add(30 * 24 * time.Hour), TracingEnabled: true, WebAclArn: aclArn, Tags: tags,
			MethodSettings: map[string]world.MethodSetting{"*/*": {MetricsEnabled: true, LoggingLevel: "INFO",
				ThrottlingRateLimit: es.API.Rate, ThrottlingBurstLimit: es.API.Burst}}}},
		Resources: []world.Resource{
			{Id: rootID, Path: "/"},
			{Id: resID, ParentId: rootID, Path: "/predict", PathPart: "predict", ResourceMethods: map[string]world.Method{
				"POST": {HttpMethod: "POST", AuthorizationType: "AWS_IAM", ApiKeyRequired: true, MethodIntegration: &world.Integration{
					Type: "AWS", HttpMethod: "POST",
					Uri:                 "arn:aws:apigateway:" + g.s.Region + ":runtime.sagemaker:path//endpoints/" + es.Name + "/invocations",
					Credentials:         g.roleArn("AG-" + strings.ToUpper(pi.p.Agency) + "-ApiGatewayInvokeSageMaker"),
					PassthroughBehavior: "WHEN_NO_MATCH", TimeoutInMillis: 29000,
				}}}},
		},
		Deployments: []world.Deployment{{Id: depID, Description: "Initial deployment", CreatedDate: created}},
		Endpoint:    es.Name,
	})
	_ = g.b.AddWebACL(world.WebACL{
		Name: aclName, Id: aclID, ARN: aclArn, Description: "Protects " + name, DefaultAction: "Allow", MetricName: aclName,
		Rules: []world.WebACLRule{
			{Name: "AWS-AWSManagedRulesCommonRuleSet", Priority: 0, MetricName: "AWS-AWSManagedRulesCommonRuleSet"},
			{Name: "AWS-AWSManagedRulesKnownBadInputsRuleSet", Priority: 1, MetricName: "AWS-AWSManagedRulesKnownBadInputsRuleSet"},
			{Name: "RateLimitPerClientIP", Priority: 2, Action: "Block", MetricName: "RateLimitPerClientIP"},
		},
		AssociatedResourceArns: []string{"arn:aws:apigateway:" + g.s.Region + "::/restapis/" + id + "/stages/prod"},
	}, id)
	return name
}

func (g *gen) alarms(es Endpoint, variant, apiName string) {
	a := g.s.Alarms
	agency := g.proj[es.Project].p.Agency
	topic := "arn:aws:sns:" + g.s.Region + ":" + g.s.Account + ":ag-" + agency + "-oncall"
	dims := []world.Dimension{{Name: "EndpointName", Value: es.Name}, {Name: "VariantName", Value: variant}}
	if a.Errors5xx.Period > 0 {
		g.b.AddAlarm(world.MetricAlarm{AlarmName: es.Name + "-5xx-errors", AlarmDescription: "Model errors on " + es.Name,
			ActionsEnabled: true, AlarmActions: []string{topic}, OKActions: []string{topic},
			Namespace: world.NamespaceSageMaker, MetricName: "Invocation5XXErrors", Dimensions: dims, Statistic: "Sum",
			Period: a.Errors5xx.Period, EvaluationPeriods: a.Errors5xx.EvaluationPeriods, DatapointsToAlarm: a.Errors5xx.DatapointsToAlarm,
			Threshold: a.Errors5xx.Threshold, ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "notBreaching"})
	}
	if a.LatencyP99.Period > 0 {
		g.b.AddAlarm(world.MetricAlarm{AlarmName: es.Name + "-model-latency-p99", AlarmDescription: "p99 model latency on " + es.Name + " (microseconds)",
			ActionsEnabled: true, AlarmActions: []string{topic},
			Namespace: world.NamespaceSageMaker, MetricName: "ModelLatency", Dimensions: dims, ExtendedStatistic: "p99",
			Period: a.LatencyP99.Period, EvaluationPeriods: a.LatencyP99.EvaluationPeriods, DatapointsToAlarm: a.LatencyP99.DatapointsToAlarm,
			Threshold: a.LatencyP99.Threshold * 1000, ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "missing"})
	}
	if apiName != "" && a.API4xxRate.Period > 0 {
		g.b.AddAlarm(world.MetricAlarm{AlarmName: apiName + "-4xx-rate", AlarmDescription: "Client error rate on " + apiName,
			ActionsEnabled: true, AlarmActions: []string{topic},
			Namespace: world.NamespaceApiGateway, MetricName: "4XXError", Dimensions: []world.Dimension{{Name: "ApiName", Value: apiName}, {Name: "Stage", Value: "prod"}},
			Statistic: "Average", Period: a.API4xxRate.Period, EvaluationPeriods: a.API4xxRate.EvaluationPeriods, DatapointsToAlarm: a.API4xxRate.DatapointsToAlarm,
			Threshold: a.API4xxRate.Threshold, ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "notBreaching"})
	}
}

// registryQuirks writes model artefacts and plants the malformed report and
// the report with a missing metric.
func (g *gen) registryQuirks() error {
	for _, p := range g.s.Projects {
		list, err := g.w.ModelPackages(world.ModelPackageQuery{Group: p.Name, SortOrder: world.Ascending})
		if err != nil {
			return err
		}
		for k, s := range list {
			mp, err := g.w.ModelPackage(s.ModelPackageArn)
			if err != nil {
				return err
			}
			if len(mp.InferenceSpecification.Containers) > 0 {
				if b, key, ok := splitS3(mp.InferenceSpecification.Containers[0].ModelDataUrl); ok {
					g.b.PutObject(b, key, modelArtefact(mp), "application/x-tar")
				}
			}
			q := mp.ModelMetrics.ModelQuality
			if q == nil || q.Statistics == nil || k != len(list)/2 {
				continue
			}
			b, key, ok := splitS3(q.Statistics.S3Uri)
			if !ok {
				continue
			}
			switch p.Name {
			case g.s.Registry.MalformedReport:
				obj, err := g.w.Object(b, key)
				if err != nil {
					return err
				}
				g.b.PutObject(b, key, obj.Body[:len(obj.Body)*2/3], "application/json")
			case g.s.Registry.MissingMetric.Group:
				obj, err := g.w.Object(b, key)
				if err != nil {
					return err
				}
				var doc map[string]map[string]any
				if err := json.Unmarshal(obj.Body, &doc); err != nil {
					return err
				}
				for _, metrics := range doc {
					delete(metrics, g.s.Registry.MissingMetric.Metric)
				}
				body, _ := json.MarshalIndent(doc, "", "  ")
				g.b.PutObject(b, key, body, "application/json")
			}
		}
	}
	return nil
}

// modelArtefact is a small stand-in for model.tar.gz: gzip magic and a note.
func modelArtefact(mp world.ModelPackage) []byte {
	return append([]byte{0x1f, 0x8b, 0x08, 0x00}, []byte(fmt.Sprintf("sandbox placeholder for %s version %d", mp.ModelPackageGroupName, mp.ModelPackageVersion))...)
}

func splitS3(uri string) (string, string, bool) {
	rest, ok := strings.CutPrefix(uri, "s3://")
	if !ok {
		return "", "", false
	}
	b, k, _ := strings.Cut(rest, "/")
	return b, k, b != "" && k != ""
}
