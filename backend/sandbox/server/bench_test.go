package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

// BenchmarkServeProtocols measures one signed call through the whole
// pipeline (verify, decode, handle, encode), in process, per protocol.
func BenchmarkServeProtocols(b *testing.B) {
	srv, err := server.New(server.Options{Principals: servertest.Principals()})
	if err != nil {
		b.Fatal(err)
	}
	if err := registerAll(srv); err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name, service, path string
		header              map[string]string
		body                []byte
	}{
		{"awsJson1_0", "monitoring", "/", map[string]string{"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "GraniteServiceVersion20100801.GetMetricData"}, []byte(jsonGetMetricData)},
		{"awsQuery", "monitoring", "/", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, []byte(queryGetMetricData().Encode())},
		{"restXml", "s3", "/ag-hdb-models?list-type=2", nil, nil},
	}
	p := servertest.OnCall
	creds := aws.Credentials{AccessKeyID: p.AccessKeyID, SecretAccessKey: p.SecretAccessKey}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			sum := sha256.Sum256(c.body)
			for b.Loop() {
				req := httptest.NewRequest("POST", "http://127.0.0.1:1"+c.path, bytes.NewReader(c.body))
				if c.service == "s3" {
					req.Method = "GET"
				}
				for k, v := range c.header {
					req.Header.Set(k, v)
				}
				if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), c.service, servertest.Region, time.Now()); err != nil {
					b.Fatal(err)
				}
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
			}
		})
	}
}
