package server_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	backuptypes "github.com/aws/aws-sdk-go-v2/service/backup/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// httpStatus returns the HTTP status the SDK saw for err.
func httpStatus(t *testing.T, err error) int {
	t.Helper()
	var re *awshttp.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want an HTTP response error", err)
	}
	return re.HTTPStatusCode()
}

// TestErrorCodesAWSJSON: awsJson1_1 clients see every framework error by
// its own name, with its status.
func TestErrorCodesAWSJSON(t *testing.T) {
	srv := start(t, server.Options{})
	logs := cloudwatchlogs.NewFromConfig(servertest.Config(srv, servertest.OnCall))
	for name, mk := range testErrors {
		t.Run(name, func(t *testing.T) {
			_, err := logs.DescribeLogGroups(context.Background(), &cloudwatchlogs.DescribeLogGroupsInput{LogGroupNamePrefix: aws.String("error/" + name)})
			msg := servertest.WantCode(t, err, name)
			want := mk()
			if msg != want.Message {
				t.Errorf("message = %q, want %q", msg, want.Message)
			}
			if got := httpStatus(t, err); got != want.Status {
				t.Errorf("status = %d, want %d", got, want.Status)
			}
		})
	}
}

// TestErrorCodesQueryCompatible: CloudWatch's clients in all three
// protocols see the awsQuery code of errors CloudWatch does not model.
func TestErrorCodesQueryCompatible(t *testing.T) {
	srv := start(t, server.Options{})
	want := map[string]string{
		"ThrottlingException":         "Throttling",
		"AccessDeniedException":       "AccessDenied",
		"UnrecognizedClientException": "InvalidClientTokenId",
		"InvalidSignatureException":   "SignatureDoesNotMatch",
		"ExpiredTokenException":       "ExpiredToken",
		"UnknownOperationException":   "InvalidAction",
		"InternalFailure":             "InternalFailure",
		"ServiceUnavailable":          "ServiceUnavailable",
	}
	for proto, client := range cwClients(srv, servertest.OnCall) {
		for name, code := range want {
			t.Run(proto+"/"+name, func(t *testing.T) {
				_, err := client.ListMetrics(context.Background(), &cloudwatch.ListMetricsInput{Namespace: aws.String("error/" + name)})
				servertest.WantCode(t, err, code)
			})
		}
	}
}

// TestErrorCodesRESTJSON: Backup and API Gateway clients see their own
// errors and the framework's with REST statuses.
func TestErrorCodesRESTJSON(t *testing.T) {
	srv := start(t, server.Options{})
	cfg := servertest.Config(srv, servertest.OnCall)
	bk := backup.NewFromConfig(cfg)
	list := func(vault string) error {
		_, err := bk.ListRecoveryPointsByBackupVault(context.Background(), &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String(vault)})
		return err
	}

	err := list("no-such-vault")
	var rnf *backuptypes.ResourceNotFoundException
	if !errors.As(err, &rnf) || rnf.ErrorMessage() != "Backup vault no-such-vault does not exist." {
		t.Errorf("missing vault: err = %v, want ResourceNotFoundException", err)
	}
	var ipv *backuptypes.InvalidParameterValueException
	if err := list("error-InvalidParameterValueException"); !errors.As(err, &ipv) {
		t.Errorf("err = %v, want InvalidParameterValueException", err)
	}
	for name, status := range map[string]int{
		"AccessDeniedException": http.StatusForbidden,
		"ThrottlingException":   http.StatusTooManyRequests,
		"ValidationException":   http.StatusBadRequest,
		"InternalFailure":       http.StatusInternalServerError,
	} {
		err := list("error-" + name)
		servertest.WantCode(t, err, name)
		if got := httpStatus(t, err); got != status {
			t.Errorf("%s: status %d, want %d", name, got, status)
		}
	}

	gw := apigateway.NewFromConfig(cfg)
	_, err = gw.GetRestApi(context.Background(), &apigateway.GetRestApiInput{RestApiId: aws.String("nope")})
	servertest.WantCode(t, err, "NotFoundException")
	if got := httpStatus(t, err); got != http.StatusNotFound {
		t.Errorf("NotFoundException status = %d", got)
	}
	// API Gateway renames throttling through Service.ErrorCodes.
	_, err = gw.GetRestApi(context.Background(), &apigateway.GetRestApiInput{RestApiId: aws.String("error-ThrottlingException")})
	servertest.WantCode(t, err, "TooManyRequestsException")
	if got := httpStatus(t, err); got != http.StatusTooManyRequests {
		t.Errorf("TooManyRequestsException status = %d", got)
	}
}

// TestErrorCodesS3: S3's client sees S3's names for every error.
func TestErrorCodesS3(t *testing.T) {
	srv := start(t, server.Options{})
	client := s3.NewFromConfig(servertest.Config(srv, servertest.OnCall), func(o *s3.Options) { o.UsePathStyle = true })
	get := func(bucket, key string) error {
		_, err := client.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
		return err
	}
	var nsk *s3types.NoSuchKey
	if err := get("ag-hdb-models", "models/none.json"); !errors.As(err, &nsk) {
		t.Errorf("missing key: err = %v, want NoSuchKey", err)
	}
	err := get("no-such-bucket", "x")
	servertest.WantCode(t, err, "NoSuchBucket")
	if got := httpStatus(t, err); got != http.StatusNotFound {
		t.Errorf("NoSuchBucket status = %d", got)
	}
	for name, want := range map[string]struct {
		code   string
		status int
	}{
		"AccessDeniedException":       {"AccessDenied", 403},
		"ThrottlingException":         {"SlowDown", 503},
		"InternalFailure":             {"InternalError", 500},
		"UnrecognizedClientException": {"InvalidAccessKeyId", 403},
		"InvalidSignatureException":   {"SignatureDoesNotMatch", 403},
		"ExpiredTokenException":       {"ExpiredToken", 400},
	} {
		err := get("ag-hdb-models", "error/"+name)
		servertest.WantCode(t, err, want.code)
		if got := httpStatus(t, err); got != want.status {
			t.Errorf("%s: status %d, want %d", name, got, want.status)
		}
	}
}

// TestAWSJSONValues: an awsJson1_1 client reads members named by tag,
// zero values it was given explicitly, and nothing of skipped fields.
func TestAWSJSONValues(t *testing.T) {
	srv := start(t, server.Options{})
	logs := cloudwatchlogs.NewFromConfig(servertest.Config(srv, servertest.OnCall))
	out, err := logs.DescribeLogGroups(context.Background(), &cloudwatchlogs.DescribeLogGroupsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.LogGroups) != 1 {
		t.Fatalf("got %d log groups, want 1", len(out.LogGroups))
	}
	g := out.LogGroups[0]
	if aws.ToString(g.LogGroupName) != "/aws/sagemaker/TrainingJobs" || aws.ToInt64(g.CreationTime) != 1717200000123 ||
		aws.ToInt32(g.RetentionInDays) != 30 || g.StoredBytes == nil || *g.StoredBytes != 0 || g.Arn != nil {
		t.Errorf("log group = %+v", g)
	}
}
