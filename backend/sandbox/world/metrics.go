package world

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Metric namespaces the world publishes.
const (
	NamespaceSageMaker   = "AWS/SageMaker"
	NamespaceEndpoints   = "/aws/sagemaker/Endpoints"
	NamespaceTraining    = "/aws/sagemaker/TrainingJobs"
	NamespaceProcessing  = "/aws/sagemaker/ProcessingJobs"
	NamespaceApiGateway  = "AWS/ApiGateway"
	NamespaceWAF         = "AWS/WAFV2"
	metricRetentionShown = 14 * 24 * time.Hour // ListMetrics shows metrics with data this recent
)

// Dimension is a metric dimension.
type Dimension struct {
	Name  string
	Value string
}

// Metric names one metric series, as ListMetrics returns it.
type Metric struct {
	Namespace  string
	MetricName string
	Dimensions []Dimension
}

// DimensionFilter selects metrics by dimension; an empty Value matches any.
type DimensionFilter struct {
	Name  string
	Value string
}

// seriesDef is a resolved metric: a per-minute function and the span in
// which it has data (unix seconds; to 0 means open).
type seriesDef struct {
	minute   func(m int64) (sample, bool)
	from, to int64
	unit     string
}

// MetricData computes a statistic of a metric over [start, end) in periods.
// Stat is Sum, Average, Minimum, Maximum, SampleCount or a percentile such
// as p99. Timestamps are period starts, ascending; periods without data are
// left out; nothing later than the world's clock is returned. An unknown
// metric gives no data and no error, as CloudWatch does.
func (w *World) MetricData(namespace, metricName string, dims map[string]string, statName string, period time.Duration, start, end time.Time) ([]time.Time, []float64, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	if !validStat(statName) {
		return nil, nil, invalid("The value %s for parameter Statistics is not a valid statistic.", statName)
	}
	if period < time.Minute || period%time.Minute != 0 {
		return nil, nil, invalid("The parameter Period must be a multiple of 60.")
	}
	if !end.After(start) {
		return nil, nil, invalid("The parameter StartTime must be less than the parameter EndTime.")
	}
	p := int64(period / time.Second)
	if (end.Unix()-start.Unix())/p > 100800 {
		return nil, nil, invalid("You have requested up to %d datapoints, which exceeds the limit of 100800.", (end.Unix()-start.Unix())/p)
	}
	def, ok := w.seriesFor(namespace, metricName, dims, now)
	if !ok {
		return nil, nil, nil
	}
	last := now.Unix() - 60 // minutes must be complete
	if def.to != 0 && def.to < last {
		last = def.to
	}
	var ts []time.Time
	var vs []float64
	buf := make([]sample, 0, p/60)
	for t := start.Unix() / p * p; t < end.Unix(); t += p {
		buf = buf[:0]
		for m := t; m < t+p; m += 60 {
			if m < def.from-59 || m > last {
				continue
			}
			if s, ok := def.minute(m); ok && s.n > 0 {
				buf = append(buf, s)
			}
		}
		if v, ok := stat(statName, buf); ok {
			ts = append(ts, time.Unix(t, 0).UTC())
			vs = append(vs, v)
		}
	}
	return ts, vs, nil
}

// MetricUnit is the unit CloudWatch reports for a metric.
func MetricUnit(namespace, metricName string) string {
	switch {
	case metricName == "ModelLatency" || metricName == "OverheadLatency":
		return "Microseconds"
	case namespace == NamespaceApiGateway && strings.Contains(metricName, "Latency"):
		return "Milliseconds"
	case strings.HasSuffix(metricName, "Utilization"):
		return "Percent"
	case namespace == NamespaceTraining:
		return "None"
	}
	return "Count"
}

