package scenario

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

type domainInfo struct {
	agency  *Agency
	id      string
	fsID    string
	created time.Time
	vault   string
	role    string // the domain's default execution role
}

type userInfo struct {
	user     User
	agency   string
	domainID string
	uid      string
	created  time.Time
}

// studio lays out each agency's domain, home file system, users and apps.
func (g *gen) studio() {
	for ai := range g.s.Agencies {
		a := &g.s.Agencies[ai]
		r := g.rand("domain/" + a.ID)
		d := &domainInfo{
			agency:  a,
			id:      "d-" + r.String("abcdefghijklmnopqrstuvwxyz0123456789", 12),
			fsID:    "fs-" + r.String("0123456789abcdef", 8),
			created: g.start.Add(-time.Duration(400-ai*25) * 24 * time.Hour),
			role:    g.roleArn("AG-" + strings.ToUpper(a.ID) + "-SageMakerExecutionRole"),
		}
		g.domains[a.ID] = d
		vpc := "vpc-0" + r.String("0123456789abcdef", 16)
		domainArn := g.smArn("domain", d.id)
		g.b.AddDomain(world.Domain{
			DomainId: d.id, DomainName: a.Domain, HomeEfsFileSystemId: d.fsID, AuthMode: "SSO",
			AppNetworkAccessType: "VpcOnly", Url: "https://" + d.id + ".studio." + g.s.Region + ".sagemaker.aws",
			VpcId: vpc, SubnetIds: []string{"subnet-0" + r.String("0123456789abcdef", 16), "subnet-0" + r.String("0123456789abcdef", 16)},
			KmsKeyId: g.kmsKey(a.ID), CreationTime: d.created, LastModifiedTime: d.created.Add(30 * 24 * time.Hour),
			DefaultUserSettings: world.UserSettings{ExecutionRole: d.role},
			Tags:                []world.Tag{{Key: "ag:agency", Value: a.ID}, {Key: "ag:agency-name", Value: a.Name}},
		})
		gib := a.EFSGiB
		if gib <= 0 {
			gib = 10
		}
		base := int64(gib) << 30
		g.b.AddFileSystem(world.FileSystem{
			FileSystemId: d.fsID, CreationToken: "sagemaker-" + d.id, Name: "sagemaker-studio-" + a.Domain,
			PerformanceMode: "generalPurpose", ThroughputMode: "elastic", Encrypted: true, KmsKeyId: g.kmsKey(a.ID),
			NumberOfMountTargets: 2, CreationTime: d.created,
			Tags: []world.Tag{{Key: "ManagedByAmazonSageMakerResource", Value: domainArn}, {Key: "sagemaker:domain-id", Value: d.id}, {Key: "Name", Value: "sagemaker-studio-" + a.Domain}},
		}, base*2/3, base/3/400)
		for ui, u := range a.Users {
			info := &userInfo{user: u, agency: a.ID, domainID: d.id, uid: strconv.Itoa(200001 + 100*ai + ui),
				created: d.created.Add(time.Duration(5+ui*11) * 24 * time.Hour)}
			g.users[u.Name] = info
			tags := []world.Tag{{Key: g.keys.Projects, Value: strings.Join(u.Projects, " ")}}
			if !u.Untagged {
				tags = append([]world.Tag{{Key: g.keys.Role, Value: u.Role}}, tags...)
			}
			g.b.AddUserProfile(world.UserProfile{
				DomainId: d.id, UserProfileName: u.Name, HomeEfsFileSystemUid: info.uid,
				SingleSignOnUserIdentifier: "UserName", SingleSignOnUserValue: u.Name + "@" + a.ID + ".gov.sg",
				CreationTime: info.created, LastModifiedTime: info.created.Add(48 * time.Hour),
				UserSettings: world.UserSettings{ExecutionRole: g.roleArn(roleName(a.ID, u.Role))},
				Tags:         tags,
			})
		}
		for k, app := range a.Apps {
			g.app(d, a, k, app)
		}
	}
}

func (g *gen) app(d *domainInfo, a *Agency, k int, app App) {
	r := g.rand(fmt.Sprintf("app/%s/%d", a.ID, k))
	created := g.start.Add(-time.Duration(r.Range(2, 72)) * time.Hour)
	status := app.Status
	if status == "" {
		status = "InService"
	}
	out := world.App{
		AppType: app.Type, DomainId: d.id, Status: status, CreationTime: created,
		LastHealthCheckTimestamp:  g.start.Add(-time.Duration(r.Range(1, 5)) * time.Minute),
		LastUserActivityTimestamp: g.start.Add(-time.Duration(r.Range(3, 90)) * time.Minute),
		ResourceSpec: world.ResourceSpec{InstanceType: app.Instance,
			SageMakerImageArn: "arn:aws:sagemaker:" + g.s.Region + ":492261229750:image/sagemaker-distribution-cpu"},
	}
	switch app.Type {
	case "JupyterLab", "CodeEditor":
		space := app.User + "-" + strings.ToLower(app.Type)
		g.b.AddSpace(world.Space{DomainId: d.id, SpaceName: space, SpaceDisplayName: space, OwnerUserProfileName: app.User,
			SharingType: "Private", AppType: app.Type, CreationTime: created.Add(-24 * time.Hour), LastModifiedTime: created})
		out.SpaceName = space
		out.AppName = "default"
	case "RSessionGateway":
		out.UserProfileName = app.User
		out.AppName = "rsession-" + r.String("0123456789abcdef", 8)
		out.ResourceSpec.SageMakerImageArn = "arn:aws:sagemaker:" + g.s.Region + ":492261229750:image/rstudio-workbench-r-4.3"
	default:
		out.UserProfileName = app.User
		out.AppName = "datascience-1-0-" + strings.ReplaceAll(app.Instance, ".", "-") + "-" + r.String("0123456789abcdef", 12)
	}
	out.Tags = g.userProjectTag(app.User)
	g.b.AddApp(out)
}

