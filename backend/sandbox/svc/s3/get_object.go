package s3

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// GetObjectInput is GetObject's (and HeadObject's) request.
type GetObjectInput struct {
	Bucket string  `aws:",uri"`
	Key    string  `aws:",uri"`
	Range  *string `aws:"Range,header"`
}

// GetObjectOutput is GetObject's answer: the body and its headers.
type GetObjectOutput struct {
	StatusCode    int               `aws:",status"`
	Body          []byte            `aws:",payload"`
	AcceptRanges  string            `aws:"accept-ranges,header"`
	ContentLength *int64            `aws:"Content-Length,header"`
	ContentRange  string            `aws:"Content-Range,header"`
	ContentType   string            `aws:"Content-Type,header"`
	ETag          string            `aws:"ETag,header"`
	LastModified  time.Time         `aws:"Last-Modified,header"`
	StorageClass  string            `aws:"x-amz-storage-class,header"`
	Metadata      map[string]string `aws:"x-amz-meta-,headers"`
}

// getObject returns an object, or the byte range asked for (206 Partial
// Content).
// aws s3api get-object --bucket BUCKET --key KEY FILE
func (h handlers) getObject(_ context.Context, _ *server.Call, in *GetObjectInput) (*GetObjectOutput, error) {
	o, err := h.world.Object(in.Bucket, in.Key)
	if err != nil {
		return nil, fromWorld(err, in.Bucket, in.Key)
	}
	out := headers(o)
	out.Body = o.Body
	if in.Range == nil {
		return out, nil
	}
	r, ok, err := parseRange(*in.Range, o.Size)
	if err != nil {
		return nil, err
	}
	if ok {
		out.StatusCode = http.StatusPartialContent
		out.Body = o.Body[r.first : r.last+1]
		out.ContentLength = ptr(r.last - r.first + 1)
		out.ContentRange = "bytes " + strconv.FormatInt(r.first, 10) + "-" + strconv.FormatInt(r.last, 10) + "/" + strconv.FormatInt(o.Size, 10)
	}
	return out, nil
}

// headObject returns an object's headers; a missing bucket or key is a
// bare 404.
// aws s3api head-object --bucket BUCKET --key KEY
func (h handlers) headObject(_ context.Context, _ *server.Call, in *GetObjectInput) (*GetObjectOutput, error) {
	o, err := h.world.Object(in.Bucket, in.Key)
	if err != nil {
		return nil, notFound()
	}
	return headers(o), nil
}

// headers are the response headers that describe o; STANDARD, the default
// storage class, goes unsaid as S3 leaves it.
func headers(o world.S3Object) *GetObjectOutput {
	out := &GetObjectOutput{
		AcceptRanges: "bytes", ContentLength: &o.Size, ContentType: o.ContentType, ETag: o.ETag,
		LastModified: o.LastModified, Metadata: o.Metadata,
	}
	if o.StorageClass != "STANDARD" {
		out.StorageClass = o.StorageClass
	}
	return out
}