func (w *World) seriesFor(ns, name string, dims map[string]string, now time.Time) (seriesDef, bool) {
	has := func(keys ...string) bool {
		if len(dims) != len(keys) {
			return false
		}
		for _, k := range keys {
			if _, ok := dims[k]; !ok {
				return false
			}
		}
		return true
	}
	switch ns {
	case NamespaceSageMaker, NamespaceEndpoints:
		if !has("EndpointName", "VariantName") {
			return seriesDef{}, false
		}
		e := w.serving.endpoints[dims["EndpointName"]]
		if e == nil || e.serving.IsZero() {
			return seriesDef{}, false
		}
		return w.endpointSeries(e, dims["VariantName"], ns, name)
	case NamespaceApiGateway:
		if !has("ApiName", "Stage") && !has("ApiName") {
			return seriesDef{}, false
		}
		for _, a := range w.sortedApis() {
			if a.Name == dims["ApiName"] && a.endpoint != nil {
				if st, ok := dims["Stage"]; ok && !a.hasStage(st) {
					return seriesDef{}, false
				}
				return w.apiSeries(a, name)
			}
		}
	case NamespaceWAF:
		if !has("WebACL", "Region", "Rule") || dims["Region"] != w.region {
			return seriesDef{}, false
		}
		for _, acl := range w.waf.byName {
			if acl.MetricName == dims["WebACL"] && acl.api.endpoint != nil {
				return w.wafSeries(acl, dims["Rule"], name)
			}
		}
	case NamespaceTraining:
		if !has("Host") {
			return seriesDef{}, false
		}
		return w.trainingSeries(dims["Host"], name)
	case NamespaceProcessing:
		if !has("Host") {
			return seriesDef{}, false
		}
		job, _, _ := strings.Cut(dims["Host"], "/algo-")
		p := w.processing.byName[strings.ToLower(job)]
		if p == nil || dims["Host"] != p.name+"/algo-1" || p.started >= p.ended {
			return seriesDef{}, false
		}
		seed := hashOf(w.seed, hashString(p.name), hashString(name))
		base := map[string]float64{"CPUUtilization": 160, "MemoryUtilization": 42, "DiskUtilization": 18}[name]
		if base == 0 {
			return seriesDef{}, false
		}
		return seriesDef{from: p.started / 1000, to: p.ended / 1000, unit: "Percent", minute: func(m int64) (sample, bool) {
			return gaugeSample(base * (0.8 + 0.4*unitOf(hashOf(seed, uint64(m))))), true
		}}, true
	}
	return seriesDef{}, false
}

func (a *restApi) hasStage(name string) bool {
	for _, s := range a.stages {
		if s.StageName == name {
			return true
		}
	}
	return false
}

func (w *World) sortedApis() []*restApi {
	out := make([]*restApi, 0, len(w.apigw.byId))
	for _, a := range w.apigw.byId {
		out = append(out, a)
	}
	sort.Slice(out, func(i, k int) bool { return out[i].Id < out[k].Id })
	return out
}

func (w *World) endpointSeries(e *endpoint, variant, ns, name string) (seriesDef, bool) {
	share, ok := e.variantShare(variant)
	if !ok {
		return seriesDef{}, false
	}
	seed := hashOf(w.endpointSeed(e), hashString(variant))
	instances := float64(len(e.instances[variant]))
	if instances == 0 {
		instances = 1
	}
	vcpu := vCPUs(e.instanceType[variant])
	def := seriesDef{from: e.serving.Unix(), unit: MetricUnit(ns, name)}
	part := func(m int64, v float64, salt uint64) float64 {
		return roundRandom(v*share, hashOf(seed, uint64(m), salt))
	}
	var f func(l minuteLoad, m int64) sample
	if ns == NamespaceSageMaker {
		switch name {
		case "Invocations":
			f = func(l minuteLoad, m int64) sample { return countSample(part(m, l.served, 1)) }
		case "InvocationsPerInstance":
			f = func(l minuteLoad, m int64) sample {
				n := part(m, l.served, 1)
				return sample{n: n, sum: n / instances, min: 1 / instances, max: 1 / instances}
			}
		case "Invocation4XXErrors":
			f = func(l minuteLoad, m int64) sample { return flagSample(part(m, l.served, 1), part(m, l.err4, 2)) }
		case "Invocation5XXErrors":
			f = func(l minuteLoad, m int64) sample { return flagSample(part(m, l.served, 1), part(m, l.err5, 3)) }
		case "ModelLatency":
			f = func(l minuteLoad, m int64) sample { return distSample(part(m, l.served, 1), l.latMu, l.latSig) }
		case "OverheadLatency":
			f = func(l minuteLoad, m int64) sample {
				return distSample(part(m, l.served, 1), math.Log(2800)+0.05*gauss(hashOf(seed, uint64(m), 9)), 0.3)
			}
		}
	} else {
		switch name {
		case "CPUUtilization", "MemoryUtilization", "DiskUtilization":
			f = func(l minuteLoad, m int64) sample {
				load := part(m, l.served, 1) / (instances * 700)
				var v float64
				switch name {
				case "CPUUtilization":
					v = vcpu * 100 * math.Min(0.95, 0.06+0.6*load+0.8*l.err5/math.Max(1, l.served))
				case "MemoryUtilization":
					v = 36 + 18*math.Min(1, load) + 3*unitOf(hashOf(seed, uint64(m), 11))
				default:
					v = 14 + 0.5*unitOf(hashOf(seed, uint64(m)/1440, 12))
				}
				return sample{n: instances, sum: v * instances, min: v * 0.9, max: v * 1.1}
			}
		}
	}
	if f == nil {
		return seriesDef{}, false
	}
	def.minute = func(m int64) (sample, bool) {
		l, ok := w.load(e, m)
		if !ok {
			return sample{}, false
		}
		return f(l, m), true
	}
	return def, true
}

