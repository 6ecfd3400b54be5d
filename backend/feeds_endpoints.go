package backend

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

const (
	// frontRefresh is how often the API Gateway fronts are read again:
	// they change with deployments, not minute to minute.
	frontRefresh = 10 * time.Minute
	// listMetricsWindow and its period feed the list's sparklines.
	listMetricsWindow = time.Hour
	listMetricsPeriod = time.Minute
	// detailMetricsWindow is the longest window the detail view offers.
	detailMetricsWindow = 24 * time.Hour
	detailMetricsPeriod = 5 * time.Minute
)

// endpointCache holds the endpoints as last described, their (immutable)
// configurations, tags, fronts and alarms. An endpoint is described when it
// is new, when the list shows its status or LastModifiedTime moved, or
// while it is in a transitional status (Creating, Updating, ...). The first
// list is read beside one Search, which answers for every endpoint it has
// indexed with what a describe and a ListTags would say.
type endpointCache struct {
	acct    *aws.Account
	tags    domain.TagKeys
	pollNow func() time.Time

	mu       sync.Mutex
	entries  map[string]*endpointEntry
	listedAt time.Time
	configs  map[string]aws.EndpointConfig
	search   searchable

	// The fronts and alarms have their own lock, so that they are read
	// while the endpoints are (lock order: mu, then extrasMu).
	extrasMu sync.Mutex
	fronts   map[string]domain.APIFront
	frontsAt time.Time
	alarms   []aws.Alarm
	alarmsAt time.Time
}

type endpointEntry struct {
	ep        domain.Endpoint
	checkedAt time.Time // when the list or a describe last confirmed it
	tagged    bool
}

func newEndpointCache(acct *aws.Account, tags domain.TagKeys, pollNow func() time.Time) *endpointCache {
	return &endpointCache{
		acct: acct, tags: tags, pollNow: pollNow,
		entries: map[string]*endpointEntry{}, configs: map[string]aws.EndpointConfig{},
	}
}

// stableEndpoint reports a status that changes only with LastModifiedTime.
func stableEndpoint(status string) bool {
	return status == domain.EndpointInService || status == domain.EndpointFailed || status == "OutOfService"
}

// syncList lists endpoints unless that was done less than maxAge ago, and
// describes those that need it, all at once.
func (c *endpointCache) syncList(ctx context.Context, maxAge time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.pollNow()
	if !isDue(now, c.listedAt, maxAge) {
		return nil
	}
	var listed []domain.Endpoint
	searched := map[string]domain.Endpoint{}
	reads := []func(context.Context) error{
		func(ctx context.Context) (err error) { listed, err = c.acct.Endpoints(ctx); return err },
	}
	if c.listedAt.IsZero() {
		reads = append(reads, func(ctx context.Context) error {
			_, err := c.search.try("Endpoint", func() error {
				found, err := c.acct.SearchEndpoints(ctx)
				for _, e := range found {
					searched[e.Name] = e
				}
				return err
			})
			return err
		})
	}
	if err := together(ctx, reads...); err != nil {
		return err
	}
	seen := map[string]bool{}
	var due []string
	for _, l := range listed {
		seen[l.Name] = true
		e := c.entries[l.Name]
		if e != nil && e.ep.Status == l.Status && e.ep.LastModified.Equal(l.LastModified) && stableEndpoint(l.Status) {
			e.checkedAt = now
			continue
		}
		if s, ok := searched[l.Name]; ok && s.Status == l.Status && s.LastModified.Equal(l.LastModified) {
			c.takeLocked(s, true, now)
			continue
		}
		due = append(due, l.Name)
	}
	for name := range c.entries {
		if !seen[name] {
			delete(c.entries, name)
		}
	}
	if err := c.describeLocked(ctx, due, now); err != nil {
		return err
	}
	c.listedAt = now
	return nil
}

// describeLocked reads endpoints, then the configurations and tags not
// read before, each step all at once. An endpoint that no longer exists
// leaves the cache.
func (c *endpointCache) describeLocked(ctx context.Context, names []string, now time.Time) error {
	described := make([]*domain.Endpoint, len(names))
	err := each(ctx, len(names), func(ctx context.Context, i int) error {
		d, err := c.acct.DescribeEndpoint(ctx, names[i])
		if aws.IsNotFound(err) {
			return nil
		}
		described[i] = &d
		return err
	})
	if err != nil {
		return err
	}
	for i, d := range described {
		if d == nil {
			delete(c.entries, names[i])
			continue
		}
		c.takeLocked(*d, false, now)
	}
	return c.completeLocked(ctx)
}

