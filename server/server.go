// Package server serves Herald's event store over HTTP as a JSON API: events with filters
// and cursor pagination, documents with their full analysis, actor and dyad rankings, a
// timeline, on-demand analysis of a posted article, and (only when a write token is set)
// analysis and storage of one. It reads the store (package store) and runs the same
// pipeline as the CLI (package pipeline); docs/API.md describes every endpoint.
//
// It uses net/http's pattern routing and nothing else. Every error is JSON of one shape,
// {"error": {"code": "bad_request", "message": "…"}}, with the matching HTTP status;
// unknown query parameters, malformed values and oversized bodies are errors, not
// silently ignored. /metrics writes the Prometheus text exposition format by hand: a
// few counters and one histogram do not warrant the client library's dependencies.
//
// It answers only requests whose Host is loopback (localhost, 127.0.0.1, [::1], any
// port) or one of Options.AllowedHosts; others get a 421. A page that a local browser
// loads from a name its owner then points at 127.0.0.1 (DNS rebinding) is same-origin
// with the server as far as the browser knows, but its requests carry that name.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"herald/cameo"
	"herald/pipeline"
	"herald/store"
)

// Options configure a Server.
type Options struct {
	Store *store.SQLite
	// Pipeline analyzes posted articles; nil disables POST /api/analyze and
	// POST /api/documents (503).
	Pipeline *pipeline.Pipeline
	// WriteToken enables POST /api/documents for requests that carry it as
	// "Authorization: Bearer TOKEN". Empty: the API is read-only.
	WriteToken string
	// MaxBodyBytes caps a request body (DefaultMaxBodyBytes when 0); more is a 413.
	MaxBodyBytes int64
	// QueryTimeout bounds one request's database work (DefaultQueryTimeout when 0).
	QueryTimeout time.Duration
	// Analyzers bounds the articles analyzed at once (DefaultAnalyzers when 0); a request
	// that waits longer than QueryTimeout for a turn gets a 503.
	Analyzers int
	// AnalysisTimeout bounds a request that analyzes an article, from its start:
	// reading the article, waiting for a turn, analyzing it (DefaultAnalysisTimeout when
	// 0). An analysis stops when it runs out (503), or when the client goes away, and
	// gives its turn back then.
	AnalysisTimeout time.Duration
	// Log, when set, gets one line per request and every internal error.
	Log *log.Logger
	// Codebook names the CAMEO codes for GET /api/codebook; nil: a 503 there.
	Codebook *cameo.Codebook
	// Web, when set, serves every path outside /api/, /healthz and /metrics (GET and
	// HEAD): the web explorer (package web).
	Web http.Handler
	// ExportTimeout bounds one GET /api/export (DefaultExportTimeout when 0), and
	// Exports the number under way at once (DefaultExports when 0).
	ExportTimeout time.Duration
	Exports       int
	// Version names the server's herald in the files it exports.
	Version string
	// AllowedHosts are the host names or IP addresses, besides loopback ones, that
	// a request's Host may name (with any port); see CheckAllowedHost.
	AllowedHosts []string
}

// Defaults of Options.
const (
	DefaultMaxBodyBytes = 4 << 20
	DefaultQueryTimeout = 30 * time.Second
	DefaultAnalyzers    = 2
	// DefaultAnalysisTimeout leaves time to store the analysis and send it within herald
	// serve's write timeout (60 s).
	DefaultAnalysisTimeout = 50 * time.Second
	DefaultExportTimeout   = 10 * time.Minute
	DefaultExports         = 2
	// DefaultLimit and MaxLimit bound a page of a list; the timeline's are larger.
	DefaultLimit         = 100
	MaxLimit             = 1000
	DefaultTimelineLimit = 1000
	MaxTimelineLimit     = 10000
)

// Server is the API's http.Handler.
type Server struct {
	opt       Options
	mux       *http.ServeMux
	metrics   *metrics
	analyzers chan struct{}
	exports   chan struct{}
	tokenHash [32]byte
	hosts     map[string]bool // Options.AllowedHosts, as hostName gives them

	codebookBody []byte // GET /api/codebook's answer, rendered once
	codebookETag string
}