func (w *World) apiSeries(a *restApi, name string) (seriesDef, bool) {
	e := a.endpoint
	def := seriesDef{from: e.serving.Unix(), unit: MetricUnit(NamespaceApiGateway, name)}
	var f func(l minuteLoad) sample
	switch name {
	case "Count":
		f = func(l minuteLoad) sample { return countSample(l.demand) }
	case "4XXError":
		f = func(l minuteLoad) sample { return flagSample(l.demand, l.demand-l.served+l.err4) }
	case "5XXError":
		f = func(l minuteLoad) sample { return flagSample(l.demand, l.err5) }
	case "Latency":
		f = func(l minuteLoad) sample {
			return distSample(l.served, math.Log(math.Exp(l.latMu)/1000+14), l.latSig*0.9)
		}
	case "IntegrationLatency":
		f = func(l minuteLoad) sample {
			return distSample(l.served, math.Log(math.Exp(l.latMu)/1000+4), l.latSig*0.9)
		}
	default:
		return seriesDef{}, false
	}
	def.minute = func(m int64) (sample, bool) {
		l, ok := w.load(e, m)
		if !ok {
			return sample{}, false
		}
		return f(l), true
	}
	return def, true
}

func (w *World) wafSeries(acl *webACL, rule, name string) (seriesDef, bool) {
	e := acl.api.endpoint
	def := seriesDef{from: e.serving.Unix(), unit: "Count"}
	share := -1.0
	switch {
	case name == "AllowedRequests" && (rule == "ALL" || rule == "Default_Action"):
		def.minute = func(m int64) (sample, bool) {
			l, ok := w.load(e, m)
			return gaugeSample(l.demand), ok
		}
		return def, true
	case name == "BlockedRequests" && rule == "ALL":
		share = 1
	case name == "BlockedRequests":
		for i, r := range acl.Rules {
			if r.MetricName == rule {
				share = []float64{0.6, 0.3, 0.1, 0.05}[min(i, 3)]
			}
		}
	}
	if share < 0 {
		return seriesDef{}, false
	}
	def.minute = func(m int64) (sample, bool) {
		l, ok := w.load(e, m)
		return gaugeSample(math.Round(l.blocked * share)), ok
	}
	return def, true
}

func (w *World) trainingSeries(host, name string) (seriesDef, bool) {
	jobName, n, ok := strings.Cut(host, "/algo-")
	if !ok {
		return seriesDef{}, false
	}
	j := w.training.get(jobName)
	hostN, err := strconv.Atoi(n)
	if j == nil || j.name != jobName || err != nil || hostN < 1 || hostN > int(j.instanceCount()) {
		return seriesDef{}, false
	}
	st := j.startedAt()
	if st == 0 {
		return seriesDef{}, false
	}
	end := j.endAt()
	seed := hashOf(w.seed, hashString(host), hashString(name))
	for k, c := range w.curves(j) {
		if c.name != name {
			continue
		}
		if hostN != 1 {
			return seriesDef{}, false
		}
		epochs := j.epochs()
		curve, k := c, k
		return seriesDef{from: st / 1000, to: end / 1000, unit: "None", minute: func(m int64) (sample, bool) {
			lo := sort.Search(len(epochs), func(i int) bool { return epochs[i].ts >= m*1000 })
			s := sample{min: math.Inf(1), max: math.Inf(-1)}
			for i := lo; i < len(epochs) && epochs[i].ts < (m+60)*1000; i++ {
				v := curve.value(epochs[i].p, noiseAt(j, epochs[i].i, k))
				s.n++
				s.sum += v
				s.min = math.Min(s.min, v)
				s.max = math.Max(s.max, v)
			}
			return s, s.n > 0
		}}, true
	}
	base := 0.0
	gpu := isGPU(j.instanceType())
	switch name {
	case "CPUUtilization":
		base = vCPUs(j.instanceType()) * 100 * 0.7
	case "MemoryUtilization":
		base = 55
	case "DiskUtilization":
		base = 21
	case "GPUUtilization", "GPUMemoryUtilization":
		if !gpu {
			return seriesDef{}, false
		}
		base = 85
		if name == "GPUMemoryUtilization" {
			base = 78
		}
	default:
		return seriesDef{}, false
	}
	return seriesDef{from: st / 1000, to: end / 1000, unit: "Percent", minute: func(m int64) (sample, bool) {
		v := base * (0.85 + 0.3*unitOf(hashOf(seed, uint64(m))))
		if (m+60)*1000 > end && j.outcome == TrainingFailed && (name == "GPUMemoryUtilization" || name == "MemoryUtilization") {
			v = math.Min(100, v*1.3)
		}
		return gaugeSample(v), true
	}}, true
}

