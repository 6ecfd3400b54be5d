package server

import (
	"fmt"
	"net/url"
	"strings"
)

// restRoute is a parsed HTTP binding: method, path segments and required
// query parameters.
type restRoute struct {
	method   string
	segs     []routeSeg
	query    []queryLiteral
	greedy   bool
	literals int
	op       *Op
	svc      *service
}

type routeSeg struct {
	literal string
	label   string // set for {label} and {label+}
	greedy  bool
}

type queryLiteral struct {
	key, value string
	hasValue   bool
}

// parseRoute reads a template such as "/backup-vaults/{BackupVaultName}/recovery-points/"
// or "/{Bucket}/{Key+}?tagging".
func parseRoute(method, tmpl string) (*restRoute, error) {
	path, rawQuery, _ := strings.Cut(tmpl, "?")
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("path template %q must start with /", tmpl)
	}
	rt := &restRoute{method: method}
	for _, part := range splitPath(path) {
		seg := routeSeg{literal: part}
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
			label := part[1 : len(part)-1]
			seg = routeSeg{label: strings.TrimSuffix(label, "+"), greedy: strings.HasSuffix(label, "+")}
			if seg.label == "" {
				return nil, fmt.Errorf("empty label in %q", tmpl)
			}
		} else if strings.ContainsAny(part, "{}") {
			return nil, fmt.Errorf("a label must fill a whole segment in %q", tmpl)
		} else {
			rt.literals++
		}
		if rt.greedy {
			return nil, fmt.Errorf("a greedy label must be last in %q", tmpl)
		}
		rt.greedy = seg.greedy
		rt.segs = append(rt.segs, seg)
	}
	if rawQuery != "" {
		for _, kv := range strings.Split(rawQuery, "&") {
			k, v, has := strings.Cut(kv, "=")
			rt.query = append(rt.query, queryLiteral{key: k, value: v, hasValue: has})
		}
	}
	return rt, nil
}

// splitPath splits a path into segments, ignoring the leading slash and one
// trailing slash, so /a/b/ and /a/b match alike.
func splitPath(p string) []string {
	p = strings.TrimPrefix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// match tests the route against a request's method, escaped path and query.
// It returns the path labels, unescaped.
func (rt *restRoute) match(method, escapedPath string, query url.Values) (map[string]string, bool) {
	if method != rt.method {
		return nil, false
	}
	for _, q := range rt.query {
		vals, ok := query[q.key]
		if !ok || (q.hasValue && (len(vals) == 0 || vals[0] != q.value)) {
			return nil, false
		}
	}
	var parts []string
	if rt.greedy {
		// Keep a trailing slash: it is part of a greedy label (an S3 key "dir/").
		trimmed := strings.TrimPrefix(escapedPath, "/")
		if trimmed != "" {
			parts = strings.Split(trimmed, "/")
		}
	} else {
		parts = splitPath(escapedPath)
	}
	labels := map[string]string{}
	for i, seg := range rt.segs {
		if seg.greedy {
			if i >= len(parts) {
				return nil, false
			}
			rest, err := url.PathUnescape(strings.Join(parts[i:], "/"))
			if err != nil || rest == "" {
				return nil, false
			}
			labels[seg.label] = rest
			return labels, true
		}
		if i >= len(parts) {
			return nil, false
		}
		part, err := url.PathUnescape(parts[i])
		if err != nil {
			return nil, false
		}
		if seg.label == "" {
			if part != seg.literal {
				return nil, false
			}
			continue
		}
		if part == "" {
			return nil, false
		}
		labels[seg.label] = part
	}
	if len(parts) != len(rt.segs) {
		return nil, false
	}
	return labels, true
}

// moreSpecific orders competing routes: more literal segments, then more
// required query parameters, then no greedy label.
func (rt *restRoute) moreSpecific(o *restRoute) bool {
	if rt.literals != o.literals {
		return rt.literals > o.literals
	}
	if len(rt.query) != len(o.query) {
		return len(rt.query) > len(o.query)
	}
	return !rt.greedy && o.greedy
}
