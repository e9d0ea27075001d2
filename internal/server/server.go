package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/rampart-sim/rampart/internal/jsonout"
	"github.com/rampart-sim/rampart/internal/scenario"
	"github.com/rampart-sim/rampart/internal/store"
)

// Limits of the server (docs/api.md, Limits).
const (
	// MaxBodyBytes is the largest request body: a scenario file
	// (scenario.MaxFileSize) written into a JSON string, where every
	// byte may take up to six (\u00XX), and the other fields.
	MaxBodyBytes = 6*scenario.MaxFileSize + 64<<10
	// DefaultQueueLimit is how many runs may wait for a worker; one more
	// is refused with 429.
	DefaultQueueLimit = 16
	// DefaultHandlerTimeout bounds every handler but the progress stream.
	DefaultHandlerTimeout = 60 * time.Second
	// MaxServerTrials is the most trials a run of the server may ask for
	// (rampart run allows scenario.MaxTrials): a shared server keeps
	// each run to minutes.
	MaxServerTrials = 10000
)

// CSP is the Content-Security-Policy of every response: the server's own
// scripts, styles, images and data only; MapLibre starts its web worker
// from a blob: URL; no inline script, no frames, no form posts elsewhere.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; font-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

//go:embed web
var webFS embed.FS

// Config configures a Server.
type Config struct {
	// Store keeps the runs; required.
	Store store.Store
	// Workers is how many runs execute at once (0: 1).
	Workers int
	// TrialWorkers is how many goroutines one run's trials use (0: all
	// cores).
	TrialWorkers int
	// QueueLimit is how many runs may wait for a worker (0:
	// DefaultQueueLimit).
	QueueLimit int
	// HandlerTimeout bounds each handler but the progress stream (0:
	// DefaultHandlerTimeout).
	HandlerTimeout time.Duration
	// Log receives one line a failed run or internal error (nil: the
	// standard logger).
	Log *log.Logger
	// LoopbackHosts refuses (403) a request whose Host is not a loopback
	// name or address (localhost, 127.0.0.1, [::1]), for a server that
	// listens on loopback only: a page of another site that reaches it
	// under its own name by DNS rebinding can then neither read runs
	// nor start them.
	LoopbackHosts bool
}

// Server is rampart's HTTP server. New starts its workers; Close stops
// them, cancelling the runs in flight.
type Server struct {
	cfg     Config
	handler http.Handler
	routes  []route

	// slots holds one token a run queued or running (QueueLimit +
	// Workers); queue, as large, never blocks a run that holds a slot.
	queue chan *job
	slots chan struct{}
	// compute bounds the requests that compute while the client waits
	// (fly, explore, validate): at most 2 a core at once, the others
	// wait their turn within the handler timeout.
	compute chan struct{}
	ctx     context.Context
	stop    context.CancelFunc
	wg      sync.WaitGroup

	// mu guards the live jobs of runs and sweeps.
	mu     sync.Mutex
	runs   *jobKind
	sweeps *jobKind
}

// route is one API route: its method and pattern (net/http's, which are
// OpenAPI's path templates) and handler. Routes lists them for the
// OpenAPI test.
type route struct {
	method, pattern string
	h               http.HandlerFunc
	stream          bool // no handler timeout (server-sent events)
}

