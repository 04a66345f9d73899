package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"herald/cameo"
	"herald/server"
	"herald/store"
	"herald/web"
)

func newServeCmd() *cobra.Command {
	var in inputFlags
	var db, addr, token, tokenFile string
	var allowedHosts []string
	var maxBody int64
	var quiet, explorer bool
	c := &cobra.Command{
		Use:   "serve --db FILE [--addr 127.0.0.1:8080] [flags]",
		Short: "Serve the event store as a JSON API and a web explorer",
		Long: `serve answers HTTP requests for the events and documents stored in --db: events with
filters and cursor pagination, a document's full analysis, actors, dyads, a timeline,
places, exports, the analysis of a posted article, /healthz and /metrics (Prometheus).
docs/API.md describes every endpoint. At / it serves the web explorer (events, timeline,
network, map, articles), whose files are compiled into the binary.

It is read-only unless a write token is given (--write-token, --write-token-file, or the
environment variable HERALD_WRITE_TOKEN; the file or the variable keep it out of the
process list): then POST /api/documents analyzes and stores an article for
requests that send "Authorization: Bearer TOKEN". It listens on loopback unless --addr
says otherwise, and answers only requests whose Host header names a loopback host
(localhost, 127.0.0.1, [::1], any port) or one given with --allowed-host: others get a
421, which keeps web pages that rebind their own name to 127.0.0.1 (DNS rebinding) from
reading the API through a local browser. Request bodies are limited (--max-body), and so
are the times to read a request, write a response and keep an idle connection. SIGTERM
or SIGINT stops it gracefully: it stops accepting, lets the requests under way finish
(up to 10 s), and closes the database.`,
		Example: `  herald serve --db events.db
  curl 'http://127.0.0.1:8080/api/events?actor=USA&from=1987-03-01&limit=10'
  HERALD_WRITE_TOKEN=s3cret herald serve --db events.db --addr 127.0.0.1:9000
  herald serve --db events.db --addr 0.0.0.0:8080 --allowed-host events.example.org --allowed-host 192.168.1.5`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			if db == "" {
				return usagef("--db: give the database file")
			}
			if token == "" {
				token = os.Getenv("HERALD_WRITE_TOKEN")
			}
			if tokenFile != "" {
				b, err := os.ReadFile(tokenFile)
				if err != nil {
					return fmt.Errorf("--write-token-file: %w", err)
				}
				token = string(bytes.TrimSpace(b))
				if token == "" {
					return usagef("--write-token-file %s is empty", tokenFile)
				}
			}
			if token != "" && len(token) < 16 {
				return usagef("the write token must be at least 16 characters")
			}
			for _, h := range allowedHosts {
				if err := server.CheckAllowedHost(h); err != nil {
					return usagef("--allowed-host: %v", err)
				}
			}
			s, err := store.Open(db, store.Options{ReadOnly: token == ""})
			if err != nil {
				return err
			}
			defer s.Close()
			p, err := in.pipeline(c.ErrOrStderr())
			if err != nil {
				return err
			}
			var logger *log.Logger
			if !quiet {
				logger = log.New(c.ErrOrStderr(), "herald: ", log.LstdFlags)
			}
			cb, err := cameo.Embedded()
			if err != nil {
				return err
			}
			opt := server.Options{Store: s, Pipeline: p, WriteToken: token, MaxBodyBytes: maxBody, Log: logger,
				Codebook: cb, Version: heraldVersion(), AllowedHosts: allowedHosts}
			if explorer {
				opt.Web = web.Handler()
			}
			h := server.New(opt)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			mode := "read-only"
			if token != "" {
				mode = "writes enabled with the token"
			}
			fmt.Fprintf(c.ErrOrStderr(), "herald: serving %s (%s) on http://%s\n", db, mode, ln.Addr())
			if explorer {
				fmt.Fprintf(c.ErrOrStderr(), "herald: explorer at http://%s/\n", ln.Addr())
			}
			if !loopback(ln.Addr()) && len(allowedHosts) == 0 {
				fmt.Fprintln(c.ErrOrStderr(), "herald: only requests for localhost, 127.0.0.1 or [::1] are answered: "+
					"give --allowed-host NAME for each name or address clients use")
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serveHTTP(ctx, ln, h, c.ErrOrStderr())
		},
	}
	in.register(c)
	_ = c.Flags().MarkHidden("max-doc-bytes") // no documents are read from files
	c.Flags().StringVar(&db, "db", "", "the SQLite database `FILE` (required)")
	_ = c.MarkFlagRequired("db")
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen on this `HOST:PORT`")
	c.Flags().StringVar(&token, "write-token", "", "enable POST /api/documents for requests bearing this `TOKEN` (at least 16 characters)")
	c.Flags().StringVar(&tokenFile, "write-token-file", "", "enable POST /api/documents for requests bearing the token in this `FILE` (or set HERALD_WRITE_TOKEN)")
	c.Flags().StringArrayVar(&allowedHosts, "allowed-host", nil, "also answer requests whose Host is this `NAME` or address, with any port (repeatable; loopback ones always)")
	c.Flags().Int64Var(&maxBody, "max-body", server.DefaultMaxBodyBytes, "largest request body accepted, in bytes")
	c.Flags().BoolVar(&quiet, "quiet", false, "do not log each request")
	c.Flags().BoolVar(&explorer, "explorer", true, "serve the web explorer at / (--explorer=false: the API alone)")
	return c
}

// loopback reports whether a listener's address is a loopback one.
func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// serveHTTP serves h on ln until ctx ends, then shuts down gracefully.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, stderr io.Writer) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "herald: http: ", log.LstdFlags),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "herald: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