// ListMetrics lists the metrics with data in the last two weeks, as
// CloudWatch does; empty namespace or name match all.
func (w *World) ListMetrics(namespace, metricName string, filters []DimensionFilter) []Metric {
	now := w.rlock()
	defer w.mu.RUnlock()
	var out []Metric
	add := func(ns, name string, dims ...Dimension) {
		if namespace != "" && ns != namespace || metricName != "" && name != metricName {
			return
		}
		for _, f := range filters {
			found := false
			for _, d := range dims {
				if d.Name == f.Name && (f.Value == "" || d.Value == f.Value) {
					found = true
				}
			}
			if !found {
				return
			}
		}
		out = append(out, Metric{Namespace: ns, MetricName: name, Dimensions: dims})
	}
	cutoff := now.Add(-metricRetentionShown)
	if namespace == "" || namespace == NamespaceSageMaker || namespace == NamespaceEndpoints {
		for _, e := range w.serving.endpointList {
			if e.serving.IsZero() {
				continue
			}
			for _, v := range e.ProductionVariants {
				d := []Dimension{{"EndpointName", e.EndpointName}, {"VariantName", v.VariantName}}
				for _, m := range []string{"Invocations", "InvocationsPerInstance", "Invocation4XXErrors", "Invocation5XXErrors", "ModelLatency", "OverheadLatency"} {
					add(NamespaceSageMaker, m, d...)
				}
				for _, m := range []string{"CPUUtilization", "MemoryUtilization", "DiskUtilization"} {
					add(NamespaceEndpoints, m, d...)
				}
			}
		}
	}
	if namespace == "" || namespace == NamespaceApiGateway || namespace == NamespaceWAF {
		for _, a := range w.sortedApis() {
			if a.endpoint == nil || a.endpoint.serving.IsZero() {
				continue
			}
			for _, m := range []string{"Count", "4XXError", "5XXError", "Latency", "IntegrationLatency"} {
				add(NamespaceApiGateway, m, Dimension{"ApiName", a.Name})
				for _, s := range a.stages {
					add(NamespaceApiGateway, m, Dimension{"ApiName", a.Name}, Dimension{"Stage", s.StageName})
				}
			}
			if acl := a.acl; acl != nil {
				base := []Dimension{{"WebACL", acl.MetricName}, {"Region", w.region}}
				add(NamespaceWAF, "AllowedRequests", append(base[:2:2], Dimension{"Rule", "ALL"})...)
				add(NamespaceWAF, "AllowedRequests", append(base[:2:2], Dimension{"Rule", "Default_Action"})...)
				add(NamespaceWAF, "BlockedRequests", append(base[:2:2], Dimension{"Rule", "ALL"})...)
				for _, r := range acl.Rules {
					add(NamespaceWAF, "BlockedRequests", append(base[:2:2], Dimension{"Rule", r.MetricName})...)
				}
			}
		}
	}
	if namespace == "" || namespace == NamespaceTraining {
		nowMs, cut := ms(now), ms(cutoff)
		// Jobs are sorted by creation; a job that ended within the window
		// was created at most its runtime before it.
		from := sort.Search(len(w.training.byCreation), func(i int) bool { return w.training.byCreation[i].created >= cut-10*24*3600*1000 })
		for _, j := range w.training.byCreation[from:] {
			st := j.startedAt()
			if st == 0 || st > nowMs || j.endAt() < cut {
				continue
			}
			for h := 1; h <= int(j.instanceCount()); h++ {
				d := Dimension{"Host", j.name + "/algo-" + strconv.Itoa(h)}
				if h == 1 {
					for _, c := range j.spec.AlgorithmSpecification.MetricDefinitions {
						add(NamespaceTraining, c.Name, d)
					}
				}
				names := []string{"CPUUtilization", "MemoryUtilization", "DiskUtilization"}
				if isGPU(j.instanceType()) {
					names = append(names, "GPUUtilization", "GPUMemoryUtilization")
				}
				for _, m := range names {
					add(NamespaceTraining, m, d)
				}
			}
		}
	}
	if namespace == "" || namespace == NamespaceProcessing {
		for _, p := range w.processing.list {
			if p.started >= p.ended || p.started > ms(now) || p.ended < ms(cutoff) {
				continue
			}
			for _, m := range []string{"CPUUtilization", "MemoryUtilization", "DiskUtilization"} {
				add(NamespaceProcessing, m, Dimension{"Host", p.name + "/algo-1"})
			}
		}
	}
	return out
}