// userProjectTag tags a user's app with the first project they work on.
func (g *gen) userProjectTag(user string) []world.Tag {
	u := g.users[user]
	if u == nil || len(u.user.Projects) == 0 {
		return nil
	}
	return g.projectTags(u.user.Projects[0])
}

// backups sets up each agency's vault and daily plan, forced outcomes and
// past restores.
func (g *gen) backups() error {
	bk := g.s.Backup
	for _, a := range g.s.Agencies {
		d := g.domains[a.ID]
		r := g.rand("backup/" + a.ID)
		d.vault = "ag-" + a.ID + "-studio-efs-vault"
		g.b.AddBackupVault(world.BackupVault{BackupVaultName: d.vault, EncryptionKeyArn: g.kmsKey(a.ID), CreationDate: d.created.Add(24 * time.Hour)})
		schedule := bk.Schedule
		if schedule == "" {
			schedule = "cron(0 18 * * ? *)"
		}
		plan := world.BackupPlan{
			BackupPlanId: r.UUID(), BackupPlanName: "ag-" + a.ID + "-studio-efs-daily", VersionId: strings.ToUpper(r.String("abcdefghijklmnopqrstuvwxyz0123456789", 32)),
			CreationDate: d.created.Add(24 * time.Hour), IamRoleArn: g.roleArn("AWSBackupDefaultServiceRole"),
			Rules: []world.BackupRule{{RuleName: "DailyStudioHomeBackup", RuleId: r.UUID(), TargetBackupVaultName: d.vault,
				ScheduleExpression: schedule, StartWindowMinutes: 60, CompletionWindowMinutes: 480, DeleteAfterDays: bk.RetentionDays}},
			Resources: []string{"arn:aws:elasticfilesystem:" + g.s.Region + ":" + g.s.Account + ":file-system/" + d.fsID},
		}
		first := g.start.Add(-time.Duration(bk.RetentionDays+1) * 24 * time.Hour)
		if err := g.b.AddBackupPlan(plan, first); err != nil {
			return err
		}
		if bk.Partial.Agency == a.ID {
			day := g.start.Add(-time.Duration(bk.Partial.DaysAgo) * 24 * time.Hour)
			g.b.ForceBackupOutcome(plan.Resources[0], day, "PARTIAL", bk.Partial.Message)
		}
	}
	for i, rs := range bk.Restores {
		rs := rs
		at := g.start.Add(-time.Duration(rs.DaysAgo)*24*time.Hour + 3*time.Hour + time.Duration(i)*17*time.Minute)
		g.later(at, func() error { return g.restore(rs) })
	}
	return nil
}

func (g *gen) restore(rs Restore) error {
	d := g.domains[rs.Agency]
	u := g.users[rs.User]
	fsArn := "arn:aws:elasticfilesystem:" + g.s.Region + ":" + g.s.Account + ":file-system/" + d.fsID
	points, err := g.w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fsArn})
	if err != nil || len(points) == 0 {
		return fmt.Errorf("restore for %s: no recovery point of %s yet", rs.User, d.fsID)
	}
	items := make([]string, len(rs.Paths))
	for i, p := range rs.Paths {
		items[i] = "/" + u.uid + "/" + strings.TrimPrefix(p, "/")
	}
	list, _ := json.Marshal(items)
	_, err = g.b.StartRestoreJob(world.StartRestoreJobInput{
		RecoveryPointArn: points[0].RecoveryPointArn, IamRoleArn: g.roleArn("AWSBackupDefaultServiceRole"),
		Metadata: map[string]string{"file-system-id": d.fsID, "newFileSystem": "false", "itemsToRestore": string(list),
			"Encrypted": "true", "PerformanceMode": "generalPurpose"},
		ResourceType: "EFS",
	}, rs.Failure)
	return err
}

func roleName(agency, role string) string {
	title := map[string]string{"project-admin": "ProjectAdmin", "mlops-engineer": "MLOpsEngineer", "data-scientist": "DataScientist"}[role]
	return "AG-" + strings.ToUpper(agency) + "-" + title
}
