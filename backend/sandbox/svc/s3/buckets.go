package s3

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// maxBuckets is the largest page ListBuckets returns.
const maxBuckets = 10000

// ListBucketsInput is ListBuckets' request.
type ListBucketsInput struct {
	MaxBuckets        *int32  `aws:"max-buckets,query"`
	ContinuationToken *string `aws:"continuation-token,query"`
	Prefix            *string `aws:"prefix,query"`
	BucketRegion      *string `aws:"bucket-region,query"`
}

// Bucket is one bucket in ListBuckets.
type Bucket struct {
	Name         string
	CreationDate time.Time
	BucketRegion string
}

// Owner is the account that owns the buckets, by its canonical user id.
type Owner struct {
	ID string
}

// ListBucketsOutput is ListBuckets' answer, <ListAllMyBucketsResult>.
type ListBucketsOutput struct {
	Buckets           []Bucket `aws:",member=Bucket"`
	Owner             *Owner
	ContinuationToken *string
	Prefix            *string
}

// listBuckets lists the account's buckets by name.
// aws s3api list-buckets
func (h handlers) listBuckets(_ context.Context, call *server.Call, in *ListBucketsInput) (*ListBucketsOutput, error) {
	size := maxBuckets
	if in.MaxBuckets != nil {
		if *in.MaxBuckets < 1 || *in.MaxBuckets > maxBuckets {
			return nil, invalidArgument("max-buckets must be between 1 and %d.", maxBuckets)
		}
		size = int(*in.MaxBuckets)
	}
	after := ""
	if in.ContinuationToken != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*in.ContinuationToken)
		if err != nil || len(raw) == 0 {
			return nil, invalidArgument("The continuation token provided is incorrect")
		}
		after = string(raw)
	}
	out := &ListBucketsOutput{Buckets: []Bucket{}, Owner: &Owner{ID: canonicalID(call.Principal.Account)}, Prefix: in.Prefix}
	for _, b := range h.world.Buckets() {
		switch {
		case b.Name <= after,
			in.Prefix != nil && !strings.HasPrefix(b.Name, *in.Prefix),
			in.BucketRegion != nil && b.BucketRegion != *in.BucketRegion:
			continue
		}
		if len(out.Buckets) == size {
			token := base64.RawURLEncoding.EncodeToString([]byte(out.Buckets[size-1].Name))
			out.ContinuationToken = &token
			break
		}
		out.Buckets = append(out.Buckets, Bucket{Name: b.Name, CreationDate: b.CreationDate, BucketRegion: b.BucketRegion})
	}
	return out, nil
}

// canonicalID is the account's S3 canonical user id: 64 hex digits.
func canonicalID(account string) string {
	sum := sha256.Sum256([]byte("s3-canonical-user/" + account))
	return hex.EncodeToString(sum[:])
}

// HeadBucketInput is HeadBucket's request.
type HeadBucketInput struct {
	Bucket string `aws:",uri"`
}

// HeadBucketOutput is HeadBucket's answer, all in headers.
type HeadBucketOutput struct {
	BucketRegion string `aws:"x-amz-bucket-region,header"`
}

// headBucket says whether a bucket exists, and where.
// aws s3api head-bucket --bucket BUCKET
func (h handlers) headBucket(_ context.Context, _ *server.Call, in *HeadBucketInput) (*HeadBucketOutput, error) {
	b, ok := h.bucket(in.Bucket)
	if !ok {
		return nil, notFound()
	}
	return &HeadBucketOutput{BucketRegion: b.BucketRegion}, nil
}

func (h handlers) bucket(name string) (world.Bucket, bool) {
	for _, b := range h.world.Buckets() {
		if b.Name == name {
			return b, true
		}
	}
	return world.Bucket{}, false
}
