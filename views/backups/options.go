package backups

// options are what the shell may configure.
type options struct {
	// restoreRole is the IAM role AWS Backup restores with, from the
	// config file; empty means the recovery point's role, else the
	// account's default AWS Backup service role.
	restoreRole string
}

// Option configures the pane.
type Option func(*options)

// WithRestoreRole sets the IAM role ARN every restore is made with (the
// config file's restore role).
func WithRestoreRole(arn string) Option { return func(o *options) { o.restoreRole = arn } }
