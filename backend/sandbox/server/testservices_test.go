package server_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
)

// Throwaway services shaped like the real ones, to drive the framework with
// the real SDK clients. The real handlers live in backend/sandbox/svc.

// testErrors lets a test ask a handler for any of the framework's errors:
// each service below answers with testErrors[NAME]() when a name-like input
// member reads error/NAME (or error-NAME where "/" cannot appear).
var testErrors = map[string]func() *server.Error{
	"ValidationException": func() *server.Error {
		return server.ValidationException("Value at 'limit' failed to satisfy constraint")
	},
	"ResourceNotFound":          func() *server.Error { return server.ResourceNotFound("Training job not found") },
	"ResourceNotFoundException": func() *server.Error { return server.ResourceNotFoundException("Log group not found") },
	"ResourceInUse":             func() *server.Error { return server.ResourceInUse("Endpoint is updating") },
	"AccessDeniedException":     func() *server.Error { return server.AccessDeniedException("not authorized") },
	"ThrottlingException":       func() *server.Error { return server.ThrottlingException("Rate exceeded") },
	"UnrecognizedClientException": func() *server.Error {
		return server.UnrecognizedClientException("The security token included in the request is invalid.")
	},
	"InvalidSignatureException": func() *server.Error { return server.InvalidSignatureException("signature mismatch") },
	"SerializationException":    func() *server.Error { return server.SerializationException("bad body") },
	"UnknownOperationException": func() *server.Error { return server.UnknownOperationException("no such operation") },
	"InternalFailure":           func() *server.Error { return server.InternalFailure("internal error") },
	"ServiceUnavailable":        func() *server.Error { return server.ServiceUnavailable("try later") },
	"ExpiredTokenException": func() *server.Error {
		return server.ExpiredTokenException("The security token included in the request is expired")
	},
	"NoSuchKey":                      func() *server.Error { return server.NoSuchKey("k") },
	"NoSuchBucket":                   func() *server.Error { return server.NoSuchBucket("b") },
	"InvalidParameterValueException": func() *server.Error { return server.InvalidParameterValueException("bad parameter") },
	"NotFoundException":              func() *server.Error { return server.NotFoundException("Invalid API identifier") },
	"TooManyRequestsException":       func() *server.Error { return server.TooManyRequestsException("Too Many Requests") },
}

// injectedError returns the error a name asks for, if it asks for one.
func injectedError(name, sep string) error {
	if n, ok := strings.CutPrefix(name, "error"+sep); ok {
		if mk, ok := testErrors[n]; ok {
			return mk()
		}
	}
	return nil
}

// ---- CloudWatch: one handler set, three protocols ----

type Dimension struct {
	Name  string `aws:",required"`
	Value string `aws:",required"`
}

type DimensionFilter struct {
	Name  string `aws:",required"`
	Value *string
}

type Metric struct {
	Namespace  *string
	MetricName *string
	Dimensions []Dimension
}

type ListMetricsInput struct {
	Namespace  *string
	MetricName *string
	Dimensions []DimensionFilter
	NextToken  *string
}

type ListMetricsOutput struct {
	Metrics   []Metric
	NextToken *string
}

type MetricStat struct {
	Metric *Metric `aws:",required"`
	Period *int32  `aws:",required"`
	Stat   *string `aws:",required"`
	Unit   string
}

type MetricDataQuery struct {
	Id         *string `aws:",required"`
	MetricStat *MetricStat
	Expression *string
	Label      *string
	ReturnData *bool
}

type GetMetricDataInput struct {
	MetricDataQueries []MetricDataQuery `aws:",required"`
	StartTime         *time.Time        `aws:",required"`
	EndTime           *time.Time        `aws:",required"`
	NextToken         *string
	ScanBy            string
}

type MetricDataResult struct {
	Id         *string
	Label      *string
	Timestamps []time.Time
	Values     []float64
	StatusCode string
}

type GetMetricDataOutput struct {
	MetricDataResults []MetricDataResult
}

type DeleteAlarmsInput struct {
	AlarmNames []string `aws:",required"`
}

type DeleteAlarmsOutput struct{}

