// Package restore turns the paths a project admin types into the items of
// an AWS Backup item-level restore of a Studio home file system (EFS),
// and into the restore metadata AWS expects.
package restore
