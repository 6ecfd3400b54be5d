package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/agdash/agdash/backend/sandbox/iam"
)

// DefaultMaxBodyBytes caps request bodies of services that set no limit.
const DefaultMaxBodyBytes = 4 << 20

// Options configure a Server.
type Options struct {
	// Principals are the credentials the server accepts.
	Principals []iam.Principal
	// Seed drives every random choice (which calls faults hit, request ids).
	Seed uint64
	// Faults in force from the start; change them with SetFaults or the
	// admin API.
	Faults Faults
	// AllowNonLoopback lets Listen bind an address other than loopback.
	AllowNonLoopback bool
	// MaxBodyBytes caps request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Now tells the time (credential expiry, uptime); nil means time.Now.
	Now func() time.Time
	// Sleep waits for injected latency; nil means a timer. It must return
	// early with ctx's error when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
	// Logger receives handler panics and failures; nil discards them.
	Logger *slog.Logger
	// Region is the account's region: a request signed for another is
	// refused, as AWS's regional endpoints refuse it. "" takes any.
	Region string
}

// Server is the sandbox's AWS-compatible HTTP server. Register services,
// then Listen; it is safe for concurrent use.
type Server struct {
	keys   *iam.Keyring
	shapes shapeCache
	cbor   cborCodec
	faults *injector
	seed   uint64
	start  time.Time
	now    func() time.Time
	sleep  func(context.Context, time.Duration) error
	log    *slog.Logger

	maxBody          int64
	allowNonLoopback bool
	region           string

	mu          sync.RWMutex
	services    []*service
	bySigning   map[string][]*service
	jsonTargets map[string]*service
	cborNames   map[string]*service

	admin    *http.ServeMux
	requests atomic.Int64
	reqSeq   atomic.Uint64
	callsMu  sync.Mutex
	calls    map[string]int64

	lnMu    sync.Mutex
	httpSrv *http.Server
	ln      net.Listener
	served  chan struct{}
	cancel  context.CancelFunc
}

