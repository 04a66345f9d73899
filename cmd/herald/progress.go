package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress reports how a long command (ingest, reprocess) advances: a progress bar with
// documents/s and the time left when stderr is a terminal, else a plain log line every
// few seconds, which is what a log file or CI wants. Diagnostics go through it, so that
// they do not tear the bar. It is safe for concurrent use.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	bar     *progressbar.ProgressBar // nil when not on a terminal
	every   time.Duration
	last    time.Time
	start   time.Time
	done    int64
	total   int64 // -1 unknown
	status  func() string
	verb    string
	stopped bool
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// newProgress reports on w. status, called under the lock, describes the counts for the
// log lines; verb names the work ("ingest").
func newProgress(w io.Writer, verb string, every time.Duration, status func() string) *progress {
	p := &progress{w: w, every: every, start: time.Now(), last: time.Now(), total: -1, status: status, verb: verb}
	if isTerminal(w) {
		p.bar = progressbar.NewOptions64(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription(verb),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionUseANSICodes(true),
		)
	}
	return p
}

// SetTotal gives the number of documents to expect, for the bar's ETA.
func (p *progress) SetTotal(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
	if p.bar != nil && !p.stopped {
		p.bar.ChangeMax64(n)
	}
}

// Add counts n more documents done.
func (p *progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += int64(n)
	if p.stopped {
		return
	}
	if p.bar != nil {
		p.bar.Add(n)
		return
	}
	if now := time.Now(); p.every > 0 && now.Sub(p.last) >= p.every {
		p.last = now
		p.logLine(now)
	}
}

func (p *progress) logLine(now time.Time) {
	secs := now.Sub(p.start).Seconds()
	rate := float64(p.done) / max(secs, 1e-9)
	line := fmt.Sprintf("herald: %s: %d documents", p.verb, p.done)
	if p.total > 0 {
		line += fmt.Sprintf(" of %d", p.total)
	}
	line += fmt.Sprintf(" (%s), %.1f documents/s", p.status(), rate)
	if p.total > 0 && rate > 0 && p.done < p.total {
		line += ", about " + (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second).String() + " left"
	}
	fmt.Fprintln(p.w, line)
}

// Println writes a diagnostic line without breaking the bar.
func (p *progress) Println(a ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil && !p.stopped {
		p.bar.Clear()
	}
	fmt.Fprintln(p.w, a...)
}

// Stop ends the bar (leaving it on the screen) before the summary is printed.
func (p *progress) Stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.stopped = true
	if p.bar != nil {
		if p.total < 0 {
			p.bar.ChangeMax64(p.done)
		}
		p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}
