package s3_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// recorder notes the host and path of every request it passes on.
type recorder struct {
	mu   sync.Mutex
	urls []url.URL
	rt   http.RoundTripper
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.urls = append(r.urls, *req.URL)
	r.mu.Unlock()
	return r.rt.RoundTrip(req)
}

// readReport lists and reads an evaluation report through c.
func readReport(t *testing.T, c *s3.Client, r report) {
	t.Helper()
	list, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(r.bucket), Prefix: aws.String(r.key)})
	if err != nil {
		t.Fatalf("ListObjectsV2: %v", err)
	}
	if len(list.Contents) != 1 || aws.ToString(list.Contents[0].Key) != r.key {
		t.Errorf("listing %s found %d keys", r.key, len(list.Contents))
	}
	_, body := getBody(t, c, r.bucket, r.key)
	if string(body) != string(r.object.Body) {
		t.Errorf("body %q, want %q", body, r.object.Body)
	}
}

func TestPathStyleAddressing(t *testing.T) {
	env := sandboxtest.Start(t)
	r := reports(t, env.World(), "mom-wsh-incident-risk")[0]
	for _, usePathStyle := range []bool{true, false} {
		rec := &recorder{rt: http.DefaultTransport}
		cfg := env.Config(t, "on-call")
		cfg.HTTPClient = &http.Client{Transport: rec}
		// With the sandbox's IP endpoint the SDK names the bucket in the
		// path whether asked to or not: an IP address has no subdomains.
		readReport(t, s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = usePathStyle }), r)
		if len(rec.urls) != 2 {
			t.Fatalf("UsePathStyle %v: %d requests, want 2", usePathStyle, len(rec.urls))
		}
		for _, u := range rec.urls {
			if net.ParseIP(u.Hostname()) == nil || !strings.HasPrefix(u.Path, "/"+r.bucket) {
				t.Errorf("UsePathStyle %v: request to %s, want path-style on the IP endpoint", usePathStyle, u.String())
			}
		}
	}
}

// TestVirtualHostAddressing: against http://localhost:PORT the SDK puts the
// bucket in the Host (bucket.localhost:PORT); a dialer sends every such
// host to the sandbox.
func TestVirtualHostAddressing(t *testing.T) {
	env := sandboxtest.Start(t)
	r := reports(t, env.World(), "mom-wsh-incident-risk")[0]
	u, _ := url.Parse(env.URL())
	cfg := env.Config(t, "data-scientist")
	cfg.BaseEndpoint = aws.String("http://localhost:" + u.Port())
	dialer := &net.Dialer{}
	rec := &recorder{rt: &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return dialer.DialContext(ctx, network, u.Host)
	}}}
	cfg.HTTPClient = &http.Client{Transport: rec}
	readReport(t, s3.NewFromConfig(cfg), r)
	if len(rec.urls) != 2 {
		t.Fatalf("%d requests, want 2", len(rec.urls))
	}
	for _, ru := range rec.urls {
		if ru.Host != r.bucket+".localhost:"+u.Port() || strings.HasPrefix(ru.Path, "/"+r.bucket) {
			t.Errorf("request to %s, want host %s.localhost", ru.String(), r.bucket)
		}
	}
}

// TestAWSCLIListObjectsV2: the AWS CLI asks for URL-encoded keys and
// decodes them; keys and prefixes must come back as stored.
func TestAWSCLIListObjectsV2(t *testing.T) {
	env := sandboxtest.Start(t)
	r := reports(t, env.World(), "hdb-resale-valuation")[0]
	prefix := r.key[:strings.LastIndexByte(r.key, '/')+1]
	// A key that only survives the round trip if encoding-type=url is honoured.
	odd := prefix + "read me+v2 (final)%.txt"
	if _, err := env.World().PutObject(r.bucket, odd, []byte("notes"), "text/plain", nil); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Contents []struct {
			Key, ETag string
			Size      int64
		}
		Prefix string
	}
	env.AWSCLIJSON(t, "data-scientist", &out, "s3api", "list-objects-v2", "--bucket", r.bucket, "--prefix", prefix)
	var keys []string
	for _, o := range out.Contents {
		keys = append(keys, o.Key)
	}
	if !slices.Contains(keys, r.key) || !slices.Contains(keys, odd) || out.Prefix != prefix {
		t.Errorf("CLI listed %v under %q, want %s among them under %s", keys, out.Prefix, r.key, prefix)
	}
	for _, o := range out.Contents {
		if o.Key == r.key && (o.Size != r.object.Size || o.ETag != r.object.ETag) {
			t.Errorf("CLI's %s: size %d etag %s, want %d %s", o.Key, o.Size, o.ETag, r.object.Size, r.object.ETag)
		}
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "report.json")
	var meta struct {
		ContentLength int64
		ETag          string
	}
	env.AWSCLIJSON(t, "data-scientist", &meta, "s3api", "get-object", "--bucket", r.bucket, "--key", r.key, file)
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(r.object.Body) || meta.ContentLength != r.object.Size || meta.ETag != r.object.ETag {
		t.Errorf("CLI get-object wrote %d bytes (length %d, etag %s), want the report", len(got), meta.ContentLength, meta.ETag)
	}
}
