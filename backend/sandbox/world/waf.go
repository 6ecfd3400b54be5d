package world

import "sort"

// WebACLRule is one rule of a web ACL.
type WebACLRule struct {
	Name       string
	Priority   int32
	Action     string // Block, Count, or "" for managed rule groups
	MetricName string
}

// WebACL mirrors WAFv2's shape (regional scope).
type WebACL struct {
	Name                   string
	Id                     string
	ARN                    string
	Description            string
	DefaultAction          string // Allow
	MetricName             string // the WebACL dimension of its metrics
	Rules                  []WebACLRule
	AssociatedResourceArns []string
}

type webACL struct {
	WebACL
	api *restApi
}

type wafStore struct {
	byName map[string]*webACL
}

func (s *wafStore) init() { s.byName = map[string]*webACL{} }

// AddWebACL places a web ACL in front of an API during Build.
func (b *Builder) AddWebACL(acl WebACL, apiID string) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	a := w.apigw.byId[apiID]
	if a == nil {
		return invalid("web ACL %s protects unknown API %s", acl.Name, apiID)
	}
	wa := &webACL{WebACL: acl, api: a}
	a.acl = wa
	w.waf.byName[acl.Name] = wa
	return nil
}

// WebACLs is ListWebACLs (regional), by name.
func (w *World) WebACLs() []WebACL {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]WebACL, 0, len(w.waf.byName))
	for _, a := range w.waf.byName {
		out = append(out, a.WebACL)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// WebACL is GetWebACL by name.
func (w *World) WebACL(name string) (WebACL, error) {
	w.rlock()
	defer w.mu.RUnlock()
	a := w.waf.byName[name]
	if a == nil {
		return WebACL{}, notFound("WebACL", name)
	}
	return a.WebACL, nil
}
