package backup

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// RecoveryPointCreator says which plan and rule took a recovery point.
type RecoveryPointCreator struct {
	BackupPlanId      string
	BackupPlanArn     string
	BackupPlanName    string
	BackupPlanVersion string
	BackupRuleId      string
	BackupRuleName    string
	BackupRuleCron    string
}

// CalculatedLifecycle is when a recovery point is deleted.
type CalculatedLifecycle struct {
	DeleteAt time.Time
}

// Lifecycle is a recovery point's retention.
type Lifecycle struct {
	DeleteAfterDays int64
}

// RecoveryPointByBackupVault is a recovery point as a vault lists it.
type RecoveryPointByBackupVault struct {
	RecoveryPointArn    string
	BackupVaultName     string
	BackupVaultArn      string
	ResourceArn         string
	ResourceType        string
	ResourceName        string
	CreatedBy           *RecoveryPointCreator
	IamRoleArn          string
	Status              string
	StatusMessage       string
	CreationDate        time.Time
	CompletionDate      time.Time
	BackupSizeInBytes   *int64
	CalculatedLifecycle *CalculatedLifecycle
	Lifecycle           *Lifecycle
	EncryptionKeyArn    string
	IsEncrypted         *bool
	LastRestoreTime     time.Time
	VaultType           string
}

// RecoveryPointByResource is a recovery point as its resource lists it
// (note BackupSizeBytes, not BackupSizeInBytes, as AWS spells it here).
type RecoveryPointByResource struct {
	RecoveryPointArn string
	CreationDate     time.Time
	Status           string
	StatusMessage    string
	EncryptionKeyArn string
	BackupSizeBytes  *int64
	BackupVaultName  string
	ResourceName     string
	VaultType        string
}

// ListRecoveryPointsByResourceInput is ListRecoveryPointsByResource's request.
type ListRecoveryPointsByResourceInput struct {
	ResourceArn            string  `aws:",uri"`
	NextToken              *string `aws:"nextToken,query"`
	MaxResults             *int32  `aws:"maxResults,query"`
	ManagedByAWSBackupOnly *bool   `aws:"managedByAWSBackupOnly,query"`
}

// ListRecoveryPointsByResourceOutput is ListRecoveryPointsByResource's answer.
type ListRecoveryPointsByResourceOutput struct {
	RecoveryPoints []RecoveryPointByResource
	NextToken      *string
}

// listRecoveryPointsByResource lists a resource's recovery points, newest
// first. Every sandbox recovery point is managed by AWS Backup, so
// ManagedByAWSBackupOnly changes nothing; a resource never backed up has
// none.
// aws backup list-recovery-points-by-resource --resource-arn ARN
func (h handlers) listRecoveryPointsByResource(_ context.Context, _ *server.Call, in *ListRecoveryPointsByResourceInput) (*ListRecoveryPointsByResourceOutput, error) {
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	if _, ok := world.ParseArn(in.ResourceArn); !ok {
		return nil, invalidParameter("Invalid ARN: %s", in.ResourceArn)
	}
	points, err := h.world.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: in.ResourceArn})
	if err != nil {
		return nil, fromWorld(err)
	}
	page, next, err := paginate(points, pointKey, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	out := &ListRecoveryPointsByResourceOutput{RecoveryPoints: make([]RecoveryPointByResource, len(page)), NextToken: next}
	for i, rp := range page {
		out.RecoveryPoints[i] = RecoveryPointByResource{
			RecoveryPointArn: rp.RecoveryPointArn, CreationDate: rp.CreationDate, Status: rp.Status,
			StatusMessage: rp.StatusMessage, EncryptionKeyArn: rp.EncryptionKeyArn, BackupSizeBytes: &rp.BackupSizeInBytes,
			BackupVaultName: rp.BackupVaultName, ResourceName: rp.ResourceName, VaultType: vaultTypeStandard,
		}
	}
	return out, nil
}

// ListRecoveryPointsByBackupVaultInput is ListRecoveryPointsByBackupVault's request.
type ListRecoveryPointsByBackupVaultInput struct {
	BackupVaultName          string     `aws:",uri"`
	BackupVaultAccountId     *string    `aws:"backupVaultAccountId,query"`
	NextToken                *string    `aws:"nextToken,query"`
	MaxResults               *int32     `aws:"maxResults,query"`
	ByResourceArn            *string    `aws:"resourceArn,query"`
	ByResourceType           *string    `aws:"resourceType,query"`
	ByBackupPlanId           *string    `aws:"backupPlanId,query"`
	ByCreatedBefore          *time.Time `aws:"createdBefore,query"`
	ByCreatedAfter           *time.Time `aws:"createdAfter,query"`
	ByParentRecoveryPointArn *string    `aws:"parentRecoveryPointArn,query"`
}

// ListRecoveryPointsByBackupVaultOutput is ListRecoveryPointsByBackupVault's answer.
type ListRecoveryPointsByBackupVaultOutput struct {
	RecoveryPoints []RecoveryPointByBackupVault
	NextToken      *string
}