// New returns a server over cfg.Store and starts its workers.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.TrialWorkers <= 0 {
		cfg.TrialWorkers = runtime.GOMAXPROCS(0)
	}
	if cfg.QueueLimit <= 0 {
		cfg.QueueLimit = DefaultQueueLimit
	}
	if cfg.HandlerTimeout <= 0 {
		cfg.HandlerTimeout = DefaultHandlerTimeout
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	s := &Server{cfg: cfg, queue: make(chan *job, cfg.QueueLimit+cfg.Workers), slots: make(chan struct{}, cfg.QueueLimit+cfg.Workers),
		compute: make(chan struct{}, 2*runtime.GOMAXPROCS(0))}
	s.ctx, s.stop = context.WithCancel(context.Background())
	s.runs, s.sweeps = s.runKind(), s.sweepKind()
	s.routes = []route{
		{method: "GET", pattern: "/api/scenarios", h: s.listScenarios},
		{method: "GET", pattern: "/api/scenarios/{name}", h: s.getScenario},
		{method: "GET", pattern: "/api/catalog", h: s.listCatalog},
		{method: "GET", pattern: "/api/borders", h: s.borders},
		{method: "POST", pattern: "/api/fly", h: s.bounded(s.fly)},
		{method: "POST", pattern: "/api/explore", h: s.bounded(s.explore)},
		{method: "POST", pattern: "/api/validate", h: s.bounded(s.validate)},
		{method: "POST", pattern: "/api/runs", h: s.createRun},
		{method: "GET", pattern: "/api/runs", h: listJobs(s, cfg.Store.List)},
		{method: "GET", pattern: "/api/runs/{id}", h: s.getJob(s.runs)},
		{method: "GET", pattern: "/api/runs/{id}/events", h: s.jobEvents(s.runs), stream: true},
		{method: "POST", pattern: "/api/runs/{id}/cancel", h: s.cancelRun},
		{method: "GET", pattern: "/api/runs/{id}/results", h: s.runResults},
		{method: "GET", pattern: "/api/runs/{id}/files/{name}", h: s.jobFile(s.runs)},
		{method: "GET", pattern: "/api/compare", h: s.compareRuns},
		{method: "POST", pattern: "/api/sweeps", h: s.createSweep},
		{method: "GET", pattern: "/api/sweeps", h: listJobs(s, cfg.Store.ListSweeps)},
		{method: "GET", pattern: "/api/sweeps/{id}", h: s.getJob(s.sweeps)},
		{method: "GET", pattern: "/api/sweeps/{id}/events", h: s.jobEvents(s.sweeps), stream: true},
		{method: "GET", pattern: "/api/sweeps/{id}/files/{name}", h: s.jobFile(s.sweeps)},
	}
	mux := http.NewServeMux()
	for _, r := range s.routes {
		var h http.Handler = r.h
		if !r.stream {
			h = jsonTimeout(http.TimeoutHandler(h, cfg.HandlerTimeout, `{"error":"the request took longer than the server's limit"}`))
		}
		mux.Handle(r.method+" "+r.pattern, h)
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no API route %s %s; see docs/api.md", r.Method, r.URL.Path)
	})
	web, err := fs.Sub(webFS, "web")
	if err != nil {
		return nil, err
	}
	go warmGzip(web)
	mux.Handle("/", http.TimeoutHandler(staticHandler(web), cfg.HandlerTimeout, "timeout"))
	// A page on another site that the user visits must not queue or
	// cancel runs here: a cross-origin POST from a browser (Sec-Fetch-Site
	// or Origin) is refused with 403. curl and scripts send neither.
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusForbidden, "a cross-origin %s from a browser is refused; use the page this server serves, or a client that is not a browser", r.Method)
	}))
	var h http.Handler = csrf.Handler(mux)
	if cfg.LoopbackHosts {
		h = loopbackHosts(h)
	}
	s.handler = secure(h)
	for range cfg.Workers {
		s.wg.Add(1)
		go s.worker()
	}
	return s, nil
}

// loopbackHosts serves only requests addressed to a loopback name or
// address (see Config.LoopbackHosts).
func loopbackHosts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !IsLoopbackHost(r.Host) {
			writeError(w, http.StatusForbidden, "this server listens on loopback only and answers requests for localhost, 127.0.0.1 or [::1], not for the host %q", r.Host)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// IsLoopbackHost reports whether the Host header hostport names this
// machine's loopback interface: localhost (or a name under .localhost)
// or a loopback IP address, with or without a port.
func IsLoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// jsonTimeout makes the 503 of an http.TimeoutHandler JSON, as every
// error is: the handler's own Content-Type replaces it when it answers in
// time.
func jsonTimeout(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		h.ServeHTTP(w, r)
	})
}

// bounded runs h when a compute slot is free, waiting for one as long as
// the request lasts.
func (s *Server) bounded(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.compute <- struct{}{}:
			defer func() { <-s.compute }()
			h(w, r)
		case <-r.Context().Done():
		}
	}
}

// Handler is the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Routes lists the API routes as "METHOD pattern".
func (s *Server) Routes() []string {
	var out []string
	for _, r := range s.routes {
		out = append(out, r.method+" "+r.pattern)
	}
	return out
}

// Close cancels the runs in flight (their records are marked failed by
// the workers) and waits for the workers to stop.
func (s *Server) Close() error {
	s.stop()
	s.wg.Wait()
	return nil
}

// HTTPServer returns an http.Server for addr with the server's timeouts:
// headers in 10 s, a whole request in 2 min, idle connections closed
// after 2 min. There is no write timeout, so that the progress stream can
// last as long as its run; every other handler has its own timeout.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{Addr: addr, Handler: s.handler, ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
}

