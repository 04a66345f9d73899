package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostCheck: the server answers requests for loopback hosts, with any port, and for
// the hosts it is given; any other Host, such as the name of a page that DNS rebinding
// pointed at 127.0.0.1, gets a 421 on every path.
func TestHostCheck(t *testing.T) {
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "explorer") })
	st := newTestStore(t)
	loopbackOnly := New(Options{Store: st, Web: web})
	withHosts := New(Options{Store: st, Web: web, AllowedHosts: []string{"events.example.org", "192.168.1.5", "[2001:db8::1]", "Intranet."}})
	for _, tc := range []struct {
		host        string
		loopback    bool // answered by default
		withAllowed bool // answered with withHosts's AllowedHosts
	}{
		{"localhost", true, true},
		{"localhost:8080", true, true},
		{"LocalHost:8080", true, true},
		{"localhost.:8080", true, true},
		{"127.0.0.1", true, true},
		{"127.0.0.1:49152", true, true},
		{"127.0.0.2:8080", true, true}, // all of 127.0.0.0/8 is loopback
		{"[::1]", true, true},
		{"[::1]:8080", true, true},
		{"evil.example", false, false},
		{"evil.example:8080", false, false},
		{"localhost.evil.example", false, false},
		{"127.0.0.1.evil.example", false, false},
		{"localhost@evil.example", false, false},
		{"", false, false},
		{"events.example.org", false, true},
		{"EVENTS.example.org:443", false, true},
		{"sub.events.example.org", false, false},
		{"192.168.1.5:8080", false, true},
		{"192.168.1.6:8080", false, false},
		{"[2001:db8::1]:8080", false, true},
		{"intranet:8080", false, true},
	} {
		for _, path := range []string{"/api/events", "/healthz", "/metrics", "/", "/api/nothing"} {
			for _, h := range []struct {
				name    string
				s       *Server
				allowed bool
			}{{"loopback only", loopbackOnly, tc.loopback}, {"with allowed hosts", withHosts, tc.withAllowed}} {
				code, body, _ := request(t, h.s, "GET", path, nil, "Host", tc.host)
				if h.allowed && code == 421 {
					t.Errorf("%s: Host %q, %s: 421 %s", h.name, tc.host, path, body)
				}
				if !h.allowed && (code != 421 || errorCode(body) != "misdirected_request") {
					t.Errorf("%s: Host %q, %s: %d %.100s, want 421 misdirected_request", h.name, tc.host, path, code, body)
				}
			}
		}
	}
}

// TestHostCheckOverHTTP is curl -H 'Host: evil.example' http://127.0.0.1:PORT/api/events.
func TestHostCheckOverHTTP(t *testing.T) {
	srv := httptest.NewServer(New(Options{Store: newTestStore(t)}))
	defer srv.Close()
	for _, tc := range []struct {
		host string // "" leaves the URL's, 127.0.0.1:PORT
		code int
	}{{"", 200}, {"evil.example", 421}, {"localhost:1234", 200}} {
		req, err := http.NewRequest("GET", srv.URL+"/api/events", nil)
		if err != nil {
			t.Fatal(err)
		}
		if tc.host != "" {
			req.Host = tc.host
		}
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.code || (tc.code == 421 && (errorCode(b) != "misdirected_request" || res.Header.Get("Content-Type") != "application/json")) {
			t.Errorf("Host %q: %d %s %s, want %d", tc.host, res.StatusCode, res.Header.Get("Content-Type"), b, tc.code)
		}
		if tc.code == 421 && strings.Contains(string(b), `"events"`) {
			t.Errorf("Host %q: the events were sent", tc.host)
		}
	}
}

func TestCheckAllowedHost(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"events.example.org", true}, {"intranet", true}, {"192.168.1.5", true}, {"2001:db8::1", true}, {"[2001:db8::1]", true},
		{"xn--bcher-kva.example", true},
		{"", false}, {"events.example.org:8080", false}, {"[::1]:8080", false}, {"http://events.example.org", false},
		{"events.example.org/", false}, {"*.example.org", false}, {"a b", false},
	} {
		if err := CheckAllowedHost(tc.name); (err == nil) != tc.ok {
			t.Errorf("CheckAllowedHost(%q) = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}
