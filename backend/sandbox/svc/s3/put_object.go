package s3

import (
	"context"
	"strings"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
)

// PutObjectInput is PutObject's request.
type PutObjectInput struct {
	Bucket         string            `aws:",uri"`
	Key            string            `aws:",uri"`
	Body           []byte            `aws:",payload"`
	ContentType    *string           `aws:"Content-Type,header"`
	ContentMD5     *string           `aws:"Content-MD5,header"`
	ChecksumCRC32  *string           `aws:"x-amz-checksum-crc32,header"`
	ChecksumCRC32C *string           `aws:"x-amz-checksum-crc32c,header"`
	ChecksumSHA1   *string           `aws:"x-amz-checksum-sha1,header"`
	ChecksumSHA256 *string           `aws:"x-amz-checksum-sha256,header"`
	Metadata       map[string]string `aws:"x-amz-meta-,headers"`
}

// PutObjectOutput is PutObject's answer, all in headers.
type PutObjectOutput struct {
	ETag           string  `aws:"ETag,header"`
	ChecksumCRC32  *string `aws:"x-amz-checksum-crc32,header"`
	ChecksumCRC32C *string `aws:"x-amz-checksum-crc32c,header"`
	ChecksumSHA1   *string `aws:"x-amz-checksum-sha1,header"`
	ChecksumSHA256 *string `aws:"x-amz-checksum-sha256,header"`
}

// putObject stores an object after checking any checksum the client sent.
// The key's first segment, when it names a project, is the object's
// project for IAM.
// aws s3api put-object --bucket BUCKET --key KEY --body FILE
func (h handlers) putObject(_ context.Context, call *server.Call, in *PutObjectInput) (*PutObjectOutput, error) {
	if err := call.Authorize("arn:aws:s3:::"+in.Bucket+"/"+in.Key, h.projectOf(in.Key)); err != nil {
		return nil, err
	}
	if err := verifyChecksums(in); err != nil {
		return nil, err
	}
	o, err := h.world.PutObject(in.Bucket, in.Key, in.Body, optional.Value(in.ContentType), in.Metadata)
	if err != nil {
		return nil, fromWorld(err, in.Bucket, in.Key)
	}
	return &PutObjectOutput{
		ETag: o.ETag, ChecksumCRC32: in.ChecksumCRC32, ChecksumCRC32C: in.ChecksumCRC32C,
		ChecksumSHA1: in.ChecksumSHA1, ChecksumSHA256: in.ChecksumSHA256,
	}, nil
}

// projectOf is the project a key's first segment names, "" if none.
func (h handlers) projectOf(key string) string {
	first, _, _ := strings.Cut(key, "/")
	if _, err := h.world.Project(first); err != nil {
		return ""
	}
	return first
}
