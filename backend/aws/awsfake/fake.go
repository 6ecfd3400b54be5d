// Package awsfake is an in-memory AWS account behind backend/aws's
// interfaces, for unit tests that count calls: every method records its
// call in the account's Meter (as the real clients' middleware does) and
// can be made to fail or to wait.
//
// It models only what agdash reads and does, with AWS's paging, sort
// orders and error shapes, not AWS's full behaviour; the sandbox
// (backend/sandbox) is the faithful one.
package awsfake

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"

	"github.com/agdash/agdash/backend/aws"
)

// Account is a fake AWS account and region.
type Account struct {
	Meter *aws.Meter

	mu    sync.Mutex
	now   time.Time
	fails map[string][]error // "service:Operation" -> errors for the next calls
	// Hook, when set, runs at the start of every call with its
	// "service:Operation"; a non-nil error fails the call (wrapped as the
	// SDK wraps errors). It runs without the account's lock held, so it
	// may block (e.g. until ctx ends, to fake a timeout).
	Hook func(ctx context.Context, op string) error

	Region    string
	AccountID string
	CallerARN string

	jobs      []*Job // newest first
	jobByName map[string]*Job
	tags      map[string]map[string]string // by ARN

	domains   []Domain
	users     []User
	apps      []App
	spaces    []Space
	projects  []Project
	endpoints []*Endpoint
	configs   map[string]EndpointConfig
	alarms    []Alarm
	apis      []RestAPI
	metrics   map[string][]Point // by metric key, see MetricKey

	pipelines  []*Pipeline
	executions []*Execution // newest first
	groups     []ModelGroup
	packages   []*ModelPackage // newest first
	objects    map[string][]byte

	streams map[string][]*Stream // by log group

	products map[string]string // Service Catalog product names by id

	fileSystems []FileSystem
	points      []RecoveryPoint
	restores    []*RestoreJob

	// Mutations made, for tests to check what was sent.
	Stopped        []string
	Started        []StartedExecution
	StopsRequested []string
	Retried        []string
	Approvals      []Approval
	Restores       []StartedRestore
	Invocations    []Invocation
}

// New makes an empty account whose clock reads now.
func New(now time.Time) *Account {
	return &Account{
		Meter: aws.NewMeter(map[string]float64{
			"sagemaker": 0, "sagemaker-runtime": 0, "cloudwatch": 0, "logs": 0, "backup": 0,
			"efs": 0, "s3": 0, "sts": 0, "apigateway": 0, "servicecatalog": 0,
		}),
		now:       now,
		fails:     map[string][]error{},
		Region:    "ap-southeast-1",
		AccountID: "123456789012",
		CallerARN: "arn:aws:sts::123456789012:assumed-role/AG-Ops-OnCall/oncall.user",
		jobByName: map[string]*Job{},
		tags:      map[string]map[string]string{},
		configs:   map[string]EndpointConfig{},
		metrics:   map[string][]Point{},
		objects:   map[string][]byte{},
		streams:   map[string][]*Stream{},
		products:  map[string]string{},
	}
}

// AWS is the account as backend/aws sees it.
func (f *Account) AWS() *aws.Account {
	return &aws.Account{
		SageMaker: f, Runtime: f, CloudWatch: f, Logs: f, Backup: f, EFS: f, S3: f, STS: f, APIGateway: f,
		ServiceCatalog: f, Meter: f.Meter, Region: f.Region,
	}
}

// Now is the fake's clock.
func (f *Account) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Advance moves the fake's clock.
func (f *Account) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// Calls is how often "service:Operation" was called.
func (f *Account) Calls(op string) int64 { return f.Meter.Stats().ByOp[op] }

// Fail makes the next calls of "service:Operation" fail with errs, in
// order. An error made by APIError is wrapped as the SDK wraps it.
func (f *Account) Fail(op string, errs ...error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fails[op] = append(f.fails[op], errs...)
}

