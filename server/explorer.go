package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"herald/cameo"
	"herald/export"
	"herald/store"
)

// This file holds what the web explorer needs beyond the event lists: the codebook (the
// names of CAMEO codes and actor-code parts), the places of the events for a map, an
// export of the current filter, and the mounting of the explorer itself at /.

// webPath reports whether a path belongs to the web explorer (Options.Web) rather than
// to the API: everything but /api/…, /healthz and /metrics.
func webPath(path string) bool {
	return path != "/api" && !strings.HasPrefix(path, "/api/") && path != "/healthz" && path != "/metrics"
}

// serveWeb hands a request to the explorer. The explorer only reads, so any method but
// GET and HEAD is a 405 in the API's shape.
func (s *Server) serveWeb(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "method not allowed; allowed: GET, HEAD")
		return
	}
	s.opt.Web.ServeHTTP(w, r)
}

// codebookJSON is the body of GET /api/codebook.
type codebookJSON struct {
	Events []codebookEvent              `json:"events"`
	Actors map[string]map[string]string `json:"actors"`
}

type codebookEvent struct {
	Code      string  `json:"code"`
	Root      string  `json:"root"`
	Name      string  `json:"name"`
	Quad      int     `json:"quad"`
	Goldstein float64 `json:"goldstein"`
	PLOVER    string  `json:"plover,omitempty"`
}

// encodeCodebook renders the codebook once: it does not change while the server runs.
func encodeCodebook(cb *cameo.Codebook) ([]byte, string, error) {
	body := codebookJSON{Actors: map[string]map[string]string{}}
	for _, code := range cb.Codes() {
		e, _ := cb.Lookup(code)
		body.Events = append(body.Events, codebookEvent{Code: e.Code, Root: e.Root, Name: e.Name, Quad: e.Quad,
			Goldstein: e.Goldstein, PLOVER: e.PLOVER.Event})
	}
	// The ethnic table is left out: its codes are lower case and hundreds long, and an
	// actor code that has one is rare.
	for _, kind := range []string{cameo.KindCountry, cameo.KindKnownGroup, cameo.KindReligion, cameo.KindType} {
		body.Actors[kind] = cb.Labels(kind)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(buf.Bytes())
	return buf.Bytes(), `"` + hex.EncodeToString(sum[:8]) + `"`, nil
}

// codebook: GET /api/codebook, the names of the event codes and of the actor-code parts.
func (s *Server) codebook(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		badRequest(w, "/api/codebook takes no parameters")
		return
	}
	if s.codebookBody == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "this server has no codebook")
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("ETag", s.codebookETag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.codebookBody))
}

// places: GET /api/places, the locations of the selected events ranked by their number.
func (s *Server) places(w http.ResponseWriter, r *http.Request) {
	f, page, _, ok := s.eventQuery(w, r, DefaultLimit, MaxLimit)
	if !ok {
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	places, next, err := s.opt.Store.Places(ctx, f, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Places []store.Place `json:"places"`
		Next   *string       `json:"next"`
	}{places, nextCursor(next)})
}

// countingWriter tells whether anything has been written.
type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// exportEvents: GET /api/export streams the selected events in one of herald export's
// formats, as a download. The events are read with one cursor and written as they come;
// an error after the first bytes aborts the connection, so that a client never takes a
// cut-short file for a whole one.
func (s *Server) exportEvents(w http.ResponseWriter, r *http.Request) {
	for _, p := range []string{"limit", "cursor"} {
		if r.URL.Query().Has(p) {
			badRequest(w, "%s: /api/export writes every selected event; it takes no %s", p, p)
			return
		}
	}
	f, _, values, ok := s.eventQuery(w, r, 1, 1, "format")
	if !ok {
		return
	}
	format := values.Get("format")
	if format == "" {
		format = "csv"
	}
	if !export.Known(format) {
		badRequest(w, "format: want one of %s, got %q", strings.Join(export.Formats, ", "), clip(format))
		return
	}
	timer := time.NewTimer(s.opt.QueryTimeout)
	select {
	case s.exports <- struct{}{}:
		timer.Stop()
	case <-timer.C:
		writeError(w, http.StatusServiceUnavailable, "unavailable", "too many exports under way; try again")
		return
	case <-r.Context().Done():
		timer.Stop()
		writeError(w, http.StatusServiceUnavailable, "unavailable", "request canceled")
		return
	}
	defer func() { <-s.exports }()

	ctx, cancel := context.WithTimeout(r.Context(), s.opt.ExportTimeout)
	defer cancel()
	// The server's write timeout is meant for answers, not for downloads.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.opt.ExportTimeout))
	h := w.Header()
	h.Set("Content-Type", export.ContentType(format))
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="herald-events.%s"`, export.Extension(format)))
	h.Set("Cache-Control", "no-store")
	cw := &countingWriter{w: w}
	n, err := export.Write(ctx, s.opt.Store, f, format, export.Options{CreatedBy: "herald", Version: s.opt.Version}, cw)
	if err != nil {
		if cw.n == 0 {
			h.Del("Content-Disposition")
			s.fail(w, r, err)
			return
		}
		s.logf("GET /api/export: after %d events: %v", n, err)
		panic(http.ErrAbortHandler)
	}
	if cw.n == 0 {
		// No event and a format without a header: still a 200 with an empty file.
		w.WriteHeader(http.StatusOK)
	}
}
