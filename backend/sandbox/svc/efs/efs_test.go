package efs_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var ctx = context.Background()

func TestDescribeFileSystemsPagesOverEveryHomeEFS(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	want := w.FileSystems()
	if len(want) != 3 {
		t.Fatalf("world has %d file systems, want one per domain", len(want))
	}
	domainOf := map[string]world.Domain{}
	for _, d := range w.Domains() {
		domainOf[d.HomeEfsFileSystemId] = d
	}

	c := efs.NewFromConfig(env.Config(t, "data-scientist"))
	var got []types.FileSystemDescription
	pages := 0
	p := efs.NewDescribeFileSystemsPaginator(c, &efs.DescribeFileSystemsInput{MaxItems: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.FileSystems...)
		pages++
	}
	if len(got) != len(want) || pages != len(want) {
		t.Fatalf("%d file systems in %d pages, want %d in %d", len(got), pages, len(want), len(want))
	}
	for i, fs := range got {
		wf := want[i]
		d := domainOf[wf.FileSystemId]
		if aws.ToString(fs.FileSystemId) != wf.FileSystemId || aws.ToString(fs.FileSystemArn) != wf.FileSystemArn ||
			aws.ToString(fs.Name) != "sagemaker-studio-"+d.DomainName || aws.ToString(fs.CreationToken) != wf.CreationToken ||
			!fs.CreationTime.Equal(wf.CreationTime) || fs.LifeCycleState != types.LifeCycleStateAvailable ||
			fs.NumberOfMountTargets != 2 || fs.PerformanceMode != types.PerformanceModeGeneralPurpose ||
			fs.ThroughputMode != types.ThroughputModeElastic || !aws.ToBool(fs.Encrypted) || aws.ToString(fs.KmsKeyId) != wf.KmsKeyId ||
			aws.ToString(fs.OwnerId) != "318224574112" {
			t.Errorf("file system %d = %+v\nwant %+v", i, fs, wf)
		}
		if fs.SizeInBytes == nil || fs.SizeInBytes.Value != wf.SizeInBytes.Value || fs.SizeInBytes.Value < 10<<30 ||
			!fs.SizeInBytes.Timestamp.Equal(wf.SizeInBytes.Timestamp) ||
			aws.ToInt64(fs.SizeInBytes.ValueInIA)+aws.ToInt64(fs.SizeInBytes.ValueInStandard) != wf.SizeInBytes.Value {
			t.Errorf("%s size = %+v, want %+v", wf.FileSystemId, fs.SizeInBytes, wf.SizeInBytes)
		}
		tags := map[string]string{}
		for _, tg := range fs.Tags {
			tags[aws.ToString(tg.Key)] = aws.ToString(tg.Value)
		}
		if tags["ManagedByAmazonSageMakerResource"] != d.DomainArn || tags["sagemaker:domain-id"] != d.DomainId || len(tags) != len(wf.Tags) {
			t.Errorf("%s tags = %v, want the domain %s", wf.FileSystemId, tags, d.DomainArn)
		}
	}
}

func TestDescribeFileSystemsByIDAndCreationToken(t *testing.T) {
	env := sandboxtest.Start(t)
	c := efs.NewFromConfig(env.Config(t, "on-call"))
	fs := env.World().FileSystems()[1]

	one, err := c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{FileSystemId: aws.String(fs.FileSystemId)})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.FileSystems) != 1 || aws.ToString(one.FileSystems[0].FileSystemId) != fs.FileSystemId || one.NextMarker != nil {
		t.Errorf("by id: %+v", one.FileSystems)
	}
	byToken, err := c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{CreationToken: aws.String(fs.CreationToken)})
	if err != nil {
		t.Fatal(err)
	}
	if len(byToken.FileSystems) != 1 || aws.ToString(byToken.FileSystems[0].FileSystemId) != fs.FileSystemId {
		t.Errorf("by creation token %s: %+v", fs.CreationToken, byToken.FileSystems)
	}
	none, err := c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{CreationToken: aws.String("nobody")})
	if err != nil || len(none.FileSystems) != 0 {
		t.Errorf("unknown creation token: %v, %d file systems; want none", err, len(none.FileSystems))
	}

	_, err = c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{FileSystemId: aws.String("fs-00000000")})
	servertest.WantCode(t, err, "FileSystemNotFound")
	var nf *types.FileSystemNotFound
	if !errors.As(err, &nf) {
		t.Errorf("err = %T, want *types.FileSystemNotFound", err)
	}
	_, err = c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{MaxItems: aws.Int32(0)})
	servertest.WantCode(t, err, "BadRequest")
	_, err = c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{Marker: aws.String("garbage")})
	servertest.WantCode(t, err, "BadRequest")
}

