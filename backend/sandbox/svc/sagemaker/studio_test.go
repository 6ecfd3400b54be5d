package sagemaker_test

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestListDomainsPagesInCreationOrder(t *testing.T) {
	env := sandboxtest.Start(t)
	want := env.World().Domains()
	if len(want) < 3 {
		t.Fatalf("the world has %d domains; want several to page", len(want))
	}
	var got []types.DomainDetails
	p := sm.NewListDomainsPaginator(client(t, env, "on-call"), &sm.ListDomainsInput{MaxResults: aws.Int32(1)})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		got = append(got, out.Domains...)
	}
	if pages != len(want) || len(got) != len(want) {
		t.Fatalf("%d pages, %d domains; want %d of each", pages, len(got), len(want))
	}
	for i, d := range got {
		w := want[i]
		wantStr(t, "DomainId", d.DomainId, w.DomainId)
		wantStr(t, "DomainName", d.DomainName, w.DomainName)
		wantStr(t, "DomainArn", d.DomainArn, w.DomainArn)
		wantStr(t, "Url", d.Url, w.Url)
		if string(d.Status) != w.Status {
			t.Errorf("%s: Status %s, want %s", w.DomainName, d.Status, w.Status)
		}
		wantTime(t, "CreationTime", d.CreationTime, w.CreationTime)
		wantTime(t, "LastModifiedTime", d.LastModifiedTime, w.LastModifiedTime)
	}
}

func TestDescribeDomain(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "project-admin")
	w := env.World().Domains()[0]
	d, err := c.DescribeDomain(t.Context(), &sm.DescribeDomainInput{DomainId: aws.String(w.DomainId)})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "DomainName", d.DomainName, w.DomainName)
	wantStr(t, "HomeEfsFileSystemId", d.HomeEfsFileSystemId, w.HomeEfsFileSystemId)
	wantStr(t, "VpcId", d.VpcId, w.VpcId)
	wantStr(t, "KmsKeyId", d.KmsKeyId, w.KmsKeyId)
	if string(d.AuthMode) != w.AuthMode || string(d.AppNetworkAccessType) != w.AppNetworkAccessType {
		t.Errorf("AuthMode %s, AppNetworkAccessType %s; want %s, %s", d.AuthMode, d.AppNetworkAccessType, w.AuthMode, w.AppNetworkAccessType)
	}
	if !slices.Equal(d.SubnetIds, w.SubnetIds) || len(w.SubnetIds) == 0 {
		t.Errorf("SubnetIds %v, want %v", d.SubnetIds, w.SubnetIds)
	}
	if d.DefaultUserSettings == nil || aws.ToString(d.DefaultUserSettings.ExecutionRole) != w.DefaultUserSettings.ExecutionRole {
		t.Errorf("DefaultUserSettings.ExecutionRole = %v, want %s", d.DefaultUserSettings, w.DefaultUserSettings.ExecutionRole)
	}
	_, err = c.DescribeDomain(t.Context(), &sm.DescribeDomainInput{DomainId: aws.String("d-nosuchdomain")})
	servertest.WantCode(t, err, "ResourceNotFound")
}

