package aws

import (
	"context"
	"fmt"
	"net/http"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go/logging"
)

// HTTPDoer is the SDK's HTTP client interface.
type HTTPDoer interface {
	Do(*http.Request) (*http.Response, error)
}

// LoadConfig resolves the SDK configuration: the standard chain (profiles,
// SSO, environment, AWS_ENDPOINT_URL*) overridden by the explicit options.
func LoadConfig(ctx context.Context, o Options) (sdk.Config, error) {
	cfg, _, err := loadConfig(ctx, o)
	return cfg, err
}

// loadConfig is LoadConfig, and a func that releases the HTTP client's
// idle connections (a no-op for a client handed in by o).
func loadConfig(ctx context.Context, o Options) (sdk.Config, func(), error) {
	maxAttempts := o.MaxAttempts
	if maxAttempts <= 0 {
		maxAttempts = defaultMaxAttempts
	}
	maxBackoff := o.MaxBackoff
	if maxBackoff <= 0 {
		maxBackoff = defaultMaxBackoff
	}
	opts := []func(*config.LoadOptions) error{
		config.WithRetryer(func() sdk.Retryer {
			return retry.NewStandard(func(so *retry.StandardOptions) {
				so.MaxAttempts = maxAttempts
				so.MaxBackoff = maxBackoff
			})
		}),
	}
	if o.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		opts = append(opts, config.WithRegion(o.Region))
	}
	if o.EndpointURL != "" {
		opts = append(opts, config.WithBaseEndpoint(o.EndpointURL))
	}
	if o.AccessKeyID != "" {
		opts = append(opts, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(o.AccessKeyID, o.SecretAccessKey, o.SessionToken)))
	}
	if o.HTTPClient != nil {
		opts = append(opts, config.WithHTTPClient(o.HTTPClient))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		if o.Profile != "" {
			return sdk.Config{}, nil, fmt.Errorf("loading AWS profile %q: %w", o.Profile, err)
		}
		return sdk.Config{}, nil, fmt.Errorf("loading AWS configuration: %w", err)
	}
	release := func() {}
	if o.HTTPClient == nil {
		// Taken over after loading: AWS_CA_BUNDLE can only be added to the
		// SDK's own client, which LoadDefaultConfig has just done.
		cfg.HTTPClient, release = ownedClient(cfg.HTTPClient)
	}
	// The SDK's own log lines would land on the terminal agdash draws.
	cfg.Logger = logging.Nop{}
	if cfg.Credentials != nil {
		cfg.Credentials = &reloadableCredentials{current: cfg.Credentials,
			resolve: func(ctx context.Context) (sdk.CredentialsProvider, error) {
				again, err := config.LoadDefaultConfig(ctx, opts...)
				return again.Credentials, err
			}}
	}
	if cfg.Region == "" {
		release()
		return sdk.Config{}, nil, fmt.Errorf("no AWS region: pass --region, set AWS_REGION, or set region in the profile")
	}
	return cfg, release, nil
}
