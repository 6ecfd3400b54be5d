package server_test

import (
	"net/http"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// TestEveryResponseHasRequestIDDateAndContentType covers a success and an
// error in each protocol.
func TestEveryResponseHasRequestIDDateAndContentType(t *testing.T) {
	srv := start(t, server.Options{})
	jsonHdr := map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Logs_20140328.DescribeLogGroups"}
	cborHdr := map[string]string{"Content-Type": "application/cbor", "Smithy-Protocol": "rpc-v2-cbor"}
	formHdr := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	cases := []struct {
		name, service, method, path string
		header                      map[string]string
		body                        string
		status                      int
		contentType, idHeader       string
	}{
		{"awsJson ok", "logs", "POST", "/", jsonHdr, `{}`, 200, "application/x-amz-json-1.1", "X-Amzn-Requestid"},
		{"awsJson error", "logs", "POST", "/", jsonHdr, `{"limit":"x"}`, 400, "application/x-amz-json-1.1", "X-Amzn-Requestid"},
		{"cbor ok", "monitoring", "POST", "/service/GraniteServiceVersion20100801/operation/ListMetrics", cborHdr, "", 200, "application/cbor", "X-Amzn-Requestid"},
		{"cbor error", "monitoring", "POST", "/service/GraniteServiceVersion20100801/operation/Nope", cborHdr, "", 400, "application/cbor", "X-Amzn-Requestid"},
		{"query ok", "monitoring", "POST", "/", formHdr, "Action=ListMetrics&Version=2010-08-01", 200, "text/xml", "X-Amzn-Requestid"},
		{"query error", "monitoring", "POST", "/", formHdr, "Action=Nope&Version=2010-08-01", 400, "text/xml", "X-Amzn-Requestid"},
		{"restJson ok", "backup", "GET", "/backup-vaults/hdb-studio-vault/recovery-points/", nil, "", 200, "application/json", "X-Amzn-Requestid"},
		{"restJson error", "backup", "GET", "/backup-vaults/other/recovery-points/", nil, "", 400, "application/json", "X-Amzn-Requestid"},
		{"restXml ok", "s3", "GET", "/ag-hdb-models?list-type=2", nil, "", 200, "application/xml", "X-Amz-Request-Id"},
		{"restXml error", "s3", "GET", "/ag-hdb-models/none", nil, "", 404, "application/xml", "X-Amz-Request-Id"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		resp, body := send(t, srv, servertest.Admin, c.service, c.method, c.path, c.header, []byte(c.body))
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.name, resp.StatusCode, c.status, body)
		}
		if got := resp.Header.Get("Content-Type"); got != c.contentType {
			t.Errorf("%s: Content-Type %q, want %q", c.name, got, c.contentType)
		}
		id := resp.Header.Get(c.idHeader)
		if id == "" || seen[id] {
			t.Errorf("%s: request id %q missing or reused", c.name, id)
		}
		seen[id] = true
		if _, err := http.ParseTime(resp.Header.Get("Date")); err != nil {
			t.Errorf("%s: Date %q: %v", c.name, resp.Header.Get("Date"), err)
		}
	}
}
