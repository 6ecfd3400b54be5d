package backend

import (
	"context"

	"github.com/agdash/agdash/backend/aws"
)

// projectTagged is a cached resource whose project tag is read once.
type projectTagged interface {
	// tagTarget is the resource's name, as Search results key it, and its
	// ARN, for ListTags.
	tagTarget() (name, arn string)
	// setProject records the project tag's value ("" when untagged).
	setProject(project string)
}

// readProjectTags reads the project tag (tag key projectKey) of resources
// of one kind: one Search for all of them, or where Search is refused (or
// has not indexed a new one yet) a ListTags each. A resource with no ARN
// Search did not find stays untagged until a later poll.
func readProjectTags[E projectTagged](ctx context.Context, acct *aws.Account, search *searchable, kind aws.SearchResource, projectKey string, untagged []E) error {
	if len(untagged) == 0 {
		return nil
	}
	var found map[string]map[string]string
	if _, err := search.try(string(kind), func() (err error) {
		found, err = acct.SearchTags(ctx, kind)
		return err
	}); err != nil {
		return err
	}
	var rest []E
	for _, e := range untagged {
		name, arn := e.tagTarget()
		if tags, ok := found[name]; ok {
			e.setProject(tags[projectKey])
		} else if arn != "" {
			rest = append(rest, e)
		}
	}
	return each(ctx, len(rest), func(ctx context.Context, i int) error {
		_, arn := rest[i].tagTarget()
		tags, err := acct.Tags(ctx, arn)
		if err != nil {
			return err
		}
		rest[i].setProject(tags[projectKey])
		return nil
	})
}
