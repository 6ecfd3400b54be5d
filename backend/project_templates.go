package backend

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// templateRetry is how long a template whose name could not be read is
// shown by its product id before agdash asks again. A product's name
// practically never changes, and AWS does not answer differently from one
// poll to the next: a product not found, or a throttled or failing Service
// Catalog, is left alone for this long.
const templateRetry = 30 * time.Minute

// templateNames holds the names of the projects' MLOps templates (Service
// Catalog products), each read once per session however many projects
// share it. A name that cannot be read leaves the project showing the
// product id and never fails the projects feed: the name is a nicety, and
// users of an AG role may lack servicecatalog:DescribeProduct.
type templateNames struct {
	mu   sync.Mutex
	byID map[string]templateName
}

// templateName is what is known of one product.
type templateName struct {
	name     string    // "" until read
	failedAt time.Time // when the last read failed
	denied   bool      // IAM refused: not asked again this session
}

// due reports whether the product's name should be read now.
func (t templateName) due(now time.Time) bool {
	switch {
	case t.name != "", t.denied:
		return false
	case t.failedAt.IsZero():
		return true
	}
	return !now.Before(t.failedAt.Add(templateRetry))
}

// resolve reads the names of those products of projects that are due, one
// DescribeProduct per product, at the same time.
func (tn *templateNames) resolve(ctx context.Context, acct *aws.Account, now time.Time, projects []domain.Project) {
	tn.mu.Lock()
	if tn.byID == nil {
		tn.byID = map[string]templateName{}
	}
	wanted := map[string]bool{}
	for _, p := range projects {
		if p.TemplateID != "" && tn.byID[p.TemplateID].due(now) {
			wanted[p.TemplateID] = true
		}
	}
	tn.mu.Unlock()
	ids := make([]string, 0, len(wanted))
	for id := range wanted {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// Errors are kept per product, never returned: each is nil.
	_ = each(ctx, len(ids), func(ctx context.Context, i int) error {
		name, err := acct.ProductName(ctx, ids[i])
		tn.record(ctx, ids[i], name, err, now)
		return nil
	})
}

// record keeps the outcome of one read.
func (tn *templateNames) record(ctx context.Context, id, name string, err error, now time.Time) {
	tn.mu.Lock()
	defer tn.mu.Unlock()
	switch kind := aws.Classify(err); {
	case err == nil:
		tn.byID[id] = templateName{name: name}
	case ctx.Err() != nil, kind == aws.KindExpired:
		// Not the product's doing: the poll was cut short, or every call
		// fails until the credentials are renewed. Ask on the next poll.
	case kind == aws.KindAccessDenied:
		tn.byID[id] = templateName{denied: true}
	default:
		tn.byID[id] = templateName{failedAt: now}
	}
}

// named sets p's Template to its template's name, when known; else it
// stays the product id.
func (tn *templateNames) named(p domain.Project) domain.Project {
	tn.mu.Lock()
	defer tn.mu.Unlock()
	if n := tn.byID[p.TemplateID].name; n != "" {
		p.Template = n
	}
	return p
}
