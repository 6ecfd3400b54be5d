package awsfake

import (
	"context"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Domain is a Studio domain.
type Domain struct {
	ID, Name, HomeEFS string
	Created           time.Time
}

// User is a Studio user profile.
type User struct {
	DomainID, Name, HomeUID string
	Created, Modified       time.Time
	Tags                    map[string]string
}

// App is a Studio app: a user's (User set) or a space's (Space set).
type App struct {
	DomainID, User, Space, Type, Name, Status, InstanceType string
	Created                                                 time.Time
}

// Space is a Studio space; Owner is set on a private one.
type Space struct {
	DomainID, Name, Owner string
}

// Project is a SageMaker project; Template is the Service Catalog product
// id of its template (see AddProducts for the product's name).
type Project struct {
	Name, ID, Status, Description, CreatedBy, Template string
	Created                                            time.Time
	Tags                                               map[string]string
}

// AddDomains adds Studio domains.
func (f *Account) AddDomains(ds ...Domain) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.domains = append(f.domains, ds...)
}

// AddUsers adds user profiles with their tags.
func (f *Account) AddUsers(us ...User) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range us {
		f.users = append(f.users, u)
		f.tags[f.arn("user-profile", u.DomainID+"/"+u.Name)] = u.Tags
	}
}

// AddApps adds Studio apps.
func (f *Account) AddApps(as ...App) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.apps = append(f.apps, as...)
}

// AddSpaces adds Studio spaces.
func (f *Account) AddSpaces(ss ...Space) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.spaces = append(f.spaces, ss...)
}

// AddProjects adds projects with their tags.
func (f *Account) AddProjects(ps ...Project) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range ps {
		f.projects = append(f.projects, p)
		f.tags[f.arn("project", p.Name)] = p.Tags
	}
}

func (f *Account) GetCallerIdentity(ctx context.Context, _ *sts.GetCallerIdentityInput, _ ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error) {
	if err := f.call(ctx, "sts", "GetCallerIdentity"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return &sts.GetCallerIdentityOutput{Account: sdk.String(f.AccountID), Arn: sdk.String(f.CallerARN), UserId: sdk.String("AROAFAKE:x")}, nil
}

func (f *Account) ListDomains(ctx context.Context, in *sagemaker.ListDomainsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListDomainsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListDomains"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ds, next, err := page(f.domains, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListDomains", err)
	}
	out := &sagemaker.ListDomainsOutput{NextToken: next}
	for _, d := range ds {
		out.Domains = append(out.Domains, types.DomainDetails{
			DomainId: sdk.String(d.ID), DomainName: sdk.String(d.Name), Status: types.DomainStatusInService,
			CreationTime: sdk.Time(d.Created), DomainArn: sdk.String(f.arn("domain", d.ID)),
		})
	}
	return out, nil
}

func (f *Account) DescribeDomain(ctx context.Context, in *sagemaker.DescribeDomainInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeDomainOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeDomain"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.domains {
		if d.ID == sdk.ToString(in.DomainId) {
			return &sagemaker.DescribeDomainOutput{
				DomainId: sdk.String(d.ID), DomainName: sdk.String(d.Name), Status: types.DomainStatusInService,
				HomeEfsFileSystemId: sdk.String(d.HomeEFS), CreationTime: sdk.Time(d.Created),
			}, nil
		}
	}
	return nil, wrap("sagemaker", "DescribeDomain", APIError("ResourceNotFound", "domain not found"))
}

func (f *Account) ListUserProfiles(ctx context.Context, in *sagemaker.ListUserProfilesInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListUserProfilesOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListUserProfiles"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var matched []User
	for _, u := range f.users {
		if d := sdk.ToString(in.DomainIdEquals); d != "" && u.DomainID != d {
			continue
		}
		if c := sdk.ToString(in.UserProfileNameContains); c != "" && !strings.Contains(u.Name, c) {
			continue
		}
		matched = append(matched, u)
	}
	us, next, err := page(matched, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListUserProfiles", err)
	}
	out := &sagemaker.ListUserProfilesOutput{NextToken: next}
	for _, u := range us {
		out.UserProfiles = append(out.UserProfiles, types.UserProfileDetails{
			DomainId: sdk.String(u.DomainID), UserProfileName: sdk.String(u.Name), Status: types.UserProfileStatusInService,
			CreationTime: sdk.Time(u.Created), LastModifiedTime: sdk.Time(u.Modified),
		})
	}
	return out, nil
}

