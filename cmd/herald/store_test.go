package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"herald/export"
	"herald/store"
)

// writeCorpus writes n short wire stories of our own making as a JSON Lines file, so that
// the store's tests need no third-party text. The same n gives the same file.
func writeCorpus(t testing.TB, dir string, n int) string {
	t.Helper()
	type country struct{ name, adj, capital, leader, role string }
	countries := []country{
		{"Kenya", "Kenyan", "Nairobi", "William Ruto", "President"},
		{"Switzerland", "Swiss", "Bern", "Ignazio Cassis", "Foreign Minister"},
		{"France", "French", "Paris", "Emmanuel Macron", "President"},
		{"Japan", "Japanese", "Tokyo", "Fumio Kishida", "Prime Minister"},
		{"Brazil", "Brazilian", "Brasilia", "Luiz Inacio Lula da Silva", "President"},
		{"Egypt", "Egyptian", "Cairo", "Sameh Shoukry", "Foreign Minister"},
		{"Canada", "Canadian", "Ottawa", "Justin Trudeau", "Prime Minister"},
		{"Germany", "German", "Berlin", "Annalena Baerbock", "Foreign Minister"},
	}
	sentences := []string{
		"%[1]s %[2]s %[3]s met %[4]s %[5]s %[6]s in %[7]s on %[8]s.",
		"%[3]s said %[9]s would sign a trade agreement with %[10]s next month.",
		"%[9]s accused %[10]s of violating the fishing accord.",
		"The government of %[10]s rejected the accusation and demanded an apology from %[9]s.",
		"%[9]s promised economic aid to %[10]s after the floods.",
		"Police in %[7]s arrested dozens of protesters outside the embassy of %[10]s.",
		"%[6]s praised %[3]s for the talks.",
		"Officials from %[9]s and %[10]s will meet again in %[11]s.",
	}
	weekdays := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	path := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	r := rand.New(rand.NewPCG(7, uint64(n)))
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := countries[r.IntN(len(countries))]
		b := countries[r.IntN(len(countries))]
		for b == a {
			b = countries[r.IntN(len(countries))]
		}
		date := day.AddDate(0, 0, i%90)
		var text strings.Builder
		fmt.Fprintf(&text, "%s, %s (Herald Wire) -- ", strings.ToUpper(a.capital), date.Format("Jan 2"))
		k := 2 + r.IntN(4)
		for j, s := range sentences {
			if j > 0 && r.IntN(len(sentences)) > k {
				continue
			}
			fmt.Fprintf(&text, s+" ", a.adj, a.role, a.leader, b.adj, b.role, b.leader, a.capital,
				weekdays[r.IntN(len(weekdays))], a.name, b.name, b.capital)
		}
		rec := map[string]string{"id": fmt.Sprintf("wire-%04d", i), "published": date.Format("2006-01-02"),
			"title": a.name + " and " + b.name, "text": strings.TrimSpace(text.String())}
		if i%17 == 0 {
			rec["url"] = fmt.Sprintf("https://news.example/%d", i)
		}
		b2, _ := json.Marshal(rec)
		w.Write(b2)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return path
}

func digest(t testing.TB, path string) (string, store.Counts) {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Check(ctx); err != nil {
		t.Errorf("%s: %v", path, err)
	}
	d, err := s.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return d, c
}

