package backup

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// The sandbox's vaults are all standard vaults, never shared.
const (
	vaultTypeStandard = "BACKUP_VAULT"
	vaultStateReady   = "AVAILABLE"
)

// ListBackupVaultsInput is ListBackupVaults' request.
type ListBackupVaultsInput struct {
	ByVaultType *string `aws:"vaultType,query"`
	ByShared    *bool   `aws:"shared,query"`
	NextToken   *string `aws:"nextToken,query"`
	MaxResults  *int32  `aws:"maxResults,query"`
}

// BackupVaultListMember is one vault in ListBackupVaults.
type BackupVaultListMember struct {
	BackupVaultName        string
	BackupVaultArn         string
	VaultType              string
	VaultState             string
	CreationDate           time.Time
	EncryptionKeyArn       string
	NumberOfRecoveryPoints int64
	Locked                 *bool
}

// ListBackupVaultsOutput is ListBackupVaults' answer.
type ListBackupVaultsOutput struct {
	BackupVaultList []BackupVaultListMember
	NextToken       *string
}

// listBackupVaults lists the vaults by name.
// aws backup list-backup-vaults
func (h handlers) listBackupVaults(_ context.Context, _ *server.Call, in *ListBackupVaultsInput) (*ListBackupVaultsOutput, error) {
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	var vaults []world.BackupVault
	switch t := optional.Value(in.ByVaultType); t {
	case "", vaultTypeStandard:
		if !optional.Value(in.ByShared) {
			vaults = h.world.BackupVaults()
		}
	case "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "RESTORE_ACCESS_BACKUP_VAULT":
	default:
		return nil, invalidParameter("Invalid value %q for vaultType.", t)
	}
	page, next, err := paginate(vaults, func(v world.BackupVault) string { return v.BackupVaultName }, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	out := &ListBackupVaultsOutput{BackupVaultList: make([]BackupVaultListMember, len(page)), NextToken: next}
	for i, v := range page {
		out.BackupVaultList[i] = BackupVaultListMember{
			BackupVaultName: v.BackupVaultName, BackupVaultArn: v.BackupVaultArn, VaultType: vaultTypeStandard,
			VaultState: vaultStateReady, CreationDate: v.CreationDate, EncryptionKeyArn: v.EncryptionKeyArn,
			NumberOfRecoveryPoints: v.NumberOfRecoveryPoints, Locked: &v.Locked,
		}
	}
	return out, nil
}
