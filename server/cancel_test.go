package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// longArticle takes the pipeline many seconds: a megabyte of news, 10,000 sentences.
func longArticle() string {
	return strings.Repeat(testArticle, (1<<20)/len(testArticle))
}

// docID is the id the server gives an article posted without one.
func docID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// TestAnalysisStopsWhenTheClientGoesAway: a client posts a long article and goes away
// while it is analyzed; the analysis stops and gives its turn back at once, so the next
// article gets the server's only turn although it waits at most QueryTimeout, 1 s here,
// for it. Were the analysis blind to the request's context, it would keep the turn for
// the whole analysis of the long article, and the next one would get a 503.
func TestAnalysisStopsWhenTheClientGoesAway(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	for _, path := range []string{"/api/analyze", "/api/documents"} {
		t.Run(path, func(t *testing.T) {
			s := New(Options{Store: newTestStore(t), Pipeline: testPipeline(t), WriteToken: token, Analyzers: 1,
				QueryTimeout: time.Second, AnalysisTimeout: time.Hour, MaxBodyBytes: 8 << 20})
			srv := httptest.NewServer(s)
			defer srv.Close()
			post := func(ctx context.Context, body string) (*http.Response, error) {
				req, err := http.NewRequestWithContext(ctx, "POST", srv.URL+path, strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", "text/plain")
				req.Header.Set("Authorization", "Bearer "+token)
				return srv.Client().Do(req)
			}

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			gone := make(chan error, 1)
			go func() {
				res, err := post(ctx, longArticle())
				if err == nil {
					b, _ := io.ReadAll(res.Body)
					res.Body.Close()
					err = fmt.Errorf("answered %d %s", res.StatusCode, b)
				}
				gone <- err
			}()
			// The long article has the turn once its body is read.
			for len(s.analyzers) == 0 {
				select {
				case err := <-gone:
					t.Fatalf("the long article was not analyzed: %v", err)
				case <-time.After(time.Millisecond):
				}
			}
			cancel()
			if err := <-gone; ctx.Err() == nil {
				t.Fatalf("the client of the long article did not go away: %v", err)
			}

			res, err := post(context.Background(), testArticle)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 && res.StatusCode != 201 {
				t.Fatalf("the next article: %d %s; the analysis of the long one kept its turn", res.StatusCode, b)
			}
		})
	}
}

// TestAnalysisTimeout: an analysis that runs out of time stops with a 503 and gives its
// turn back.
func TestAnalysisTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	s := New(Options{Store: newTestStore(t), Pipeline: testPipeline(t), WriteToken: token, Analyzers: 1,
		AnalysisTimeout: 200 * time.Millisecond, MaxBodyBytes: 8 << 20})
	for _, path := range []string{"/api/analyze", "/api/documents"} {
		code, body, _ := request(t, s, "POST", path, strings.NewReader(longArticle()), "Content-Type", "text/plain",
			"Authorization", "Bearer "+token)
		if code != 503 || errorCode(body) != "unavailable" || !strings.Contains(string(body), "not analyzed within 200ms") {
			t.Errorf("%s: %d %s, want a 503 saying the article was not analyzed in time", path, code, body)
		}
		if n := len(s.analyzers); n != 0 {
			t.Errorf("%s: %d turns taken after the answer", path, n)
		}
	}
	if code, _, _ := request(t, s, "GET", "/api/documents/"+docID(longArticle()), nil); code != 404 {
		t.Errorf("the article that ran out of time was stored: %d", code)
	}
}
