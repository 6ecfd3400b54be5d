package world

import "strings"

const maxTags = 50

// Tags is ListTags for a SageMaker, EFS or Backup resource ARN.
func (w *World) Tags(arn string) ([]Tag, error) {
	w.rlock()
	defer w.mu.RUnlock()
	slot, err := w.tagSlot(arn, false)
	if err != nil {
		return nil, err
	}
	return append([]Tag(nil), (*slot)...), nil
}

// AddTags adds or overwrites tags on a resource (AddTags, TagResource).
func (w *World) AddTags(arn string, tags []Tag) error {
	w.wlock()
	defer w.mu.Unlock()
	for _, t := range tags {
		if t.Key == "" || len(t.Key) > 128 || len(t.Value) > 256 {
			return invalid("Tag keys must be 1 to 128 characters and values at most 256 characters")
		}
		if strings.HasPrefix(strings.ToLower(t.Key), "aws:") {
			return invalid("Tag keys starting with 'aws:' are reserved")
		}
	}
	slot, err := w.tagSlot(arn, true)
	if err != nil {
		return err
	}
	merged := mergeTags(*slot, tags)
	if len(merged) > maxTags {
		return ErrLimitExceeded{Msg: "Tag limit exceeded: a resource can have at most 50 tags"}
	}
	*slot = merged
	return nil
}

// DeleteTags removes tags by key (DeleteTags, UntagResource).
func (w *World) DeleteTags(arn string, keys []string) error {
	w.wlock()
	defer w.mu.Unlock()
	slot, err := w.tagSlot(arn, true)
	if err != nil {
		return err
	}
	*slot = removeTags(*slot, keys)
	return nil
}

// tagSlot finds where a resource keeps its tags. forWrite gives a training
// job its own copy of its template's tags first.
func (w *World) tagSlot(arn string, forWrite bool) (*[]Tag, error) {
	a, ok := ParseArn(arn)
	if !ok {
		return nil, invalid("%s is not a valid ARN", arn)
	}
	if a.Account != w.account || (a.Region != "" && a.Region != w.region) {
		return nil, notFound("Resource", arn)
	}
	kind, name, _ := strings.Cut(a.Resource, "/")
	switch a.Service {
	case "sagemaker":
		switch kind {
		case "training-job":
			if j := w.training.get(name); j != nil {
				if forWrite && j.tags == nil {
					j.tags = append([]Tag(nil), j.spec.Tags...)
				}
				if j.tags == nil {
					return &j.spec.Tags, nil
				}
				return &j.tags, nil
			}
		case "processing-job":
			if p := w.processing.byName[name]; p != nil {
				return &p.spec.Tags, nil
			}
		case "pipeline":
			if p := w.pipelines.byName[name]; p != nil && !strings.Contains(name, "/") {
				return &p.Tags, nil
			}
		case "model-package-group":
			if g := w.registry.groups[name]; g != nil {
				return &g.Tags, nil
			}
		case "model-package":
			if p := w.registry.byArn[strings.ToLower(arn)]; p != nil {
				return &p.Tags, nil
			}
		case "endpoint":
			for _, e := range w.serving.endpointList {
				if strings.EqualFold(e.EndpointName, name) {
					return &e.Tags, nil
				}
			}
		case "endpoint-config":
			for n, c := range w.serving.configs {
				if strings.EqualFold(n, name) {
					return &c.Tags, nil
				}
			}
		case "model":
			for n, m := range w.serving.models {
				if strings.EqualFold(n, name) {
					return &m.Tags, nil
				}
			}
		case "domain":
			for id, d := range w.studio.domains {
				if strings.EqualFold(id, name) {
					return &d.Tags, nil
				}
			}
		case "user-profile":
			for _, u := range w.studio.users {
				if strings.EqualFold(u.UserProfileArn, arn) {
					return &u.Tags, nil
				}
			}
		case "space":
			for _, s := range w.studio.spaces {
				if strings.EqualFold(s.SpaceArn, arn) {
					return &s.Tags, nil
				}
			}
		case "app":
			for _, ap := range w.studio.apps {
				if strings.EqualFold(ap.AppArn, arn) {
					return &ap.Tags, nil
				}
			}
		case "project":
			for n, p := range w.projects.byName {
				if strings.EqualFold(n, name) {
					return &p.Tags, nil
				}
			}
		}
	case "elasticfilesystem":
		if f := w.efs.byId[name]; f != nil && kind == "file-system" {
			return &f.Tags, nil
		}
	}
	return nil, notFound("Resource", arn)
}
