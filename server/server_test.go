package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"herald/document"
	"herald/pipeline"
	"herald/store"
)

// The test store holds hand-built documents, so that the expected answers do not depend
// on the models: three sentences, and events between them.
var sentences = []string{
	"Kazakhstan met China in Astana.",
	"Russia attacked Ukraine near Kharkiv.",
	"The European Union criticized Russia.",
}

func testDoc(id, published string, events ...document.Event) *document.Document {
	doc := &document.Document{ID: id, Source: id + ".txt", Published: published, Title: "Title of " + id,
		Repairs: []document.Repair{}, Times: []document.Time{}}
	for i, s := range sentences {
		if i > 0 {
			doc.Text += " "
		}
		start := len(doc.Text)
		doc.Text += s
		doc.Sentences = append(doc.Sentences, document.Sentence{Start: start, End: len(doc.Text), Tokens: []document.Token{}})
	}
	doc.Entities = []document.Entity{
		{Start: 0, End: 10, Text: "Kazakhstan", Type: "GPE", Actor: "KAZ", ActorHow: "dictionary", Mention: "name"},
	}
	doc.Events = []document.Event{}
	for _, e := range events {
		e.Doc = id
		doc.Events = append(doc.Events, e)
	}
	return doc
}

func ev(sentence int, src, tgt, cameo string, quad int, goldstein float64, date string, loc string) document.Event {
	e := document.Event{Sentence: sentence, Date: date,
		Source: document.Actor{Text: src, Code: src}, Target: document.Actor{Text: tgt, Code: tgt},
		CAMEO: cameo, Root: cameo[:2], Quad: quad, Goldstein: goldstein, Confidence: 0.5 + 0.1*float64(quad),
		PLOVER:   document.PLOVER{Event: map[int]string{1: "CONSULT", 2: "AID", 3: "ACCUSE", 4: "ASSAULT"}[quad]},
		Evidence: document.Evidence{Verb: "v", Rule: "r"}}
	if loc != "" {
		e.Location = &document.Location{Name: "somewhere", Country: loc}
	}
	return e
}

func corpus() []*document.Document {
	return []*document.Document{
		testDoc("a", "2024-05-20",
			ev(0, "KAZGOV", "CHNGOV", "040", 1, 1.0, "2024-05-20", "KAZ"),
			ev(1, "RUSMIL", "UKR", "190", 4, -10, "2024-05-20", "")),
		testDoc("b", "2024-05-27",
			ev(2, "IGOEUREEC", "RUS", "111", 3, -2, "2024-05-27", "BEL"),
			ev(1, "RUSMIL", "UKR", "190", 4, -10, "2024-06-02", "")),
		testDoc("c", "", ev(0, "KAZ", "CHN", "040", 1, 1.0, "", "")),
		testDoc("d/e", "2024-06-01"), // an id with a slash, and no events
	}
}

