// Package backup serves AWS Backup (restJson1, signing name "backup") over
// the sandbox world: the vaults and daily plans that back up each Studio
// domain's home EFS, their recovery points, and the item-level restore jobs
// that bring a user's deleted files back.
//
// Every operation names its AWS CLI equivalent. Lists page with NextToken
// and MaxResults (1 to 1000, default 1000); a token that this service did
// not issue is an InvalidParameterValueException.
package backup

import (
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// handlers serves Backup's operations over one world.
type handlers struct {
	world *world.World
}

// Service is AWS Backup as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{world: w}
	return server.Service{
		Name:        "Backup",
		SigningName: "backup",
		Protocols:   []server.Protocol{server.RESTJSON{}},
		Ops: []server.Op{
			server.Operation("ListBackupVaults", h.listBackupVaults).At("GET", "/backup-vaults/"),
			server.Operation("ListBackupPlans", h.listBackupPlans).At("GET", "/backup/plans/"),
			server.Operation("ListBackupJobs", h.listBackupJobs).At("GET", "/backup-jobs/"),
			server.Operation("ListRecoveryPointsByBackupVault", h.listRecoveryPointsByBackupVault).
				At("GET", "/backup-vaults/{BackupVaultName}/recovery-points/"),
			server.Operation("ListRecoveryPointsByResource", h.listRecoveryPointsByResource).
				At("GET", "/resources/{ResourceArn}/recovery-points/"),
			server.Operation("DescribeRecoveryPoint", h.describeRecoveryPoint).
				At("GET", "/backup-vaults/{BackupVaultName}/recovery-points/{RecoveryPointArn}"),
			server.Operation("StartRestoreJob", h.startRestoreJob).At("PUT", "/restore-jobs"),
			server.Operation("DescribeRestoreJob", h.describeRestoreJob).At("GET", "/restore-jobs/{RestoreJobId}"),
			server.Operation("GetRestoreJobMetadata", h.getRestoreJobMetadata).At("GET", "/restore-jobs/{RestoreJobId}/metadata"),
			server.Operation("ListRestoreJobs", h.listRestoreJobs).At("GET", "/restore-jobs/"),
		},
	}
}
