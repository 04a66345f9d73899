package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"herald/store"
)

// query is a request's parameters, checked: each may be given once, and only the names
// an endpoint knows are accepted.
type query struct {
	values url.Values
	keys   []string // sorted, for deterministic error messages
}

// parseQuery reads the query string; a parameter given twice is an error.
func parseQuery(r *http.Request) (*query, error) {
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, errors.New("malformed query string: " + err.Error())
	}
	q := &query{values: values}
	for k, v := range values {
		if len(v) > 1 {
			return nil, errors.New("parameter " + strconv.Quote(clip(k)) + " given more than once")
		}
		q.keys = append(q.keys, k)
	}
	slices.Sort(q.keys)
	return q, nil
}

// page reads limit and cursor.
func (q *query) page(def, max int) (store.Page, error) {
	p := store.Page{Limit: def, Cursor: q.values.Get("cursor")}
	if v, ok := q.values["limit"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 || n > max {
			return p, &store.ParamError{Param: "limit", Msg: "want a number from 1 to " + strconv.Itoa(max) + ", got " + strconv.Quote(clip(v[0]))}
		}
		p.Limit = n
	}
	return p, nil
}

// set hands every parameter but those in own to set, which reports unknown names.
func (q *query) set(own []string, set func(name, value string) error) error {
	for _, k := range q.keys {
		if k == "limit" || k == "cursor" || slices.Contains(own, k) {
			continue
		}
		if err := set(k, q.values.Get(k)); err != nil {
			if errors.Is(err, store.ErrUnknownParam) {
				return &store.ParamError{Param: clip(k), Msg: "unknown parameter"}
			}
			return err
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "") + "…"
	}
	return s
}

// eventQuery parses the query of an endpoint that takes the event filters: the filter,
// the page (def and max bound its limit), and the values of the endpoint's own
// parameters, own. It writes the error response itself and returns false on a bad query.
func (s *Server) eventQuery(w http.ResponseWriter, r *http.Request, def, max int, own ...string) (store.EventFilter, store.Page, url.Values, bool) {
	var f store.EventFilter
	q, err := parseQuery(r)
	if err != nil {
		badRequest(w, "%s", err.Error())
		return f, store.Page{}, nil, false
	}
	page, err := q.page(def, max)
	if err == nil {
		err = q.set(own, f.Set)
	}
	if err != nil {
		s.fail(w, r, err)
		return f, page, nil, false
	}
	return f, page, q.values, true
}

func (s *Server) ctx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.opt.QueryTimeout)
}

// nextCursor is a page's "next" field: the cursor, or null after the last page.
func nextCursor(c string) *string {
	if c == "" {
		return nil
	}
	return &c
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	f, page, _, ok := s.eventQuery(w, r, DefaultLimit, MaxLimit)
	if !ok {
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	evs, next, err := s.opt.Store.Events(ctx, f, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Events []store.Event `json:"events"`
		Next   *string       `json:"next"`
	}{evs, nextCursor(next)})
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		badRequest(w, "/api/events/{id} takes no parameters")
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	ev, err := s.opt.Store.Event(ctx, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ev)
}

func (s *Server) documents(w http.ResponseWriter, r *http.Request) {
	var f store.DocumentFilter
	q, err := parseQuery(r)
	if err != nil {
		badRequest(w, "%s", err.Error())
		return
	}
	page, err := q.page(DefaultLimit, MaxLimit)
	if err == nil {
		err = q.set(nil, f.Set)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	docs, next, err := s.opt.Store.Documents(ctx, f, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Documents []store.DocumentSummary `json:"documents"`
		Next      *string                 `json:"next"`
	}{docs, nextCursor(next)})
}

// document sends a document's stored analysis: as it is stored (gzip) to a client that
// accepts gzip, else inflated.
func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		badRequest(w, "/api/documents/{id} takes no parameters")
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	id := r.PathValue("id")
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	if acceptsGzip(r) {
		gz, err := s.opt.Store.Analysis(ctx, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		h.Set("Content-Type", "application/json")
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", strconv.Itoa(len(gz)))
		w.WriteHeader(http.StatusOK)
		w.Write(gz)
		return
	}
	js, err := s.opt.Store.AnalysisJSON(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(js)+1))
	w.WriteHeader(http.StatusOK)
	w.Write(js)
	w.Write([]byte("\n"))
}

// acceptsGzip reads Accept-Encoding enough to honour "gzip" and "gzip;q=0".
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) {
	f, page, values, ok := s.eventQuery(w, r, DefaultLimit, MaxLimit, "prefix")
	if !ok {
		return
	}
	var prefix string
	if v, ok := values["prefix"]; ok {
		var pf store.EventFilter
		if err := pf.Set("actor", v[0]); err != nil {
			badRequest(w, "prefix: want a CAMEO actor code prefix (letters and digits), got %q", clip(v[0]))
			return
		}
		prefix = pf.Actor
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	actors, next, err := s.opt.Store.Actors(ctx, f, prefix, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Actors []store.Actor `json:"actors"`
		Next   *string       `json:"next"`
	}{actors, nextCursor(next)})
}

func (s *Server) dyads(w http.ResponseWriter, r *http.Request) {
	f, page, _, ok := s.eventQuery(w, r, DefaultLimit, MaxLimit)
	if !ok {
		return
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	dyads, next, err := s.opt.Store.Dyads(ctx, f, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Dyads []store.Dyad `json:"dyads"`
		Next  *string      `json:"next"`
	}{dyads, nextCursor(next)})
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) {
	f, page, values, ok := s.eventQuery(w, r, DefaultTimelineLimit, MaxTimelineLimit, "interval", "group")
	if !ok {
		return
	}
	interval := values.Get("interval")
	if interval == "" {
		interval = "day"
	}
	group := values.Get("group")
	ctx, cancel := s.ctx(r)
	defer cancel()
	buckets, next, err := s.opt.Store.Timeline(ctx, f, interval, group, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Interval string         `json:"interval"`
		Group    string         `json:"group,omitempty"`
		Buckets  []store.Bucket `json:"buckets"`
		Next     *string        `json:"next"`
	}{interval, group, buckets, nextCursor(next)})
}