func TestUserProfiles(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "project-admin")
	dom := env.World().Domains()[0]
	want := env.World().UserProfiles(dom.DomainId)
	out, err := c.ListUserProfiles(t.Context(), &sm.ListUserProfilesInput{DomainIdEquals: aws.String(dom.DomainId), MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	var got, wantNames []string
	for _, u := range out.UserProfiles {
		wantStr(t, "DomainId", u.DomainId, dom.DomainId)
		got = append(got, aws.ToString(u.UserProfileName))
	}
	for _, u := range want {
		wantNames = append(wantNames, u.UserProfileName)
	}
	slices.Sort(got)
	if !slices.Equal(got, wantNames) {
		t.Errorf("profiles of %s = %v, want %v", dom.DomainName, got, wantNames)
	}

	// Every domain's profiles, paged three at a time.
	var all []string
	p := sm.NewListUserProfilesPaginator(c, &sm.ListUserProfilesInput{MaxResults: aws.Int32(3)})
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range page.UserProfiles {
			all = append(all, aws.ToString(u.DomainId)+"/"+aws.ToString(u.UserProfileName))
		}
	}
	var every []string
	for _, u := range env.World().UserProfiles("") {
		every = append(every, u.DomainId+"/"+u.UserProfileName)
	}
	slices.Sort(all)
	if !slices.Equal(all, every) {
		t.Errorf("paged %d profiles, want %d, each once", len(all), len(every))
	}

	contains, err := c.ListUserProfiles(t.Context(), &sm.ListUserProfilesInput{UserProfileNameContains: aws.String("LIM-")})
	if err != nil {
		t.Fatal(err)
	}
	if len(contains.UserProfiles) != 1 || aws.ToString(contains.UserProfiles[0].UserProfileName) != "lim-jia-hui" {
		t.Errorf("UserProfileNameContains LIM- = %v", contains.UserProfiles)
	}

	u := want[0]
	d, err := c.DescribeUserProfile(t.Context(), &sm.DescribeUserProfileInput{DomainId: aws.String(u.DomainId), UserProfileName: aws.String(u.UserProfileName)})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "UserProfileArn", d.UserProfileArn, u.UserProfileArn)
	wantStr(t, "HomeEfsFileSystemUid", d.HomeEfsFileSystemUid, u.HomeEfsFileSystemUid)
	wantStr(t, "SingleSignOnUserValue", d.SingleSignOnUserValue, u.SingleSignOnUserValue)
	if u.HomeEfsFileSystemUid == "" || string(d.Status) != u.Status {
		t.Errorf("uid %q, status %s; want a uid and %s", u.HomeEfsFileSystemUid, d.Status, u.Status)
	}
	_, err = c.DescribeUserProfile(t.Context(), &sm.DescribeUserProfileInput{DomainId: aws.String(u.DomainId), UserProfileName: aws.String("nobody")})
	servertest.WantCode(t, err, "ResourceNotFound")
}

func TestListAppsAndSpaces(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	apps, err := c.ListApps(t.Context(), &sm.ListAppsInput{MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	want := env.World().Apps("")
	if len(apps.Apps) != len(want) || len(want) == 0 {
		t.Fatalf("%d apps, want %d", len(apps.Apps), len(want))
	}
	for i := 1; i < len(apps.Apps); i++ {
		if apps.Apps[i].CreationTime.Before(*apps.Apps[i-1].CreationTime) {
			t.Error("apps are not in ascending creation order (the default)")
		}
	}
	mine, err := c.ListApps(t.Context(), &sm.ListAppsInput{UserProfileNameEquals: aws.String("lim-jia-hui")})
	if err != nil {
		t.Fatal(err)
	}
	if len(mine.Apps) != 1 || mine.Apps[0].AppType != types.AppTypeRSessionGateway ||
		mine.Apps[0].ResourceSpec == nil || mine.Apps[0].ResourceSpec.InstanceType != types.AppInstanceTypeMlM5Xlarge {
		t.Errorf("lim-jia-hui's apps = %+v, want one RSessionGateway on ml.m5.xlarge", mine.Apps)
	}

	spaces, err := c.ListSpaces(t.Context(), &sm.ListSpacesInput{SortOrder: types.SortOrderDescending})
	if err != nil {
		t.Fatal(err)
	}
	wantSpaces := env.World().Spaces("")
	if len(spaces.Spaces) != len(wantSpaces) || len(wantSpaces) == 0 {
		t.Fatalf("%d spaces, want %d", len(spaces.Spaces), len(wantSpaces))
	}
	byName := map[string]types.SpaceDetails{}
	for _, s := range spaces.Spaces {
		byName[aws.ToString(s.SpaceName)] = s
	}
	for _, w := range wantSpaces {
		s, ok := byName[w.SpaceName]
		if !ok {
			t.Errorf("space %s missing", w.SpaceName)
			continue
		}
		if s.OwnershipSettingsSummary == nil || aws.ToString(s.OwnershipSettingsSummary.OwnerUserProfileName) != w.OwnerUserProfileName {
			t.Errorf("space %s owner = %+v, want %s", w.SpaceName, s.OwnershipSettingsSummary, w.OwnerUserProfileName)
		}
		if s.SpaceSettingsSummary == nil || string(s.SpaceSettingsSummary.AppType) != w.AppType {
			t.Errorf("space %s app type = %+v, want %s", w.SpaceName, s.SpaceSettingsSummary, w.AppType)
		}
	}
	_, err = c.ListSpaces(t.Context(), &sm.ListSpacesInput{SortBy: "Size"})
	servertest.WantCode(t, err, "ValidationException")
}
