package aws

import (
	"bytes"
	"io"
	"net/http"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// InMemoryBodies reads each request body into memory before net/http sees
// it. The SDK closes a request's body as soon as the response arrives;
// net/http may still read that body and then drop the connection while a
// large response is being read (aws/aws-sdk-go-v2#2737). Request bodies
// are small JSON documents, so a copy costs nothing.
type InMemoryBodies struct {
	Next http.RoundTripper
}

// RoundTrip sends r with a body net/http owns.
func (b InMemoryBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	r, err := withBodyInMemory(r)
	if err != nil {
		return nil, err
	}
	return b.Next.RoundTrip(r)
}

// KeepBodies wraps an HTTP client (the SDK's own, after the configuration
// has given it any custom CA bundle, which the SDK can add to no other
// client type) so that its requests' bodies are read into memory first.
// A nil client is the SDK's default: LoadDefaultConfig leaves the client
// nil unless it had a CA bundle to add.
func KeepBodies(next HTTPDoer) HTTPDoer {
	if next == nil {
		next = awshttp.NewBuildableClient()
	}
	return keptBodies{next}
}

type keptBodies struct{ next HTTPDoer }

func (k keptBodies) Do(r *http.Request) (*http.Response, error) {
	r, err := withBodyInMemory(r)
	if err != nil {
		return nil, err
	}
	return k.next.Do(r)
}

// withBodyInMemory is r with its body read into memory.
func withBodyInMemory(r *http.Request) (*http.Request, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return r, nil
	}
	data, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	if err != nil {
		return nil, err
	}
	r = r.Clone(r.Context())
	r.Body = io.NopCloser(bytes.NewReader(data))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	return r, nil
}

// NewHTTPClient is the SDK's default HTTP client with request bodies kept
// in memory.
func NewHTTPClient() *http.Client {
	return &http.Client{Transport: InMemoryBodies{Next: awshttp.NewBuildableClient().GetTransport()}}
}
