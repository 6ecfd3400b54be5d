package aws

import (
	"context"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/domain"
)

// Domains lists the Studio domains (without their home EFS, which only
// DescribeDomain gives).
// aws sagemaker list-domains
func (a *Account) Domains(ctx context.Context) ([]domain.StudioDomain, error) {
	var out []domain.StudioDomain
	p := sagemaker.NewListDomainsPaginator(a.SageMaker, &sagemaker.ListDomainsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, d := range page.Domains {
			out = append(out, domain.StudioDomain{
				ID: str(d.DomainId), Name: str(d.DomainName), Status: string(d.Status), CreatedAt: tm(d.CreationTime),
			})
		}
	}
	return out, nil
}

// DescribeDomain reads a domain in full, with its home EFS id.
// aws sagemaker describe-domain --domain-id ID
func (a *Account) DescribeDomain(ctx context.Context, id string) (domain.StudioDomain, error) {
	d, err := a.SageMaker.DescribeDomain(ctx, &sagemaker.DescribeDomainInput{DomainId: sdk.String(id)})
	if err != nil {
		return domain.StudioDomain{}, err
	}
	return domain.StudioDomain{
		ID: str(d.DomainId), Name: str(d.DomainName), Status: string(d.Status),
		HomeEFSID: str(d.HomeEfsFileSystemId), CreatedAt: tm(d.CreationTime),
	}, nil
}

// UserProfileSummary is a user profile as the list call gives it.
type UserProfileSummary struct {
	DomainID     string
	Name         string
	Status       string
	CreatedAt    time.Time
	LastModified time.Time
}

// UserProfiles lists user profiles: of one domain ("" for all), whose
// names contain nameContains ("" for any).
// aws sagemaker list-user-profiles [--domain-id-equals ID] [--user-profile-name-contains TEXT]
func (a *Account) UserProfiles(ctx context.Context, domainID, nameContains string) ([]UserProfileSummary, error) {
	in := &sagemaker.ListUserProfilesInput{MaxResults: sdk.Int32(100)}
	if domainID != "" {
		in.DomainIdEquals = sdk.String(domainID)
	}
	if nameContains != "" {
		in.UserProfileNameContains = sdk.String(nameContains)
	}
	var out []UserProfileSummary
	p := sagemaker.NewListUserProfilesPaginator(a.SageMaker, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range page.UserProfiles {
			out = append(out, UserProfileSummary{
				DomainID: str(u.DomainId), Name: str(u.UserProfileName), Status: string(u.Status),
				CreatedAt: tm(u.CreationTime), LastModified: tm(u.LastModifiedTime),
			})
		}
	}
	return out, nil
}

// UserProfile is a described user profile and its ARN (for ListTags).
type UserProfile struct {
	User domain.User
	ARN  string
}

// DescribeUserProfile reads a profile, with its home directory uid.
// aws sagemaker describe-user-profile --domain-id ID --user-profile-name NAME
func (a *Account) DescribeUserProfile(ctx context.Context, domainID, name string) (UserProfile, error) {
	u, err := a.SageMaker.DescribeUserProfile(ctx, &sagemaker.DescribeUserProfileInput{
		DomainId: sdk.String(domainID), UserProfileName: sdk.String(name),
	})
	if err != nil {
		return UserProfile{}, err
	}
	return UserProfile{
		ARN: str(u.UserProfileArn),
		User: domain.User{
			DomainID: str(u.DomainId), Name: str(u.UserProfileName), Status: string(u.Status),
			HomeEFSUID: str(u.HomeEfsFileSystemUid), CreatedAt: tm(u.CreationTime),
		},
	}, nil
}

// Apps lists the Studio apps (JupyterLab, RStudio, ...) of one domain, or
// of every domain when domainID is "". Apps in a space carry the space's
// name, not a user's: see Spaces for whose private space it is.
// aws sagemaker list-apps [--domain-id-equals ID]
func (a *Account) Apps(ctx context.Context, domainID string) ([]domain.StudioApp, error) {
	var out []domain.StudioApp
	in := &sagemaker.ListAppsInput{MaxResults: sdk.Int32(100)}
	if domainID != "" {
		in.DomainIdEquals = sdk.String(domainID)
	}
	p := sagemaker.NewListAppsPaginator(a.SageMaker, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, app := range page.Apps {
			out = append(out, appFromDetails(app))
		}
	}
	return out, nil
}

func appFromDetails(app types.AppDetails) domain.StudioApp {
	a := domain.StudioApp{
		DomainID: str(app.DomainId), UserProfile: str(app.UserProfileName), SpaceName: str(app.SpaceName),
		AppType: string(app.AppType), AppName: str(app.AppName), Status: string(app.Status), CreatedAt: tm(app.CreationTime),
	}
	if app.ResourceSpec != nil {
		a.InstanceType = string(app.ResourceSpec.InstanceType)
	}
	return a
}

// Space is a Studio space and, when it is private, its owner.
type Space struct {
	DomainID string
	Name     string
	Owner    string // the owning user profile of a private space, "" for a shared one
}

// Spaces lists the Studio spaces of one domain, or of every domain when
// domainID is "".
// aws sagemaker list-spaces [--domain-id-equals ID]
func (a *Account) Spaces(ctx context.Context, domainID string) ([]Space, error) {
	in := &sagemaker.ListSpacesInput{MaxResults: sdk.Int32(100)}
	if domainID != "" {
		in.DomainIdEquals = sdk.String(domainID)
	}
	var out []Space
	p := sagemaker.NewListSpacesPaginator(a.SageMaker, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.Spaces {
			sp := Space{DomainID: str(s.DomainId), Name: str(s.SpaceName)}
			private := s.SpaceSharingSettingsSummary == nil || s.SpaceSharingSettingsSummary.SharingType != types.SharingTypeShared
			if o := s.OwnershipSettingsSummary; o != nil && private {
				sp.Owner = str(o.OwnerUserProfileName)
			}
			out = append(out, sp)
		}
	}
	return out, nil
}

// UserProfileARN is the ARN of a user profile, built as SageMaker builds
// it (partition and account from the caller's ARN), so that its tags can
// be read without describing the profile first.
func UserProfileARN(callerARN, region, domainID, name string) string {
	parts := strings.SplitN(callerARN, ":", 6)
	if len(parts) < 6 || parts[1] == "" || parts[4] == "" {
		return ""
	}
	return "arn:" + parts[1] + ":sagemaker:" + region + ":" + parts[4] + ":user-profile/" + domainID + "/" + name
}

// Tags reads a SageMaker resource's tags.
// aws sagemaker list-tags --resource-arn ARN
func (a *Account) Tags(ctx context.Context, arn string) (map[string]string, error) {
	tags := map[string]string{}
	p := sagemaker.NewListTagsPaginator(a.SageMaker, &sagemaker.ListTagsInput{ResourceArn: sdk.String(arn)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for k, v := range sageMakerTags(page.Tags) {
			tags[k] = v
		}
	}
	return tags, nil
}

func sageMakerTags(tags []types.Tag) map[string]string {
	return tagMap(tags, func(t types.Tag) (*string, *string) { return t.Key, t.Value })
}