// APIError is an AWS error answer with code and message.
func APIError(code, message string) error {
	return &smithy.GenericAPIError{Code: code, Message: message, Fault: smithy.FaultClient}
}

// serviceIDs are the SDK service ids of the CLI names the meter uses.
func serviceID(service string) string {
	switch service {
	case "sagemaker":
		return "SageMaker"
	case "sagemaker-runtime":
		return "SageMaker Runtime"
	case "cloudwatch":
		return "CloudWatch"
	case "logs":
		return "CloudWatch Logs"
	case "backup":
		return "Backup"
	case "efs":
		return "EFS"
	case "s3":
		return "S3"
	case "sts":
		return "STS"
	case "apigateway":
		return "API Gateway"
	case "servicecatalog":
		return "Service Catalog"
	}
	return service
}

// call records one call and returns the error it must fail with, if any,
// wrapped in an *smithy.OperationError as the SDK does.
func (f *Account) call(ctx context.Context, service, op string) error {
	return f.answer(ctx, service, op, nil)
}

// refuse is call for a call that, unless made to fail otherwise, is
// answered with err.
func (f *Account) refuse(ctx context.Context, service, op string, err error) error {
	return f.answer(ctx, service, op, err)
}

func (f *Account) answer(ctx context.Context, service, op string, otherwise error) error {
	key := service + ":" + op
	if err := ctx.Err(); err != nil {
		// As with the real clients, whose rate limiter refuses a call whose
		// context has ended before it is counted or sent.
		return wrap(service, op, err)
	}
	var err error
	if f.Hook != nil {
		err = f.Hook(ctx, key)
	}
	if err == nil {
		f.mu.Lock()
		if q := f.fails[key]; len(q) > 0 {
			err, f.fails[key] = q[0], q[1:]
		}
		f.mu.Unlock()
	}
	if err == nil {
		err = otherwise
	}
	f.Meter.Record(service, op, err)
	if err != nil {
		return wrap(service, op, err)
	}
	return nil
}

// page cuts items[offset:offset+size] by a NextToken that holds the offset.
func page[T any](items []T, token *string, max *int32, defaultSize int) ([]T, *string, error) {
	offset := 0
	if t := sdk.ToString(token); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			return nil, nil, APIError("ValidationException", fmt.Sprintf("invalid next token %q", t))
		}
		offset = n
	}
	size := defaultSize
	if m := sdk.ToInt32(max); m > 0 {
		size = int(m)
	}
	if offset >= len(items) {
		return nil, nil, nil
	}
	end := min(offset+size, len(items))
	var next *string
	if end < len(items) {
		next = sdk.String(strconv.Itoa(end))
	}
	return items[offset:end], next, nil
}

func notFound(what string) error {
	return APIError("ValidationException", what+" not found.")
}

// SetTags sets a resource's tags.
func (f *Account) SetTags(arn string, tags map[string]string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tags[arn] = tags
}

func (f *Account) arn(kind, name string) string {
	return "arn:aws:sagemaker:" + f.Region + ":" + f.AccountID + ":" + kind + "/" + name
}

var (
	_ aws.SageMakerAPI  = (*Account)(nil)
	_ aws.RuntimeAPI    = (*Account)(nil)
	_ aws.CloudWatchAPI = (*Account)(nil)
	_ aws.LogsAPI       = (*Account)(nil)
	_ aws.BackupAPI     = (*Account)(nil)
	_ aws.EFSAPI        = (*Account)(nil)
	_ aws.S3API         = (*Account)(nil)
	_ aws.STSAPI        = (*Account)(nil)
	_ aws.APIGatewayAPI = (*Account)(nil)

	_ aws.ServiceCatalogAPI = (*Account)(nil)
)

// wrap makes an error a handler answers with look as the SDK returns it.
func wrap(service, op string, err error) error {
	return &smithy.OperationError{ServiceID: serviceID(service), OperationName: op, Err: err}
}
