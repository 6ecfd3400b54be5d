package aws

import "time"

// Options choose which AWS account, region and endpoint agdash talks to.
// Empty fields fall back to the standard configuration chain (environment,
// shared config and credentials files, SSO, instance roles).
type Options struct {
	Profile string // named profile from ~/.aws/config
	Region  string
	// EndpointURL sends every service to one URL (the sandbox, LocalStack).
	// AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> work without it.
	EndpointURL string

	// Static credentials, as the sandbox hands out per role; when
	// AccessKeyID is set they replace the default credential chain.
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string

	// MaxAttempts per call, retries included (default 3); the feeds do the
	// longer back-off.
	MaxAttempts int
	// MaxBackoff between the SDK's own retries (default 4s).
	MaxBackoff time.Duration
	// RateLimits caps calls per second per service ("sagemaker", "logs",
	// ...); missing services use DefaultRateLimits, 0 means unlimited.
	RateLimits map[string]float64
	// HTTPClient replaces the SDK's HTTP client (tests).
	HTTPClient HTTPDoer
}

// DefaultRateLimits are calls per second per service, below the
// account-wide limits that a user's teammates share.
func DefaultRateLimits() map[string]float64 {
	return map[string]float64{
		"sagemaker":         8,
		"sagemaker-runtime": 20,
		"cloudwatch":        10,
		"logs":              5,
		"backup":            5,
		"efs":               5,
		"s3":                20,
		"sts":               5,
		"apigateway":        5,
		"servicecatalog":    5,
	}
}

const (
	defaultMaxAttempts = 3
	defaultMaxBackoff  = 4 * time.Second
)
