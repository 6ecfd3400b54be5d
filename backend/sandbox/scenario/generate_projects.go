package scenario

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

type projectInfo struct {
	p          *Project
	id         string
	created    time.Time
	bucket     string // the agency's MLOps bucket: artefacts, reports
	dataBucket string
	image      string // training and serving image
	procImage  string
	spec       *world.TrainingJobSpec // template of notebook-launched jobs
	metricDefs []world.MetricDefinition
	execTimes  []time.Time
}

// projectTags are the standard tags a project's template puts on resources.
func (g *gen) projectTags(name string) []world.Tag {
	pi := g.proj[name]
	if pi == nil {
		return nil
	}
	return []world.Tag{{Key: "sagemaker:project-name", Value: name}, {Key: "sagemaker:project-id", Value: pi.id}}
}

// projects lays out projects, their model profiles, buckets, data and
// model package groups.
func (g *gen) projects() {
	admins := map[string]*userInfo{}
	for _, u := range g.users {
		if u.user.Role == "project-admin" {
			for _, p := range u.user.Projects {
				if admins[p] == nil || u.user.Name < admins[p].user.Name {
					admins[p] = u
				}
			}
		}
	}
	buckets := map[string]bool{}
	templates := g.templates()
	for i := range g.s.Projects {
		p := &g.s.Projects[i]
		r := g.rand("project/" + p.Name)
		d := g.domains[p.Agency]
		pi := &projectInfo{
			p: p, id: "p-" + r.String(idChars, 12),
			created: g.projectCreated(i, *p),
			bucket:  "ag-" + p.Agency + "-mlops-" + g.s.Account,
		}
		pi.dataBucket = pi.bucket
		if len(p.S3Access) > 0 {
			pi.dataBucket = p.S3Access[0]
		}
		if p.Language == "r" {
			pi.image = g.ecr("ag-r-ranger-plumber:4.3.2")
			pi.procImage = pi.image
		} else {
			pi.image = "121021644041.dkr.ecr." + g.s.Region + ".amazonaws.com/sagemaker-xgboost:1.7-1"
			pi.procImage = "121021644041.dkr.ecr." + g.s.Region + ".amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"
		}
		pi.metricDefs = metricDefinitions(p.Problem)
		g.proj[p.Name] = pi
		var creator world.UserContext
		if a := admins[p.Name]; a != nil {
			creator = world.UserContext{UserProfileName: a.user.Name, DomainId: a.domainID, UserProfileArn: g.smArn("user-profile", a.domainID+"/"+a.user.Name)}
		}
		tags := append(g.projectTags(p.Name),
			world.Tag{Key: g.keys.TrainingInstanceTypes, Value: strings.Join(p.Limits.Training, " ")},
			world.Tag{Key: g.keys.EndpointInstanceTypes, Value: strings.Join(p.Limits.Endpoint, " ")},
			world.Tag{Key: g.keys.Notebook, Value: strings.Join(p.Limits.Notebook, " ")},
			world.Tag{Key: g.keys.S3Access, Value: strings.Join(p.S3Access, " ")},
			world.Tag{Key: "ag:agency", Value: p.Agency},
		)
		g.b.AddProject(world.Project{
			ProjectName: p.Name, ProjectId: pi.id, ProjectDescription: p.Description,
			CreationTime: pi.created, LastModifiedTime: pi.created, CreatedBy: creator,
			// Projects of one template share its product.
			ServiceCatalogProvisioningDetails: templates[p.Template],
			ServiceCatalogProvisionedProductDetails: world.ServiceCatalogProvisionedProductDetails{
				ProvisionedProductId: "pp-" + r.String(idChars, 13)},
			Tags: tags,
		})
		g.b.AddModelProfile(world.ModelProfile{
			Project: p.Name, Language: p.Language, Problem: p.Problem, Quality: p.Quality,
			TrainingMinutes: p.TrainingMinutes, Epochs: 30, HyperParameterChoices: p.Hyperparameters,
			Predictor: predictor(p), Image: imageIfOwn(p, pi.image), Features: p.Features,
		})
		for _, b := range append([]string{pi.bucket}, p.S3Access...) {
			if !buckets[b] {
				buckets[b] = true
				g.b.AddBucket(b, d.created.Add(2*24*time.Hour))
			}
		}
		g.b.AddModelPackageGroup(world.ModelPackageGroup{
			ModelPackageGroupName: p.Name, ModelPackageGroupDescription: p.Description,
			CreationTime: pi.created.Add(time.Hour), CreatedBy: creator, Tags: g.projectTags(p.Name),
		})
		pi.spec = g.jobTemplate(pi)
		g.dataFiles(pi)
	}
}

func predictor(p *Project) string {
	switch {
	case strings.HasPrefix(p.Name, "hdb-resale"):
		return "hdb-resale"
	case p.Problem == "regression":
		return "regression"
	}
	return "binary"
}

// imageIfOwn names a custom image as the profile's; shared AWS images
// cannot identify a project.
func imageIfOwn(p *Project, image string) string {
	if p.Language == "r" {
		return image
	}
	return ""
}

func metricDefinitions(problem string) []world.MetricDefinition {
	names := []string{"train:rmse", "validation:rmse", "validation:mae", "validation:r2"}
	if problem == "binary" {
		names = []string{"train:logloss", "validation:logloss", "validation:auc", "validation:f1"}
	}
	out := make([]world.MetricDefinition, len(names))
	for i, n := range names {
		out[i] = world.MetricDefinition{Name: n, Regex: n + `=([0-9\.]+)`}
	}
	return out
}

