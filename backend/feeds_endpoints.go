package backend

import (
	"context"
	"fmt"
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
// while it is in a transitional status (Creating, Updating, ...).
type endpointCache struct {
	acct    *aws.Account
	tags    domain.TagKeys
	pollNow func() time.Time

	mu       sync.Mutex
	entries  map[string]*endpointEntry
	listedAt time.Time
	configs  map[string]aws.EndpointConfig
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
// describes those that need it.
func (c *endpointCache) syncList(ctx context.Context, maxAge time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.pollNow()
	if !isDue(now, c.listedAt, maxAge) {
		return nil
	}
	listed, err := c.acct.Endpoints(ctx)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, l := range listed {
		seen[l.Name] = true
		e := c.entries[l.Name]
		if e != nil && e.ep.Status == l.Status && e.ep.LastModified.Equal(l.LastModified) && stableEndpoint(l.Status) {
			e.checkedAt = now
			continue
		}
		if err := c.describeLocked(ctx, l.Name, now); err != nil {
			return err
		}
	}
	for name := range c.entries {
		if !seen[name] {
			delete(c.entries, name)
		}
	}
	c.listedAt = now
	return nil
}

// describeLocked reads one endpoint, its configuration the first time it
// is seen, and its tags once.
func (c *endpointCache) describeLocked(ctx context.Context, name string, now time.Time) error {
	d, err := c.acct.DescribeEndpoint(ctx, name)
	if aws.IsNotFound(err) {
		delete(c.entries, name)
		return nil
	}
	if err != nil {
		return err
	}
	e := c.entries[name]
	if e == nil {
		e = &endpointEntry{}
		c.entries[name] = e
	}
	d.Project, d.Stage, d.Tags = e.ep.Project, e.ep.Stage, e.ep.Tags
	cfg, ok := c.configs[d.ConfigName]
	if !ok && d.ConfigName != "" {
		if cfg, err = c.acct.DescribeEndpointConfig(ctx, d.ConfigName); err != nil {
			return err
		}
		c.configs[d.ConfigName] = cfg
	}
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
	if !e.tagged {
		tags, err := c.acct.Tags(ctx, d.ARN)
		if err != nil {
			return err
		}
		d.Tags, d.Project, d.Stage = tags, tags[c.tags.ProjectName], tags[c.tags.Stage]
		e.tagged = true
	}
	e.ep, e.checkedAt = d, now
	return nil
}

// syncExtras refreshes the fronts (rarely) and the alarms (when older
// than maxAge). Neither stops the endpoints from showing: a role that may
// not read API Gateway or alarms still sees its endpoints.
func (c *endpointCache) syncExtras(ctx context.Context, maxAge time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.pollNow()
	if isDue(now, c.frontsAt, frontRefresh) {
		if fronts, err := c.acct.APIFronts(ctx); err == nil {
			c.fronts = fronts
		}
		c.frontsAt = now
	}
	if isDue(now, c.alarmsAt, maxAge) {
		if alarms, err := c.acct.Alarms(ctx); err == nil {
			c.alarms = alarms
		}
		c.alarmsAt = now
	}
}

// snapshot returns the endpoints by name, each with its front and alarms.
func (c *endpointCache) snapshot() []domain.Endpoint {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]domain.Endpoint, 0, len(c.entries))
	for _, e := range c.entries {
		out = append(out, c.decorateLocked(e.ep))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (c *endpointCache) decorateLocked(ep domain.Endpoint) domain.Endpoint {
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
	if err := c.endpoints.syncList(ctx, c.intervals.Endpoints); err != nil {
		return nil, err
	}
	c.endpoints.syncExtras(ctx, c.intervals.Endpoints)
	eps := c.endpoints.snapshot()
	var queries []aws.MetricQuery
	for i, e := range eps {
		queries = append(queries, endpointQueries(fmt.Sprintf("e%d", i), e, c.acct.Region, listMetricsPeriod)...)
	}
	end := c.now().Truncate(time.Minute)
	results, err := c.acct.MetricData(ctx, queries, end.Add(-listMetricsWindow), end)
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
	ep, cfg, err := c.endpoints.one(ctx, name, c.intervals.Endpoints)
	if err != nil {
		return nil, err
	}
	c.endpoints.syncExtras(ctx, c.intervals.Endpoints)
	ep = c.endpoints.decorate(ep)
	end := c.now().Truncate(time.Minute)
	results, err := c.acct.MetricData(ctx, endpointQueries("d", ep, c.acct.Region, detailMetricsPeriod), end.Add(-detailMetricsWindow), end)
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

// one returns an endpoint and its configuration, described if the cache
// has not confirmed it within maxAge.
func (c *endpointCache) one(ctx context.Context, name string, maxAge time.Duration) (domain.Endpoint, aws.EndpointConfig, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.pollNow()
	if e := c.entries[name]; e == nil || isDue(now, e.checkedAt, maxAge) {
		if err := c.describeLocked(ctx, name, now); err != nil {
			return domain.Endpoint{}, aws.EndpointConfig{}, err
		}
	}
	e := c.entries[name]
	if e == nil {
		return domain.Endpoint{}, aws.EndpointConfig{}, fmt.Errorf("endpoint %s does not exist", name)
	}
	return e.ep, c.configs[e.ep.ConfigName], nil
}

func (c *endpointCache) decorate(ep domain.Endpoint) domain.Endpoint {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.decorateLocked(ep)
}