func (f *Account) DescribeUserProfile(ctx context.Context, in *sagemaker.DescribeUserProfileInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeUserProfileOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeUserProfile"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range f.users {
		if u.DomainID == sdk.ToString(in.DomainId) && u.Name == sdk.ToString(in.UserProfileName) {
			return &sagemaker.DescribeUserProfileOutput{
				DomainId: sdk.String(u.DomainID), UserProfileName: sdk.String(u.Name), Status: types.UserProfileStatusInService,
				UserProfileArn: sdk.String(f.arn("user-profile", u.DomainID+"/"+u.Name)), HomeEfsFileSystemUid: sdk.String(u.HomeUID),
				CreationTime: sdk.Time(u.Created), LastModifiedTime: sdk.Time(u.Modified),
			}, nil
		}
	}
	return nil, wrap("sagemaker", "DescribeUserProfile", APIError("ResourceNotFound", "user profile not found"))
}

func (f *Account) ListApps(ctx context.Context, in *sagemaker.ListAppsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListAppsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListApps"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var matched []App
	for _, a := range f.apps {
		if d := sdk.ToString(in.DomainIdEquals); d == "" || a.DomainID == d {
			matched = append(matched, a)
		}
	}
	as, next, err := page(matched, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListApps", err)
	}
	out := &sagemaker.ListAppsOutput{NextToken: next}
	for _, a := range as {
		out.Apps = append(out.Apps, types.AppDetails{
			DomainId: sdk.String(a.DomainID), UserProfileName: optional(a.User), SpaceName: optional(a.Space), AppType: types.AppType(a.Type),
			AppName: sdk.String(a.Name), Status: types.AppStatus(a.Status), CreationTime: sdk.Time(a.Created),
			ResourceSpec: &types.ResourceSpec{InstanceType: types.AppInstanceType(a.InstanceType)},
		})
	}
	return out, nil
}

func (f *Account) ListSpaces(ctx context.Context, in *sagemaker.ListSpacesInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListSpacesOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListSpaces"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var matched []Space
	for _, s := range f.spaces {
		if d := sdk.ToString(in.DomainIdEquals); d == "" || s.DomainID == d {
			matched = append(matched, s)
		}
	}
	ss, next, err := page(matched, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListSpaces", err)
	}
	out := &sagemaker.ListSpacesOutput{NextToken: next}
	for _, s := range ss {
		d := types.SpaceDetails{DomainId: sdk.String(s.DomainID), SpaceName: sdk.String(s.Name),
			SpaceSharingSettingsSummary: &types.SpaceSharingSettingsSummary{SharingType: types.SharingTypeShared}}
		if s.Owner != "" {
			d.SpaceSharingSettingsSummary.SharingType = types.SharingTypePrivate
			d.OwnershipSettingsSummary = &types.OwnershipSettingsSummary{OwnerUserProfileName: sdk.String(s.Owner)}
		}
		out.Spaces = append(out.Spaces, d)
	}
	return out, nil
}

// optional is nil for "", as AWS leaves out absent members.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return sdk.String(s)
}

func (f *Account) ListProjects(ctx context.Context, in *sagemaker.ListProjectsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListProjectsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListProjects"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ps, next, err := page(f.projects, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListProjects", err)
	}
	out := &sagemaker.ListProjectsOutput{NextToken: next}
	for _, p := range ps {
		out.ProjectSummaryList = append(out.ProjectSummaryList, types.ProjectSummary{
			ProjectName: sdk.String(p.Name), ProjectId: sdk.String(p.ID), ProjectArn: sdk.String(f.arn("project", p.Name)),
			ProjectStatus: types.ProjectStatus(p.Status), ProjectDescription: sdk.String(p.Description), CreationTime: sdk.Time(p.Created),
		})
	}
	return out, nil
}

func (f *Account) DescribeProject(ctx context.Context, in *sagemaker.DescribeProjectInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeProjectOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeProject"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.projects {
		if p.Name == sdk.ToString(in.ProjectName) {
			return &sagemaker.DescribeProjectOutput{
				ProjectName: sdk.String(p.Name), ProjectId: sdk.String(p.ID), ProjectArn: sdk.String(f.arn("project", p.Name)),
				ProjectStatus: types.ProjectStatus(p.Status), ProjectDescription: sdk.String(p.Description),
				CreationTime: sdk.Time(p.Created), CreatedBy: &types.UserContext{UserProfileName: sdk.String(p.CreatedBy)},
				ServiceCatalogProvisioningDetails: &types.ServiceCatalogProvisioningDetails{ProductId: sdk.String(p.Template)},
			}, nil
		}
	}
	return nil, wrap("sagemaker", "DescribeProject", notFound("Project"))
}

func (f *Account) ListTags(ctx context.Context, in *sagemaker.ListTagsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListTagsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListTags"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &sagemaker.ListTagsOutput{}
	for k, v := range f.tags[sdk.ToString(in.ResourceArn)] {
		out.Tags = append(out.Tags, types.Tag{Key: sdk.String(k), Value: sdk.String(v)})
	}
	return out, nil
}
