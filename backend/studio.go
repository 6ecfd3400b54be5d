package backend

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// userReadBudget bounds the per-user calls (tags, describes) one sync
// makes, so a domain with thousands of new profiles fills in over a few
// polls instead of holding the feed for minutes.
const userReadBudget = 100

// studioCache holds the Studio domains, user profiles and apps.
//
// Domains and profiles are listed across every domain in one call each. A
// profile's tags (its AG role and projects) are read once, and again only
// when its LastModifiedTime moves, from an ARN built as SageMaker builds
// it, so the projects feed never describes a profile. A profile is
// described (for its home directory's uid) only for the backups feed, and
// a domain (for its home EFS) once.
type studioCache struct {
	acct *aws.Account
	tags domain.TagKeys

	mu        sync.Mutex
	callerARN string                  // whose partition and account profile ARNs are in
	domains   map[string]*domainEntry // by id
	order     []string                // domain ids as listed
	users     map[string]*userEntry   // by domain id + "/" + name
	apps      []domain.StudioApp
	listedAt  time.Time
	appsAt    time.Time
}

type domainEntry struct {
	d         domain.StudioDomain
	described bool
}

type userEntry struct {
	user         domain.User
	arn          string
	lastModified time.Time
	described    bool
	tagged       bool
}

// studioNeeds says what a sync must fill in beyond the lists.
type studioNeeds struct {
	tags    bool // users' roles and projects
	homes   bool // users' home directory uids
	domains bool // the domains' home EFS
}

func newStudioCache(acct *aws.Account, tags domain.TagKeys) *studioCache {
	return &studioCache{acct: acct, tags: tags, domains: map[string]*domainEntry{}, users: map[string]*userEntry{}}
}

// findUser looks for the profile whose name matches the caller's
// principal, with one filtered list call across domains, and reads its
// tags.
func (s *studioCache) findUser(ctx context.Context, caller aws.Caller) (domain.User, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.callerARN = caller.ARN
	key := profileKey(caller.Principal)
	if key == "" {
		return domain.User{}, false, nil
	}
	found, err := s.acct.UserProfiles(ctx, "", key)
	if err != nil {
		return domain.User{}, false, err
	}
	for _, sum := range found {
		if profileKey(sum.Name) != key {
			continue
		}
		e := s.takeListedLocked(sum)
		if err := s.tagLocked(ctx, e); err != nil {
			return domain.User{}, false, err
		}
		return e.user, true, nil
	}
	return domain.User{}, false, nil
}

// list refreshes the domains and profiles, and the apps when withApps,
// unless that was done less than maxAge ago; now is the poll clock.
func (s *studioCache) list(ctx context.Context, now time.Time, maxAge time.Duration, withApps bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var reads []func(context.Context) error
	if isDue(now, s.listedAt, maxAge) {
		reads = append(reads, func(ctx context.Context) error { return s.listUsersLocked(ctx, now) })
	}
	if withApps && isDue(now, s.appsAt, maxAge) {
		reads = append(reads, func(ctx context.Context) error { return s.listAppsLocked(ctx, now) })
	}
	return together(ctx, reads...)
}

// fill reads what needs asks for of the profiles (and domains) that lack
// it, in parallel and within userReadBudget.
func (s *studioCache) fill(ctx context.Context, needs studioNeeds) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var users []*userEntry
	for _, e := range s.users {
		if (needs.tags && !e.tagged) || (needs.homes && !e.described) {
			users = append(users, e)
		}
	}
	sort.Slice(users, func(i, j int) bool { return users[i].user.Name < users[j].user.Name })
	users = users[:min(len(users), userReadBudget)]
	var domains []*domainEntry
	if needs.domains {
		for _, id := range s.order {
			if d := s.domains[id]; !d.described {
				domains = append(domains, d)
			}
		}
	}
	return together(ctx,
		func(ctx context.Context) error {
			return each(ctx, len(users), func(ctx context.Context, i int) error {
				e := users[i]
				if needs.homes && !e.described {
					if err := s.describeLocked(ctx, e); err != nil {
						return err
					}
				}
				if needs.tags && !e.tagged {
					return s.tagLocked(ctx, e)
				}
				return nil
			})
		},
		func(ctx context.Context) error {
			return each(ctx, len(domains), func(ctx context.Context, i int) error {
				full, err := s.acct.DescribeDomain(ctx, domains[i].d.ID)
				if err != nil {
					return err
				}
				domains[i].d.HomeEFSID, domains[i].described = full.HomeEFSID, true
				return nil
			})
		})
}

