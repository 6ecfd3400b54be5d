package sagemaker

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Studio: domains (one per agency), user profiles, apps and spaces.

type ListDomainsInput struct {
	MaxResults *int32
	NextToken  *string
}

type DomainDetails struct {
	DomainArn        string
	DomainId         string
	DomainName       string
	Status           string
	Url              string
	CreationTime     time.Time
	LastModifiedTime time.Time
}

type ListDomainsOutput struct {
	Domains   []DomainDetails
	NextToken *string
}

// listDomains is `aws sagemaker list-domains`.
func (h handlers) listDomains(_ context.Context, _ *server.Call, in *ListDomainsInput) (*ListDomainsOutput, error) {
	domains := h.w.Domains()
	items := make([]DomainDetails, 0, len(domains))
	for _, d := range domains {
		items = append(items, DomainDetails{DomainArn: d.DomainArn, DomainId: d.DomainId, DomainName: d.DomainName, Status: d.Status,
			Url: d.Url, CreationTime: d.CreationTime, LastModifiedTime: d.LastModifiedTime})
	}
	page, err := pageOf("ListDomains", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListDomainsOutput{Domains: page.Items, NextToken: page.Next}, nil
}

type DescribeDomainInput struct {
	DomainId string `aws:",required"`
}

type DescribeDomainOutput struct {
	DomainArn            string
	DomainId             string
	DomainName           string
	HomeEfsFileSystemId  string
	Status               string
	AuthMode             string
	AppNetworkAccessType string
	Url                  string
	VpcId                string
	SubnetIds            []string
	KmsKeyId             string
	CreationTime         time.Time
	LastModifiedTime     time.Time
	DefaultUserSettings  *world.UserSettings
}

// describeDomain is `aws sagemaker describe-domain --domain-id ID`.
func (h handlers) describeDomain(_ context.Context, _ *server.Call, in *DescribeDomainInput) (*DescribeDomainOutput, error) {
	d, err := h.w.Domain(in.DomainId)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ResourceNotFound("Cannot find Domain with DomainId %s.", in.DomainId)
		})
	}
	return &DescribeDomainOutput{
		DomainArn: d.DomainArn, DomainId: d.DomainId, DomainName: d.DomainName, HomeEfsFileSystemId: d.HomeEfsFileSystemId,
		Status: d.Status, AuthMode: d.AuthMode, AppNetworkAccessType: d.AppNetworkAccessType, Url: d.Url, VpcId: d.VpcId,
		SubnetIds: d.SubnetIds, KmsKeyId: d.KmsKeyId, CreationTime: d.CreationTime, LastModifiedTime: d.LastModifiedTime,
		DefaultUserSettings: &d.DefaultUserSettings,
	}, nil
}

type ListUserProfilesInput struct {
	DomainIdEquals          *string
	UserProfileNameContains *string
	SortBy                  string
	SortOrder               string
	MaxResults              *int32
	NextToken               *string
}

type UserProfileDetails struct {
	DomainId         string
	UserProfileName  string
	Status           string
	CreationTime     time.Time
	LastModifiedTime time.Time
}

type ListUserProfilesOutput struct {
	UserProfiles []UserProfileDetails
	NextToken    *string
}

// listUserProfiles is `aws sagemaker list-user-profiles [--domain-id-equals ID]`.
func (h handlers) listUserProfiles(_ context.Context, _ *server.Call, in *ListUserProfilesInput) (*ListUserProfilesOutput, error) {
	if err := checkSort(in.SortBy, in.SortOrder, "CreationTime", "LastModifiedTime"); err != nil {
		return nil, err
	}
	var items []UserProfileDetails
	for _, u := range h.w.UserProfiles(optional.Value(in.DomainIdEquals)) {
		if !containsFold(u.UserProfileName, in.UserProfileNameContains) {
			continue
		}
		items = append(items, UserProfileDetails{DomainId: u.DomainId, UserProfileName: u.UserProfileName, Status: u.Status,
			CreationTime: u.CreationTime, LastModifiedTime: u.LastModifiedTime})
	}
	sortItems(items, descending(in.SortOrder, "Ascending"), func(a, b UserProfileDetails) int {
		if in.SortBy == "LastModifiedTime" {
			return byTime(a.LastModifiedTime, b.LastModifiedTime, a.DomainId+"/"+a.UserProfileName, b.DomainId+"/"+b.UserProfileName)
		}
		return byTime(a.CreationTime, b.CreationTime, a.DomainId+"/"+a.UserProfileName, b.DomainId+"/"+b.UserProfileName)
	})
	page, err := pageOf("ListUserProfiles", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListUserProfilesOutput{UserProfiles: page.Items, NextToken: page.Next}, nil
}

type DescribeUserProfileInput struct {
	DomainId        string `aws:",required"`
	UserProfileName string `aws:",required"`
}

type DescribeUserProfileOutput struct {
	DomainId                   string
	UserProfileArn             string
	UserProfileName            string
	HomeEfsFileSystemUid       string
	Status                     string
	SingleSignOnUserIdentifier string
	SingleSignOnUserValue      string
	CreationTime               time.Time
	LastModifiedTime           time.Time
	UserSettings               *world.UserSettings
}

// describeUserProfile is `aws sagemaker describe-user-profile --domain-id ID --user-profile-name NAME`.
func (h handlers) describeUserProfile(_ context.Context, _ *server.Call, in *DescribeUserProfileInput) (*DescribeUserProfileOutput, error) {
	u, err := h.w.UserProfile(in.DomainId, in.UserProfileName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ResourceNotFound("User profile %s does not exist in domain %s.", in.UserProfileName, in.DomainId)
		})
	}
	return &DescribeUserProfileOutput{
		DomainId: u.DomainId, UserProfileArn: u.UserProfileArn, UserProfileName: u.UserProfileName,
		HomeEfsFileSystemUid: u.HomeEfsFileSystemUid, Status: u.Status,
		SingleSignOnUserIdentifier: u.SingleSignOnUserIdentifier, SingleSignOnUserValue: u.SingleSignOnUserValue,
		CreationTime: u.CreationTime, LastModifiedTime: u.LastModifiedTime, UserSettings: &u.UserSettings,
	}, nil
}

