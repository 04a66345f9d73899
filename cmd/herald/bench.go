package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"herald/document"
	"herald/ingest"
	"herald/pipeline"
)

func newBenchCmd(stdin io.Reader) *cobra.Command {
	in := inputFlags{eventsOnly: true}
	var parseAll bool
	var runs int
	var cpuProfile string
	c := &cobra.Command{
		Use:   "bench [flags] FILE|DIR|- ...",
		Short: "Measure the pipeline's throughput and memory on real input",
		Long: `bench loads every input document into memory first, then runs the full pipeline over
them --runs times and reports documents/s, sentences/s, tokens/s, MB/s of input text, the
share of time each stage takes, and the peak resident memory. With --workers 1 it measures
one core. The last line is a KEY=VALUE summary.`,
		Example: `  herald bench ../shared/data/news/reuters21578.jsonl.gz
  herald bench --workers 1 --runs 3 articles/`,
		Args: argsRequired("files, directories or -"),
		RunE: func(c *cobra.Command, args []string) error {
			in.eventsOnly = !parseAll
			p, err := in.pipeline(c.ErrOrStderr())
			if err != nil {
				return err
			}
			if runs < 1 {
				return usagef("--runs must be at least 1")
			}
			stderr := c.ErrOrStderr()
			var docs []*document.Document
			var rawBytes int64
			bad := false
			for doc, err := range ingest.Documents(args, ingest.Options{MaxDocBytes: in.maxDocBytes, Stdin: stdin}) {
				if err != nil {
					fmt.Fprintln(stderr, "herald:", err)
					bad = true
					continue
				}
				docs = append(docs, doc)
				rawBytes += int64(len(doc.Raw))
			}
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			var (
				best                       time.Duration
				nDocs, nSents, nToks, nBad int
				nParsed, nEvents           int
				times                      pipeline.StageTimes
			)
			for run := 0; run < runs; run++ {
				nDocs, nSents, nToks, nBad, nParsed, nEvents = 0, 0, 0, 0, 0, 0
				times = pipeline.StageTimes{}
				start := time.Now()
				p.Run(copies(docs), func(r pipeline.Result) {
					times.Add(r.Times)
					if r.Doc == nil {
						nBad++
						return
					}
					nDocs++
					nSents += len(r.Doc.Sentences)
					nEvents += r.Doc.AssertedEvents()
					for _, s := range r.Doc.Sentences {
						nToks += len(s.Tokens)
						if !s.Unparsed {
							nParsed++
						}
					}
				})
				if d := time.Since(start); run == 0 || d < best {
					best = d
				}
			}
			secs := best.Seconds()
			workers := in.workers
			if workers <= 0 {
				workers = runtime.GOMAXPROCS(0)
			}
			var total time.Duration
			for _, t := range times {
				total += t
			}
			w := bufio.NewWriter(c.OutOrStdout())
			defer w.Flush()
			fmt.Fprintf(w, "documents   %d (%d not text)\n", nDocs, nBad)
			fmt.Fprintf(w, "input       %.1f MB\n", float64(rawBytes)/1e6)
			fmt.Fprintf(w, "sentences   %d\n", nSents)
			fmt.Fprintf(w, "tokens      %d\n", nToks)
			mode := "as herald code: sentences that cannot hold an event are tagged, not parsed"
			if parseAll {
				mode = "as herald analyze: every sentence parsed"
			}
			fmt.Fprintf(w, "parsed      %d sentences (%s)\n", nParsed, mode)
			fmt.Fprintf(w, "events      %d\n", nEvents)
			fmt.Fprintf(w, "wall        %.3f s (best of %d, %d workers)\n", secs, runs, workers)
			fmt.Fprintf(w, "stage share")
			for i, t := range times {
				fmt.Fprintf(w, "  %s %.1f%%", pipeline.StageNames[i], 100*t.Seconds()/max(total.Seconds(), 1e-9))
			}
			fmt.Fprintln(w)
			fmt.Fprintf(w, "docs_per_s=%.0f sentences_per_s=%.0f tokens_per_s=%.0f mb_per_s=%.2f peak_rss_mb=%.0f\n",
				float64(nDocs)/secs, float64(nSents)/secs, float64(nToks)/secs, float64(rawBytes)/1e6/secs, peakRSSMB())
			if bad {
				return errReported
			}
			return nil
		},
	}
	in.register(c)
	c.Flags().BoolVar(&parseAll, "parse-all", false, "parse every sentence, as herald analyze does, instead of only those that may hold an event")
	c.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the runs to this file (go tool pprof)")
	c.Flags().IntVar(&runs, "runs", 1, "times to run over the input; the fastest run is reported")
	return c
}

// copies yields a fresh copy of each loaded document, so that every run starts from the
// raw bytes (the pipeline replaces Raw with Text as it goes). Raw itself is shared: no
// stage writes to it.
func copies(docs []*document.Document) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		for _, d := range docs {
			c := *d
			if !yield(&c, nil) {
				return
			}
		}
	}
}

// peakRSSMB reads the process's peak resident set (VmHWM) where Linux reports it, else
// the memory the Go runtime obtained from the system.
func peakRSSMB() float64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range bytes.Split(b, []byte("\n")) {
			if rest, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
				f := bytes.Fields(rest)
				if len(f) > 0 {
					if kb, err := strconv.ParseFloat(string(f[0]), 64); err == nil {
						return kb / 1024
					}
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.Sys) / (1 << 20)
}
