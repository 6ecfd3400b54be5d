package server_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestRESTJSONBackupLabelsQueryAndTimestamps(t *testing.T) {
	srv := start(t, server.Options{})
	client := backup.NewFromConfig(servertest.Config(srv, servertest.Admin))
	out, err := client.ListRecoveryPointsByBackupVault(context.Background(), &backup.ListRecoveryPointsByBackupVaultInput{
		BackupVaultName: aws.String("hdb-studio-vault"),
		ByCreatedAfter:  aws.Time(time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)),
		MaxResults:      aws.Int32(50),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.RecoveryPoints) != 2 {
		t.Fatalf("got %d recovery points after 1 June noon, want 2", len(out.RecoveryPoints))
	}
	rp := out.RecoveryPoints[0]
	if aws.ToString(rp.RecoveryPointArn) != "arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-2" ||
		string(rp.Status) != "COMPLETED" || aws.ToInt64(rp.BackupSizeInBytes) != 53477376 ||
		!rp.CreationDate.Equal(time.Date(2024, 6, 2, 2, 0, 0, 500e6, time.UTC)) {
		t.Errorf("recovery point = %+v (created %v)", rp, rp.CreationDate)
	}
	if got := aws.ToInt64(out.RecoveryPoints[1].BackupSizeInBytes); got != 0 || out.RecoveryPoints[1].BackupSizeInBytes == nil {
		t.Errorf("zero size should arrive as 0, got %v", out.RecoveryPoints[1].BackupSizeInBytes)
	}

	restore, err := client.StartRestoreJob(context.Background(), &backup.StartRestoreJobInput{
		RecoveryPointArn: aws.String("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-2"),
		Metadata:         map[string]string{"file-system-id": "fs-0abc", "newFileSystem": "false"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(restore.RestoreJobId); got != "restore-fs-0abc" {
		t.Errorf("RestoreJobId = %q", got)
	}
}

func TestRESTJSONAPIGatewayMapsAndTimestamps(t *testing.T) {
	srv := start(t, server.Options{})
	out, err := apigateway.NewFromConfig(servertest.Config(srv, servertest.OnCall)).GetRestApis(context.Background(), &apigateway.GetRestApisInput{Limit: aws.Int32(25)})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Items) != 1 {
		t.Fatalf("items = %+v", out.Items)
	}
	api := out.Items[0]
	if aws.ToString(api.Id) != "a1b2c3" || aws.ToString(api.Name) != "hdb-resale-valuation" ||
		!api.CreatedDate.Equal(time.Date(2024, 5, 20, 8, 30, 0, 0, time.UTC)) || api.Tags["sagemaker:project-name"] != "hdb-resale" {
		t.Errorf("rest api = %+v", api)
	}
}

func TestRESTUnknownRoute(t *testing.T) {
	srv := start(t, server.Options{})
	resp, body := send(t, srv, servertest.Admin, "backup", "DELETE", "/backup-vaults/v/recovery-points/", nil, nil)
	if resp.StatusCode != 404 || resp.Header.Get("X-Amzn-Errortype") != "UnknownOperationException" {
		t.Errorf("%d %v %s", resp.StatusCode, resp.Header, body)
	}
	resp, body = send(t, srv, servertest.Admin, "s3", "PATCH", "/ag-hdb-models/readme.txt", nil, nil)
	if resp.StatusCode != 501 || !strings.Contains(string(body), "<Code>NotImplemented</Code>") {
		t.Errorf("%d %s", resp.StatusCode, body)
	}
}

func TestS3PathStyle(t *testing.T) {
	srv := start(t, server.Options{})
	client := s3.NewFromConfig(servertest.Config(srv, servertest.OnCall), func(o *s3.Options) { o.UsePathStyle = true })
	checkS3(t, client)
}

// TestS3VirtualHostStyle: the SDK names the bucket in the Host
// (ag-hdb-models.localhost:PORT); a dialer sends every host to the server.
func TestS3VirtualHostStyle(t *testing.T) {
	srv := start(t, server.Options{})
	cfg := servertest.Config(srv, servertest.OnCall)
	_, port, _ := net.SplitHostPort(srv.Addr().String())
	cfg.BaseEndpoint = aws.String("http://localhost:" + port)
	var hosts []string
	dialer := &net.Dialer{}
	cfg.HTTPClient = &http.Client{Transport: &hostRecorder{hosts: &hosts, rt: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, srv.Addr().String())
		},
	}}}
	checkS3(t, s3.NewFromConfig(cfg))
	for _, h := range hosts {
		if h != "ag-hdb-models.localhost:"+port {
			t.Errorf("request went to host %q, want virtual-host style", h)
		}
	}
	if len(hosts) == 0 {
		t.Error("no requests recorded")
	}
}