// cloudWatchService answers ListMetrics, GetMetricData and DeleteAlarms
// from fixed data, in awsQuery, awsJson1_0 and rpcv2Cbor.
func cloudWatchService() server.Service {
	return server.Service{
		Name:            "CloudWatch",
		SigningName:     "monitoring",
		IAMPrefix:       "cloudwatch",
		QueryCompatible: true,
		Protocols: []server.Protocol{
			server.AWSQuery{Version: "2010-08-01", XMLNamespace: "http://monitoring.amazonaws.com/doc/2010-08-01/"},
			server.AWSJSON{Version: "1.0", TargetPrefix: "GraniteServiceVersion20100801"},
			server.RPCv2CBOR{ServiceName: "GraniteServiceVersion20100801"},
		},
		Ops: []server.Op{
			server.Operation("ListMetrics", listMetrics),
			server.Operation("GetMetricData", getMetricData),
			server.Operation("DeleteAlarms", deleteAlarms),
		},
	}
}

var cwMetrics = []Metric{
	{Namespace: ptr("AWS/SageMaker"), MetricName: ptr("Invocations"), Dimensions: []Dimension{{"EndpointName", "hdb-resale-prod"}, {"VariantName", "AllTraffic"}}},
	{Namespace: ptr("AWS/SageMaker"), MetricName: ptr("ModelLatency"), Dimensions: []Dimension{{"EndpointName", "hdb-resale-prod"}, {"VariantName", "AllTraffic"}}},
	{Namespace: ptr("AWS/SageMaker"), MetricName: ptr("Invocation5XXErrors"), Dimensions: []Dimension{{"EndpointName", "taxi-eta"}, {"VariantName", "AllTraffic"}}},
	{Namespace: ptr("AWS/Backup"), MetricName: ptr("NumberOfRecoveryPointsCreated")},
}

func listMetrics(_ context.Context, _ *server.Call, in *ListMetricsInput) (*ListMetricsOutput, error) {
	if err := injectedError(deref(in.Namespace), "/"); err != nil {
		return nil, err
	}
	out := &ListMetricsOutput{Metrics: []Metric{}}
	for _, m := range cwMetrics {
		if in.Namespace != nil && *in.Namespace != *m.Namespace {
			continue
		}
		if in.MetricName != nil && *in.MetricName != *m.MetricName {
			continue
		}
		if !matchesDimensions(m, in.Dimensions) {
			continue
		}
		out.Metrics = append(out.Metrics, m)
	}
	return out, nil
}

