package server_test

import (
	"net/http"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// start runs a server with every test service and the fixture principals.
func start(t *testing.T, opts server.Options) *server.Server {
	t.Helper()
	return servertest.Start(t, opts, registerAll)
}

// send signs a request to srv as p for service and sends it.
func send(t *testing.T, srv *server.Server, p iam.Principal, service, method, path string, header map[string]string, body []byte) (*http.Response, []byte) {
	t.Helper()
	return servertest.Send(t, p, service, method, srv.URL()+path, header, body)
}