// listUsersLocked lists the domains and every domain's profiles at once.
func (s *studioCache) listUsersLocked(ctx context.Context, now time.Time) error {
	var domains []domain.StudioDomain
	var profiles []aws.UserProfileSummary
	err := together(ctx,
		func(ctx context.Context) (err error) { domains, err = s.acct.Domains(ctx); return err },
		func(ctx context.Context) (err error) { profiles, err = s.acct.UserProfiles(ctx, "", ""); return err },
	)
	if err != nil {
		return err
	}
	s.order = s.order[:0]
	seenDomains := map[string]bool{}
	for _, d := range domains {
		s.order = append(s.order, d.ID)
		seenDomains[d.ID] = true
		if known := s.domains[d.ID]; known != nil {
			d.HomeEFSID = known.d.HomeEFSID
			known.d = d
			continue
		}
		s.domains[d.ID] = &domainEntry{d: d}
	}
	for id := range s.domains {
		if !seenDomains[id] {
			delete(s.domains, id)
		}
	}
	seenUsers := map[string]bool{}
	for _, p := range profiles {
		seenUsers[p.DomainID+"/"+p.Name] = true
		s.takeListedLocked(p)
	}
	for k := range s.users {
		if !seenUsers[k] {
			delete(s.users, k)
		}
	}
	s.listedAt = now
	return nil
}

// takeListedLocked records a listed profile; one whose LastModifiedTime
// moved is read again.
func (s *studioCache) takeListedLocked(p aws.UserProfileSummary) *userEntry {
	key := p.DomainID + "/" + p.Name
	e := s.users[key]
	if e == nil || !e.lastModified.Equal(p.LastModified) {
		prev := domain.User{}
		if e != nil {
			prev = e.user
		}
		e = &userEntry{lastModified: p.LastModified, user: prev}
		s.users[key] = e
	}
	e.user.DomainID, e.user.Name, e.user.Status, e.user.CreatedAt = p.DomainID, p.Name, p.Status, p.CreatedAt
	return e
}

// describeLocked reads a profile's home directory uid (and its ARN).
func (s *studioCache) describeLocked(ctx context.Context, e *userEntry) error {
	full, err := s.acct.DescribeUserProfile(ctx, e.user.DomainID, e.user.Name)
	if err != nil {
		return err
	}
	e.arn, e.user.HomeEFSUID, e.described = full.ARN, full.User.HomeEFSUID, true
	return nil
}

// tagLocked reads a profile's tags and so its role and projects.
func (s *studioCache) tagLocked(ctx context.Context, e *userEntry) error {
	if e.arn == "" {
		e.arn = aws.UserProfileARN(s.callerARN, s.acct.Region, e.user.DomainID, e.user.Name)
	}
	if e.arn == "" {
		if err := s.describeLocked(ctx, e); err != nil {
			return err
		}
	}
	tags, err := s.acct.Tags(ctx, e.arn)
	if err != nil {
		return err
	}
	e.user.Tags = tags
	e.user.Role = roleFromTag(tags[s.tags.Role])
	e.user.Projects = domain.SplitTagList(tags[s.tags.Projects])
	e.tagged = true
	return nil
}

// listAppsLocked lists every domain's apps, and the spaces so that an app
// in a private space counts as its owner's.
func (s *studioCache) listAppsLocked(ctx context.Context, now time.Time) error {
	var apps []domain.StudioApp
	var spaces []aws.Space
	err := together(ctx,
		func(ctx context.Context) (err error) { apps, err = s.acct.Apps(ctx, ""); return err },
		func(ctx context.Context) (err error) {
			spaces, err = s.acct.Spaces(ctx, "")
			if aws.IsAccessDenied(err) {
				return nil // the apps still show, only not whose space they run in
			}
			return err
		},
	)
	if err != nil {
		return err
	}
	owners := map[string]string{}
	for _, sp := range spaces {
		owners[sp.DomainID+"/"+sp.Name] = sp.Owner
	}
	for i, a := range apps {
		if a.UserProfile == "" && a.SpaceName != "" {
			apps[i].UserProfile = owners[a.DomainID+"/"+a.SpaceName]
		}
	}
	s.apps, s.appsAt = apps, now
	return nil
}

// snapshot returns the domains (as listed), users (by domain, then name)
// and apps.
func (s *studioCache) snapshot() ([]domain.StudioDomain, []domain.User, []domain.StudioApp) {
	s.mu.Lock()
	defer s.mu.Unlock()
	domains := make([]domain.StudioDomain, 0, len(s.order))
	for _, id := range s.order {
		domains = append(domains, s.domains[id].d)
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

// allTagged reports whether every listed profile's tags have been read.
func (s *studioCache) allTagged() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.users {
		if !e.tagged {
			return false
		}
	}
	return true
}