func matchesDimensions(m Metric, filters []DimensionFilter) bool {
	for _, f := range filters {
		found := false
		for _, d := range m.Dimensions {
			if d.Name == f.Name && (f.Value == nil || *f.Value == d.Value) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// getMetricData answers three points per query, a period apart from
// StartTime, with values derived from the query's position and period so
// every protocol's answer can be checked exactly.
func getMetricData(_ context.Context, _ *server.Call, in *GetMetricDataInput) (*GetMetricDataOutput, error) {
	if !in.EndTime.After(*in.StartTime) {
		return nil, server.ValidationException("The parameter StartTime must be less than the parameter EndTime.")
	}
	out := &GetMetricDataOutput{MetricDataResults: []MetricDataResult{}}
	for i, q := range in.MetricDataQueries {
		if q.MetricStat == nil {
			return nil, server.ValidationException("Query %s needs a MetricStat.", *q.Id)
		}
		period := time.Duration(*q.MetricStat.Period) * time.Second
		label := fmt.Sprintf("%s %s", *q.MetricStat.Metric.MetricName, *q.MetricStat.Stat)
		for _, d := range q.MetricStat.Metric.Dimensions {
			label += " " + d.Name + "=" + d.Value
		}
		r := MetricDataResult{Id: q.Id, Label: &label, StatusCode: "Complete", Timestamps: []time.Time{}, Values: []float64{}}
		for k := range 3 {
			r.Timestamps = append(r.Timestamps, in.StartTime.Add(time.Duration(k)*period))
			r.Values = append(r.Values, float64(i+1)*100+float64(k)+0.25)
		}
		out.MetricDataResults = append(out.MetricDataResults, r)
	}
	return out, nil
}

func deleteAlarms(_ context.Context, call *server.Call, in *DeleteAlarmsInput) (*DeleteAlarmsOutput, error) {
	for _, name := range in.AlarmNames {
		project := strings.SplitN(name, "/", 2)[0]
		if err := call.Authorize(call.ARN("alarm:"+name), project); err != nil {
			return nil, err
		}
	}
	return &DeleteAlarmsOutput{}, nil
}

// ---- CloudWatch Logs-shaped awsJson1_1 service ----

type LogGroup struct {
	LogGroupName    *string `aws:"logGroupName"`
	CreationTime    *int64  `aws:"creationTime"`
	RetentionInDays *int32  `aws:"retentionInDays"`
	StoredBytes     *int64  `aws:"storedBytes"`
	Arn             *string `aws:"arn"`
	Internal        bool    `aws:"-"`
}

type DescribeLogGroupsInput struct {
	LogGroupNamePrefix *string `aws:"logGroupNamePrefix"`
	Limit              *int32  `aws:"limit"`
}

type DescribeLogGroupsOutput struct {
	LogGroups []LogGroup `aws:"logGroups"`
}

func logsService() server.Service {
	return server.Service{
		Name:        "CloudWatchLogs",
		SigningName: "logs",
		Protocols:   []server.Protocol{server.AWSJSON{Version: "1.1", TargetPrefix: "Logs_20140328"}},
		Ops: []server.Op{
			server.Operation("DescribeLogGroups", func(_ context.Context, _ *server.Call, in *DescribeLogGroupsInput) (*DescribeLogGroupsOutput, error) {
				if err := injectedError(deref(in.LogGroupNamePrefix), "/"); err != nil {
					return nil, err
				}
				if in.LogGroupNamePrefix != nil && *in.LogGroupNamePrefix == "/boom" {
					panic("handler bug")
				}
				if in.LogGroupNamePrefix != nil && *in.LogGroupNamePrefix == "/missing" {
					return nil, server.ResourceNotFoundException("The specified log group does not exist.")
				}
				return &DescribeLogGroupsOutput{LogGroups: []LogGroup{{
					LogGroupName: ptr("/aws/sagemaker/TrainingJobs"), CreationTime: ptr(int64(1717200000123)),
					RetentionInDays: ptr(int32(30)), StoredBytes: ptr(int64(0)), Internal: true,
				}}}, nil
			}),
		},
	}
}

// ---- SageMaker Runtime-shaped restJson1 service (signs as "sagemaker") ----

type InvokeEndpointInput struct {
	EndpointName     *string `aws:",uri,required"`
	Body             []byte  `aws:",payload,required"`
	ContentType      *string `aws:"Content-Type,header"`
	Accept           *string `aws:"Accept,header"`
	CustomAttributes *string `aws:"X-Amzn-SageMaker-Custom-Attributes,header"`
}

type InvokeEndpointOutput struct {
	Body                     []byte  `aws:",payload"`
	ContentType              *string `aws:"Content-Type,header"`
	InvokedProductionVariant *string `aws:"x-Amzn-Invoked-Production-Variant,header"`
	CustomAttributes         *string `aws:"X-Amzn-SageMaker-Custom-Attributes,header"`
}

func runtimeService() server.Service {
	return server.Service{
		Name:         "SageMakerRuntime",
		SigningName:  "sagemaker",
		Protocols:    []server.Protocol{server.RESTJSON{}},
		MaxBodyBytes: 6 << 20,
		Ops: []server.Op{
			server.Operation("InvokeEndpoint", func(_ context.Context, call *server.Call, in *InvokeEndpointInput) (*InvokeEndpointOutput, error) {
				project := strings.SplitN(*in.EndpointName, "-prod", 2)[0]
				if err := call.Authorize(call.ARN("endpoint/"+*in.EndpointName), project); err != nil {
					return nil, err
				}
				if *in.EndpointName == "missing" {
					return nil, server.NewError(http.StatusBadRequest, "ValidationError", "Endpoint missing of account 123456789012 not found.")
				}
				body := fmt.Sprintf(`{"endpoint":%q,"contentType":%q,"bytes":%d,"echo":%s}`, *in.EndpointName, deref(in.ContentType), len(in.Body), in.Body)
				return &InvokeEndpointOutput{
					Body: []byte(body), ContentType: ptr("application/json"),
					InvokedProductionVariant: ptr("AllTraffic"), CustomAttributes: in.CustomAttributes,
				}, nil
			}).At("POST", "/endpoints/{EndpointName}/invocations"),
		},
	}
}

// ---- Backup-shaped restJson1 service ----

type ListRecoveryPointsInput struct {
	BackupVaultName *string    `aws:",uri,required"`
	MaxResults      *int32     `aws:"maxResults,query"`
	NextToken       *string    `aws:"nextToken,query"`
	ByCreatedAfter  *time.Time `aws:"createdAfter,query"`
}

type RecoveryPoint struct {
	RecoveryPointArn  *string
	Status            string
	CreationDate      *time.Time
	BackupSizeInBytes *int64
}

type ListRecoveryPointsOutput struct {
	RecoveryPoints []RecoveryPoint
	NextToken      *string
}

type StartRestoreJobInput struct {
	RecoveryPointArn *string           `aws:",required"`
	Metadata         map[string]string `aws:",required"`
	IamRoleArn       *string
}

type StartRestoreJobOutput struct {
	RestoreJobId *string
}

// backupPoints are three nightly recovery points of the HDB Studio EFS.
var backupPoints = []RecoveryPoint{
	{RecoveryPointArn: ptr("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-1"), Status: "COMPLETED", CreationDate: ptr(time.Date(2024, 6, 1, 2, 0, 0, 0, time.UTC)), BackupSizeInBytes: ptr(int64(52428800))},
	{RecoveryPointArn: ptr("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-2"), Status: "COMPLETED", CreationDate: ptr(time.Date(2024, 6, 2, 2, 0, 0, 500e6, time.UTC)), BackupSizeInBytes: ptr(int64(53477376))},
	{RecoveryPointArn: ptr("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-3"), Status: "PARTIAL", CreationDate: ptr(time.Date(2024, 6, 3, 2, 0, 0, 0, time.UTC)), BackupSizeInBytes: ptr(int64(0))},
}

func backupService() server.Service {
	return server.Service{
		Name:        "Backup",
		SigningName: "backup",
		Protocols:   []server.Protocol{server.RESTJSON{}},
		Ops: []server.Op{
			server.Operation("ListRecoveryPointsByBackupVault", func(_ context.Context, _ *server.Call, in *ListRecoveryPointsInput) (*ListRecoveryPointsOutput, error) {
				if err := injectedError(*in.BackupVaultName, "-"); err != nil {
					return nil, err
				}
				if *in.BackupVaultName != "hdb-studio-vault" {
					return nil, server.ResourceNotFoundException("Backup vault %s does not exist.", *in.BackupVaultName)
				}
				if in.MaxResults != nil && *in.MaxResults > 1000 {
					return nil, server.InvalidParameterValueException("maxResults must be at most 1000.")
				}
				out := &ListRecoveryPointsOutput{RecoveryPoints: []RecoveryPoint{}}
				for _, rp := range backupPoints {
					if in.ByCreatedAfter == nil || rp.CreationDate.After(*in.ByCreatedAfter) {
						out.RecoveryPoints = append(out.RecoveryPoints, rp)
					}
				}
				return out, nil
			}).At("GET", "/backup-vaults/{BackupVaultName}/recovery-points/"),
			server.Operation("StartRestoreJob", func(_ context.Context, call *server.Call, in *StartRestoreJobInput) (*StartRestoreJobOutput, error) {
				if err := call.Authorize(*in.RecoveryPointArn, "hdb-resale"); err != nil {
					return nil, err
				}
				return &StartRestoreJobOutput{RestoreJobId: ptr("restore-" + in.Metadata["file-system-id"])}, nil
			}).At("PUT", "/restore-jobs"),
		},
	}
}

// ---- API Gateway-shaped restJson1 service ----

type GetRestApisInput struct {
	Limit    *int32  `aws:"limit,query"`
	Position *string `aws:"position,query"`
}

type RestApi struct {
	Id          *string           `aws:"id"`
	Name        *string           `aws:"name"`
	CreatedDate *time.Time        `aws:"createdDate"`
	Tags        map[string]string `aws:"tags"`
}

type GetRestApisOutput struct {
	Items    []RestApi `aws:"item"`
	Position *string   `aws:"position"`
}

type GetRestApiInput struct {
	RestApiId *string `aws:"restapi_id,uri,required"`
}

func apiGatewayService() server.Service {
	return server.Service{
		Name:        "APIGateway",
		SigningName: "apigateway",
		Protocols:   []server.Protocol{server.RESTJSON{}},
		ErrorCodes: map[string]server.ErrorCode{
			"ThrottlingException": {Code: "TooManyRequestsException", Status: http.StatusTooManyRequests},
		},
		Ops: []server.Op{
			server.Operation("GetRestApis", func(_ context.Context, _ *server.Call, in *GetRestApisInput) (*GetRestApisOutput, error) {
				return &GetRestApisOutput{Items: []RestApi{{
					Id: ptr("a1b2c3"), Name: ptr("hdb-resale-valuation"),
					CreatedDate: ptr(time.Date(2024, 5, 20, 8, 30, 0, 0, time.UTC)),
					Tags:        map[string]string{"sagemaker:project-name": "hdb-resale"},
				}}}, nil
			}).At("GET", "/restapis"),
			server.Operation("GetRestApi", func(_ context.Context, _ *server.Call, in *GetRestApiInput) (*RestApi, error) {
				if err := injectedError(*in.RestApiId, "-"); err != nil {
					return nil, err
				}
				if *in.RestApiId != "a1b2c3" {
					return nil, server.NotFoundException("Invalid API identifier specified %s:%s", "123456789012", *in.RestApiId)
				}
				return &RestApi{Id: in.RestApiId, Name: ptr("hdb-resale-valuation")}, nil
			}).At("GET", "/restapis/{restapi_id}"),
		},
	}
}

// ---- S3-shaped restXml service ----

type ListObjectsV2Input struct {
	Bucket    *string `aws:",uri,required"`
	Prefix    *string `aws:"prefix,query"`
	MaxKeys   *int32  `aws:"max-keys,query"`
	Delimiter *string `aws:"delimiter,query"`
}

type S3Object struct {
	Key          *string
	LastModified *time.Time
	ETag         *string
	Size         *int64
	StorageClass string
}

type CommonPrefix struct {
	Prefix *string
}

type ListObjectsV2Output struct {
	Name           *string
	Prefix         *string
	KeyCount       *int32
	MaxKeys        *int32
	IsTruncated    *bool
	Contents       []S3Object     `aws:",flat"`
	CommonPrefixes []CommonPrefix `aws:",flat"`
}

type GetObjectInput struct {
	Bucket *string `aws:",uri,required"`
	Key    *string `aws:",uri,required"`
}

type GetObjectOutput struct {
	Body          []byte            `aws:",payload"`
	ContentType   *string           `aws:"Content-Type,header"`
	ContentLength *int64            `aws:"Content-Length,header"`
	ETag          *string           `aws:"ETag,header"`
	LastModified  *time.Time        `aws:"Last-Modified,header"`
	Metadata      map[string]string `aws:"x-amz-meta-,headers"`
}

// s3Objects are the evaluation reports of the HDB model registry.
var s3Objects = map[string]string{
	"models/hdb-resale/v3/evaluation.json": `{"rmse": 31250.5, "mape": 0.041}`,
	"models/hdb-resale/v4/evaluation.json": `{"rmse": 29874.0, "mape": 0.038}`,
	"models/taxi-eta/v1/evaluation.json":   `{"rmse": 92.1}`,
	"readme.txt":                           "model reports",
}

var s3Modified = time.Date(2024, 6, 3, 4, 5, 6, 0, time.UTC)

func s3Service() server.Service {
	return server.Service{
		Name:        "S3",
		SigningName: "s3",
		Protocols:   []server.Protocol{server.RESTXML{XMLNamespace: "http://s3.amazonaws.com/doc/2006-03-01/", VirtualHostBuckets: true}},
		Ops: []server.Op{
			server.Operation("ListObjectsV2", func(_ context.Context, _ *server.Call, in *ListObjectsV2Input) (*ListObjectsV2Output, error) {
				if *in.Bucket != "ag-hdb-models" {
					return nil, server.NoSuchBucket(*in.Bucket)
				}
				out := &ListObjectsV2Output{Name: in.Bucket, Prefix: in.Prefix, MaxKeys: ptr(int32(1000)), IsTruncated: ptr(false)}
				prefixes := map[string]bool{}
				for _, key := range slices.Sorted(maps.Keys(s3Objects)) {
					if in.Prefix != nil && !strings.HasPrefix(key, *in.Prefix) {
						continue
					}
					rest := strings.TrimPrefix(key, deref(in.Prefix))
					if in.Delimiter != nil {
						if i := strings.Index(rest, *in.Delimiter); i >= 0 {
							p := deref(in.Prefix) + rest[:i+1]
							if !prefixes[p] {
								prefixes[p] = true
								out.CommonPrefixes = append(out.CommonPrefixes, CommonPrefix{Prefix: ptr(p)})
							}
							continue
						}
					}
					out.Contents = append(out.Contents, S3Object{Key: ptr(key), LastModified: &s3Modified, ETag: ptr(`"etag-` + key + `"`), Size: ptr(int64(len(s3Objects[key]))), StorageClass: "STANDARD"})
				}
				out.KeyCount = ptr(int32(len(out.Contents) + len(out.CommonPrefixes)))
				return out, nil
			}).At("GET", "/{Bucket}?list-type=2").WithAction("ListBucket").WithXMLName("ListBucketResult"),
			server.Operation("GetObject", func(_ context.Context, _ *server.Call, in *GetObjectInput) (*GetObjectOutput, error) {
				if *in.Bucket != "ag-hdb-models" {
					return nil, server.NoSuchBucket(*in.Bucket)
				}
				if err := injectedError(*in.Key, "/"); err != nil {
					return nil, err
				}
				body, ok := s3Objects[*in.Key]
				if !ok {
					return nil, server.NoSuchKey(*in.Key)
				}
				return &GetObjectOutput{
					Body: []byte(body), ContentType: ptr("application/json"), ContentLength: ptr(int64(len(body))),
					ETag: ptr(`"etag-` + *in.Key + `"`), LastModified: &s3Modified,
					Metadata: map[string]string{"project": "hdb-resale"},
				}, nil
			}).At("GET", "/{Bucket}/{Key+}"),
			server.Operation("HeadObject", func(_ context.Context, _ *server.Call, in *GetObjectInput) (*GetObjectOutput, error) {
				body, ok := s3Objects[*in.Key]
				if !ok {
					return nil, server.NewError(http.StatusNotFound, "NotFound", "Not Found")
				}
				return &GetObjectOutput{ContentType: ptr("application/json"), ContentLength: ptr(int64(len(body))), LastModified: &s3Modified}, nil
			}).At("HEAD", "/{Bucket}/{Key+}").WithAction("GetObject"),
		},
	}
}

// ---- Echo: every member kind, in every RPC protocol ----

type EchoNested struct {
	Label  string            `aws:"label"`
	Scores []float64         `aws:"scores"`
	When   *time.Time        `aws:"when"`
	Attrs  map[string]string `aws:"attrs"`
}

type EchoPayload struct {
	Text    *string `aws:",required"`
	Count   *int32
	Big     *int64
	Ratio   *float64
	On      *bool
	Stamp   *time.Time
	Blob    []byte
	Strings []string
	Flat    []string `aws:",flat"`
	Tags    map[string]string
	Nested  *EchoNested
	Items   []EchoNested
	ByName  map[string]EchoNested
	Empty   []string
	Zero    *int32
}

func echoService() server.Service {
	echo := func(_ context.Context, _ *server.Call, in *EchoPayload) (*EchoPayload, error) { return in, nil }
	return server.Service{
		Name:        "Echo",
		SigningName: "echo",
		Protocols: []server.Protocol{
			server.AWSQuery{Version: "2024-01-01", XMLNamespace: "https://echo.example/doc/2024-01-01/"},
			server.AWSJSON{Version: "1.1", TargetPrefix: "Echo_20240101"},
			server.RPCv2CBOR{ServiceName: "Echo"},
		},
		Ops: []server.Op{server.Operation("Echo", echo)},
	}
}

// registerAll registers every test service.
func registerAll(srv *server.Server) error {
	for _, svc := range []server.Service{cloudWatchService(), logsService(), runtimeService(), backupService(), apiGatewayService(), s3Service(), echoService()} {
		if err := srv.Register(svc); err != nil {
			return err
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
