package world

import (
	"iter"
	"maps"
	"slices"
	"sort"
	"time"
)

// UserSettings mirrors SageMaker's shape (the parts the world keeps).
type UserSettings struct {
	ExecutionRole  string
	SecurityGroups []string
}

// Domain is DescribeDomain's answer (plus Tags).
type Domain struct {
	DomainId             string
	DomainArn            string
	DomainName           string
	HomeEfsFileSystemId  string
	Status               string // InService
	AuthMode             string // SSO or IAM
	AppNetworkAccessType string
	Url                  string
	VpcId                string
	SubnetIds            []string
	KmsKeyId             string
	CreationTime         time.Time
	LastModifiedTime     time.Time
	DefaultUserSettings  UserSettings
	Tags                 []Tag
}

// UserProfile is DescribeUserProfile's answer (plus Tags).
type UserProfile struct {
	DomainId                   string
	UserProfileName            string
	UserProfileArn             string
	HomeEfsFileSystemUid       string
	Status                     string
	SingleSignOnUserIdentifier string
	SingleSignOnUserValue      string
	CreationTime               time.Time
	LastModifiedTime           time.Time
	UserSettings               UserSettings
	Tags                       []Tag
}

// Space is DescribeSpace's answer (flattened ownership and sharing).
type Space struct {
	DomainId             string
	SpaceName            string
	SpaceArn             string
	SpaceDisplayName     string
	Status               string
	OwnerUserProfileName string
	SharingType          string // Private or Shared
	AppType              string
	CreationTime         time.Time
	LastModifiedTime     time.Time
	Tags                 []Tag
}

// ResourceSpec mirrors SageMaker's shape.
type ResourceSpec struct {
	InstanceType      string
	SageMakerImageArn string
}

// App is DescribeApp's answer (plus Tags).
type App struct {
	AppArn                    string
	AppName                   string
	AppType                   string // JupyterLab, KernelGateway, RStudioServerPro, RSessionGateway, ...
	DomainId                  string
	UserProfileName           string
	SpaceName                 string
	Status                    string // InService, Pending, Deleted, Failed
	CreationTime              time.Time
	LastHealthCheckTimestamp  time.Time
	LastUserActivityTimestamp time.Time
	ResourceSpec              ResourceSpec
	Tags                      []Tag
}

type studioStore struct {
	domains map[string]*Domain
	users   map[string]*UserProfile // domain/name
	spaces  map[string]*Space       // domain/name
	apps    []*App
}

func (s *studioStore) init() {
	s.domains = map[string]*Domain{}
	s.users = map[string]*UserProfile{}
	s.spaces = map[string]*Space{}
}

// AddDomain places a Studio domain.
func (b *Builder) AddDomain(d Domain) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	d.DomainArn = w.smArn("domain", d.DomainId)
	d.Status = inServiceIfUnset(d.Status)
	w.studio.domains[d.DomainId] = &d
}

// AddUserProfile places a user profile.
func (b *Builder) AddUserProfile(u UserProfile) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	key := u.DomainId + "/" + u.UserProfileName
	u.UserProfileArn = w.smArn("user-profile", key)
	u.Status = inServiceIfUnset(u.Status)
	w.studio.users[key] = &u
}

// AddSpace places a space.
func (b *Builder) AddSpace(s Space) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	key := s.DomainId + "/" + s.SpaceName
	s.SpaceArn = w.smArn("space", key)
	s.Status = inServiceIfUnset(s.Status)
	w.studio.spaces[key] = &s
}

// inServiceIfUnset is a placed resource's status: InService unless the
// scenario says otherwise.
func inServiceIfUnset(status string) string {
	if status == "" {
		return "InService"
	}
	return status
}

// AddApp places a Studio app.
func (b *Builder) AddApp(a App) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	owner := a.UserProfileName
	if a.SpaceName != "" {
		owner = a.SpaceName
	}
	a.AppArn = w.smArn("app", a.DomainId+"/"+owner+"/"+lowerAppType(a.AppType)+"/"+a.AppName)
	w.studio.apps = append(w.studio.apps, &a)
}

func lowerAppType(t string) string {
	out := make([]byte, 0, len(t)+4)
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' {
			if i > 0 {
				out = append(out, '-')
			}
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	return string(out)
}

// Domains is ListDomains, by creation.
func (w *World) Domains() []Domain {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]Domain, 0, len(w.studio.domains))
	for _, d := range w.studio.domains {
		out = append(out, *d)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].CreationTime.Before(out[b].CreationTime) })
	return out
}

// Domain is DescribeDomain.
func (w *World) Domain(id string) (Domain, error) {
	w.rlock()
	defer w.mu.RUnlock()
	d := w.studio.domains[id]
	if d == nil {
		return Domain{}, notFound("Domain", id)
	}
	return *d, nil
}

// UserProfiles is ListUserProfiles; empty domainID lists every domain's.
func (w *World) UserProfiles(domainID string) []UserProfile {
	w.rlock()
	defer w.mu.RUnlock()
	out := inDomain(maps.Values(w.studio.users), domainID, func(u *UserProfile) string { return u.DomainId })
	sort.Slice(out, func(a, b int) bool {
		if out[a].DomainId != out[b].DomainId {
			return out[a].DomainId < out[b].DomainId
		}
		return out[a].UserProfileName < out[b].UserProfileName
	})
	return out
}

// UserProfile is DescribeUserProfile.
func (w *World) UserProfile(domainID, name string) (UserProfile, error) {
	w.rlock()
	defer w.mu.RUnlock()
	u := w.studio.users[domainID+"/"+name]
	if u == nil {
		return UserProfile{}, notFound("UserProfile", name)
	}
	return *u, nil
}

// Spaces is ListSpaces; empty domainID lists all.
func (w *World) Spaces(domainID string) []Space {
	w.rlock()
	defer w.mu.RUnlock()
	out := inDomain(maps.Values(w.studio.spaces), domainID, func(s *Space) string { return s.DomainId })
	sort.Slice(out, func(a, b int) bool { return out[a].DomainId+out[a].SpaceName < out[b].DomainId+out[b].SpaceName })
	return out
}

// Apps is ListApps; empty domainID lists all. Newest first, as AWS sorts.
func (w *World) Apps(domainID string) []App {
	w.rlock()
	defer w.mu.RUnlock()
	out := inDomain(slices.Values(w.studio.apps), domainID, func(a *App) string { return a.DomainId })
	sort.Slice(out, func(a, b int) bool { return out[a].CreationTime.After(out[b].CreationTime) })
	return out
}

// inDomain copies the Studio resources of one domain, or of all for "".
func inDomain[T any](all iter.Seq[*T], domainID string, domainOf func(*T) string) []T {
	var out []T
	for it := range all {
		if domainID == "" || domainOf(it) == domainID {
			out = append(out, *it)
		}
	}
	return out
}
