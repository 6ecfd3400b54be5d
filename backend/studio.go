package backend

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// userReadBudget bounds the per-user calls (describe, tags) one sync makes,
// so a domain with thousands of new profiles fills in over a few polls
// instead of holding the feed for minutes.
const userReadBudget = 100

// studioCache holds the Studio domains, user profiles and apps. A profile
// is described and its tags read once, and again only when its
// LastModifiedTime moves; a domain is described once.
type studioCache struct {
	acct *aws.Account
	tags domain.TagKeys

	mu       sync.Mutex
	domains  map[string]domain.StudioDomain // by id, described
	order    []string                       // domain ids as listed
	users    map[string]*userEntry          // by domain id + "/" + name
	apps     []domain.StudioApp
	syncedAt time.Time
	appsAt   time.Time
}

type userEntry struct {
	user         domain.User
	arn          string
	lastModified time.Time
	described    bool
	tagged       bool
}

func newStudioCache(acct *aws.Account, tags domain.TagKeys) *studioCache {
	return &studioCache{acct: acct, tags: tags, domains: map[string]domain.StudioDomain{}, users: map[string]*userEntry{}}
}

// findUser looks for the profile whose name matches principal, with one
// filtered list call across domains.
func (s *studioCache) findUser(ctx context.Context, principal string) (domain.User, bool, error) {
	key := profileKey(principal)
	if key == "" {
		return domain.User{}, false, nil
	}
	found, err := s.acct.UserProfiles(ctx, "", key)
	if err != nil {
		return domain.User{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sum := range found {
		if profileKey(sum.Name) != key {
			continue
		}
		budget := userReadBudget
		e, err := s.ensureUserLocked(ctx, sum, &budget)
		if err != nil {
			return domain.User{}, false, err
		}
		return e.user, true, nil
	}
	return domain.User{}, false, nil
}

// sync refreshes domains and users (and apps when withApps) unless that
// was done less than maxAge ago; now is the poll clock.
func (s *studioCache) sync(ctx context.Context, now time.Time, maxAge time.Duration, withApps bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	fresh := !isDue(now, s.syncedAt, maxAge)
	appsFresh := !isDue(now, s.appsAt, maxAge)
	if fresh && (!withApps || appsFresh) {
		return nil
	}
	if !fresh {
		if err := s.syncUsersLocked(ctx); err != nil {
			return err
		}
		s.syncedAt = now
	}
	if withApps && !appsFresh {
		var apps []domain.StudioApp
		for _, id := range s.order {
			got, err := s.acct.Apps(ctx, id)
			if err != nil {
				return err
			}
			apps = append(apps, got...)
		}
		s.apps = apps
		s.appsAt = now
	}
	return nil
}

func (s *studioCache) syncUsersLocked(ctx context.Context) error {
	listed, err := s.acct.Domains(ctx)
	if err != nil {
		return err
	}
	s.order = s.order[:0]
	seenUsers := map[string]bool{}
	budget := userReadBudget
	for _, d := range listed {
		s.order = append(s.order, d.ID)
		if known, ok := s.domains[d.ID]; !ok || known.Status != d.Status {
			full, err := s.acct.DescribeDomain(ctx, d.ID)
			if err != nil {
				return err
			}
			s.domains[d.ID] = full
		}
		profiles, err := s.acct.UserProfiles(ctx, d.ID, "")
		if err != nil {
			return err
		}
		for _, p := range profiles {
			seenUsers[p.DomainID+"/"+p.Name] = true
			if _, err := s.ensureUserLocked(ctx, p, &budget); err != nil {
				return err
			}
		}
	}
	for k := range s.users {
		if !seenUsers[k] {
			delete(s.users, k)
		}
	}
	return nil
}

// ensureUserLocked describes and tags a profile that is new or changed,
// while budget lasts.
func (s *studioCache) ensureUserLocked(ctx context.Context, p aws.UserProfileSummary, budget *int) (*userEntry, error) {
	key := p.DomainID + "/" + p.Name
	e := s.users[key]
	if e == nil || !e.lastModified.Equal(p.LastModified) {
		prevUser := domain.User{}
		if e != nil {
			prevUser = e.user
		}
		e = &userEntry{lastModified: p.LastModified, user: prevUser}
		e.user.DomainID, e.user.Name, e.user.Status, e.user.CreatedAt = p.DomainID, p.Name, p.Status, p.CreatedAt
		s.users[key] = e
	}
	e.user.Status = p.Status
	if !e.described && *budget > 0 {
		*budget--
		full, err := s.acct.DescribeUserProfile(ctx, p.DomainID, p.Name)
		if err != nil {
			return nil, err
		}
		e.arn, e.user.HomeEFSUID, e.described = full.ARN, full.User.HomeEFSUID, true
	}
	if e.described && !e.tagged && *budget > 0 {
		*budget--
		tags, err := s.acct.Tags(ctx, e.arn)
		if err != nil {
			return nil, err
		}
		e.user.Tags = tags
		e.user.Role = roleFromTag(tags[s.tags.Role])
		e.user.Projects = domain.SplitTagList(tags[s.tags.Projects])
		e.tagged = true
	}
	return e, nil
}

// snapshot returns the domains (as listed), users (by domain, then name)
// and apps.
func (s *studioCache) snapshot() ([]domain.StudioDomain, []domain.User, []domain.StudioApp) {
	s.mu.Lock()
	defer s.mu.Unlock()
	domains := make([]domain.StudioDomain, 0, len(s.order))
	for _, id := range s.order {
		domains = append(domains, s.domains[id])
	}
	users := make([]domain.User, 0, len(s.users))
	for _, e := range s.users {
		users = append(users, e.user)
	}
	sort.Slice(users, func(i, j int) bool {
		if users[i].DomainID != users[j].DomainID {
			return users[i].DomainID < users[j].DomainID
		}
		return users[i].Name < users[j].Name
	})
	return domains, users, append([]domain.StudioApp(nil), s.apps...)
}