type ListAppsInput struct {
	DomainIdEquals        *string
	UserProfileNameEquals *string
	SpaceNameEquals       *string
	SortBy                string
	SortOrder             string
	MaxResults            *int32
	NextToken             *string
}

type AppDetails struct {
	DomainId        string
	UserProfileName string
	SpaceName       string
	AppType         string
	AppName         string
	Status          string
	CreationTime    time.Time
	ResourceSpec    *world.ResourceSpec
}

type ListAppsOutput struct {
	Apps      []AppDetails
	NextToken *string
}

// listApps is `aws sagemaker list-apps [--domain-id-equals ID] [--user-profile-name-equals NAME]`.
func (h handlers) listApps(_ context.Context, _ *server.Call, in *ListAppsInput) (*ListAppsOutput, error) {
	if err := checkSort(in.SortBy, in.SortOrder, "CreationTime"); err != nil {
		return nil, err
	}
	if in.UserProfileNameEquals != nil && in.SpaceNameEquals != nil {
		return nil, server.ValidationException("UserProfileNameEquals and SpaceNameEquals cannot both be set.")
	}
	var items []AppDetails
	for _, a := range h.w.Apps(optional.Value(in.DomainIdEquals)) {
		if in.UserProfileNameEquals != nil && a.UserProfileName != *in.UserProfileNameEquals {
			continue
		}
		if in.SpaceNameEquals != nil && a.SpaceName != *in.SpaceNameEquals {
			continue
		}
		spec := a.ResourceSpec
		items = append(items, AppDetails{DomainId: a.DomainId, UserProfileName: a.UserProfileName, SpaceName: a.SpaceName,
			AppType: a.AppType, AppName: a.AppName, Status: a.Status, CreationTime: a.CreationTime, ResourceSpec: &spec})
	}
	sortItems(items, descending(in.SortOrder, "Ascending"), func(a, b AppDetails) int {
		return byTime(a.CreationTime, b.CreationTime, a.DomainId+"/"+a.AppName, b.DomainId+"/"+b.AppName)
	})
	page, err := pageOf("ListApps", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListAppsOutput{Apps: page.Items, NextToken: page.Next}, nil
}

type ListSpacesInput struct {
	DomainIdEquals    *string
	SpaceNameContains *string
	SortBy            string
	SortOrder         string
	MaxResults        *int32
	NextToken         *string
}

type OwnershipSettingsSummary struct {
	OwnerUserProfileName string
}

type SpaceSettingsSummary struct {
	AppType string
}

type SpaceSharingSettingsSummary struct {
	SharingType string
}

type SpaceDetails struct {
	DomainId                    string
	SpaceName                   string
	SpaceDisplayName            string
	Status                      string
	CreationTime                time.Time
	LastModifiedTime            time.Time
	OwnershipSettingsSummary    *OwnershipSettingsSummary
	SpaceSettingsSummary        *SpaceSettingsSummary
	SpaceSharingSettingsSummary *SpaceSharingSettingsSummary
}

type ListSpacesOutput struct {
	Spaces    []SpaceDetails
	NextToken *string
}

// listSpaces is `aws sagemaker list-spaces [--domain-id-equals ID]`.
func (h handlers) listSpaces(_ context.Context, _ *server.Call, in *ListSpacesInput) (*ListSpacesOutput, error) {
	if err := checkSort(in.SortBy, in.SortOrder, "CreationTime", "LastModifiedTime"); err != nil {
		return nil, err
	}
	var items []SpaceDetails
	for _, s := range h.w.Spaces(optional.Value(in.DomainIdEquals)) {
		if !containsFold(s.SpaceName, in.SpaceNameContains) {
			continue
		}
		d := SpaceDetails{DomainId: s.DomainId, SpaceName: s.SpaceName, SpaceDisplayName: s.SpaceDisplayName, Status: s.Status,
			CreationTime: s.CreationTime, LastModifiedTime: s.LastModifiedTime,
			SpaceSettingsSummary: &SpaceSettingsSummary{AppType: s.AppType}}
		if s.OwnerUserProfileName != "" {
			d.OwnershipSettingsSummary = &OwnershipSettingsSummary{OwnerUserProfileName: s.OwnerUserProfileName}
		}
		if s.SharingType != "" {
			d.SpaceSharingSettingsSummary = &SpaceSharingSettingsSummary{SharingType: s.SharingType}
		}
		items = append(items, d)
	}
	sortItems(items, descending(in.SortOrder, "Ascending"), func(a, b SpaceDetails) int {
		if in.SortBy == "LastModifiedTime" {
			return byTime(a.LastModifiedTime, b.LastModifiedTime, a.DomainId+"/"+a.SpaceName, b.DomainId+"/"+b.SpaceName)
		}
		return byTime(a.CreationTime, b.CreationTime, a.DomainId+"/"+a.SpaceName, b.DomainId+"/"+b.SpaceName)
	})
	page, err := pageOf("ListSpaces", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListSpacesOutput{Spaces: page.Items, NextToken: page.Next}, nil
}