// newTestStore makes a store with the corpus.
func newTestStore(t testing.TB) *store.SQLite {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "h.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var entries []store.Entry
	for _, d := range corpus() {
		entries = append(entries, store.Entry{Doc: d, Input: store.NewInput(&document.Document{Raw: []byte(d.Text)}, "")})
	}
	if _, err := s.Put(context.Background(), entries, 0, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// The pipeline loads its models once for all the tests that analyze.
var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

func testPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Options{Workers: 1}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

const token = "0123456789abcdef-token"

// newRequest is httptest.NewRequest for the host the server answers by default.
func newRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	req.Host = "localhost:8080"
	return req
}

// request sends one request to h and returns the status and body; header holds names and
// values ("Host" sets the request's host). Every error response must have the API's shape.
func request(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) (int, []byte, http.Header) {
	t.Helper()
	req := newRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 400 {
		var e struct {
			Error struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"error"`
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil || e.Error.Code == "" || e.Error.Message == "" ||
			res.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s %s: %d error body %q (Content-Type %q) is not the API's error shape",
				method, target, res.StatusCode, b, res.Header.Get("Content-Type"))
		}
	}
	return res.StatusCode, b, res.Header
}

func errorCode(b []byte) string {
	var e struct {
		Error struct{ Code string } `json:"error"`
	}
	json.Unmarshal(b, &e)
	return e.Error.Code
}

type eventsPage struct {
	Events []store.Event `json:"events"`
	Next   *string       `json:"next"`
}

func ids(evs []store.Event) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return strings.Join(out, " ")
}

func TestEventsFilters(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	for _, tc := range []struct{ query, want string }{
		{"", "c:0 a:0 a:1 b:0 b:1"},
		{"from=2024-05-21", "b:0 b:1"},
		{"to=2024-05-27", "a:0 a:1 b:0"},
		{"from=2024-05-20&to=2024-05-20", "a:0 a:1"},
		{"actor=KAZ", "c:0 a:0"},
		{"actor=rus", "a:1 b:0 b:1"},
		{"source=RUS", "a:1 b:1"},
		{"target=RUS", "b:0"},
		{"source=IGO&target=RUS", "b:0"},
		{"country=BEL", "b:0"},     // by the location
		{"country=UKR", "a:1 b:1"}, // by an actor's code
		{"root=04", "c:0 a:0"},
		{"cameo=111", "b:0"},
		{"quad=4", "a:1 b:1"},
		{"plover=CONSULT", "c:0 a:0"},
		{"q=kharkiv", "a:1 b:1"},
		{"q=European+Union", "b:0"},
		{"q=Astana+Kharkiv", ""},
		{"min_confidence=0.75", "a:1 b:0 b:1"},
		{"actor=KAZ&from=2024-01-01&quad=1", "a:0"},
		{"limit=1000", "c:0 a:0 a:1 b:0 b:1"},
	} {
		code, body, _ := request(t, h, "GET", "/api/events?"+tc.query, nil)
		var page eventsPage
		if err := json.Unmarshal(body, &page); err != nil || code != 200 {
			t.Errorf("%s: %d %s", tc.query, code, body)
			continue
		}
		if got := ids(page.Events); got != tc.want || page.Next != nil {
			t.Errorf("%s: %q next %v, want %q", tc.query, got, page.Next, tc.want)
		}
	}
	// The event itself carries every field of herald code's record, and its sentence.
	_, body, _ := request(t, h, "GET", "/api/events?cameo=111", nil)
	var raw struct {
		Events []map[string]any `json:"events"`
	}
	json.Unmarshal(body, &raw)
	for _, field := range []string{"id", "doc", "sentence", "date", "source", "target", "cameo", "root", "quad",
		"goldstein", "plover", "location", "evidence", "negated", "confidence", "sentence_text"} {
		if _, ok := raw.Events[0][field]; !ok {
			t.Errorf("event lacks %q: %s", field, body)
		}
	}
	if raw.Events[0]["sentence_text"] != sentences[2] {
		t.Errorf("sentence_text %v", raw.Events[0]["sentence_text"])
	}
}

func TestEventsPagination(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	var got []store.Event
	target := "/api/events?limit=2&quad=4"
	for pages := 0; ; pages++ {
		code, body, _ := request(t, h, "GET", target, nil)
		var page eventsPage
		if code != 200 || json.Unmarshal(body, &page) != nil || pages > 5 {
			t.Fatalf("%s: %d %s", target, code, body)
		}
		got = append(got, page.Events...)
		if page.Next == nil {
			break
		}
		target = "/api/events?limit=2&quad=4&cursor=" + url.QueryEscape(*page.Next)
	}
	if ids(got) != "a:1 b:1" {
		t.Errorf("quad=4 in pages of 2: %s", ids(got))
	}
	got = nil
	target = "/api/events?limit=2"
	for {
		_, body, _ := request(t, h, "GET", target, nil)
		var page eventsPage
		json.Unmarshal(body, &page)
		if len(page.Events) > 2 {
			t.Fatalf("page of %d", len(page.Events))
		}
		got = append(got, page.Events...)
		if page.Next == nil {
			break
		}
		target = "/api/events?limit=2&cursor=" + url.QueryEscape(*page.Next)
	}
	if ids(got) != "c:0 a:0 a:1 b:0 b:1" {
		t.Errorf("all in pages of 2: %s", ids(got))
	}
}

func TestEventsErrors(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	_, body, _ := request(t, h, "GET", "/api/actors?limit=1", nil)
	var actorsPage struct{ Next string }
	json.Unmarshal(body, &actorsPage)
	for _, q := range []string{
		"from=2024-13-01", "from=yesterday", "to=2024-5-1", "to=20240501", "from=2024-06-01&to=2024-05-01",
		"colour=red", "from=2024-05-01&from=2024-05-02", "actor=", "actor=KAZ*", "source=K%20Z",
		"country=KA", "root=4", "cameo=x", "quad=5", "quad=one", "plover=not+a+class", "q=...",
		"min_confidence=2", "min_confidence=abc", "limit=0", "limit=1001", "limit=ten", "cursor=garbage",
		"cursor=" + actorsPage.Next, // a cursor of another list
		"%zz",
	} {
		code, body, _ := request(t, h, "GET", "/api/events?"+q, nil)
		if code != 400 || errorCode(body) != "bad_request" {
			t.Errorf("%s: %d %s, want 400 bad_request", q, code, body)
		}
	}
	_, body, _ = request(t, h, "GET", "/api/events?colour=red", nil)
	if !strings.Contains(string(body), `colour: unknown parameter`) {
		t.Errorf("unknown parameter message: %s", body)
	}
	_, body, _ = request(t, h, "GET", "/api/events?from=2024-13-01", nil)
	if !strings.Contains(string(body), `from: want a date YYYY-MM-DD`) {
		t.Errorf("bad date message: %s", body)
	}
}

func TestEvent(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	code, body, _ := request(t, h, "GET", "/api/events/b:0", nil)
	var e store.Event
	if code != 200 || json.Unmarshal(body, &e) != nil || e.ID != "b:0" || e.Source.Code != "IGOEUREEC" || e.Doc != "b" {
		t.Errorf("b:0: %d %s", code, body)
	}
	if code, body, _ := request(t, h, "GET", "/api/events/zz:9", nil); code != 404 || errorCode(body) != "not_found" {
		t.Errorf("missing event: %d %s", code, body)
	}
	if code, _, _ := request(t, h, "GET", "/api/events/b:0?x=1", nil); code != 400 {
		t.Errorf("event with a parameter: %d", code)
	}
}

func TestDocuments(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	type page struct {
		Documents []store.DocumentSummary `json:"documents"`
		Next      *string                 `json:"next"`
	}
	for _, tc := range []struct{ query, want string }{
		{"", "c a b d/e"},
		{"q=title+of+b", "b"},
		{"q=kharkiv", "c a b d/e"},
		{"q=nothing", ""},
		{"from=2024-05-21", "b d/e"},
		{"to=2024-05-31", "a b"},
		{"actor=KAZ", "c a b d/e"},
		{"actor=USA", ""},
	} {
		code, body, _ := request(t, h, "GET", "/api/documents?"+tc.query, nil)
		var p page
		if code != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %d %s", tc.query, code, body)
		}
		var got []string
		for _, d := range p.Documents {
			got = append(got, d.ID)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: %q, want %q", tc.query, g, tc.want)
		}
	}
	code, body, _ := request(t, h, "GET", "/api/documents?limit=3", nil)
	var p page
	json.Unmarshal(body, &p)
	if code != 200 || len(p.Documents) != 3 || p.Next == nil || p.Documents[1].Events != 2 || p.Documents[1].Title != "Title of a" {
		t.Fatalf("page 1: %s", body)
	}
	_, body, _ = request(t, h, "GET", "/api/documents?limit=3&cursor="+url.QueryEscape(*p.Next), nil)
	json.Unmarshal(body, &p)
	if len(p.Documents) != 1 || p.Documents[0].ID != "d/e" || p.Next != nil {
		t.Errorf("page 2: %s", body)
	}
	for _, q := range []string{"q=", "from=05/01/2024", "to=2024-02-30", "actor=?", "quad=1", "limit=-1", "cursor=e30"} {
		if code, body, _ := request(t, h, "GET", "/api/documents?"+q, nil); code != 400 {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
}

func TestDocument(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	want, _ := store.MarshalJSON(corpus()[0])
	code, body, hdr := request(t, h, "GET", "/api/documents/a", nil)
	if code != 200 || string(bytes.TrimSpace(body)) != string(want) || hdr.Get("Content-Type") != "application/json" {
		t.Errorf("document a: %d %s", code, body)
	}
	// A client that accepts gzip gets the stored bytes as they are.
	code, body, hdr = request(t, h, "GET", "/api/documents/a", nil, "Accept-Encoding", "gzip, deflate")
	if code != 200 || hdr.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip: %d %v", code, hdr)
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(zr)
	if string(js) != string(want) {
		t.Errorf("gzipped analysis differs")
	}
	if _, _, hdr := request(t, h, "GET", "/api/documents/a", nil, "Accept-Encoding", "gzip;q=0"); hdr.Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 got gzip")
	}
	// An id with a slash.
	if code, body, _ := request(t, h, "GET", "/api/documents/d/e", nil); code != 200 || !strings.Contains(string(body), `"id":"d/e"`) {
		t.Errorf("document d/e: %d %s", code, body)
	}
	if code, body, _ := request(t, h, "GET", "/api/documents/nope", nil); code != 404 || errorCode(body) != "not_found" {
		t.Errorf("missing document: %d %s", code, body)
	}
	if code, body, _ := request(t, h, "GET", "/api/documents/nope", nil, "Accept-Encoding", "gzip"); code != 404 {
		t.Errorf("missing document, gzip: %d %s", code, body)
	}
	if code, _, _ := request(t, h, "GET", "/api/documents/a?pretty=1", nil); code != 400 {
		t.Errorf("document with a parameter: %d", code)
	}
}

func TestActors(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	type page struct {
		Actors []store.Actor `json:"actors"`
		Next   *string       `json:"next"`
	}
	get := func(q string) page {
		t.Helper()
		code, body, _ := request(t, h, "GET", "/api/actors?"+q, nil)
		var p page
		if code != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %d %s", q, code, body)
		}
		return p
	}
	p := get("limit=2")
	if len(p.Actors) != 2 || p.Actors[0] != (store.Actor{Code: "RUSMIL", Events: 2, AsSource: 2, Goldstein: -10}) || p.Next == nil {
		t.Errorf("top 2: %+v", p)
	}
	p2 := get("limit=100&cursor=" + url.QueryEscape(*p.Next))
	if len(p2.Actors) != 6 || p2.Next != nil {
		t.Errorf("the rest: %+v", p2)
	}
	if p := get("prefix=KAZ"); len(p.Actors) != 2 || p.Actors[0].Code != "KAZ" || p.Actors[1].Code != "KAZGOV" {
		t.Errorf("prefix=KAZ: %+v", p)
	}
	// actor= filters the events: RUSMIL's partners are counted too.
	if p := get("actor=RUSMIL"); len(p.Actors) != 2 || p.Actors[1].Code != "UKR" {
		t.Errorf("actor=RUSMIL: %+v", p)
	}
	if p := get("quad=3&from=2024-05-01"); len(p.Actors) != 2 || p.Actors[0].Code != "IGOEUREEC" {
		t.Errorf("quad=3: %+v", p)
	}
	for _, q := range []string{"prefix=K*", "prefix=", "group=quad", "from=2024-02-31", "limit=1001"} {
		if code, body, _ := request(t, h, "GET", "/api/actors?"+q, nil); code != 400 {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
}

func TestDyads(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	code, body, _ := request(t, h, "GET", "/api/dyads", nil)
	var p struct {
		Dyads []store.Dyad `json:"dyads"`
		Next  *string      `json:"next"`
	}
	if code != 200 || json.Unmarshal(body, &p) != nil || len(p.Dyads) != 4 ||
		p.Dyads[0] != (store.Dyad{Source: "RUSMIL", Target: "UKR", Events: 2, Goldstein: -10}) {
		t.Errorf("dyads: %d %s", code, body)
	}
	_, body, _ = request(t, h, "GET", "/api/dyads?root=04&limit=1", nil)
	json.Unmarshal(body, &p)
	if len(p.Dyads) != 1 || p.Next == nil {
		t.Errorf("root=04 limit=1: %s", body)
	}
	if code, _, _ := request(t, h, "GET", "/api/dyads?to=tomorrow", nil); code != 400 {
		t.Errorf("bad date: %d", code)
	}
}

func TestTimeline(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	for _, tc := range []struct{ query, want string }{
		{"", "2024-05-20//2 2024-05-27//1 2024-06-02//1"},
		{"interval=day", "2024-05-20//2 2024-05-27//1 2024-06-02//1"},
		{"interval=week", "2024-05-20//2 2024-05-27//2"},
		{"interval=month&group=quad", "2024-05/1/1 2024-05/3/1 2024-05/4/1 2024-06/4/1"},
		{"interval=month&group=root", "2024-05/04/1 2024-05/11/1 2024-05/19/1 2024-06/19/1"},
		{"interval=month&actor=RUS", "2024-05//2 2024-06//1"},
	} {
		code, body, _ := request(t, h, "GET", "/api/timeline?"+tc.query, nil)
		var p struct {
			Interval string         `json:"interval"`
			Buckets  []store.Bucket `json:"buckets"`
		}
		if code != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %d %s", tc.query, code, body)
		}
		var got []string
		for _, b := range p.Buckets {
			got = append(got, b.Period+"/"+b.Group+"/"+string(rune('0'+b.Events)))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: %s, want %s", tc.query, g, tc.want)
		}
	}
	for _, q := range []string{"interval=year", "group=cameo", "interval=day&interval=week", "limit=10001", "from=2024-05"} {
		if code, body, _ := request(t, h, "GET", "/api/timeline?"+q, nil); code != 400 {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
}

func TestRoutingErrors(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	for _, tc := range []struct {
		method, target string
		code           int
		errCode        string
	}{
		{"GET", "/api/nothing", 404, "not_found"},
		{"GET", "/", 404, "not_found"},
		{"DELETE", "/api/events", 405, "method_not_allowed"},
		{"POST", "/api/events", 405, "method_not_allowed"},
		{"PUT", "/api/documents/a", 405, "method_not_allowed"},
		{"GET", "/api/analyze", 405, "method_not_allowed"},
		{"GET", "/healthz?verbose=1", 400, "bad_request"},
	} {
		code, body, _ := request(t, h, tc.method, tc.target, nil)
		if code != tc.code || errorCode(body) != tc.errCode {
			t.Errorf("%s %s: %d %s, want %d %s", tc.method, tc.target, code, body, tc.code, tc.errCode)
		}
	}
}

func TestHealthzAndMetrics(t *testing.T) {
	h := New(Options{Store: newTestStore(t)})
	if code, body, _ := request(t, h, "GET", "/healthz", nil); code != 200 || string(body) != "{\"status\":\"ok\"}\n" {
		t.Errorf("healthz: %d %s", code, body)
	}
	request(t, h, "GET", "/api/events?limit=1", nil)
	request(t, h, "GET", "/api/events?limit=x", nil)
	request(t, h, "GET", "/nowhere", nil)
	code, body, hdr := request(t, h, "GET", "/metrics", nil)
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics: %d %v", code, hdr)
	}
	for _, want := range []string{
		`herald_http_requests_total{route="GET /api/events",code="200"} 1`,
		`herald_http_requests_total{route="GET /api/events",code="400"} 1`,
		`herald_http_requests_total{route="unmatched",code="404"} 1`,
		`herald_http_request_duration_seconds_count{route="GET /api/events"} 2`,
		`herald_http_request_duration_seconds_bucket{route="GET /api/events",le="+Inf"} 2`,
		"herald_store_documents 4\n", "herald_store_events 5\n",
		"# TYPE herald_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	// Every line is a comment or "name{labels} value".
	for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
		if !strings.HasPrefix(line, "# ") && !metricLine.MatchString(line) {
			t.Errorf("metrics line %q", line)
		}
	}
	// A broken store makes healthz fail, with the API's shape.
	s := newTestStore(t)
	broken := New(Options{Store: s})
	s.Close()
	if code, body, _ := request(t, broken, "GET", "/healthz", nil); code != 503 || errorCode(body) != "unavailable" {
		t.Errorf("healthz on a closed store: %d %s", code, body)
	}
	if code, body, _ := request(t, broken, "GET", "/api/events", nil); code != 500 || errorCode(body) != "internal" {
		t.Errorf("events on a closed store: %d %s", code, body)
	}
}

func TestPanicIsAJSONError(t *testing.T) {
	h := New(Options{}) // no store: a handler that reaches it panics
	if code, body, _ := request(t, h, "GET", "/api/events", nil); code != 500 || errorCode(body) != "internal" {
		t.Errorf("panic: %d %s", code, body)
	}
}

// An testArticle of our own for the tests that analyze.
const testArticle = "GENEVA, March 3 (Reuters) - Swiss Foreign Minister Ignazio Cassis met Kenyan President William Ruto in Geneva on Tuesday. " +
	"Ruto said Kenya would sign a trade agreement with Switzerland.\n"

func TestAnalyze(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	h := New(Options{Store: newTestStore(t), Pipeline: testPipeline(t), MaxBodyBytes: 64 << 10})
	code, body, _ := request(t, h, "POST", "/api/analyze", strings.NewReader(testArticle), "Content-Type", "text/plain; charset=utf-8")
	var doc document.Document
	if code != 200 || json.Unmarshal(body, &doc) != nil {
		t.Fatalf("text/plain: %d %s", code, body)
	}
	if len(doc.Sentences) != 2 || doc.Dateline == nil || doc.Dateline.Place != "Geneva" || len(doc.Entities) == 0 || doc.Source != "api" {
		t.Errorf("analysis: %s", body)
	}
	rec, _ := json.Marshal(map[string]string{"id": "gva-1", "published": "2024-03-05", "title": "Talks", "text": testArticle})
	code, body, _ = request(t, h, "POST", "/api/analyze", bytes.NewReader(rec), "Content-Type", "application/json")
	doc = document.Document{}
	if code != 200 || json.Unmarshal(body, &doc) != nil || doc.ID != "gva-1" || doc.Published != "2024-03-05" {
		t.Fatalf("json: %d %s", code, body)
	}
	// Nothing was stored.
	if code, _, _ := request(t, h, "GET", "/api/documents/gva-1", nil); code != 404 {
		t.Errorf("analyze stored the document: %d", code)
	}
	code, body, _ = request(t, h, "POST", "/api/analyze", strings.NewReader("<html><body><testArticle><p>"+testArticle+"</p></testArticle></body></html>"), "Content-Type", "text/html")
	if code != 200 && code != 422 {
		t.Errorf("text/html: %d %s", code, body)
	}

	for _, tc := range []struct {
		name, ctype, body string
		code              int
		errCode           string
	}{
		{"unknown field", "application/json", `{"text": "Hello.", "colour": "red"}`, 400, "bad_request"},
		{"bad date", "application/json", `{"text": "Hello.", "published": "2024-02-30"}`, 400, "bad_request"},
		{"bad date form", "application/json", `{"text": "Hello.", "published": "March 3"}`, 400, "bad_request"},
		{"no text", "application/json", `{"title": "Hello"}`, 400, "bad_request"},
		{"blank text", "text/plain", "  \n ", 400, "bad_request"},
		{"not JSON", "application/json", `{"text": `, 400, "bad_request"},
		{"two values", "application/json", `{"text": "a"} {"text": "b"}`, 400, "bad_request"},
		{"wrong type", "application/json", `{"text": 3}`, 400, "bad_request"},
		{"media type", "application/xml", `<a/>`, 415, "unsupported_media_type"},
		{"no media type", "", `{"text": "Hello."}`, 415, "unsupported_media_type"},
		{"form", "application/x-www-form-urlencoded", `text=Hello.`, 415, "unsupported_media_type"},
		{"bad media type", "text/plain; charset", `x`, 400, "bad_request"},
		{"oversized", "text/plain", strings.Repeat("Word ", 20<<10), 413, "payload_too_large"},
		{"oversized json", "application/json", `{"text": "` + strings.Repeat("a", 70<<10) + `"}`, 413, "payload_too_large"},
	} {
		code, body, _ := request(t, h, "POST", "/api/analyze", strings.NewReader(tc.body), "Content-Type", tc.ctype)
		if code != tc.code || errorCode(body) != tc.errCode {
			t.Errorf("%s: %d %s, want %d %s", tc.name, code, body, tc.code, tc.errCode)
		}
	}
	if code, _, _ := request(t, h, "POST", "/api/analyze?id=x", strings.NewReader(testArticle), "Content-Type", "text/plain"); code != 400 {
		t.Errorf("query parameter on analyze: %d", code)
	}
	noPipeline := New(Options{Store: newTestStore(t)})
	if code, body, _ := request(t, noPipeline, "POST", "/api/analyze", strings.NewReader(testArticle), "Content-Type", "text/plain"); code != 503 {
		t.Errorf("analyze without a pipeline: %d %s", code, body)
	}
}

func TestPostDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	s := newTestStore(t)
	readOnly := New(Options{Store: s, Pipeline: testPipeline(t)})
	if code, body, _ := request(t, readOnly, "POST", "/api/documents", strings.NewReader(testArticle), "Content-Type", "text/plain",
		"Authorization", "Bearer "+token); code != 403 || errorCode(body) != "forbidden" {
		t.Errorf("read-only: %d %s", code, body)
	}
	h := New(Options{Store: s, Pipeline: testPipeline(t), WriteToken: token, MaxBodyBytes: 64 << 10})
	for _, tc := range []struct{ name, auth string }{
		{"missing", ""}, {"wrong", "Bearer not-the-token-at-all"}, {"scheme", "Basic " + token}, {"empty", "Bearer "},
		{"prefix", "Bearer " + token[:10]}, {"no space", "Bearer" + token}, {"lower-case wrong", "bearer " + token[1:]},
		{"scheme alone", "Bearer"},
	} {
		code, body, hdr := request(t, h, "POST", "/api/documents", strings.NewReader(testArticle), "Content-Type", "text/plain", "Authorization", tc.auth)
		if code != 401 || errorCode(body) != "unauthorized" || !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s token: %d %s", tc.name, code, body)
		}
	}
	// The scheme's name is case-insensitive: "bearer", "BEARER" and "Bearer" are one.
	for _, scheme := range []string{"bearer", "BEARER", "BeArEr"} {
		code, body, _ := request(t, h, "POST", "/api/documents", strings.NewReader(testArticle), "Content-Type", "text/plain",
			"Authorization", scheme+" "+token)
		if code != 201 && code != 200 {
			t.Errorf("scheme %q: %d %s", scheme, code, body)
		}
	}
	post := func(body string) (int, map[string]any) {
		t.Helper()
		rec, _ := json.Marshal(map[string]string{"id": "gva-1", "published": "2024-03-05", "text": body})
		code, b, hdr := request(t, h, "POST", "/api/documents", bytes.NewReader(rec), "Content-Type", "application/json",
			"Authorization", "Bearer "+token)
		var res map[string]any
		json.Unmarshal(b, &res)
		if code < 300 && hdr.Get("Location") != "/api/documents/gva-1" {
			t.Errorf("Location %q", hdr.Get("Location"))
		}
		return code, res
	}
	code, first := post(testArticle)
	if code != 201 || first["status"] != "created" || first["id"] != "gva-1" || first["events"] == nil {
		t.Errorf("first post: %d %v", code, first)
	}
	if code, res := post(testArticle); code != 200 || res["status"] != "unchanged" || res["events"] != first["events"] {
		t.Errorf("second post: %d %v, want unchanged with the first's %v events", code, res, first["events"])
	}
	if code, res := post(testArticle + "Cassis said Switzerland welcomed the agreement.\n"); code != 200 || res["status"] != "replaced" {
		t.Errorf("changed post: %d %v", code, res)
	}
	code, body, _ := request(t, h, "GET", "/api/documents/gva-1", nil)
	if code != 200 || !strings.Contains(string(body), "welcomed the agreement") {
		t.Errorf("stored document: %d %.200s", code, body)
	}
	code, body, _ = request(t, h, "GET", "/api/documents?q=Cassis", nil)
	if code != 200 || !strings.Contains(string(body), `"id":"gva-1"`) {
		t.Errorf("search for the stored document: %d %s", code, body)
	}
	if code, body, _ := request(t, h, "POST", "/api/documents", strings.NewReader(`{"text":"x","extra":1}`), "Content-Type", "application/json",
		"Authorization", "Bearer "+token); code != 400 {
		t.Errorf("unknown field with the token: %d %s", code, body)
	}
	if code, body, _ := request(t, h, "POST", "/api/documents", strings.NewReader(`{"id":"gva-2","text":"x"}`),
		"Authorization", "Bearer "+token); code != 415 || errorCode(body) != "unsupported_media_type" {
		t.Errorf("no Content-Type with the token: %d %s", code, body)
	}
	if code, _, _ := request(t, h, "POST", "/api/documents", strings.NewReader(strings.Repeat("x", 65<<10)), "Content-Type", "text/plain",
		"Authorization", "Bearer "+token); code != 413 {
		t.Errorf("oversized with the token: %d", code)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Error(err)
	}
}

var metricLine = regexp.MustCompile(`^[a-z_]+(\{([a-z]+="[^"]*",?)+\})? [-+0-9.eInf]+$`)

// FuzzQuery: no query string makes a list endpoint answer anything but 200 or 400, and
// every 400 has the API's shape.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{"", "limit=2", "from=2024-05-01&actor=KAZ", "q=a+b", "cursor=eyJrIjoiZXZlbnRzIn0",
		"interval=week&group=quad", "prefix=KAZ", "%", "a=1&a=2"} {
		f.Add(q)
	}
	h := New(Options{Store: newTestStore(f)})
	f.Fuzz(func(t *testing.T, q string) {
		for _, path := range []string{"/api/events", "/api/documents", "/api/actors", "/api/dyads", "/api/timeline", "/api/places"} {
			u := &url.URL{Path: path, RawQuery: q}
			req := newRequest("GET", "/", nil)
			req.URL = u
			req.RequestURI = u.RequestURI()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 && rec.Code != 400 {
				t.Fatalf("%s?%s: %d %s", path, q, rec.Code, rec.Body)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("%s?%s: invalid JSON %q", path, q, rec.Body)
			}
		}
	})
}
