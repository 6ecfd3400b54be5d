package aws

import (
	"errors"
	"net/http"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// ownedClient turns the HTTP client the SDK configured (its dialer and
// TLS settings, any AWS_CA_BUNDLE; nil for the SDK's default) into one
// agdash owns: request bodies kept in memory (see InMemoryBodies), and a
// release func that closes its idle connections, so that closing agdash
// leaves no connection behind (a server shutting down waits seconds for a
// connection that was opened and never used). A client of another kind is
// only wrapped, with nothing to release.
func ownedClient(sdkClient HTTPDoer) (HTTPDoer, func()) {
	if sdkClient == nil {
		sdkClient = awshttp.NewBuildableClient()
	}
	b, ok := sdkClient.(*awshttp.BuildableClient)
	if !ok {
		return KeepBodies(sdkClient), func() {}
	}
	tr := b.GetTransport()
	client := &http.Client{Transport: InMemoryBodies{Next: tr}, Timeout: b.GetTimeout(), CheckRedirect: sdkRedirects}
	return client, tr.CloseIdleConnections
}

// sdkRedirects follows redirects as the SDK's own client does: only 307
// and 308, which keep the method and body, and without the session token
// when the host changes.
func sdkRedirects(r *http.Request, via []*http.Request) error {
	if code := r.Response.StatusCode; code != http.StatusTemporaryRedirect && code != http.StatusPermanentRedirect {
		return http.ErrUseLastResponse
	}
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if last := via[len(via)-1]; last.URL.Host != r.URL.Host {
		r.Header.Del("X-Amz-Security-Token")
	}
	return nil
}
