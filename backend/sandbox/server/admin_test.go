package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func adminCall(t *testing.T, srv *server.Server, method, path, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, b := servertest.Do(t, req)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s %s: not JSON: %s", method, path, b)
	}
	return resp.StatusCode, out
}

func TestAdminHealthAndStats(t *testing.T) {
	srv := start(t, server.Options{})
	if err := describeLogGroups(servertest.Config(srv, servertest.OnCall)); err != nil {
		t.Fatal(err)
	}
	status, health := adminCall(t, srv, "GET", "/_sandbox/health", "")
	if status != 200 || health["status"] != "ok" || health["requests"] != float64(1) {
		t.Errorf("health = %d %v", status, health)
	}
	services, _ := health["services"].([]any)
	if len(services) != 7 || services[0] != "apigateway" {
		t.Errorf("services = %v", services)
	}
	_, stats := adminCall(t, srv, "GET", "/_sandbox/stats", "")
	calls, _ := stats["calls"].(map[string]any)
	if calls["logs:DescribeLogGroups"] != float64(1) || len(calls) != 1 {
		t.Errorf("stats = %v", stats)
	}
}

func TestAdminFaultsAtRuntime(t *testing.T) {
	srv := start(t, server.Options{})
	cfg := servertest.Config(srv, servertest.OnCall)

	status, got := adminCall(t, srv, "PUT", "/_sandbox/faults", `{"throttleRate":1,"latency":"150ms","services":["logs"]}`)
	if status != 200 || got["throttleRate"] != float64(1) || got["latency"] != "150ms" {
		t.Fatalf("PUT faults = %d %v", status, got)
	}
	if f := srv.Faults(); f.ThrottleRate != 1 || time.Duration(f.Latency) != 150*time.Millisecond || f.Services[0] != "logs" {
		t.Errorf("server faults = %+v", f)
	}
	servertest.WantCode(t, describeLogGroups(cfg), "ThrottlingException")

	_, got = adminCall(t, srv, "GET", "/_sandbox/faults", "")
	if got["throttleRate"] != float64(1) {
		t.Errorf("GET faults = %v", got)
	}
	for _, bad := range []string{`{"throttleRate":2}`, `{"latency":150}`, `{"throtleRate":1}`, `{`, `{"latency":"-1s"}`} {
		if status, _ := adminCall(t, srv, "PUT", "/_sandbox/faults", bad); status != 400 {
			t.Errorf("PUT %s = %d, want 400", bad, status)
		}
	}
	if srv.Faults().ThrottleRate != 1 {
		t.Error("a rejected PUT changed the faults")
	}
	if status, _ := adminCall(t, srv, "DELETE", "/_sandbox/faults", ""); status != 200 {
		t.Errorf("DELETE = %d", status)
	}
	if err := describeLogGroups(cfg); err != nil {
		t.Errorf("after clearing faults: %v", err)
	}
}

func TestAdminRefusesNonLoopbackClients(t *testing.T) {
	srv := start(t, server.Options{})
	req := httptest.NewRequest("PUT", "/_sandbox/faults", strings.NewReader(`{"throttleRate":1}`))
	req.RemoteAddr = "192.0.2.10:51234" // a documentation address; nothing is sent
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("status = %d, want 403", rec.Code)
	}
	if srv.Faults().ThrottleRate != 0 {
		t.Error("a remote client changed the faults")
	}
}

func TestHandleAdmin(t *testing.T) {
	srv := start(t, server.Options{})
	srv.HandleAdmin("GET /_sandbox/clock", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"speed":60}`))
	}))
	if status, got := adminCall(t, srv, "GET", "/_sandbox/clock", ""); status != 200 || got["speed"] != float64(60) {
		t.Errorf("clock = %d %v", status, got)
	}
}
