package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeGracefulShutdown: once the server is told to stop, a request under way still
// gets its answer, and serveHTTP returns without error.
func TestServeGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveHTTP(ctx, ln, h, io.Discard) }()
	answer := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			answer <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		answer <- string(b)
	}()
	<-started
	cancel()
	if got := <-answer; got != "done" {
		t.Errorf("the request under way got %q", got)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serveHTTP: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serveHTTP did not return")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the server still answers after shutting down")
	}
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	if code, _, _ := herald(t, "", "serve"); code != 2 {
		t.Errorf("serve without --db: exit %d", code)
	}
	if code, _, errOut := herald(t, "", "serve", "--db", filepath.Join(dir, "missing.db")); code != 1 || !strings.Contains(errOut, "missing.db") {
		t.Errorf("serve of a missing database: exit %d %s", code, errOut)
	}
	if code, _, _ := herald(t, "", "serve", "--db", filepath.Join(dir, "x.db"), "--write-token", "short"); code != 2 {
		t.Errorf("a short token: exit %d", code)
	}
	for _, host := range []string{"events.example.org:8080", "http://events.example.org", ""} {
		if code, _, errOut := herald(t, "", "serve", "--db", filepath.Join(dir, "x.db"), "--allowed-host", host); code != 2 || !strings.Contains(errOut, "--allowed-host") {
			t.Errorf("--allowed-host %q: exit %d %s", host, code, errOut)
		}
	}
}
