package s3_test

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var ctx = context.Background()

// pathStyle is an S3 client signing as who that names buckets in the path.
func pathStyle(t *testing.T, env *sandboxtest.Env, who string) *s3.Client {
	t.Helper()
	return s3.NewFromConfig(env.Config(t, who), func(o *s3.Options) { o.UsePathStyle = true })
}

// getBody reads an object through the SDK.
func getBody(t *testing.T, c *s3.Client, bucket, key string) (*s3.GetObjectOutput, []byte) {
	t.Helper()
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("GetObject s3://%s/%s: %v", bucket, key, err)
	}
	defer out.Body.Close()
	body, err := io.ReadAll(out.Body)
	if err != nil {
		t.Fatal(err)
	}
	return out, body
}

// report is an evaluation report the registry points at.
type report struct {
	group, bucket, key string
	object             world.S3Object
}

// reports lists the evaluation reports of a model package group's versions.
func reports(t *testing.T, w *world.World, group string) []report {
	t.Helper()
	list, err := w.ModelPackages(world.ModelPackageQuery{Group: group, SortOrder: world.Ascending})
	if err != nil {
		t.Fatal(err)
	}
	var out []report
	for _, s := range list {
		mp, err := w.ModelPackage(s.ModelPackageArn)
		if err != nil {
			t.Fatal(err)
		}
		q := mp.ModelMetrics.ModelQuality
		if q == nil || q.Statistics == nil {
			continue
		}
		bucket, key, ok := splitS3(q.Statistics.S3Uri)
		if !ok {
			t.Fatalf("%s: bad report URI %q", s.ModelPackageArn, q.Statistics.S3Uri)
		}
		o, err := w.Object(bucket, key)
		if err != nil {
			t.Fatalf("%s: report %s: %v", s.ModelPackageArn, q.Statistics.S3Uri, err)
		}
		out = append(out, report{group: group, bucket: bucket, key: key, object: o})
	}
	if len(out) == 0 {
		t.Fatalf("group %s has no evaluation reports", group)
	}
	return out
}

func splitS3(uri string) (string, string, bool) {
	const scheme = "s3://"
	if len(uri) <= len(scheme) || uri[:len(scheme)] != scheme {
		return "", "", false
	}
	rest := uri[len(scheme):]
	for i := range rest {
		if rest[i] == '/' {
			return rest[:i], rest[i+1:], i > 0 && i < len(rest)-1
		}
	}
	return "", "", false
}

// isJSON reports whether b parses as JSON.
func isJSON(b []byte) bool { return json.Valid(b) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func md5hex(b []byte) string {
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:])
}