// takeLocked records a described (or searched, with tags) endpoint.
func (c *endpointCache) takeLocked(d domain.Endpoint, withTags bool, now time.Time) {
	e := c.entries[d.Name]
	if e == nil {
		e = &endpointEntry{}
		c.entries[d.Name] = e
	}
	if withTags {
		d.Project, d.Stage, e.tagged = d.Tags[c.tags.ProjectName], d.Tags[c.tags.Stage], true
	} else {
		d.Project, d.Stage, d.Tags = e.ep.Project, e.ep.Stage, e.ep.Tags
	}
	e.ep, e.checkedAt = d, now
}

// completeLocked reads the configurations and tags that endpoints lack,
// and gives each endpoint's variants their instance type and model.
func (c *endpointCache) completeLocked(ctx context.Context) error {
	var configs []string
	var untagged []*endpointEntry
	for _, e := range c.entries {
		if name := e.ep.ConfigName; name != "" && !slices.Contains(configs, name) {
			if _, ok := c.configs[name]; !ok {
				configs = append(configs, name)
			}
		}
		if !e.tagged && e.ep.ARN != "" {
			untagged = append(untagged, e)
		}
	}
	read := make([]aws.EndpointConfig, len(configs))
	tags := make([]map[string]string, len(untagged))
	err := together(ctx,
		func(ctx context.Context) error {
			return each(ctx, len(configs), func(ctx context.Context, i int) (err error) {
				read[i], err = c.acct.DescribeEndpointConfig(ctx, configs[i])
				return err
			})
		},
		func(ctx context.Context) error {
			return each(ctx, len(untagged), func(ctx context.Context, i int) (err error) {
				tags[i], err = c.acct.Tags(ctx, untagged[i].ep.ARN)
				return err
			})
		})
	if err != nil {
		return err
	}
	for i, cfg := range read {
		c.configs[configs[i]] = cfg
	}
	for i, e := range untagged {
		e.ep.Tags, e.ep.Project, e.ep.Stage, e.tagged = tags[i], tags[i][c.tags.ProjectName], tags[i][c.tags.Stage], true
	}
	for _, e := range c.entries {
		applyConfig(&e.ep, c.configs[e.ep.ConfigName])
	}
	return nil
}

// applyConfig gives an endpoint's variants what only its configuration
// says: instance type, model and serverless memory.
func applyConfig(d *domain.Endpoint, cfg aws.EndpointConfig) {
	for i := range d.Variants {
		for _, spec := range cfg.Variants {
			if spec.Name == d.Variants[i].Name {
				d.Variants[i].InstanceType, d.Variants[i].ModelName = spec.InstanceType, spec.ModelName
				if d.Variants[i].ServerlessMem == 0 {
					d.Variants[i].ServerlessMem = spec.ServerlessMem
				}
			}
		}
	}
}

// syncExtras refreshes the fronts (rarely) and the alarms (when older
// than maxAge), both at once. Neither stops the endpoints from showing: a
// role that may not read API Gateway or alarms still sees its endpoints,
// and a throttled read is tried again on the next poll.
func (c *endpointCache) syncExtras(ctx context.Context, maxAge time.Duration) {
	c.extrasMu.Lock()
	defer c.extrasMu.Unlock()
	now := c.pollNow()
	var fronts map[string]domain.APIFront
	var alarms []aws.Alarm
	frontsDue, alarmsDue := isDue(now, c.frontsAt, frontRefresh), isDue(now, c.alarmsAt, maxAge)
	var frontsErr, alarmsErr error
	var reads []func(context.Context) error
	if frontsDue {
		reads = append(reads, func(ctx context.Context) error {
			fronts, frontsErr = c.acct.APIFronts(ctx)
			return nil
		})
	}
	if alarmsDue {
		reads = append(reads, func(ctx context.Context) error {
			alarms, alarmsErr = c.acct.Alarms(ctx)
			return nil
		})
	}
	_ = together(ctx, reads...)
	switch {
	case frontsDue && frontsErr == nil:
		c.fronts, c.frontsAt = fronts, now
	case aws.IsAccessDenied(frontsErr):
		c.frontsAt = now
	}
	switch {
	case alarmsDue && alarmsErr == nil:
		c.alarms, c.alarmsAt = alarms, now
	case aws.IsAccessDenied(alarmsErr):
		c.alarmsAt = now
	}
}

