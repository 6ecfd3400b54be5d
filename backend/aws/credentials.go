package aws

import (
	"context"
	"errors"
	"sync"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
)

// reloadableCredentials is the provider every client signs with. It passes
// through to the provider the configuration resolved, and Reload replaces
// that with a freshly resolved one: the SDK caches credentials until they
// say they expire, so after `aws sso login` (a new token in the SSO cache)
// or an edit of ~/.aws/credentials nothing would otherwise ask again.
type reloadableCredentials struct {
	mu      sync.RWMutex
	current sdk.CredentialsProvider
	// resolve loads the configuration again and returns its provider.
	resolve func(ctx context.Context) (sdk.CredentialsProvider, error)
}

var (
	_ sdk.CredentialsProvider      = (*reloadableCredentials)(nil)
	_ sdk.CredentialProviderSource = (*reloadableCredentials)(nil)
)

func (r *reloadableCredentials) provider() sdk.CredentialsProvider {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.current
}

// Retrieve asks the current provider.
func (r *reloadableCredentials) Retrieve(ctx context.Context) (sdk.Credentials, error) {
	p := r.provider()
	if p == nil {
		return sdk.Credentials{}, errors.New("no AWS credentials are configured")
	}
	return p.Retrieve(ctx)
}

// ProviderSources keeps the SDK's user-agent credential metrics.
func (r *reloadableCredentials) ProviderSources() []sdk.CredentialSource {
	if s, ok := r.provider().(sdk.CredentialProviderSource); ok {
		return s.ProviderSources()
	}
	return nil
}

// reload resolves the configuration's credentials again. When that fails
// the old provider stays, with its cache emptied so that the next call
// asks its source afresh.
func (r *reloadableCredentials) reload(ctx context.Context) error {
	next, err := r.resolve(ctx)
	if err != nil {
		if c, ok := r.provider().(*sdk.CredentialsCache); ok {
			c.Invalidate()
		}
		return err
	}
	r.mu.Lock()
	r.current = next
	r.mu.Unlock()
	return nil
}

// ReloadCredentials makes every client ask for credentials afresh, from
// the same profile, environment and files as at the start. It is what
// "refresh after aws sso login" needs; an Account built without a
// configuration (tests' fakes) has nothing to reload.
func (a *Account) ReloadCredentials(ctx context.Context) error {
	if a.creds == nil {
		return nil
	}
	return a.creds.reload(ctx)
}