// jobTemplate is the spec notebook users launch a project's jobs with.
func (g *gen) jobTemplate(pi *projectInfo) *world.TrainingJobSpec {
	p := pi.p
	hp := map[string]string{}
	keys := make([]string, 0, len(p.Hyperparameters))
	for k := range p.Hyperparameters {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := p.Hyperparameters[k]; len(v) > 0 {
			hp[k] = v[0]
		}
	}
	if p.Problem == "binary" {
		hp["objective"] = "binary:logistic"
		hp["eval_metric"] = "auc"
	}
	data := "s3://" + pi.dataBucket + "/training/" + p.Name
	return &world.TrainingJobSpec{
		AlgorithmSpecification: world.AlgorithmSpecification{TrainingImage: pi.image, TrainingInputMode: "File", MetricDefinitions: pi.metricDefs, EnableSageMakerMetricsTimeSeries: true},
		RoleArn:                g.domains[p.Agency].role,
		InputDataConfig: []world.Channel{
			{ChannelName: "train", DataSource: world.DataSource{S3DataSource: &world.S3DataSource{S3DataType: "S3Prefix", S3Uri: data + "/train/", S3DataDistributionType: "FullyReplicated"}}, ContentType: "text/csv", CompressionType: "None"},
			{ChannelName: "validation", DataSource: world.DataSource{S3DataSource: &world.S3DataSource{S3DataType: "S3Prefix", S3Uri: data + "/validation/", S3DataDistributionType: "FullyReplicated"}}, ContentType: "text/csv", CompressionType: "None"},
		},
		OutputDataConfig:  world.OutputDataConfig{S3OutputPath: "s3://" + pi.bucket + "/" + p.Name + "/experiments"},
		ResourceConfig:    world.ResourceConfig{InstanceType: p.Limits.Training[0], InstanceCount: 1, VolumeSizeInGB: 30},
		StoppingCondition: world.StoppingCondition{MaxRuntimeInSeconds: 86400},
		HyperParameters:   hp,
		Tags:              g.projectTags(p.Name),
	}
}

// dataFiles writes a few small data files and code the jobs read.
func (g *gen) dataFiles(pi *projectInfo) {
	p := pi.p
	at := pi.created.Add(48 * time.Hour)
	g.b.At(maxTime(g.b.Now(), at))
	base := "training/" + p.Name
	if p.Name == "hdb-resale-valuation" {
		g.b.PutObject(pi.dataBucket, "resale/resale-flat-prices-sample.csv", g.resaleSample(200), "text/csv")
	}
	g.b.PutObject(pi.dataBucket, base+"/train/part-00000.csv", g.sampleRows(p, 40), "text/csv")
	g.b.PutObject(pi.dataBucket, base+"/validation/part-00000.csv", g.sampleRows(p, 10), "text/csv")
	code := "preprocess.py"
	body := "import pandas as pd\n\n# Split raw records into train, validation and test sets.\n"
	if p.Language == "r" {
		code = "preprocess.R"
		body = "library(data.table)\n# Split resale transactions into train, validation and test sets.\n"
	}
	g.b.PutObject(pi.bucket, p.Name+"/code/"+code, []byte(body), "text/plain")
}

func (g *gen) sampleRows(p *Project, n int) []byte {
	r := g.rand("rows/" + p.Name)
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%.0f,%.3f,%.3f,%.3f,%d\n", r.Range(0, 1000), r.Float64(), r.Float64(), r.Norm(), r.Intn(2))
	}
	return []byte(b.String())
}

var sampleTowns = []string{"ANG MO KIO", "BEDOK", "BISHAN", "BUKIT MERAH", "CLEMENTI", "HOUGANG", "JURONG WEST", "PUNGGOL", "QUEENSTOWN", "SENGKANG", "TAMPINES", "TOA PAYOH", "WOODLANDS", "YISHUN"}
var sampleFlatTypes = []struct {
	name       string
	area, span float64
}{{"3 ROOM", 67, 8}, {"4 ROOM", 92, 10}, {"5 ROOM", 112, 10}, {"EXECUTIVE", 142, 12}}

// resaleSample is a resale-flat CSV like data.gov.sg's, priced by the same
// model the endpoint serves.
func (g *gen) resaleSample(n int) []byte {
	r := g.rand("resale-sample")
	var b strings.Builder
	b.WriteString("month,town,flat_type,storey_range,floor_area_sqm,lease_commence_date,remaining_lease,resale_price\n")
	for i := 0; i < n; i++ {
		town := sampleTowns[r.Intn(len(sampleTowns))]
		ft := sampleFlatTypes[r.Intn(len(sampleFlatTypes))]
		area := float64(int(ft.area + ft.span*r.Norm()))
		lo := 1 + 3*r.Intn(10)
		storey := fmt.Sprintf("%02d TO %02d", lo, lo+2)
		lease := 1980 + r.Intn(40)
		month := g.start.AddDate(0, -r.Intn(18), 0).Format("2006-01")
		remaining := 99 - (g.start.Year() - lease)
		price, err := world.HDBResalePrice(map[string]string{"town": town, "flat_type": ft.name, "floor_area_sqm": fmt.Sprint(area),
			"storey_range": storey, "remaining_lease": fmt.Sprint(remaining)}, 0)
		if err != nil {
			continue
		}
		price *= 1 + 0.06*r.Norm()
		fmt.Fprintf(&b, "%s,%s,%s,%s,%.0f,%d,%d years %02d months,%.0f\n", month, town, ft.name, storey, area, lease, remaining, r.Intn(12), price/1000*1000)
	}
	return []byte(b.String())
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
