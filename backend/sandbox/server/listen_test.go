package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestListenRefusesNonLoopback(t *testing.T) {
	srv, err := server.New(server.Options{Principals: servertest.Principals()})
	if err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.168.1.10:8080", "sandbox.example.com:80"} {
		err := srv.Listen(addr)
		if err == nil {
			t.Errorf("Listen(%q) succeeded", addr)
			continue
		}
		if !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "AllowNonLoopback") {
			t.Errorf("Listen(%q) error %q should name the address and the option", addr, err)
		}
	}
	if srv.URL() != "" {
		t.Errorf("URL = %q after refused listens", srv.URL())
	}
}

func TestListenLoopbackAndOnce(t *testing.T) {
	for _, addr := range []string{"", "127.0.0.1:0", "localhost:0"} {
		srv, err := server.New(server.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.Listen(addr); err != nil {
			t.Fatalf("Listen(%q): %v", addr, err)
		}
		if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
			t.Errorf("Listen(%q): URL %q", addr, srv.URL())
		}
		if err := srv.Listen(addr); err == nil {
			t.Errorf("second Listen(%q) succeeded", addr)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		cancel()
	}
}

func TestAllowNonLoopback(t *testing.T) {
	srv, err := server.New(server.Options{AllowNonLoopback: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen("0.0.0.0:0"); err != nil {
		t.Fatalf("Listen with AllowNonLoopback: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Error(err)
	}
}

type badTagInput struct {
	Name string `aws:",sideways"`
}

type chanInput struct {
	C chan int
}

type empty struct{}

func TestRegisterRejectsMalformedServices(t *testing.T) {
	noop := func(context.Context, *server.Call, *empty) (*empty, error) { return &empty{}, nil }
	json := server.AWSJSON{Version: "1.1", TargetPrefix: "T"}
	cases := map[string]server.Service{
		"no signing name":  {Name: "x", Protocols: []server.Protocol{json}},
		"no protocols":     {Name: "x", SigningName: "x"},
		"bad json version": {Name: "x", SigningName: "x", Protocols: []server.Protocol{server.AWSJSON{Version: "2.0", TargetPrefix: "T"}}},
		"duplicate op": {Name: "x", SigningName: "x", Protocols: []server.Protocol{json},
			Ops: []server.Op{server.Operation("A", noop), server.Operation("A", noop)}},
		"REST op without route": {Name: "x", SigningName: "x", Protocols: []server.Protocol{server.RESTJSON{}},
			Ops: []server.Op{server.Operation("A", noop)}},
		"bad route": {Name: "x", SigningName: "x", Protocols: []server.Protocol{server.RESTJSON{}},
			Ops: []server.Op{server.Operation("A", noop).At("GET", "/a/{b+}/c")}},
		"bad tag option": {Name: "x", SigningName: "x", Protocols: []server.Protocol{json},
			Ops: []server.Op{server.Operation("A", func(context.Context, *server.Call, *badTagInput) (*empty, error) { return nil, nil })}},
		"unsendable member": {Name: "x", SigningName: "x", Protocols: []server.Protocol{json},
			Ops: []server.Op{server.Operation("A", func(context.Context, *server.Call, *chanInput) (*empty, error) { return nil, nil })}},
		"hand-made op without New": {Name: "x", SigningName: "x", Protocols: []server.Protocol{json},
			Ops: []server.Op{{Name: "A", Handle: func(context.Context, *server.Call, any) (any, error) { return nil, nil }}}},
	}
	for name, svc := range cases {
		srv, err := server.New(server.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := srv.Register(svc); err == nil {
			t.Errorf("%s: Register accepted it", name)
		}
	}

	srv, _ := server.New(server.Options{})
	if err := srv.Register(logsService()); err != nil {
		t.Fatal(err)
	}
	clash := logsService()
	clash.Name = "Logs2"
	if err := srv.Register(clash); err == nil || !strings.Contains(err.Error(), "Logs_20140328") {
		t.Errorf("a second service on the same X-Amz-Target prefix: %v", err)
	}
	if err := srv.Register(backupService()); err != nil {
		t.Fatal(err)
	}
	if err := srv.Register(backupService()); err == nil || !strings.Contains(err.Error(), "share the route") {
		t.Errorf("a second service on the same routes: %v", err)
	}
}
