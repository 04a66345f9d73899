package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"herald/document"
	"herald/pipeline"
	"herald/store"
)

// article is a posted article: the record of a JSONL input (docs/INTERFACES.md), read
// strictly: an unknown field is an error, not ignored.
type article struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// readArticle reads a request's body into a document ready for the pipeline. It writes
// the error response itself and returns nil when the body is not acceptable.
func (s *Server) readArticle(w http.ResponseWriter, r *http.Request) *document.Document {
	if r.URL.RawQuery != "" {
		badRequest(w, "%s takes no query parameters; send the article's fields in a JSON body", r.URL.Path)
		return nil
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		// Guessing would read a text that happens to be JSON as a record, or the
		// reverse: the client says which it sent.
		writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type",
			"no Content-Type: send application/json (an article record), text/plain or text/html")
		return nil
	}
	mediaType, _, err := mime.ParseMediaType(ct)
	if err != nil {
		badRequest(w, "malformed Content-Type %q", clip(ct))
		return nil
	}
	if mediaType != "application/json" && mediaType != "text/plain" && mediaType != "text/html" {
		writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type",
			fmt.Sprintf("Content-Type %q: send application/json (an article record), text/plain or text/html", mediaType))
		return nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			writeError(w, http.StatusRequestEntityTooLarge, "payload_too_large",
				fmt.Sprintf("the body exceeds %d bytes", s.opt.MaxBodyBytes))
			return nil
		}
		badRequest(w, "reading the body: %v", err)
		return nil
	}
	var a article
	switch mediaType {
	case "application/json":
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			badRequest(w, "the body is not an article record: %v", err)
			return nil
		}
		if dec.More() {
			badRequest(w, "the body holds more than one JSON value: post one article")
			return nil
		}
	case "text/plain":
		a.Text = string(body)
	case "text/html":
		a.HTML = string(body)
	}
	if a.Published != "" {
		if t, err := time.Parse("2006-01-02", a.Published); err != nil || len(a.Published) != 10 || t.Format("2006-01-02") != a.Published {
			badRequest(w, "published: want a date YYYY-MM-DD, got %q", clip(a.Published))
			return nil
		}
	}
	doc := &document.Document{ID: a.ID, Source: "api", URL: a.URL, Title: a.Title, Published: a.Published}
	switch {
	case strings.TrimSpace(a.Text) != "":
		doc.Raw = []byte(a.Text)
	case strings.TrimSpace(a.HTML) != "":
		doc.Raw, doc.RawHTML = []byte(a.HTML), true
	default:
		badRequest(w, `the article has no text: give "text" or "html"`)
		return nil
	}
	if doc.ID == "" {
		// The id ingest gives content without one, so the same article posted and
		// ingested is one document.
		sum := sha256.Sum256(doc.Raw)
		doc.ID = hex.EncodeToString(sum[:8])
	}
	if len(doc.ID) > 512 {
		badRequest(w, "id: at most 512 bytes")
		return nil
	}
	return doc
}

// analysisContext is the context of a request that analyzes an article: it ends when
// the client goes away or Options.AnalysisTimeout after the request arrived.
func (s *Server) analysisContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.opt.AnalysisTimeout)
}

// Why an article was not analyzed, besides the pipeline's own errors.
var (
	errBusy       = errors.New("too many articles are being analyzed; try again")
	errNoPipeline = errors.New("this server does not analyze articles")
)

