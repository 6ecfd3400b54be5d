package domain

import "time"

// StudioDomain is a team workspace: a SageMaker Studio domain and its home EFS.
type StudioDomain struct {
	ID        string
	Name      string
	Status    string
	HomeEFSID string
	CreatedAt time.Time
	Tags      map[string]string
}

// User is a Studio user profile with its AG role and project memberships,
// read from the profile's tags.
type User struct {
	DomainID   string
	Name       string
	Status     string
	Role       Role     // from the ag:role tag; RoleUnknown when missing
	Projects   []string // from the ag:projects tag
	HomeEFSUID string   // POSIX uid of the user's home directory on the domain's EFS
	CreatedAt  time.Time
	Tags       map[string]string
}

// HomeDir is the user's home directory on the domain's EFS, as Studio lays
// it out: one directory per user, named by the POSIX uid.
func (u User) HomeDir() string {
	if u.HomeEFSUID == "" {
		return ""
	}
	return "/" + u.HomeEFSUID
}

// InstanceLimits are a project's allowed instance types per function.
// An empty list means no limit is set for that function.
type InstanceLimits struct {
	Training []string
	Endpoint []string
	Notebook []string
}

// Project is a SageMaker Project created from an MLOps template.
type Project struct {
	Name         string
	ID           string
	ARN          string
	Status       string // e.g. CreateCompleted
	Description  string
	Template     string // the MLOps template's name; its product id while the name is unknown
	TemplateID   string // the Service Catalog product id of the template (prod-…)
	CreatedAt    time.Time
	CreatedBy    string
	Tags         map[string]string
	Limits       InstanceLimits
	S3Access     []string // bucket or access point names
	Members      []User   // users whose ag:projects tag names this project
	Usage        ProjectUsage
	FindingCount int
}

// ProjectUsage counts what a project is running now and has used.
type ProjectUsage struct {
	RunningJobs        int
	Endpoints          int
	Pipelines          int
	RunningApps        int
	InstanceHoursMonth float64 // training instance-hours since the start of the month
}

// StudioApp is a running or stopped Studio app (JupyterLab, RStudio, ...).
type StudioApp struct {
	DomainID     string
	UserProfile  string
	SpaceName    string
	AppType      string
	AppName      string
	Status       string
	InstanceType string
	CreatedAt    time.Time
}

// Running reports whether the app is using an instance.
func (a StudioApp) Running() bool { return a.Status == "InService" || a.Status == "Pending" }

// FindingKind classifies a governance finding.
type FindingKind string

const (
	FindingInstanceOutsideLimits FindingKind = "instance-type-outside-limits"
	FindingUserWithoutRole       FindingKind = "user-without-role"
	FindingResourceNoProject     FindingKind = "resource-without-project"
)

// Finding is one governance problem, described in words.
type Finding struct {
	Kind         FindingKind
	Project      string // "" when the resource has no project
	ResourceType string // "training job", "endpoint", "Studio app", "user profile"
	ResourceName string
	InstanceType string
	Allowed      []string // the limit that was broken, if any
	Detail       string   // a full sentence for the screen
}