// summary reads the KEY=VALUE last line of ingest's summary.
func summary(t testing.TB, out string) map[string]string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	m := map[string]string{}
	for _, kv := range strings.Fields(lines[len(lines)-1]) {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

func TestIngestTwiceAndReprocess(t *testing.T) {
	dir := t.TempDir()
	corpus := writeCorpus(t, dir, 40)
	// A plain text file and an HTML page beside the JSONL records.
	txt := filepath.Join(dir, "story.txt")
	os.WriteFile(txt, []byte("NAIROBI, March 3 (Herald Wire) -- Kenyan President William Ruto met French President Emmanuel Macron on Tuesday.\n"), 0o644)
	db := filepath.Join(dir, "h.db")

	code, out, errOut := herald(t, "", "ingest", "--today", today, "--db", db, corpus, txt)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errOut)
	}
	first := summary(t, out)
	if first["documents"] != "41" || first["new"] != "41" || first["unchanged"] != "0" || first["errors"] != "0" || first["events"] == "0" {
		t.Fatalf("first ingest: %v\n%s", first, out)
	}
	d1, c1 := digest(t, db)
	if c1.Documents != 41 || fmt.Sprint(c1.Events) != first["events"] {
		t.Errorf("counts %+v after %v", c1, first)
	}

	// Again: nothing is added, nothing changes.
	code, out, errOut = herald(t, "", "ingest", "--today", today, "--db", db, corpus, txt)
	second := summary(t, out)
	if code != 0 || second["new"] != "0" || second["replaced"] != "0" || second["unchanged"] != "41" || second["events"] != "0" {
		t.Fatalf("second ingest: exit %d %v\n%s", code, second, errOut)
	}
	if d2, c2 := digest(t, db); d2 != d1 || c2 != c1 {
		t.Errorf("the second ingest changed the store: %+v -> %+v", c1, c2)
	}

	// Reprocessing analyzes every document again from its input: the same herald gives
	// the same store.
	code, out, errOut = herald(t, "", "reprocess", "--today", today, "--db", db)
	re := summary(t, out)
	if code != 0 || re["replaced"] != "41" || re["events"] != first["events"] {
		t.Fatalf("reprocess: exit %d %v\n%s", code, re, errOut)
	}
	if d3, c3 := digest(t, db); d3 != d1 || c3 != c1 {
		t.Errorf("reprocess changed the store: %+v -> %+v", c1, c3)
	}
	code, out, _ = herald(t, "", "reprocess", "--today", today, "--db", db, "--id", "wire-0003", "--id", "nope")
	if re := summary(t, out); code != 0 || re["documents"] != "1" || re["replaced"] != "1" {
		t.Errorf("reprocess --id: %d %v", code, re)
	}

	// A changed record is analyzed again and replaces the stored one.
	changed := filepath.Join(dir, "changed.jsonl")
	os.WriteFile(changed, []byte(`{"id": "wire-0001", "published": "2024-01-02", "text": "CAIRO, Jan 2 (Herald Wire) -- Egypt accused Brazil of spying."}`+"\n"), 0o644)
	code, out, _ = herald(t, "", "ingest", "--today", today, "--db", db, changed)
	if s := summary(t, out); code != 0 || s["replaced"] != "1" || s["db_documents"] != "41" {
		t.Errorf("changed record: %d %v", code, s)
	}

	// Usage errors.
	if code, _, _ := herald(t, "", "ingest", corpus); code != 2 {
		t.Errorf("ingest without --db: exit %d", code)
	}
	if code, _, _ := herald(t, "", "ingest", "--db", db); code != 2 {
		t.Errorf("ingest without inputs: exit %d", code)
	}
	if code, _, _ := herald(t, "", "ingest", "--db", db, "--batch", "0", corpus); code != 2 {
		t.Errorf("ingest --batch 0: exit %d", code)
	}
	// A bad input is reported, the others are stored, and the exit status is 1.
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\": \"ok-1\", \"text\": \"Kenya praised Japan.\"}\nnot json\n"), 0o644)
	code, out, errOut = herald(t, "", "ingest", "--today", today, "--db", db, bad)
	if s := summary(t, out); code != 1 || s["errors"] != "1" || s["new"] != "1" || !strings.Contains(errOut, "bad.jsonl:2") {
		t.Errorf("bad input: exit %d %v\n%s", code, s, errOut)
	}
}

// TestExportFormats: what export writes from the store is what herald code writes for the
// same inputs, in every event format (in another order: export sorts by date), and the
// csv and parquet tables hold the same events.
func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	corpus := writeCorpus(t, dir, 30)
	db := filepath.Join(dir, "h.db")
	if code, _, errOut := herald(t, "", "ingest", "--today", today, "--db", db, corpus); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	sortedLines := func(s string) []string {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		slices.Sort(lines)
		return lines
	}
	var events int
	for _, format := range []string{"jsonl", "gdelt", "plover", "tsv"} {
		code, want, errOut := herald(t, "", "code", "--today", today, "--format", format, corpus)
		if code != 0 {
			t.Fatalf("code: %s", errOut)
		}
		code, got, errOut := herald(t, "", "export", "--db", db, "--format", format)
		if code != 0 {
			t.Fatalf("export %s: %s", format, errOut)
		}
		if !slices.Equal(sortedLines(got), sortedLines(want)) {
			t.Errorf("export --format %s differs from herald code --format %s", format, format)
		}
		if format == "jsonl" {
			events = len(sortedLines(got))
		}
	}
	if events < 30 {
		t.Fatalf("only %d events: the corpus should code more", events)
	}

	code, out, _ := herald(t, "", "export", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != events+1 || !slices.Equal(rows[0], export.Columns) {
		t.Fatalf("csv: exit %d, %v, %d rows", code, err, len(rows))
	}

	pq := filepath.Join(dir, "events.parquet")
	if code, _, errOut := herald(t, "", "export", "--db", db, "--format", "parquet", "--row-group", "7", "--out", pq); code != 0 {
		t.Fatalf("parquet: %s", errOut)
	}
	f, err := os.Open(pq)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	if pf.NumRows() != int64(events) || len(pf.RowGroups()) != (events+6)/7 {
		t.Errorf("parquet: %d rows in %d row groups, want %d in %d", pf.NumRows(), len(pf.RowGroups()), events, (events+6)/7)
	}
	got, err := parquet.Read[export.Row](f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		csvRow := rows[i+1]
		if r.ID != csvRow[0] || r.SourceCode != csvRow[5] || r.CAMEO != csvRow[8] || r.Date == nil ||
			time.Unix(int64(*r.Date)*86400, 0).UTC().Format("2006-01-02") != csvRow[3] {
			t.Fatalf("parquet row %d %+v differs from csv %v", i, r, csvRow)
		}
	}

	// Filters, as the API's: the filtered export holds exactly the events of the whole
	// one that pass them, and there are some, so that neither an empty export, nor one
	// that fails, nor a filter that keeps too few passes.
	type quadDate struct {
		Quad int
		Date string
	}
	decode := func(line string) quadDate {
		var e quadDate
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("export --format jsonl wrote %q: %v", line, err)
		}
		return e
	}
	code, all, errOut := herald(t, "", "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errOut)
	}
	var kept []string
	for _, line := range sortedLines(all) {
		if e := decode(line); e.Quad == 3 && e.Date >= "2024-01-10" {
			kept = append(kept, line)
		}
	}
	if len(kept) == 0 || len(kept) == events {
		t.Fatalf("%d of the %d events pass the filters: the corpus cannot show that they filter", len(kept), events)
	}
	code, out, errOut = herald(t, "", "export", "--db", db, "--format", "jsonl", "--quad", "3", "--from", "2024-01-10")
	if code != 0 {
		t.Fatalf("filtered export: exit %d\n%s", code, errOut)
	}
	filtered := sortedLines(out)
	for _, line := range filtered {
		if e := decode(line); e.Quad != 3 || e.Date < "2024-01-10" {
			t.Errorf("filtered export holds %s", line)
		}
	}
	if !slices.Equal(filtered, kept) {
		t.Errorf("filtered export: %d events, want the %d of the whole export with quad 3 from 2024-01-10", len(filtered), len(kept))
	}
	for _, args := range [][]string{
		{"--format", "xml"}, {"--from", "2024-13-01"}, {"--quad", "9"}, {"--row-group", "0"}, {"--colour", "red"},
	} {
		if code, _, _ := herald(t, "", append([]string{"export", "--db", db}, args...)...); code != 2 {
			t.Errorf("export %v: exit %d, want 2", args, code)
		}
	}
	if code, _, _ := herald(t, "", "export", "--db", filepath.Join(dir, "missing.db")); code != 1 {
		t.Errorf("export of a missing database: exit %d", code)
	}
}

