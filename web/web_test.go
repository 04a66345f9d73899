package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"herald/server"
	"herald/store"
)

func get(t *testing.T, h http.Handler, method, target string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "localhost:8080" // herald serve answers loopback hosts, not example.com
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assetRefs are the files index.html loads.
var assetRefs = regexp.MustCompile(`<(?:script|link)[^>]* (?:src|href)="(/[^"]+)"`)

func TestIndexAndRoutes(t *testing.T) {
	h := Handler()
	index := get(t, h, "GET", "/")
	html := body(t, index)
	if index.StatusCode != 200 || index.Header.Get("Content-Type") != "text/html; charset=utf-8" ||
		index.Header.Get("Cache-Control") != "no-cache" || index.Header.Get("ETag") == "" ||
		!strings.Contains(index.Header.Get("Content-Security-Policy"), "default-src 'self'") ||
		!strings.Contains(html, "<title>Herald explorer</title>") {
		t.Fatalf("GET /: %d %v\n%.300s", index.StatusCode, index.Header, html)
	}
	// The page's own routes get index.html, so that a shared link opens the view.
	for _, route := range []string{"/network", "/map?actor=KAZ", "/article/reuters-1%2F2", "/analyze", "/index.html", "/no/such/view", "/../../etc/passwd"} {
		res := get(t, h, "GET", route)
		if b := body(t, res); res.StatusCode != 200 || b != html {
			t.Errorf("GET %s: %d, not index.html", route, res.StatusCode)
		}
	}
	// Every file index.html names is there, with its type; hashed assets are immutable.
	refs := assetRefs.FindAllStringSubmatch(html, -1)
	if len(refs) < 3 {
		t.Fatalf("index.html names %d files: %q", len(refs), refs)
	}
	for _, m := range refs {
		res := get(t, h, "GET", m[1])
		b := body(t, res)
		want := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
		ext := m[1][strings.LastIndexByte(m[1], '.'):]
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want[ext] || len(b) == 0 {
			t.Errorf("GET %s: %d %q, %d bytes", m[1], res.StatusCode, res.Header.Get("Content-Type"), len(b))
		}
		immutable := strings.HasPrefix(m[1], "/assets/")
		if cc := res.Header.Get("Cache-Control"); immutable != strings.Contains(cc, "immutable") {
			t.Errorf("GET %s: Cache-Control %q", m[1], cc)
		}
	}
}

func TestNotFoundAndMethods(t *testing.T) {
	h := Handler()
	if res := get(t, h, "GET", "/assets/nope-12345678.js"); res.StatusCode != 404 {
		t.Errorf("a missing asset: %d", res.StatusCode)
	}
	for _, m := range []string{"POST", "PUT", "DELETE"} {
		if res := get(t, h, m, "/"); res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d %v", m, res.StatusCode, res.Header)
		}
	}
	res := get(t, h, "HEAD", "/")
	if res.StatusCode != 200 || res.Header.Get("Content-Length") == "" || body(t, res) != "" {
		t.Errorf("HEAD /: %d %v", res.StatusCode, res.Header)
	}
}

func TestGzipAndETag(t *testing.T) {
	h := Handler()
	plain := get(t, h, "GET", "/")
	html := body(t, plain)
	zipped := get(t, h, "GET", "/", "Accept-Encoding", "br, gzip")
	if zipped.Header.Get("Content-Encoding") != "gzip" || zipped.Header.Get("Vary") != "Accept-Encoding" ||
		zipped.Header.Get("ETag") == plain.Header.Get("ETag") {
		t.Fatalf("gzip: %v", zipped.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader([]byte(body(t, zipped))))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); string(b) != html {
		t.Error("the gzip body is not index.html")
	}
	if res := get(t, h, "GET", "/", "Accept-Encoding", "gzip;q=0"); res.Header.Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 got gzip")
	}
	for _, tc := range []struct {
		match, encoding string
		code            int
	}{
		{plain.Header.Get("ETag"), "", 304},
		{"W/" + plain.Header.Get("ETag"), "", 304},
		{`"other", ` + plain.Header.Get("ETag"), "", 304},
		{"*", "", 304},
		{plain.Header.Get("ETag"), "gzip", 200}, // another representation
		{zipped.Header.Get("ETag"), "gzip", 304},
		{`"other"`, "", 200},
	} {
		res := get(t, h, "GET", "/network", "If-None-Match", tc.match, "Accept-Encoding", tc.encoding)
		if res.StatusCode != tc.code {
			t.Errorf("If-None-Match %s (%q): %d, want %d", tc.match, tc.encoding, res.StatusCode, tc.code)
		}
	}
}

// TestMountedInTheServer: under herald serve's handler, the explorer gets the page's
// paths and the API keeps its own, JSON errors included.
func TestMountedInTheServer(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "h.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := server.New(server.Options{Store: s, Web: Handler()})
	for _, tc := range []struct {
		target, ctype string
		code          int
	}{
		{"/", "text/html; charset=utf-8", 200},
		{"/article/some%2Fid?event=2", "text/html; charset=utf-8", 200},
		{"/licenses.txt", "text/plain; charset=utf-8", 200},
		{"/api/events", "application/json", 200},
		{"/api/nothing", "application/json", 404},
		{"/assets/missing.js", "application/json", 404},
		{"/healthz", "application/json", 200},
	} {
		res := get(t, h, "GET", tc.target)
		if res.StatusCode != tc.code || res.Header.Get("Content-Type") != tc.ctype {
			t.Errorf("GET %s: %d %q, want %d %q", tc.target, res.StatusCode, res.Header.Get("Content-Type"), tc.code, tc.ctype)
		}
	}
	if res := get(t, h, "POST", "/network"); res.StatusCode != 405 || res.Header.Get("Content-Type") != "application/json" {
		t.Errorf("POST /network: %d %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
}
