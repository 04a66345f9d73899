package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"herald/document"
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
	mediaType := "application/json"
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			badRequest(w, "malformed Content-Type %q", clip(ct))
			return nil
		}
		mediaType = mt
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

// process analyzes doc with at most Options.Analyzers articles at once. It writes the
// error response itself and returns nil on failure.
func (s *Server) process(w http.ResponseWriter, r *http.Request, doc *document.Document) *document.Document {
	if s.opt.Pipeline == nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "this server does not analyze articles")
		return nil
	}
	ctx, cancel := s.ctx(r)
	defer cancel()
	select {
	case s.analyzers <- struct{}{}:
	case <-ctx.Done():
		writeError(w, http.StatusServiceUnavailable, "unavailable", "too many articles are being analyzed; try again")
		return nil
	}
	res := s.opt.Pipeline.Process(doc)
	<-s.analyzers
	s.metrics.analyzed.Add(1)
	if res.Doc == nil {
		msg := "the article could not be analyzed"
		if len(res.Errs) > 0 {
			// The pipeline names the document "api"; the message is the rest.
			msg = strings.TrimPrefix(res.Errs[0].Error(), "api: ")
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i] // no stack traces to clients
			}
		}
		writeError(w, http.StatusUnprocessableEntity, "unprocessable", msg)
		return nil
	}
	return res.Doc
}

// analyze: POST /api/analyze analyzes an article and returns what herald analyze prints
// for it, storing nothing.
func (s *Server) analyze(w http.ResponseWriter, r *http.Request) {
	doc := s.readArticle(w, r)
	if doc == nil {
		return
	}
	if doc = s.process(w, r, doc); doc == nil {
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
	if !s.authorized(w, r) {
		return
	}
	doc := s.readArticle(w, r)
	if doc == nil {
		return
	}
	input := store.NewInput(doc, "")
	ctx, cancel := s.ctx(r)
	defer cancel()
	type result struct {
		ID     string       `json:"id"`
		Status store.Status `json:"status"`
		Events int          `json:"events"`
	}
	if h, ok, err := s.opt.Store.Hash(ctx, doc.ID); err != nil {
		s.fail(w, r, err)
		return
	} else if ok && h == input.Hash {
		sum, err := s.opt.Store.Summary(ctx, doc.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Location", "/api/documents/"+url.PathEscape(doc.ID))
		writeJSON(w, http.StatusOK, result{doc.ID, store.Unchanged, sum.Events})
		return
	}
	if doc = s.process(w, r, doc); doc == nil {
		return
	}
	statuses := make([]store.Status, 1)
	if _, err := s.opt.Store.Put(ctx, []store.Entry{{Doc: doc, Input: input}}, 0, statuses); err != nil {
		s.fail(w, r, err)
		return
	}
	s.metrics.stored.Add(1)
	w.Header().Set("Location", "/api/documents/"+url.PathEscape(doc.ID))
	code := http.StatusOK
	if statuses[0] == store.Created {
		code = http.StatusCreated
	}
	writeJSON(w, code, result{doc.ID, statuses[0], len(doc.Events)})
}
