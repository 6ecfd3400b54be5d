package s3_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestEvaluationReportParsesAsRegressionMetrics(t *testing.T) {
	env := sandboxtest.Start(t)
	r := reports(t, env.World(), "hdb-resale-valuation")[0]
	out, body := getBody(t, pathStyle(t, env, "data-scientist"), r.bucket, r.key)

	if !bytes.Equal(body, r.object.Body) {
		t.Errorf("body differs from the stored report:\n%s\nwant\n%s", body, r.object.Body)
	}
	var doc struct {
		RegressionMetrics map[string]struct {
			Value             *float64 `json:"value"`
			StandardDeviation *float64 `json:"standard_deviation"`
		} `json:"regression_metrics"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("report does not parse: %v\n%s", err, body)
	}
	for _, m := range []string{"rmse", "mae", "mse", "r2"} {
		v, ok := doc.RegressionMetrics[m]
		if !ok || v.Value == nil || v.StandardDeviation == nil {
			t.Errorf("regression_metrics.%s = %+v, want value and standard_deviation", m, v)
		}
	}
	if rmse := *doc.RegressionMetrics["rmse"].Value; rmse < 20000 || rmse > 60000 {
		t.Errorf("HDB resale RMSE = %v, want SGD tens of thousands", rmse)
	}
	if aws.ToString(out.ETag) != r.object.ETag || aws.ToString(out.ContentType) != "application/json" ||
		aws.ToInt64(out.ContentLength) != int64(len(r.object.Body)) || !out.LastModified.Equal(r.object.LastModified) ||
		aws.ToString(out.AcceptRanges) != "bytes" {
		t.Errorf("headers: ETag %q type %q length %d modified %v ranges %q; want %q application/json %d %v bytes",
			aws.ToString(out.ETag), aws.ToString(out.ContentType), aws.ToInt64(out.ContentLength), out.LastModified,
			aws.ToString(out.AcceptRanges), r.object.ETag, len(r.object.Body), r.object.LastModified)
	}
}

func TestMalformedReportComesBackAsStored(t *testing.T) {
	env := sandboxtest.Start(t)
	var bad []report
	for _, r := range reports(t, env.World(), "hdb-flat-demand") {
		if !isJSON(r.object.Body) {
			bad = append(bad, r)
		}
	}
	if len(bad) != 1 {
		t.Fatalf("%d malformed reports in hdb-flat-demand, want the scenario's one", len(bad))
	}
	_, body := getBody(t, pathStyle(t, env, "mlops-engineer"), bad[0].bucket, bad[0].key)
	if !bytes.Equal(body, bad[0].object.Body) {
		t.Errorf("malformed report changed on the wire:\n%q\nwant\n%q", body, bad[0].object.Body)
	}
	if isJSON(body) {
		t.Error("the truncated report parses as JSON")
	}
}

func TestGetObjectRange(t *testing.T) {
	env := sandboxtest.Start(t)
	r := reports(t, env.World(), "mom-work-pass-fraud")[0]
	c := pathStyle(t, env, "on-call")
	size := int64(len(r.object.Body))
	cases := []struct {
		header      string
		first, last int64
	}{
		{"bytes=0-9", 0, 9},
		{"bytes=10-", 10, size - 1},
		{"bytes=-16", size - 16, size - 1},
		{"bytes=5-100000", 5, size - 1},
	}
	for _, c2 := range cases {
		out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(r.bucket), Key: aws.String(r.key), Range: aws.String(c2.header)})
		if err != nil {
			t.Fatalf("%s: %v", c2.header, err)
		}
		body, _ := io.ReadAll(out.Body)
		out.Body.Close()
		want := r.object.Body[c2.first : c2.last+1]
		if !bytes.Equal(body, want) || aws.ToInt64(out.ContentLength) != int64(len(want)) ||
			aws.ToString(out.ContentRange) != "bytes "+itoa(c2.first)+"-"+itoa(c2.last)+"/"+itoa(size) {
			t.Errorf("%s: got %q (length %d, range %q), want %q", c2.header, body, aws.ToInt64(out.ContentLength), aws.ToString(out.ContentRange), want)
		}
	}
	_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(r.bucket), Key: aws.String(r.key), Range: aws.String("bytes=" + itoa(size) + "-")})
	servertest.WantCode(t, err, "InvalidRange")
}

func TestObjectErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	r := reports(t, env.World(), "ssg-course-dropout")[0]
	c := pathStyle(t, env, "data-scientist")

	_, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(r.bucket), Key: aws.String(r.key + ".missing")})
	servertest.WantCode(t, err, "NoSuchKey")
	var nsk *types.NoSuchKey
	if !errors.As(err, &nsk) {
		t.Errorf("err = %v, want *types.NoSuchKey", err)
	}
	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("no-such-bucket-anywhere"), Key: aws.String("x")})
	servertest.WantCode(t, err, "NoSuchBucket")
	_, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("no-such-bucket-anywhere")})
	servertest.WantCode(t, err, "NoSuchBucket")
	_, err = c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(r.bucket), Key: aws.String(r.key + ".missing")})
	servertest.WantCode(t, err, "NotFound")
	_, err = c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(r.bucket), ContinuationToken: aws.String("forged")})
	servertest.WantCode(t, err, "InvalidArgument")

	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(r.bucket), Key: aws.String(r.key)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToInt64(head.ContentLength) != r.object.Size || aws.ToString(head.ETag) != r.object.ETag ||
		!head.LastModified.Equal(r.object.LastModified) || aws.ToString(head.ContentType) != r.object.ContentType {
		t.Errorf("HeadObject = length %d etag %s modified %v type %s; want %+v", aws.ToInt64(head.ContentLength),
			aws.ToString(head.ETag), head.LastModified, aws.ToString(head.ContentType), r.object)
	}
}

func TestPutObjectIsForProjectAdmins(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	r := reports(t, w, "hdb-resale-valuation")[0]
	key := "hdb-resale-valuation/notes/review.md"
	body := []byte("# Review\nv3 beats v2 on RMSE.\n")

	for _, who := range []string{"data-scientist", "mlops-engineer", "on-call"} {
		_, err := pathStyle(t, env, who).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(r.bucket), Key: aws.String(key), Body: bytes.NewReader(body)})
		servertest.WantCode(t, err, "AccessDenied")
		if _, err := w.Object(r.bucket, key); err == nil {
			t.Fatalf("%s's denied PutObject stored the object", who)
		}
	}

	admin := pathStyle(t, env, "project-admin")
	put, err := admin.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(r.bucket), Key: aws.String(key), Body: bytes.NewReader(body),
		ContentType: aws.String("text/markdown"), Metadata: map[string]string{"Reviewer": "tan-wei-ming"},
	})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := w.Object(r.bucket, key)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored.Body, body) || stored.ContentType != "text/markdown" || stored.Metadata["reviewer"] != "tan-wei-ming" ||
		aws.ToString(put.ETag) != stored.ETag || stored.ETag != `"`+md5hex(body)+`"` {
		t.Errorf("stored %+v, PutObject ETag %s", stored, aws.ToString(put.ETag))
	}
	got, gotBody := getBody(t, pathStyle(t, env, "on-call"), r.bucket, key)
	if !bytes.Equal(gotBody, body) || got.Metadata["reviewer"] != "tan-wei-ming" {
		t.Errorf("read back %q meta %v", gotBody, got.Metadata)
	}

	_, err = admin.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(r.bucket), Key: aws.String("hdb-resale-valuation/notes/corrupt.md"), Body: bytes.NewReader(body),
		ChecksumCRC32: aws.String("AAAAAA=="),
	})
	servertest.WantCode(t, err, "BadDigest")
	if _, err := w.Object(r.bucket, "hdb-resale-valuation/notes/corrupt.md"); err == nil {
		t.Error("an object whose checksum did not match was stored")
	}
	_, err = admin.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("no-such-bucket-anywhere"), Key: aws.String("k"), Body: bytes.NewReader(body)})
	servertest.WantCode(t, err, "NoSuchBucket")
}

func TestListObjectsV2PagesWithContinuationTokens(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	r := reports(t, w, "hdb-resale-valuation")[0]
	prefix := "hdb-resale-valuation/"
	all, err := w.Objects(world.ObjectQuery{Bucket: r.bucket, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Objects) < 5 || all.IsTruncated {
		t.Fatalf("world lists %d objects under %s, want several on one page", len(all.Objects), prefix)
	}

	c := pathStyle(t, env, "data-scientist")
	in := &s3.ListObjectsV2Input{Bucket: aws.String(r.bucket), Prefix: aws.String(prefix), MaxKeys: aws.Int32(2)}
	var keys []string
	pages := 0
	for {
		out, err := c.ListObjectsV2(ctx, in)
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		pages++
		if n := len(out.Contents); n > 2 || int(aws.ToInt32(out.KeyCount)) != n || aws.ToInt32(out.MaxKeys) != 2 ||
			aws.ToString(out.Prefix) != prefix || aws.ToString(out.Name) != r.bucket {
			t.Errorf("page %d: %d keys, KeyCount %d, MaxKeys %d, Prefix %q, Name %q", pages, n, aws.ToInt32(out.KeyCount),
				aws.ToInt32(out.MaxKeys), aws.ToString(out.Prefix), aws.ToString(out.Name))
		}
		if aws.ToString(out.ContinuationToken) != aws.ToString(in.ContinuationToken) {
			t.Errorf("page %d echoes token %q, sent %q", pages, aws.ToString(out.ContinuationToken), aws.ToString(in.ContinuationToken))
		}
		for _, o := range out.Contents {
			keys = append(keys, aws.ToString(o.Key))
			wo, _ := w.Object(r.bucket, aws.ToString(o.Key))
			if aws.ToInt64(o.Size) != wo.Size || aws.ToString(o.ETag) != wo.ETag || !o.LastModified.Equal(wo.LastModified) ||
				o.StorageClass != types.ObjectStorageClassStandard {
				t.Errorf("%s: size %d etag %s modified %v class %s; want %+v", aws.ToString(o.Key), aws.ToInt64(o.Size),
					aws.ToString(o.ETag), o.LastModified, o.StorageClass, wo)
			}
		}
		if !aws.ToBool(out.IsTruncated) {
			if out.NextContinuationToken != nil {
				t.Error("last page has a NextContinuationToken")
			}
			break
		}
		if out.NextContinuationToken == nil {
			t.Fatalf("page %d is truncated but has no NextContinuationToken", pages)
		}
		in.ContinuationToken = out.NextContinuationToken
	}
	var want []string
	for _, o := range all.Objects {
		want = append(want, o.Key)
	}
	if !slices.Equal(keys, want) {
		t.Errorf("paged keys %v\nwant %v", keys, want)
	}
	if wantPages := (len(want) + 1) / 2; pages != wantPages {
		t.Errorf("%d keys took %d pages of 2, want %d", len(want), pages, wantPages)
	}

	after, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(r.bucket), Prefix: aws.String(prefix), StartAfter: aws.String(want[2])})
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Contents) != len(want)-3 || aws.ToString(after.Contents[0].Key) != want[3] || aws.ToString(after.StartAfter) != want[2] {
		t.Errorf("StartAfter %s: %d keys from %s", want[2], len(after.Contents), aws.ToString(after.Contents[0].Key))
	}
}

func TestListObjectsV2DelimiterRollsUpCommonPrefixes(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	r := reports(t, w, "hdb-resale-valuation")[0]
	all, _ := w.Objects(world.ObjectQuery{Bucket: r.bucket})
	var want []string
	for _, o := range all.Objects {
		if top, _, found := strings.Cut(o.Key, "/"); found && !slices.Contains(want, top+"/") {
			want = append(want, top+"/")
		}
	}
	if len(want) < 2 {
		t.Fatalf("bucket %s has %d top-level prefixes, want several", r.bucket, len(want))
	}

	c := pathStyle(t, env, "on-call")
	var got []string
	p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Bucket: aws.String(r.bucket), Delimiter: aws.String("/"), MaxKeys: aws.Int32(1)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Contents) != 0 {
			t.Errorf("top-level keys %v, want every key under a prefix", out.Contents)
		}
		if aws.ToString(out.Delimiter) != "/" {
			t.Errorf("Delimiter = %q", aws.ToString(out.Delimiter))
		}
		for _, cp := range out.CommonPrefixes {
			got = append(got, aws.ToString(cp.Prefix))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("CommonPrefixes %v, want %v", got, want)
	}

	nested, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(r.bucket), Prefix: aws.String(want[0]), Delimiter: aws.String("/")})
	if err != nil {
		t.Fatal(err)
	}
	for _, cp := range nested.CommonPrefixes {
		p := aws.ToString(cp.Prefix)
		if !strings.HasPrefix(p, want[0]) || !strings.HasSuffix(p, "/") || strings.Count(p, "/") != 2 {
			t.Errorf("nested prefix %q under %s", p, want[0])
		}
	}
	if len(nested.CommonPrefixes) == 0 {
		t.Errorf("no sub-prefixes under %s", want[0])
	}
}

func TestListBucketsAndHeadBucket(t *testing.T) {
	env := sandboxtest.Start(t)
	want := env.World().Buckets()
	c := pathStyle(t, env, "data-scientist")

	var got []types.Bucket
	p := s3.NewListBucketsPaginator(c, &s3.ListBucketsInput{MaxBuckets: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if out.Owner == nil || len(aws.ToString(out.Owner.ID)) != 64 {
			t.Errorf("Owner = %+v, want a canonical id", out.Owner)
		}
		got = append(got, out.Buckets...)
	}
	if len(got) != len(want) || len(want) < 5 {
		t.Fatalf("%d buckets, world has %d", len(got), len(want))
	}
	for i, b := range got {
		if aws.ToString(b.Name) != want[i].Name || !b.CreationDate.Equal(want[i].CreationDate) || aws.ToString(b.BucketRegion) != "ap-southeast-1" {
			t.Errorf("bucket %d = %s %v %s, want %+v", i, aws.ToString(b.Name), b.CreationDate, aws.ToString(b.BucketRegion), want[i])
		}
	}

	head, err := c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(want[0].Name)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(head.BucketRegion) != "ap-southeast-1" {
		t.Errorf("HeadBucket region = %q", aws.ToString(head.BucketRegion))
	}
	_, err = c.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("no-such-bucket-anywhere")})
	servertest.WantCode(t, err, "NotFound")
}