// New builds a Server over opt.Store.
func New(opt Options) *Server {
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.QueryTimeout <= 0 {
		opt.QueryTimeout = DefaultQueryTimeout
	}
	if opt.Analyzers <= 0 {
		opt.Analyzers = DefaultAnalyzers
	}
	if opt.AnalysisTimeout <= 0 {
		opt.AnalysisTimeout = DefaultAnalysisTimeout
	}
	if opt.ExportTimeout <= 0 {
		opt.ExportTimeout = DefaultExportTimeout
	}
	if opt.Exports <= 0 {
		opt.Exports = DefaultExports
	}
	s := &Server{opt: opt, mux: http.NewServeMux(), metrics: newMetrics(),
		analyzers: make(chan struct{}, opt.Analyzers), exports: make(chan struct{}, opt.Exports)}
	if opt.WriteToken != "" {
		s.tokenHash = sha256.Sum256([]byte(opt.WriteToken))
	}
	s.hosts = make(map[string]bool, len(opt.AllowedHosts))
	for _, h := range opt.AllowedHosts {
		s.hosts[hostName(h)] = true
	}
	if opt.Codebook != nil {
		var err error
		if s.codebookBody, s.codebookETag, err = encodeCodebook(opt.Codebook); err != nil {
			s.logf("codebook: %v", err) // cannot happen: maps of strings encode
		}
	}
	s.mux.HandleFunc("GET /api/events", s.events)
	s.mux.HandleFunc("GET /api/events/{id...}", s.event)
	s.mux.HandleFunc("GET /api/documents", s.documents)
	s.mux.HandleFunc("GET /api/documents/{id...}", s.document)
	s.mux.HandleFunc("POST /api/documents", s.postDocument)
	s.mux.HandleFunc("GET /api/actors", s.actors)
	s.mux.HandleFunc("GET /api/dyads", s.dyads)
	s.mux.HandleFunc("GET /api/timeline", s.timeline)
	s.mux.HandleFunc("GET /api/places", s.places)
	s.mux.HandleFunc("GET /api/codebook", s.codebook)
	s.mux.HandleFunc("GET /api/export", s.exportEvents)
	s.mux.HandleFunc("POST /api/analyze", s.analyze)
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.HandleFunc("GET /metrics", s.serveMetrics)
	return s
}

// ServeHTTP serves one request: it routes it (to the explorer, Options.Web, when it is
// set and the path is not the API's), turns a panic into a 500, turns the mux's own
// plain-text errors (404, 405) into JSON ones, and counts it for /metrics.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &responseWriter{ResponseWriter: w, code: http.StatusOK}
	rw.Header().Set("X-Content-Type-Options", "nosniff")
	web := s.opt.Web != nil && webPath(r.URL.Path)
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			if !rw.wroteHeader {
				writeError(rw, http.StatusInternalServerError, "internal", "internal error")
			}
		}
		route := r.Pattern
		switch {
		case web:
			route = "web"
		case route == "":
			route = "unmatched"
		}
		d := time.Since(start)
		s.metrics.observe(route, rw.code, d)
		if s.opt.Log != nil {
			s.opt.Log.Printf("%s %s %d %s", r.Method, r.URL.RequestURI(), rw.code, d.Round(time.Microsecond))
		}
	}()
	if !s.allowedHost(r.Host) {
		writeError(rw, http.StatusMisdirectedRequest, "misdirected_request",
			fmt.Sprintf("this server does not answer for the host %q (herald serve --allowed-host adds one)", clip(r.Host)))
		return
	}
	if web {
		s.serveWeb(rw, r)
		return
	}
	s.mux.ServeHTTP(rw, r)
}