// New makes a server; it does not listen yet.
func New(opts Options) (*Server, error) {
	keys, err := iam.NewKeyring(opts.Principals)
	if err != nil {
		return nil, err
	}
	inj, err := newInjector(opts.Seed, opts.Faults)
	if err != nil {
		return nil, err
	}
	cb, err := newCBORCodec()
	if err != nil {
		return nil, err
	}
	s := &Server{
		keys:             keys,
		cbor:             cb,
		faults:           inj,
		seed:             opts.Seed,
		now:              opts.Now,
		sleep:            opts.Sleep,
		log:              opts.Logger,
		maxBody:          opts.MaxBodyBytes,
		allowNonLoopback: opts.AllowNonLoopback,
		region:           opts.Region,
		bySigning:        map[string][]*service{},
		jsonTargets:      map[string]*service{},
		cborNames:        map[string]*service{},
		admin:            http.NewServeMux(),
		calls:            map[string]int64{},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.sleep == nil {
		s.sleep = sleepContext
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBodyBytes
	}
	s.start = s.now()
	s.routeAdmin()
	return s, nil
}

// Register adds a service. It fails if the service is malformed or claims a
// JSON target prefix, CBOR service name or REST route another service has.
func (s *Server) Register(svc Service) error {
	compiled, err := compile(svc, &s.shapes)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range compiled.Protocols {
		switch x := p.(type) {
		case AWSJSON:
			if other, taken := s.jsonTargets[x.TargetPrefix]; taken {
				return fmt.Errorf("server: %s and %s both use X-Amz-Target prefix %s", other.Name, svc.Name, x.TargetPrefix)
			}
		case RPCv2CBOR:
			if other, taken := s.cborNames[x.ServiceName]; taken {
				return fmt.Errorf("server: %s and %s both use CBOR service name %s", other.Name, svc.Name, x.ServiceName)
			}
		case AWSQuery:
			for _, other := range s.bySigning[svc.SigningName] {
				if q, ok := other.protocol(ProtocolAWSQuery); ok && q.(AWSQuery).Version == x.Version {
					return fmt.Errorf("server: %s and %s both answer awsQuery version %s", other.Name, svc.Name, x.Version)
				}
			}
		}
	}
	for _, rt := range compiled.routes {
		for _, other := range s.bySigning[svc.SigningName] {
			for _, ort := range other.routes {
				if ort.method == rt.method && slices.Equal(ort.segs, rt.segs) && slices.Equal(ort.query, rt.query) {
					return fmt.Errorf("server: %s.%s and %s.%s share the route %s %s", other.Name, ort.op.Name, svc.Name, rt.op.Name, rt.op.HTTP.Method, rt.op.HTTP.Path)
				}
			}
		}
	}
	for _, p := range compiled.Protocols {
		switch x := p.(type) {
		case AWSJSON:
			s.jsonTargets[x.TargetPrefix] = compiled
		case RPCv2CBOR:
			s.cborNames[x.ServiceName] = compiled
		}
	}
	s.services = append(s.services, compiled)
	s.bySigning[svc.SigningName] = append(s.bySigning[svc.SigningName], compiled)
	return nil
}

// Listen binds addr ("" means 127.0.0.1:0, an ephemeral loopback port) and
// serves in the background until Shutdown. It refuses an address that is
// not loopback unless Options.AllowNonLoopback is set.
func (s *Server) Listen(addr string) error {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	if !s.allowNonLoopback {
		if err := checkLoopback(addr); err != nil {
			return err
		}
	}
	s.lnMu.Lock()
	defer s.lnMu.Unlock()
	if s.ln != nil {
		return errors.New("server: already listening on " + s.ln.Addr().String())
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: listen: %w", err)
	}
	base, cancel := context.WithCancel(context.Background())
	s.ln, s.cancel, s.served = ln, cancel, make(chan struct{})
	s.httpSrv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 30 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	go func(srv *http.Server, done chan struct{}) {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("sandbox server stopped", "err", err)
		}
	}(s.httpSrv, s.served)
	return nil
}

// checkLoopback refuses hosts that are not a loopback IP or "localhost".
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("server: bad listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("server: refusing to listen on non-loopback address %q (set Options.AllowNonLoopback to allow it)", addr)
}

// Addr is the address the server listens on, or nil before Listen.
func (s *Server) Addr() net.Addr {
	s.lnMu.Lock()
	defer s.lnMu.Unlock()
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// URL is the endpoint URL to give the SDKs (AWS_ENDPOINT_URL), e.g.
// http://127.0.0.1:41234, or "" before Listen.
func (s *Server) URL() string {
	if a := s.Addr(); a != nil {
		return "http://" + a.String()
	}
	return ""
}

// Shutdown stops accepting requests, cancels those waiting on injected
// latency, and waits for the rest to finish or ctx to end.
func (s *Server) Shutdown(ctx context.Context) error {
	s.lnMu.Lock()
	srv, cancel, served := s.httpSrv, s.cancel, s.served
	s.lnMu.Unlock()
	if srv == nil {
		return nil
	}
	cancel()
	err := srv.Shutdown(ctx)
	select {
	case <-served:
	case <-ctx.Done():
		return ctx.Err()
	}
	return err
}

// SetFaults replaces the faults in force.
func (s *Server) SetFaults(f Faults) error { return s.faults.set(f) }

// Faults returns the faults in force.
func (s *Server) Faults() Faults { return s.faults.get() }

// Calls returns how many calls each operation received, keyed
// "signingname:Operation", counting those that faults or errors answered.
func (s *Server) Calls() map[string]int64 {
	s.callsMu.Lock()
	defer s.callsMu.Unlock()
	out := make(map[string]int64, len(s.calls))
	for k, v := range s.calls {
		out[k] = v
	}
	return out
}

func (s *Server) countCall(service, op string) {
	s.callsMu.Lock()
	defer s.callsMu.Unlock()
	s.calls[service+":"+op]++
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
