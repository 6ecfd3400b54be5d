package efs

import (
	"context"
	"net/http"
	"sort"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// maxTags is the default and largest page of tags.
const maxTags = 100

// ListTagsForResourceInput is ListTagsForResource's request.
type ListTagsForResourceInput struct {
	ResourceId string  `aws:",uri"`
	MaxResults *int32  `aws:",query"`
	NextToken  *string `aws:",query"`
}

// ListTagsForResourceOutput is ListTagsForResource's answer.
type ListTagsForResourceOutput struct {
	Tags      []Tag
	NextToken *string
}

// listTagsForResource lists a file system's tags by key. The resource is
// named by id (fs-…) or ARN; the sandbox has no access points.
// aws efs list-tags-for-resource --resource-id ID
func (h handlers) listTagsForResource(_ context.Context, _ *server.Call, in *ListTagsForResourceInput) (*ListTagsForResourceOutput, error) {
	size, err := pageSize(in.MaxResults, "MaxResults", maxTags)
	if err != nil {
		return nil, err
	}
	id := in.ResourceId
	if a, ok := world.ParseArn(id); ok && a.Service == "elasticfilesystem" {
		id = a.Resource[strings.LastIndexByte(a.Resource, '/')+1:]
	}
	if strings.HasPrefix(id, "fsap-") {
		return nil, server.NewError(http.StatusNotFound, "AccessPointNotFound", "Access point '%s' does not exist.", id)
	}
	all, err := h.sortedTags(id)
	if err != nil {
		return nil, err
	}
	pg, next, err := page(all, tagKey, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	return &ListTagsForResourceOutput{Tags: pg, NextToken: next}, nil
}

// DescribeTagsInput is DescribeTags' request.
type DescribeTagsInput struct {
	FileSystemId string  `aws:",uri"`
	MaxItems     *int32  `aws:",query"`
	Marker       *string `aws:",query"`
}

// DescribeTagsOutput is DescribeTags' answer.
type DescribeTagsOutput struct {
	Marker     *string
	Tags       []Tag
	NextMarker *string
}

// describeTags lists a file system's tags by key (the older call that
// ListTagsForResource replaces).
// aws efs describe-tags --file-system-id ID
func (h handlers) describeTags(_ context.Context, _ *server.Call, in *DescribeTagsInput) (*DescribeTagsOutput, error) {
	size, err := pageSize(in.MaxItems, "MaxItems", maxTags)
	if err != nil {
		return nil, err
	}
	all, err := h.sortedTags(in.FileSystemId)
	if err != nil {
		return nil, err
	}
	pg, next, err := page(all, tagKey, in.Marker, size)
	if err != nil {
		return nil, err
	}
	return &DescribeTagsOutput{Marker: in.Marker, Tags: pg, NextMarker: next}, nil
}

func (h handlers) sortedTags(fsID string) ([]Tag, error) {
	fs, err := h.world.FileSystem(fsID)
	if err != nil {
		return nil, fileSystemNotFound(fsID)
	}
	out := tags(fs.Tags)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

func tagKey(t Tag) string { return t.Key }