// snapshot returns the endpoints by name, each with its front and alarms.
func (c *endpointCache) snapshot() []domain.Endpoint {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]domain.Endpoint, 0, len(c.entries))
	for _, e := range c.entries {
		out = append(out, c.decorate(e.ep))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// decorate gives an endpoint its front and alarms.
func (c *endpointCache) decorate(ep domain.Endpoint) domain.Endpoint {
	c.extrasMu.Lock()
	defer c.extrasMu.Unlock()
	if f, ok := c.fronts[ep.Name]; ok {
		ep.Front = &f
	}
	ep.Alarms = nil
	for _, a := range c.alarms {
		if a.Dims["EndpointName"] == ep.Name || (ep.Front != nil && a.Dims["ApiName"] == ep.Front.APIName) {
			ep.Alarms = append(ep.Alarms, a.Alarm)
		}
	}
	sort.SliceStable(ep.Alarms, func(i, j int) bool {
		return ep.Alarms[i].State == domain.AlarmAlarm && ep.Alarms[j].State != domain.AlarmAlarm
	})
	return ep
}

// fetchEndpoints lists endpoints, then reads every endpoint's metrics (and
// its front's) in one batched GetMetricData call per 500 queries.
func (c *Client) fetchEndpoints(ctx context.Context, _ any) (any, error) {
	err := together(ctx,
		func(ctx context.Context) error { return c.endpoints.syncList(ctx, c.intervals.Endpoints) },
		func(ctx context.Context) error { c.endpoints.syncExtras(ctx, c.intervals.Endpoints); return nil },
	)
	if err != nil {
		return nil, err
	}
	eps := c.endpoints.snapshot()
	var queries []aws.MetricQuery
	for i, e := range eps {
		queries = append(queries, endpointQueries(fmt.Sprintf("e%d", i), e, c.acct.Region, listMetricsPeriod)...)
	}
	start, end := wholePeriods(c.now(), listMetricsWindow, listMetricsPeriod)
	results, err := c.acct.MetricData(ctx, queries, start, end)
	if err != nil {
		return nil, err
	}
	for i := range eps {
		series := endpointSeries(fmt.Sprintf("e%d", i), eps[i], results)
		eps[i].Metrics = deriveMetrics(series, listMetricsPeriod)
		if eps[i].Front != nil {
			applyFrontMetrics(eps[i].Front, series, listMetricsPeriod)
		}
		eps[i].Health = evaluateHealth(c.health, eps[i])
	}
	return EndpointsData{Endpoints: eps}, nil
}

// fetchEndpoint reads one endpoint in detail: described unless the list
// feed confirmed it this interval, and 24 hours of every metric.
func (c *Client) fetchEndpoint(ctx context.Context, name string) (any, error) {
	var ep domain.Endpoint
	var cfg aws.EndpointConfig
	err := together(ctx,
		func(ctx context.Context) (err error) {
			ep, cfg, err = c.endpoints.one(ctx, name, c.intervals.Endpoints)
			return err
		},
		func(ctx context.Context) error { c.endpoints.syncExtras(ctx, c.intervals.Endpoints); return nil },
	)
	if err != nil {
		return nil, err
	}
	ep = c.endpoints.decorate(ep)
	start, end := wholePeriods(c.now(), detailMetricsWindow, detailMetricsPeriod)
	results, err := c.acct.MetricData(ctx, endpointQueries("d", ep, c.acct.Region, detailMetricsPeriod), start, end)
	if err != nil {
		return nil, err
	}
	series := endpointSeries("d", ep, results)
	ep.Metrics = deriveMetrics(series, detailMetricsPeriod)
	if ep.Front != nil {
		applyFrontMetrics(ep.Front, series, detailMetricsPeriod)
	}
	ep.Health = evaluateHealth(c.health, ep)
	return EndpointData{
		Endpoint: ep,
		Config: EndpointConfig{
			Name: cfg.Name, CreatedAt: cfg.CreatedAt, DataCapture: cfg.DataCapture, KMSKey: cfg.KMSKey, VariantSpecs: cfg.Variants,
		},
		Series: series,
		Window: detailMetricsWindow,
	}, nil
}

// wholePeriods is the metrics query window of length window ending at the
// last period boundary at or before now: a period still filling up would
// read as a fall in traffic, and CloudWatch answers fastest for times on
// period boundaries. (Truncate counts from the zero time, so 5-minute
// periods start at :00, :05, … of every hour.)
func wholePeriods(now time.Time, window, period time.Duration) (start, end time.Time) {
	end = now.Truncate(period)
	return end.Add(-window), end
}

// one returns an endpoint and its configuration, described if the cache
// has not confirmed it within maxAge.
func (c *endpointCache) one(ctx context.Context, name string, maxAge time.Duration) (domain.Endpoint, aws.EndpointConfig, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.pollNow()
	if e := c.entries[name]; e == nil || isDue(now, e.checkedAt, maxAge) {
		if err := c.describeLocked(ctx, []string{name}, now); err != nil {
			return domain.Endpoint{}, aws.EndpointConfig{}, err
		}
	}
	e := c.entries[name]
	if e == nil {
		return domain.Endpoint{}, aws.EndpointConfig{}, fmt.Errorf("endpoint %s does not exist", name)
	}
	return e.ep, c.configs[e.ep.ConfigName], nil
}
