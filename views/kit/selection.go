package kit

// ResourceKind names what a selected item is, for the AWS console link
// and the clipboard.
type ResourceKind string

// The kinds panes select. Which Resource fields each needs is noted.
const (
	ResourceTrainingJob       ResourceKind = "training-job"        // Name
	ResourcePipeline          ResourceKind = "pipeline"            // Name
	ResourcePipelineExecution ResourceKind = "pipeline-execution"  // ARN (Parent: the pipeline, else read from the ARN)
	ResourceModelGroup        ResourceKind = "model-package-group" // Name
	ResourceModelVersion      ResourceKind = "model-package"       // Parent: the group, Name: the version number; or the ARN
	ResourceEndpoint          ResourceKind = "endpoint"            // Name
	ResourceStudioDomain      ResourceKind = "studio-domain"       // ID (d-…)
	ResourceProject           ResourceKind = "project"             // Name
	ResourceBackupVault       ResourceKind = "backup-vault"        // Name
	ResourceRecoveryPoint     ResourceKind = "recovery-point"      // ARN, Parent: the vault
	ResourceRestoreJob        ResourceKind = "restore-job"         // ID
	ResourceFileSystem        ResourceKind = "efs-file-system"     // ID (fs-…)
)

// Resource is the item under a pane's cursor (or open in its detail), in
// the words AWS uses for it.
type Resource struct {
	Kind ResourceKind
	// Name is what AWS calls it: a job's, endpoint's or group's name.
	Name string
	// ID is AWS's identifier where it is not the name: a Studio domain's
	// d-…, a file system's fs-…, a restore job's id, a project's p-….
	ID string
	// ARN, when AWS gives one.
	ARN string
	// Parent is the container some kinds live in: an execution's
	// pipeline, a model version's group, a recovery point's vault.
	Parent string
}

// Selector is implemented by panes that can say what is selected, so
// that the shell can copy its name or ARN and open it in the AWS console
// (keys Y and W, :copy and :console).
type Selector interface {
	// Selected is the item under the cursor or open in detail; false when
	// there is none (an empty list, a screen of no single item).
	Selected() (Resource, bool)
}