// analyzeDoc analyzes doc with at most Options.Analyzers articles at once, waiting at most
// Options.QueryTimeout for its turn (errBusy). The analysis stops soon after ctx ends
// (pipeline.ProcessContext checks it between stages and between sentences), and gives
// its turn back then. It returns the analyzed document, or nil and why not.
func (s *Server) analyzeDoc(ctx context.Context, doc *document.Document) (*document.Document, []error) {
	if s.opt.Pipeline == nil {
		return nil, []error{errNoPipeline}
	}
	wait, cancel := context.WithTimeout(ctx, s.opt.QueryTimeout)
	defer cancel()
	select {
	case s.analyzers <- struct{}{}:
	case <-wait.Done():
		if err := ctx.Err(); err != nil {
			return nil, []error{err}
		}
		return nil, []error{errBusy}
	}
	res := func() pipeline.Result {
		defer func() { <-s.analyzers }()
		return s.opt.Pipeline.ProcessContext(ctx, doc)
	}()
	if ctx.Err() == nil {
		s.metrics.analyzed.Add(1)
	}
	return res.Doc, res.Errs
}

// notAnalyzed answers a request whose article was not analyzed; errs say why.
func (s *Server) notAnalyzed(w http.ResponseWriter, r *http.Request, errs []error) {
	err := errors.New("the article could not be analyzed")
	if len(errs) > 0 {
		err = errs[0]
	}
	switch {
	case r.Context().Err() != nil:
		// The client went away: nobody reads the answer.
		writeError(w, http.StatusServiceUnavailable, "unavailable", "request canceled")
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		writeError(w, http.StatusServiceUnavailable, "unavailable",
			fmt.Sprintf("the article was not analyzed within %s; send a shorter one", s.opt.AnalysisTimeout))
	case errors.Is(err, errBusy), errors.Is(err, errNoPipeline):
		writeError(w, http.StatusServiceUnavailable, "unavailable", err.Error())
	default:
		// The pipeline names the document "api"; the message is the rest.
		msg := strings.TrimPrefix(err.Error(), "api: ")
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i] // no stack traces to clients
		}
		writeError(w, http.StatusUnprocessableEntity, "unprocessable", msg)
	}
}

// analyze: POST /api/analyze analyzes an article and returns what herald analyze prints
// for it, storing nothing.
func (s *Server) analyze(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.analysisContext(r)
	defer cancel()
	doc := s.readArticle(w, r)
	if doc == nil {
		return
	}
	doc, errs := s.analyzeDoc(ctx, doc)
	if doc == nil {
		s.notAnalyzed(w, r, errs)
		return
	}
	js, err := store.MarshalJSON(doc)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(append(js, '\n'))
}

// postDocument: POST /api/documents analyzes an article and stores it, replacing the
// document of the same id. It needs the write token. An article stored already with the
// same content is not analyzed again.
func (s *Server) postDocument(w http.ResponseWriter, r *http.Request) {
	actx, acancel := s.analysisContext(r)
	defer acancel()
	if !s.authorized(w, r) {
		return
	}
	doc := s.readArticle(w, r)
	if doc == nil {
		return
	}
	// What herald ingest does, for one document: the store's check of its input runs
	// under the query timeout, the analysis under the request's.
	ctx, cancel := s.ctx(r)
	defer cancel()
	one := func(yield func(*document.Document, error) bool) { yield(doc, nil) }
	analyze := func(docs iter.Seq2[*document.Document, error], emit func(*document.Document, []error)) {
		for doc := range docs {
			emit(s.analyzeDoc(actx, doc))
		}
	}
	var out store.Outcome
	if _, err := s.opt.Store.Ingest(ctx, one, analyze, store.IngestOptions{Report: func(o store.Outcome) { out = o }}); err != nil {
		s.fail(w, r, err)
		return
	}
	if out.Status == "" {
		s.notAnalyzed(w, r, out.Errs)
		return
	}
	code := http.StatusOK
	switch out.Status {
	case store.Created:
		code = http.StatusCreated
		s.metrics.stored.Add(1)
	case store.Replaced:
		s.metrics.stored.Add(1)
	}
	w.Header().Set("Location", "/api/documents/"+url.PathEscape(doc.ID))
	writeJSON(w, code, struct {
		ID     string       `json:"id"`
		Status store.Status `json:"status"`
		Events int          `json:"events"`
	}{doc.ID, out.Status, out.Events})
}