// secure sets the security headers of every response.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// staticHandler serves the embedded page; "/" is index.html.
func staticHandler(web fs.FS) http.Handler {
	files := http.FileServerFS(web)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/vendor/") {
			w.Header().Set("Cache-Control", "public, max-age=86400")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		// Scripts and styles go out gzipped (MapLibre: 1.7 MB, about
		// 0.45 MB gzipped).
		p := strings.TrimPrefix(r.URL.Path, "/")
		ct := map[string]string{".mjs": "text/javascript; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
		for ext, t := range ct {
			if strings.HasSuffix(p, ext) {
				if data, err := fs.ReadFile(web, p); err == nil {
					writeMaybeGzip(w, r, "web/"+p, t, data)
					return
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}

// Problem is one problem of a scenario in an error response.
type Problem struct {
	File    string   `json:"file,omitempty"`
	Line    int      `json:"line,omitempty"`
	Col     int      `json:"col,omitempty"`
	Path    string   `json:"path,omitempty"`
	Msg     string   `json:"msg"`
	Text    string   `json:"text"`
	Allowed []string `json:"allowed,omitempty"`
	// Suggestion is the closest allowed value, when the file's looks like
	// a typo of it.
	Suggestion string `json:"suggestion,omitempty"`
}

// ErrorBody is every error response.
type ErrorBody struct {
	Error    string    `json:"error"`
	Problems []Problem `json:"problems,omitempty"`
	// Omitted counts problems beyond scenario.MaxProblems, not listed.
	Omitted int `json:"omitted,omitempty"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		code, data = http.StatusInternalServerError, []byte(`{"error":"internal error: encoding the response"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(data)
	w.Write([]byte("\n"))
}

// writeRounded is writeJSON with every number rounded by the rule of
// results.json (internal/jsonout): computed numbers such as differences
// and rings are written as people read them, not to 17 digits.
func writeRounded(w http.ResponseWriter, code int, v any) {
	data, err := json.Marshal(v)
	if err == nil {
		data, err = jsonout.Round(data)
	}
	if err != nil {
		code, data = http.StatusInternalServerError, []byte(`{"error":"internal error: encoding the response"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	w.Write(data)
	w.Write([]byte("\n"))
}

func writeError(w http.ResponseWriter, code int, format string, a ...any) {
	writeJSON(w, code, ErrorBody{Error: fmt.Sprintf(format, a...)})
}

// problemsOf converts the decoder's problems.
func problemsOf(se *scenario.Errors) []Problem {
	out := make([]Problem, 0, len(se.Problems))
	for _, p := range se.Problems {
		out = append(out, Problem{File: p.File, Line: p.Line, Col: p.Col, Path: p.Path, Msg: p.Msg, Text: p.Text(),
			Allowed: p.Allowed, Suggestion: p.Suggestion})
	}
	return out
}

// writeScenarioError answers 400 with the problems of se.
// writeRequestProblems answers 400 with the problems of se found in the
// scenario a route built from its request (fly, explore): the message
// names what could not be done and the first problem, not "the
// scenario", which the user never wrote.
func writeRequestProblems(w http.ResponseWriter, se *scenario.Errors, what string) {
	msg := what
	if len(se.Problems) > 0 {
		msg += ": " + se.Problems[0].Text()
	}
	if n := len(se.Problems) + se.Omitted; n > 1 {
		msg += fmt.Sprintf(" (and %d more)", n-1)
	}
	writeJSON(w, http.StatusBadRequest, ErrorBody{Error: msg, Problems: problemsOf(se), Omitted: se.Omitted})
}

func writeScenarioError(w http.ResponseWriter, se *scenario.Errors) {
	n := len(se.Problems) + se.Omitted
	msg := fmt.Sprintf("the scenario has %d problem(s); nothing was run", n)
	if n == 1 {
		msg = "the scenario has 1 problem; nothing was run"
	}
	writeJSON(w, http.StatusBadRequest, ErrorBody{Error: msg, Problems: problemsOf(se), Omitted: se.Omitted})
}

// decodeBody reads a JSON body of at most MaxBodyBytes into v, refusing
// unknown fields. It answers the error itself and returns false.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = errors.New("more than one JSON value")
		}
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "the request body is larger than the limit of %d bytes", MaxBodyBytes)
			return false
		}
		writeError(w, http.StatusBadRequest, "the request body is not the JSON this route takes: %v", err)
		return false
	}
	return true
}

// internal answers 500 and logs err.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	s.cfg.Log.Printf("serve: %s %s: internal error: %v", r.Method, r.URL.Path, err)
	writeError(w, http.StatusInternalServerError, "internal error: %v", err)
}