// listRecoveryPointsByBackupVault lists a vault's recovery points, newest
// first, filtered as asked. No sandbox recovery point has a parent.
// aws backup list-recovery-points-by-backup-vault --backup-vault-name VAULT
func (h handlers) listRecoveryPointsByBackupVault(_ context.Context, call *server.Call, in *ListRecoveryPointsByBackupVaultInput) (*ListRecoveryPointsByBackupVaultOutput, error) {
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	if in.BackupVaultAccountId != nil && *in.BackupVaultAccountId != call.Principal.Account {
		return nil, notFound("Backup vault %s does not exist in account %s.", in.BackupVaultName, *in.BackupVaultAccountId)
	}
	q := world.RecoveryPointQuery{BackupVaultName: in.BackupVaultName, ResourceArn: optional.Value(in.ByResourceArn)}
	if in.ByCreatedAfter != nil {
		q.CreatedAfter = *in.ByCreatedAfter
	}
	if in.ByCreatedBefore != nil {
		q.CreatedBefore = *in.ByCreatedBefore
	}
	all, err := h.world.RecoveryPoints(q)
	if err != nil {
		return nil, fromWorld(err)
	}
	var points []world.RecoveryPoint
	for _, rp := range all {
		if (in.ByResourceType != nil && rp.ResourceType != *in.ByResourceType) ||
			(in.ByBackupPlanId != nil && rp.CreatedBy.BackupPlanId != *in.ByBackupPlanId) ||
			in.ByParentRecoveryPointArn != nil {
			continue
		}
		points = append(points, rp)
	}
	page, next, err := paginate(points, pointKey, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	out := &ListRecoveryPointsByBackupVaultOutput{RecoveryPoints: make([]RecoveryPointByBackupVault, len(page)), NextToken: next}
	for i, rp := range page {
		out.RecoveryPoints[i] = byVault(rp)
	}
	return out, nil
}

// DescribeRecoveryPointInput is DescribeRecoveryPoint's request.
type DescribeRecoveryPointInput struct {
	BackupVaultName      string  `aws:",uri"`
	RecoveryPointArn     string  `aws:",uri"`
	BackupVaultAccountId *string `aws:"backupVaultAccountId,query"`
}

// DescribeRecoveryPointOutput is DescribeRecoveryPoint's answer.
type DescribeRecoveryPointOutput struct {
	RecoveryPointByBackupVault
	StorageClass string
}

// describeRecoveryPoint reads one recovery point of a vault.
// aws backup describe-recovery-point --backup-vault-name VAULT --recovery-point-arn ARN
func (h handlers) describeRecoveryPoint(_ context.Context, call *server.Call, in *DescribeRecoveryPointInput) (*DescribeRecoveryPointOutput, error) {
	if !h.vaultExists(in.BackupVaultName) ||
		(in.BackupVaultAccountId != nil && *in.BackupVaultAccountId != call.Principal.Account) {
		return nil, notFound("Backup vault %s does not exist.", in.BackupVaultName)
	}
	rp, err := h.world.RecoveryPoint(in.RecoveryPointArn)
	if err != nil || rp.BackupVaultName != in.BackupVaultName {
		return nil, notFound("Recovery point %s does not exist in backup vault %s.", in.RecoveryPointArn, in.BackupVaultName)
	}
	return &DescribeRecoveryPointOutput{RecoveryPointByBackupVault: byVault(rp), StorageClass: "WARM"}, nil
}

func (h handlers) vaultExists(name string) bool {
	for _, v := range h.world.BackupVaults() {
		if v.BackupVaultName == name {
			return true
		}
	}
	return false
}

// pointKey orders recovery points newest first, as AWS lists them.
func pointKey(rp world.RecoveryPoint) string {
	return newestFirst(rp.CreationDate, rp.RecoveryPointArn)
}

func byVault(rp world.RecoveryPoint) RecoveryPointByBackupVault {
	return RecoveryPointByBackupVault{
		RecoveryPointArn: rp.RecoveryPointArn, BackupVaultName: rp.BackupVaultName, BackupVaultArn: rp.BackupVaultArn,
		ResourceArn: rp.ResourceArn, ResourceType: rp.ResourceType, ResourceName: rp.ResourceName,
		CreatedBy: creator(rp.CreatedBy), IamRoleArn: rp.IamRoleArn, Status: rp.Status, StatusMessage: rp.StatusMessage,
		CreationDate: rp.CreationDate, CompletionDate: rp.CompletionDate, BackupSizeInBytes: &rp.BackupSizeInBytes,
		CalculatedLifecycle: &CalculatedLifecycle{DeleteAt: rp.DeleteAt}, Lifecycle: &Lifecycle{DeleteAfterDays: rp.DeleteAfterDays},
		EncryptionKeyArn: rp.EncryptionKeyArn, IsEncrypted: &rp.IsEncrypted, LastRestoreTime: rp.LastRestoreTime,
		VaultType: vaultTypeStandard,
	}
}

func creator(c world.RecoveryPointCreator) *RecoveryPointCreator {
	if c == (world.RecoveryPointCreator{}) {
		return nil
	}
	return &RecoveryPointCreator{
		BackupPlanId: c.BackupPlanId, BackupPlanArn: c.BackupPlanArn, BackupPlanName: c.BackupPlanName,
		BackupPlanVersion: c.BackupPlanVersion, BackupRuleId: c.BackupRuleId, BackupRuleName: c.BackupRuleName,
		BackupRuleCron: c.BackupRuleCron,
	}
}
