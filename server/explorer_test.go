package server

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"herald/cameo"
	"herald/export"
	"herald/store"
)

func TestPlaces(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	for _, tc := range []struct{ query, want string }{
		{"", "somewhere/BEL/1/0010 somewhere/KAZ/1/1000"},
		{"quad=1", "somewhere/KAZ/1/1000"},
		{"actor=RUS", "somewhere/BEL/1/0010"},
		{"quad=4", ""},
		{"limit=1", "somewhere/BEL/1/0010"},
	} {
		code, body, _ := request(t, h, "GET", "/api/places?"+tc.query, nil)
		var p struct {
			Places []store.Place `json:"places"`
			Next   *string       `json:"next"`
		}
		if code != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %d %s", tc.query, code, body)
		}
		var got []string
		for _, pl := range p.Places {
			q := ""
			for _, n := range pl.Quads {
				q += string(rune('0' + n))
			}
			got = append(got, pl.Name+"/"+pl.Country+"/"+string(rune('0'+pl.Events))+"/"+q)
		}
		if g := strings.Join(got, " "); g != tc.want || (p.Next != nil) != (tc.query == "limit=1") {
			t.Errorf("%s: %s next %v, want %s", tc.query, g, p.Next, tc.want)
		}
	}
	for _, q := range []string{"quad=9", "interval=day", "limit=0"} {
		if code, body, _ := request(t, h, "GET", "/api/places?"+q, nil); code != 400 {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
}

func TestCodebook(t *testing.T) {
	cb, err := cameo.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	h := New(Options{Store: newTestStore(t), Codebook: cb})
	code, body, hdr := request(t, h, "GET", "/api/codebook", nil)
	var got struct {
		Events []struct {
			Code, Root, Name, PLOVER string
			Quad                     int
			Goldstein                float64
		} `json:"events"`
		Actors map[string]map[string]string `json:"actors"`
	}
	if code != 200 || json.Unmarshal(body, &got) != nil || hdr.Get("ETag") == "" || !strings.Contains(hdr.Get("Cache-Control"), "max-age") {
		t.Fatalf("codebook: %d %v %.200s", code, hdr, body)
	}
	i := slices.IndexFunc(got.Events, func(e struct {
		Code, Root, Name, PLOVER string
		Quad                     int
		Goldstein                float64
	}) bool {
		return e.Code == "040"
	})
	if i < 0 || got.Events[i].Root != "04" || got.Events[i].Quad != 1 || got.Events[i].PLOVER != "CONSULT" || got.Events[i].Name == "" {
		t.Errorf("040: %+v", got.Events[max(i, 0)])
	}
	if got.Actors["country"]["KAZ"] != "Kazakhstan" || got.Actors["type"]["GOV"] != "Government" {
		t.Errorf("actor labels: KAZ %q GOV %q", got.Actors["country"]["KAZ"], got.Actors["type"]["GOV"])
	}
	if code, _, _ := request(t, h, "GET", "/api/codebook", nil, "If-None-Match", hdr.Get("ETag")); code != 304 {
		t.Errorf("If-None-Match: %d, want 304", code)
	}
	if code, _, _ := request(t, h, "GET", "/api/codebook?x=1", nil); code != 400 {
		t.Errorf("a parameter: %d", code)
	}
	if code, body, _ := request(t, New(Options{Store: newTestStore(t)}), "GET", "/api/codebook", nil); code != 503 || errorCode(body) != "unavailable" {
		t.Errorf("no codebook: %d %s", code, body)
	}
}

func TestExport(t *testing.T) {
	h := New(Options{Store: newTestStore(t), Version: "test"})
	code, body, hdr := request(t, h, "GET", "/api/export?format=csv&actor=RUS", nil)
	if code != 200 || hdr.Get("Content-Type") != export.ContentType("csv") ||
		hdr.Get("Content-Disposition") != `attachment; filename="herald-events.csv"` || hdr.Get("Cache-Control") != "no-store" {
		t.Fatalf("csv: %d %v %s", code, hdr, body)
	}
	rows, err := csv.NewReader(strings.NewReader(string(body))).ReadAll()
	if err != nil || len(rows) != 4 || !slices.Equal(rows[0], export.Columns) || rows[1][0] != "a:1" || rows[3][0] != "b:1" {
		t.Errorf("csv rows: %v %q", err, rows)
	}
	// The default format is csv; jsonl has one record a line, as herald export writes it.
	if code, body2, _ := request(t, h, "GET", "/api/export?actor=RUS", nil); code != 200 || string(body2) != string(body) {
		t.Errorf("default format: %d %s", code, body2)
	}
	code, body, hdr = request(t, h, "GET", "/api/export?format=jsonl&quad=1", nil)
	if code != 200 || strings.Count(string(body), "\n") != 2 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/x-ndjson") ||
		!strings.Contains(hdr.Get("Content-Disposition"), "herald-events.jsonl") {
		t.Errorf("jsonl: %d %v %s", code, hdr, body)
	}
	for _, format := range export.Formats {
		if code, body, _ := request(t, h, "GET", "/api/export?format="+format, nil); code != 200 || len(body) == 0 {
			t.Errorf("%s: %d, %d bytes", format, code, len(body))
		}
	}
	// No event selected: a file with the header alone; jsonl is empty.
	if code, body, _ := request(t, h, "GET", "/api/export?format=jsonl&actor=ZZZ", nil); code != 200 || len(body) != 0 {
		t.Errorf("nothing selected: %d %q", code, body)
	}
	for _, q := range []string{"format=xlsx", "limit=10", "cursor=abc", "quad=7", "contry=KAZ", "format=csv&format=jsonl"} {
		if code, body, _ := request(t, h, "GET", "/api/export?"+q, nil); code != 400 || errorCode(body) != "bad_request" {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
	// A closed store fails before the first byte: a JSON error, not a download.
	s := newTestStore(t)
	broken := New(Options{Store: s})
	s.Close()
	if code, body, hdr := request(t, broken, "GET", "/api/export?format=jsonl", nil); code != 500 || hdr.Get("Content-Disposition") != "" {
		t.Errorf("closed store: %d %v %s", code, hdr, body)
	}
}

// TestWebMount checks that the explorer gets every path but the API's, and only reads.
func TestWebMount(t *testing.T) {
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "explorer "+r.URL.Path)
	})
	h := New(Options{Store: newTestStore(t), Web: web})
	for _, tc := range []struct {
		method, target string
		code           int
		body           string // the explorer's answer, or the API error's code
	}{
		{"GET", "/", 200, "explorer /"},
		{"GET", "/network", 200, "explorer /network"},
		{"HEAD", "/map", 200, "explorer /map"}, // the recorder keeps the body a server drops
		{"GET", "/article/a%2Fb", 200, "explorer /article/a/b"},
		{"GET", "/apis", 200, "explorer /apis"},
		{"POST", "/", 405, "method_not_allowed"},
		{"DELETE", "/network", 405, "method_not_allowed"},
		{"GET", "/api/nothing", 404, "not_found"},
		{"GET", "/api", 404, "not_found"},
		{"POST", "/api/nothing", 404, "not_found"},
		{"POST", "/api/events", 405, "method_not_allowed"},
		{"GET", "/healthz", 200, "{\"status\":\"ok\"}\n"},
	} {
		code, body, hdr := request(t, h, tc.method, tc.target, nil)
		got := string(body)
		if code >= 400 {
			got = errorCode(body)
		}
		if code != tc.code || got != tc.body {
			t.Errorf("%s %s: %d %q, want %d %q", tc.method, tc.target, code, got, tc.code, tc.body)
		}
		if code == 405 && hdr.Get("Allow") == "" {
			t.Errorf("%s %s: 405 without Allow", tc.method, tc.target)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, newRequest("GET", "/metrics", nil))
	if !strings.Contains(rec.Body.String(), `herald_http_requests_total{route="web",code="200"}`) {
		t.Errorf("metrics lack the web route:\n%s", rec.Body)
	}
}