// TestIngestCrash kills herald ingest with SIGKILL at random points, several times, runs
// it again to the end, and compares the store with that of an uninterrupted run: no
// document lost, none twice, the same events, and the integrity checks pass.
func TestIngestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds herald and runs it several times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "herald")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const n = 400
	corpus := writeCorpus(t, dir, n)
	ingestArgs := func(db string) []string {
		return []string{"ingest", "--today", today, "--batch", "8", "--db", db, corpus}
	}

	ref := filepath.Join(dir, "ref.db")
	if out, err := exec.Command(bin, ingestArgs(ref)...).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted ingest: %v\n%s", err, out)
	}
	refDigest, refCounts := digest(t, ref)
	if refCounts.Documents != n || refCounts.Events == 0 {
		t.Fatalf("uninterrupted ingest stored %+v", refCounts)
	}

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	db := filepath.Join(dir, "crash.db")
	kills := 0
	for attempt := 0; attempt < 4; attempt++ {
		stored := countDocs(t, db)
		// Kill once the store holds a random number of documents beyond what it has,
		// which lands at any point of the work: analyzing, encoding, committing.
		target := stored + 1 + int64(r.IntN(int(max(1, (n-stored)/2))))
		cmd := exec.Command(bin, ingestArgs(db)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		killed := false
	poll:
		for {
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("ingest failed on its own: %v\n%s", err, stderr.String())
				}
				break poll
			case <-time.After(time.Duration(5+r.IntN(20)) * time.Millisecond):
				if countDocs(t, db) >= target {
					cmd.Process.Signal(syscall.SIGKILL)
					<-done
					killed = true
					break poll
				}
			}
		}
		if killed {
			kills++
			t.Logf("killed at %d stored documents (target %d)", countDocs(t, db), target)
		}
	}
	if kills == 0 {
		t.Fatal("no run was killed part-way")
	}
	out, err := exec.Command(bin, ingestArgs(db)...).CombinedOutput()
	if err != nil {
		t.Fatalf("final ingest: %v\n%s", err, out)
	}
	gotDigest, gotCounts := digest(t, db)
	if gotCounts != refCounts {
		t.Errorf("after %d kills: %+v, uninterrupted: %+v", kills, gotCounts, refCounts)
	}
	if gotDigest != refDigest {
		t.Errorf("after %d kills the store differs from the uninterrupted run's", kills)
	}
	// And a run over a complete store adds nothing.
	out, err = exec.Command(bin, ingestArgs(db)...).Output()
	if err != nil {
		t.Fatalf("a run after the last: %v", err)
	}
	if s := summary(t, string(out)); s["new"] != "0" || s["unchanged"] != fmt.Sprint(n) {
		t.Errorf("a run after the last: %v", s)
	}
}

// countDocs counts the documents stored in db, 0 while it does not exist.
func countDocs(t testing.TB, db string) int64 {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		return 0 // not migrated yet
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		return 0
	}
	return c.Documents
}