// allowedHost reports whether the server answers a request for host, the value of its
// Host header: a loopback name or address, or one of Options.AllowedHosts.
func (s *Server) allowedHost(host string) bool {
	name := hostName(host)
	if name == "localhost" || s.hosts[name] {
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && ip.IsLoopback()
}

// hostName is a Host header's value as allowedHost compares it: without the port, the
// brackets of an IPv6 address and a final dot, in lower case.
func hostName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return strings.ToLower(strings.TrimSuffix(host, "."))
}

// CheckAllowedHost says what is wrong, if anything, with a name for Options.AllowedHosts
// (herald serve's --allowed-host): it must be a host name or an IP address, without a
// port, since any port is allowed.
func CheckAllowedHost(name string) error {
	if name == "" {
		return errors.New("empty host name")
	}
	if _, _, err := net.SplitHostPort(name); err == nil {
		return fmt.Errorf("%q: give the host without a port (any port is allowed)", name)
	}
	h := strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	if net.ParseIP(h) != nil {
		return nil
	}
	for _, c := range h {
		if !(c == '-' || c == '.' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return fmt.Errorf("%q: want a host name or an IP address, such as events.example.org or 192.168.1.5", name)
		}
	}
	return nil
}

func (s *Server) logf(format string, args ...any) {
	if s.opt.Log != nil {
		s.opt.Log.Printf(format, args...)
	}
}

// responseWriter records the status, and replaces a plain-text error from the mux (an
// unknown path, a method not allowed) with the API's JSON error.
type responseWriter struct {
	http.ResponseWriter
	code        int
	wroteHeader bool
	swallow     bool
}

func (w *responseWriter) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	w.code = code
	if code >= 400 && strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") {
		w.swallow = true
		h := w.Header()
		h.Del("Content-Length")
		h.Set("Content-Type", "application/json")
		w.ResponseWriter.WriteHeader(code)
		errCode, msg := "bad_request", http.StatusText(code)
		switch code {
		case http.StatusNotFound:
			errCode, msg = "not_found", "no such endpoint (see docs/API.md)"
		case http.StatusMethodNotAllowed:
			errCode, msg = "method_not_allowed", "method not allowed; allowed: "+h.Get("Allow")
		}
		json.NewEncoder(w.ResponseWriter).Encode(errorBody{Error: apiError{Code: errCode, Message: msg}})
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.swallow {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type errorBody struct {
	Error apiError `json:"error"`
}

// writeError writes the API's error shape.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(errorBody{Error: apiError{Code: code, Message: msg}})
}

func badRequest(w http.ResponseWriter, format string, args ...any) {
	writeError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf(format, args...))
}

// fail answers an error from the store: a bad parameter is the client's (400), a missing
// row a 404, a timeout a 503, anything else a 500 that is logged, not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *store.ParamError
	switch {
	case errors.As(err, &pe):
		badRequest(w, "%s", pe.Error())
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", "not found")
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "unavailable", "the query took too long; narrow it with filters")
	case r.Context().Err() != nil:
		// The client went away: nobody reads the answer.
		writeError(w, http.StatusServiceUnavailable, "unavailable", "request canceled")
	default:
		s.logf("%s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, "internal", "internal error")
	}
}

// writeJSON writes v with status 200.
func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// authorized checks the bearer token in constant time (of the token's hash, so that its
// length does not leak either). The scheme's name is case-insensitive (RFC 9110 11.1):
// "bearer" and "BEARER" are Bearer.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	if s.opt.WriteToken == "" {
		writeError(w, http.StatusForbidden, "forbidden", "the API is read-only: start herald serve with --write-token to enable writes")
		return false
	}
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="herald"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "missing bearer token: send Authorization: Bearer TOKEN")
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(token)))
	if subtle.ConstantTimeCompare(got[:], s.tokenHash[:]) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="herald", error="invalid_token"`)
		writeError(w, http.StatusUnauthorized, "unauthorized", "wrong bearer token")
		return false
	}
	return true
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		badRequest(w, "/healthz takes no parameters")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if err := s.opt.Store.Ping(ctx); err != nil {
		s.logf("healthz: %v", err)
		writeError(w, http.StatusServiceUnavailable, "unavailable", "the database does not answer")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
