package server

import (
	"encoding/json"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The admin API lives under /_sandbox/ on the server's own listener. It
// needs no signature and answers loopback clients only (403 otherwise).
//
//	GET    /_sandbox/health  {"status":"ok","uptime":"1m2s","requests":12,"services":["monitoring","sts"]}
//	GET    /_sandbox/faults  the current Faults as JSON, e.g.
//	                         {"throttleRate":0.2,"latency":"150ms","services":["sagemaker"]}
//	PUT    /_sandbox/faults  replace the Faults with the JSON body (unknown fields and bad
//	                         values → 400); answers with the Faults now in force
//	DELETE /_sandbox/faults  clear every fault
//	GET    /_sandbox/stats   {"calls":{"monitoring:ListMetrics":3,…}}: answered calls per operation
//
// Other sandbox packages add endpoints with Server.HandleAdmin.

const adminPrefix = "/_sandbox/"

func (s *Server) routeAdmin() {
	s.admin.HandleFunc("GET /_sandbox/health", s.adminHealth)
	s.admin.HandleFunc("GET /_sandbox/faults", s.adminGetFaults)
	s.admin.HandleFunc("PUT /_sandbox/faults", s.adminPutFaults)
	s.admin.HandleFunc("DELETE /_sandbox/faults", s.adminDeleteFaults)
	s.admin.HandleFunc("GET /_sandbox/stats", s.adminStats)
}

// HandleAdmin adds an admin endpoint; pattern is a ServeMux pattern under
// /_sandbox/, e.g. "GET /_sandbox/clock".
func (s *Server) HandleAdmin(pattern string, h http.Handler) {
	s.admin.Handle(pattern, h)
}

// serveAdmin answers an admin request from a loopback client.
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	if !isLoopbackRemote(r.RemoteAddr) {
		writeAdminJSON(w, http.StatusForbidden, map[string]string{"error": "the sandbox admin API answers loopback clients only"})
		return
	}
	s.admin.ServeHTTP(w, r)
}

func isLoopbackRemote(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) adminHealth(w http.ResponseWriter, _ *http.Request) {
	names := s.signingNames()
	writeAdminJSON(w, http.StatusOK, map[string]any{
		"status":   "ok",
		"uptime":   s.now().Sub(s.start).Round(time.Millisecond).String(),
		"requests": s.requests.Load(),
		"services": names,
	})
}

func (s *Server) adminGetFaults(w http.ResponseWriter, _ *http.Request) {
	writeAdminJSON(w, http.StatusOK, s.faults.get())
}

func (s *Server) adminPutFaults(w http.ResponseWriter, r *http.Request) {
	var f Faults
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		writeAdminJSON(w, http.StatusBadRequest, map[string]string{"error": "faults: " + err.Error()})
		return
	}
	if err := s.SetFaults(f); err != nil {
		writeAdminJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeAdminJSON(w, http.StatusOK, s.faults.get())
}

func (s *Server) adminDeleteFaults(w http.ResponseWriter, _ *http.Request) {
	_ = s.SetFaults(Faults{})
	writeAdminJSON(w, http.StatusOK, s.faults.get())
}

func (s *Server) adminStats(w http.ResponseWriter, _ *http.Request) {
	writeAdminJSON(w, http.StatusOK, map[string]any{"calls": s.Calls()})
}

func (s *Server) signingNames() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := make([]string, 0, len(s.bySigning))
	for n := range s.bySigning {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func writeAdminJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func isAdminPath(p string) bool { return strings.HasPrefix(p, adminPrefix) }