func TestFileSystemSizeGrowsWithTheClock(t *testing.T) {
	env := sandboxtest.Start(t)
	c := efs.NewFromConfig(env.Config(t, "project-admin"))
	id := env.World().FileSystems()[0].FileSystemId
	size := func() *types.FileSystemSize {
		out, err := c.DescribeFileSystems(ctx, &efs.DescribeFileSystemsInput{FileSystemId: aws.String(id)})
		if err != nil {
			t.Fatal(err)
		}
		return out.FileSystems[0].SizeInBytes
	}
	before := size()
	env.Clock.Advance(48 * time.Hour)
	after := size()
	if after.Value <= before.Value {
		t.Errorf("size went from %d to %d over two days, want growth", before.Value, after.Value)
	}
	if got := after.Timestamp.Sub(*before.Timestamp); got != 48*time.Hour {
		t.Errorf("size timestamp moved %v, want 48h", got)
	}
}

func TestListTagsForResource(t *testing.T) {
	env := sandboxtest.Start(t)
	c := efs.NewFromConfig(env.Config(t, "mlops-engineer"))
	fs := env.World().FileSystems()[2]
	wantKeys := []string{"ManagedByAmazonSageMakerResource", "Name", "sagemaker:domain-id"}

	for _, ref := range []string{fs.FileSystemId, fs.FileSystemArn} {
		var keys []string
		p := efs.NewListTagsForResourcePaginator(c, &efs.ListTagsForResourceInput{ResourceId: aws.String(ref), MaxResults: aws.Int32(1)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatalf("%s: %v", ref, err)
			}
			if len(page.Tags) > 1 {
				t.Errorf("%d tags on a page of 1", len(page.Tags))
			}
			for _, tg := range page.Tags {
				keys = append(keys, aws.ToString(tg.Key))
				if v, _ := world.TagValue(fs.Tags, aws.ToString(tg.Key)); v != aws.ToString(tg.Value) {
					t.Errorf("tag %s = %q, want %q", aws.ToString(tg.Key), aws.ToString(tg.Value), v)
				}
			}
		}
		if !slices.Equal(keys, wantKeys) {
			t.Errorf("%s: tag keys %v, want %v", ref, keys, wantKeys)
		}
	}

	//lint:ignore SA1019 the sandbox serves the deprecated DescribeTags too (older SDKs and scripts still call it); this checks it
	old, err := c.DescribeTags(ctx, &efs.DescribeTagsInput{FileSystemId: aws.String(fs.FileSystemId)})
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Tags) != 3 || old.NextMarker != nil {
		t.Errorf("DescribeTags = %+v", old.Tags)
	}

	_, err = c.ListTagsForResource(ctx, &efs.ListTagsForResourceInput{ResourceId: aws.String("fs-00000000")})
	servertest.WantCode(t, err, "FileSystemNotFound")
	_, err = c.ListTagsForResource(ctx, &efs.ListTagsForResourceInput{ResourceId: aws.String("fsap-0123456789abcdef0")})
	servertest.WantCode(t, err, "AccessPointNotFound")
}

func TestAWSCLIDescribeFileSystems(t *testing.T) {
	env := sandboxtest.Start(t)
	stdout := env.AWSCLI(t, "on-call", "efs", "describe-file-systems")
	var out struct {
		FileSystems []struct {
			FileSystemId, Name, LifeCycleState string
			SizeInBytes                        struct{ Value int64 }
			Tags                               []struct{ Key, Value string }
		}
	}
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	want := env.World().FileSystems()
	if len(out.FileSystems) != len(want) {
		t.Fatalf("CLI listed %d file systems, want %d", len(out.FileSystems), len(want))
	}
	for i, fs := range out.FileSystems {
		if fs.FileSystemId != want[i].FileSystemId || fs.Name != want[i].Name || fs.LifeCycleState != "available" ||
			fs.SizeInBytes.Value != want[i].SizeInBytes.Value || len(fs.Tags) != 3 {
			t.Errorf("CLI file system %d = %+v, want %s %s", i, fs, want[i].FileSystemId, want[i].Name)
		}
	}
}