type hostRecorder struct {
	hosts *[]string
	rt    http.RoundTripper
}

func (h *hostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	*h.hosts = append(*h.hosts, r.URL.Host)
	return h.rt.RoundTrip(r)
}

func checkS3(t *testing.T, client *s3.Client) {
	t.Helper()
	ctx := context.Background()
	list, err := client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("ag-hdb-models"), Prefix: aws.String("models/hdb-resale/")})
	if err != nil {
		t.Fatalf("ListObjectsV2: %v", err)
	}
	var keys []string
	for _, o := range list.Contents {
		keys = append(keys, aws.ToString(o.Key))
		if !o.LastModified.Equal(s3Modified) || aws.ToInt64(o.Size) == 0 {
			t.Errorf("object %s: modified %v size %d", aws.ToString(o.Key), o.LastModified, aws.ToInt64(o.Size))
		}
	}
	if strings.Join(keys, ",") != "models/hdb-resale/v3/evaluation.json,models/hdb-resale/v4/evaluation.json" ||
		aws.ToInt32(list.KeyCount) != 2 || aws.ToString(list.Name) != "ag-hdb-models" {
		t.Errorf("ListObjectsV2 = keys %v count %d name %q", keys, aws.ToInt32(list.KeyCount), aws.ToString(list.Name))
	}

	dirs, err := client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("ag-hdb-models"), Prefix: aws.String("models/"), Delimiter: aws.String("/")})
	if err != nil {
		t.Fatal(err)
	}
	var prefixes []string
	for _, p := range dirs.CommonPrefixes {
		prefixes = append(prefixes, aws.ToString(p.Prefix))
	}
	if strings.Join(prefixes, ",") != "models/hdb-resale/,models/taxi-eta/" || len(dirs.Contents) != 0 {
		t.Errorf("CommonPrefixes = %v, contents %d", prefixes, len(dirs.Contents))
	}

	obj, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("ag-hdb-models"), Key: aws.String("models/hdb-resale/v4/evaluation.json")})
	if err != nil {
		t.Fatalf("GetObject: %v", err)
	}
	body, _ := io.ReadAll(obj.Body)
	obj.Body.Close()
	if string(body) != `{"rmse": 29874.0, "mape": 0.038}` || aws.ToString(obj.ContentType) != "application/json" ||
		!obj.LastModified.Equal(s3Modified) || obj.Metadata["project"] != "hdb-resale" ||
		aws.ToString(obj.ETag) != `"etag-models/hdb-resale/v4/evaluation.json"` {
		t.Errorf("GetObject = %s type %q modified %v meta %v etag %q", body, aws.ToString(obj.ContentType), obj.LastModified, obj.Metadata, aws.ToString(obj.ETag))
	}
}

// TestS3ErrorShape: S3 errors are <Error> documents with S3's request id
// headers.
func TestS3ErrorShape(t *testing.T) {
	srv := start(t, server.Options{})
	resp, body := send(t, srv, servertest.OnCall, "s3", "GET", "/ag-hdb-models/missing.json", nil, nil)
	if resp.StatusCode != 404 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	id := resp.Header.Get("X-Amz-Request-Id")
	if len(id) != 16 || resp.Header.Get("X-Amz-Id-2") == "" || resp.Header.Get("Content-Type") != "application/xml" {
		t.Errorf("headers = %v", resp.Header)
	}
	want := "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist. (missing.json)</Message><RequestId>" + id + "</RequestId>"
	if !strings.Contains(string(body), want) {
		t.Errorf("body = %s, want it to contain %s", body, want)
	}
}

func TestS3HeadObject(t *testing.T) {
	srv := start(t, server.Options{})
	client := s3.NewFromConfig(servertest.Config(srv, servertest.OnCall), func(o *s3.Options) { o.UsePathStyle = true })
	out, err := client.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("ag-hdb-models"), Key: aws.String("readme.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToInt64(out.ContentLength) != int64(len("model reports")) || !out.LastModified.Equal(s3Modified) {
		t.Errorf("HeadObject = length %d modified %v", aws.ToInt64(out.ContentLength), out.LastModified)
	}
	_, err = client.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("ag-hdb-models"), Key: aws.String("none")})
	servertest.WantCode(t, err, "NotFound")
}
