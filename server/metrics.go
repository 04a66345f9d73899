package server

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// durationBuckets are the upper bounds, in seconds, of the request-duration histogram.
var durationBuckets = []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics are the counters behind /metrics, written in the Prometheus text exposition
// format (version 0.0.4).
type metrics struct {
	start    time.Time
	analyzed atomic.Int64 // articles analyzed through the API
	stored   atomic.Int64 // documents stored through the API

	mu     sync.Mutex
	counts map[routeCode]int64
	hists  map[string]*histogram
}

type routeCode struct {
	route string
	code  int
}

type histogram struct {
	buckets []int64 // cumulative at write time, per bucket here
	sum     float64
	count   int64
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), counts: map[routeCode]int64{}, hists: map[string]*histogram{}}
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[routeCode{route, code}]++
	h := m.hists[route]
	if h == nil {
		h = &histogram{buckets: make([]int64, len(durationBuckets))}
		m.hists[route] = h
	}
	secs := d.Seconds()
	for i, b := range durationBuckets {
		if secs <= b {
			h.buckets[i]++
			break
		}
	}
	h.sum += secs
	h.count++
}

// labelValue escapes a label value as the exposition format requires.
func labelValue(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		badRequest(w, "/metrics takes no parameters")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	counts, countErr := s.opt.Store.Counts(ctx)

	m := s.metrics
	m.mu.Lock()
	keys := make([]routeCode, 0, len(m.counts))
	for k := range m.counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b routeCode) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return a.code - b.code
	})
	var b strings.Builder
	b.WriteString("# HELP herald_http_requests_total HTTP requests answered, by route and status code.\n")
	b.WriteString("# TYPE herald_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "herald_http_requests_total{route=\"%s\",code=\"%d\"} %d\n", labelValue(k.route), k.code, m.counts[k])
	}
	routes := make([]string, 0, len(m.hists))
	for r := range m.hists {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	b.WriteString("# HELP herald_http_request_duration_seconds Time to answer an HTTP request, by route.\n")
	b.WriteString("# TYPE herald_http_request_duration_seconds histogram\n")
	for _, route := range routes {
		h := m.hists[route]
		var cum int64
		for i, le := range durationBuckets {
			cum += h.buckets[i]
			fmt.Fprintf(&b, "herald_http_request_duration_seconds_bucket{route=\"%s\",le=\"%s\"} %d\n",
				labelValue(route), strconv.FormatFloat(le, 'f', -1, 64), cum)
		}
		fmt.Fprintf(&b, "herald_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %d\n", labelValue(route), h.count)
		fmt.Fprintf(&b, "herald_http_request_duration_seconds_sum{route=\"%s\"} %s\n", labelValue(route), strconv.FormatFloat(h.sum, 'f', -1, 64))
		fmt.Fprintf(&b, "herald_http_request_duration_seconds_count{route=\"%s\"} %d\n", labelValue(route), h.count)
	}
	m.mu.Unlock()

	gauge := func(name, help, typ string, v float64) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", name, help, name, typ, name, strconv.FormatFloat(v, 'f', -1, 64))
	}
	gauge("herald_api_analyzed_documents_total", "Articles analyzed through the API.", "counter", float64(m.analyzed.Load()))
	gauge("herald_api_stored_documents_total", "Documents stored through the API.", "counter", float64(m.stored.Load()))
	if countErr == nil {
		gauge("herald_store_documents", "Documents in the store.", "gauge", float64(counts.Documents))
		gauge("herald_store_events", "Events in the store.", "gauge", float64(counts.Events))
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge("go_goroutines", "Number of goroutines that currently exist.", "gauge", float64(runtime.NumGoroutine()))
	gauge("go_memstats_heap_alloc_bytes", "Number of heap bytes allocated and still in use.", "gauge", float64(ms.HeapAlloc))
	gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", "gauge", float64(m.start.Unix()))

	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	bw := bufio.NewWriter(w)
	bw.WriteString(b.String())
	bw.Flush()
}
