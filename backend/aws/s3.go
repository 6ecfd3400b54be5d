package aws

import (
	"context"
	"fmt"
	"io"
	"strings"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// ParseS3URI splits s3://bucket/key.
func ParseS3URI(uri string) (bucket, key string, err error) {
	rest, ok := strings.CutPrefix(uri, "s3://")
	if !ok {
		return "", "", fmt.Errorf("%q is not an s3:// URI", uri)
	}
	bucket, key, _ = strings.Cut(rest, "/")
	if bucket == "" {
		return "", "", fmt.Errorf("%q names no bucket", uri)
	}
	return bucket, key, nil
}

// GetObject reads an object (an evaluation report) by its s3:// URI, at
// most maxBytes of it; a larger object is an error rather than a silent cut.
// aws s3api get-object --bucket BUCKET --key KEY OUT
func (a *Account) GetObject(ctx context.Context, uri string, maxBytes int64) ([]byte, error) {
	bucket, key, err := ParseS3URI(uri)
	if err != nil {
		return nil, err
	}
	out, err := a.S3.GetObject(ctx, &s3.GetObjectInput{Bucket: sdk.String(bucket), Key: sdk.String(key)})
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	body, err := io.ReadAll(io.LimitReader(out.Body, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", uri, err)
	}
	if int64(len(body)) > maxBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", uri, maxBytes)
	}
	return body, nil
}

// ListObjects lists up to max keys under an s3:// prefix.
// aws s3api list-objects-v2 --bucket BUCKET --prefix PREFIX
func (a *Account) ListObjects(ctx context.Context, uri string, max int) ([]string, error) {
	bucket, prefix, err := ParseS3URI(uri)
	if err != nil {
		return nil, err
	}
	var keys []string
	p := s3.NewListObjectsV2Paginator(a.S3, &s3.ListObjectsV2Input{Bucket: sdk.String(bucket), Prefix: sdk.String(prefix)})
	for p.HasMorePages() && len(keys) < max {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, o := range page.Contents {
			if len(keys) < max {
				keys = append(keys, str(o.Key))
			}
		}
	}
	return keys, nil
}
