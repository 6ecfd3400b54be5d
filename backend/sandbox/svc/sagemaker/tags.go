package sagemaker

import (
	"context"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Tags of any SageMaker resource, by ARN. The sagemaker:project-name tag is
// how IAM (and agdash) learn a resource's project.

// Tag is a key-value pair as a request carries it.
type Tag struct {
	Key   string `aws:",required"`
	Value string `aws:",required"`
}

func toWorldTags(tags []Tag) []world.Tag {
	if tags == nil {
		return nil
	}
	out := make([]world.Tag, len(tags))
	for i, t := range tags {
		out[i] = world.Tag{Key: t.Key, Value: t.Value}
	}
	return out
}

func tagsNotFound(arn string) func() *server.Error {
	return func() *server.Error {
		return server.ValidationException("Resource %s does not exist.", arn)
	}
}

type ListTagsInput struct {
	ResourceArn string `aws:",required"`
	MaxResults  *int32
	NextToken   *string
}

type ListTagsOutput struct {
	Tags      []world.Tag
	NextToken *string
}

// listTags is `aws sagemaker list-tags --resource-arn ARN`.
func (h handlers) listTags(_ context.Context, _ *server.Call, in *ListTagsInput) (*ListTagsOutput, error) {
	tags, err := h.w.Tags(in.ResourceArn)
	if err != nil {
		return nil, fromWorld(err, tagsNotFound(in.ResourceArn))
	}
	page, err := pageOf("ListTags", tags, in.NextToken, in.MaxResults, 50, 50, 100)
	if err != nil {
		return nil, err
	}
	return &ListTagsOutput{Tags: page.Items, NextToken: page.Next}, nil
}

type AddTagsInput struct {
	ResourceArn string `aws:",required"`
	Tags        []Tag  `aws:",required"`
}

type AddTagsOutput struct {
	Tags []world.Tag
}

// addTags is `aws sagemaker add-tags --resource-arn ARN --tags Key=K,Value=V`.
func (h handlers) addTags(_ context.Context, call *server.Call, in *AddTagsInput) (*AddTagsOutput, error) {
	if len(in.Tags) > 50 {
		return nil, server.ValidationException("1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50")
	}
	if err := h.authorizeTagging(call, in.ResourceArn); err != nil {
		return nil, err
	}
	tags := toWorldTags(in.Tags)
	if err := h.w.AddTags(in.ResourceArn, tags); err != nil {
		return nil, fromWorld(err, tagsNotFound(in.ResourceArn))
	}
	return &AddTagsOutput{Tags: tags}, nil
}

type DeleteTagsInput struct {
	ResourceArn string   `aws:",required"`
	TagKeys     []string `aws:",required"`
}

type DeleteTagsOutput struct{}

// deleteTags is `aws sagemaker delete-tags --resource-arn ARN --tag-keys K`.
func (h handlers) deleteTags(_ context.Context, call *server.Call, in *DeleteTagsInput) (*DeleteTagsOutput, error) {
	if len(in.TagKeys) > 50 {
		return nil, server.ValidationException("1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50")
	}
	if err := h.authorizeTagging(call, in.ResourceArn); err != nil {
		return nil, err
	}
	if err := h.w.DeleteTags(in.ResourceArn, in.TagKeys); err != nil {
		return nil, fromWorld(err, tagsNotFound(in.ResourceArn))
	}
	return &DeleteTagsOutput{}, nil
}

// authorizeTagging asks IAM about a tag change on arn, which belongs to the
// project its current tags name.
func (h handlers) authorizeTagging(call *server.Call, arn string) error {
	tags, err := h.w.Tags(arn)
	if err != nil {
		return fromWorld(err, tagsNotFound(arn))
	}
	return call.Authorize(arn, projectOf(tags))
}
