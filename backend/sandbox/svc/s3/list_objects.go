package s3

import (
	"context"
	"net/url"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/paging"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// maxKeys is the largest (and the default) ListObjectsV2 page.
const maxKeys = 1000

// continuationTokens are the tokens this service issues: "s3v2:" and the
// key the next page starts after.
func continuationTokens() paging.Tokens {
	return paging.Tokens{
		Prefix:  "s3v2:",
		Invalid: func(string) error { return invalidArgument("The continuation token provided is incorrect") },
	}
}

// ListObjectsV2Input is ListObjectsV2's request.
type ListObjectsV2Input struct {
	Bucket            string  `aws:",uri"`
	ContinuationToken *string `aws:"continuation-token,query"`
	Delimiter         *string `aws:"delimiter,query"`
	EncodingType      *string `aws:"encoding-type,query"`
	FetchOwner        *bool   `aws:"fetch-owner,query"`
	MaxKeys           *int32  `aws:"max-keys,query"`
	Prefix            *string `aws:"prefix,query"`
	StartAfter        *string `aws:"start-after,query"`
}

// Object is one key in a listing.
type Object struct {
	Key          string
	LastModified time.Time
	ETag         string
	Size         *int64
	StorageClass string
	Owner        *Owner
}

// CommonPrefix is a "directory" a delimiter rolled keys up into.
type CommonPrefix struct {
	Prefix string
}

// ListObjectsV2Output is ListObjectsV2's answer, <ListBucketResult>.
type ListObjectsV2Output struct {
	Name                  string
	Prefix                *string
	Delimiter             *string
	MaxKeys               *int32
	EncodingType          *string
	KeyCount              *int32
	IsTruncated           *bool
	ContinuationToken     *string
	NextContinuationToken *string
	StartAfter            *string
	Contents              []Object       `aws:",flat"`
	CommonPrefixes        []CommonPrefix `aws:",flat"`
}

// listObjectsV2 lists a bucket's keys in UTF-8 order, rolling keys up into
// CommonPrefixes at the delimiter, a page of at most max-keys (1000) at a
// time; the continuation token resumes after the page's last key or prefix.
// With encoding-type=url, keys and prefixes are URL-encoded, as the AWS CLI
// asks for.
// aws s3api list-objects-v2 --bucket BUCKET [--prefix P] [--delimiter /]
func (h handlers) listObjectsV2(_ context.Context, call *server.Call, in *ListObjectsV2Input) (*ListObjectsV2Output, error) {
	size := int32(maxKeys)
	if in.MaxKeys != nil {
		if *in.MaxKeys < 0 {
			return nil, invalidArgument("max-keys cannot be negative")
		}
		size = min(*in.MaxKeys, maxKeys)
	}
	encode := func(s string) string { return s }
	if in.EncodingType != nil {
		if *in.EncodingType != "url" {
			return nil, invalidArgument("Invalid Encoding Method specified in Request")
		}
		encode = url.QueryEscape
	}
	q := world.ObjectQuery{Bucket: in.Bucket, Prefix: optional.Value(in.Prefix), Delimiter: optional.Value(in.Delimiter), After: optional.Value(in.StartAfter), MaxKeys: int(size)}
	if in.ContinuationToken != nil {
		after, err := continuationTokens().Decode(*in.ContinuationToken)
		if err != nil {
			return nil, err
		}
		q.After = after
	}
	var pg world.ObjectPage
	if size > 0 {
		var err error
		if pg, err = h.world.Objects(q); err != nil {
			return nil, fromWorld(err, in.Bucket, "")
		}
	} else if _, ok := h.bucket(in.Bucket); !ok {
		return nil, server.NoSuchBucket(in.Bucket)
	}

	out := &ListObjectsV2Output{
		Name: in.Bucket, Prefix: ptr(encode(q.Prefix)), MaxKeys: &size, IsTruncated: &pg.IsTruncated,
		ContinuationToken: in.ContinuationToken,
		KeyCount:          ptr(int32(len(pg.Objects) + len(pg.CommonPrefixes))),
	}
	if in.Delimiter != nil {
		out.Delimiter = ptr(encode(*in.Delimiter))
	}
	if in.StartAfter != nil {
		out.StartAfter = ptr(encode(*in.StartAfter))
	}
	if in.EncodingType != nil {
		out.EncodingType = in.EncodingType
	}
	if pg.IsTruncated {
		out.NextContinuationToken = ptr(continuationTokens().Encode(pg.Next))
	}
	var owner *Owner
	if optional.Value(in.FetchOwner) {
		owner = &Owner{ID: canonicalID(call.Principal.Account)}
	}
	for _, o := range pg.Objects {
		out.Contents = append(out.Contents, Object{
			Key: encode(o.Key), LastModified: o.LastModified, ETag: o.ETag, Size: &o.Size, StorageClass: o.StorageClass, Owner: owner,
		})
	}
	for _, p := range pg.CommonPrefixes {
		out.CommonPrefixes = append(out.CommonPrefixes, CommonPrefix{Prefix: encode(p)})
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }
