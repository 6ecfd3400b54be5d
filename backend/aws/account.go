package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemakerruntime"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
)

// Account is agdash's view of one AWS account and region: every read and
// action it performs, returning domain types.
type Account struct {
	SageMaker  SageMakerAPI
	Runtime    RuntimeAPI
	CloudWatch CloudWatchAPI
	Logs       LogsAPI
	Backup     BackupAPI
	EFS        EFSAPI
	S3         S3API
	STS        STSAPI
	APIGateway APIGatewayAPI
	// ServiceCatalog names the projects' templates.
	ServiceCatalog ServiceCatalogAPI

	// Meter counts and paces every call made through the real clients.
	Meter   *Meter
	Region  string
	Profile string
	// Endpoint is the custom endpoint URL in use, "" for AWS itself.
	Endpoint string

	release func() // closes the HTTP client's idle connections
	creds   *reloadableCredentials
}

// New builds every client from the resolved configuration, each with the
// meter on its middleware stack.
func New(ctx context.Context, o Options) (*Account, error) {
	cfg, release, err := loadConfig(ctx, o)
	if err != nil {
		return nil, err
	}
	meter := NewMeter(o.RateLimits)
	endpoint := o.EndpointURL
	if endpoint == "" && cfg.BaseEndpoint != nil {
		endpoint = *cfg.BaseEndpoint
	}
	// configure puts the meter on one client's stack and points the client
	// at the custom endpoint, if any. Each SDK package has its own Options
	// type, but all have these two fields.
	configure := func(apiOptions *[]func(*middleware.Stack) error, base **string) {
		*apiOptions = append(*apiOptions, meter.addToStack)
		if o.EndpointURL != "" {
			u := o.EndpointURL
			*base = &u
		}
	}
	creds, _ := cfg.Credentials.(*reloadableCredentials)
	return &Account{
		creds:      creds,
		SageMaker:  sagemaker.NewFromConfig(cfg, func(c *sagemaker.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		Runtime:    sagemakerruntime.NewFromConfig(cfg, func(c *sagemakerruntime.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		CloudWatch: cloudwatch.NewFromConfig(cfg, func(c *cloudwatch.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		Logs:       cloudwatchlogs.NewFromConfig(cfg, func(c *cloudwatchlogs.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		Backup:     backup.NewFromConfig(cfg, func(c *backup.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		EFS:        efs.NewFromConfig(cfg, func(c *efs.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		S3: s3.NewFromConfig(cfg, func(c *s3.Options) {
			configure(&c.APIOptions, &c.BaseEndpoint)
			// A custom endpoint (the sandbox, LocalStack) serves buckets
			// by path, not by virtual host.
			c.UsePathStyle = c.UsePathStyle || c.BaseEndpoint != nil
		}),
		STS:        sts.NewFromConfig(cfg, func(c *sts.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		APIGateway: apigateway.NewFromConfig(cfg, func(c *apigateway.Options) { configure(&c.APIOptions, &c.BaseEndpoint) }),
		ServiceCatalog: servicecatalog.NewFromConfig(cfg, func(c *servicecatalog.Options) {
			configure(&c.APIOptions, &c.BaseEndpoint)
		}),
		Meter:    meter,
		Region:   cfg.Region,
		Profile:  o.Profile,
		Endpoint: endpoint,
		release:  release,
	}, nil
}

// Close releases the idle connections of the HTTP client New built.
func (a *Account) Close() {
	if a.release != nil {
		a.release()
	}
}
