package iob

import (
	"archive/zip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// gmbHeader is the first line of ner_dataset.csv.
var gmbHeader = []string{"Sentence #", "Word", "POS", "Tag"}

// ReadGMB reads the GMB NER CSV (ner_dataset.csv), which is encoded in Windows-1252. name
// is used in error messages.
func ReadGMB(r io.Reader, name string) ([]Sentence, error) {
	cr := csv.NewReader(charmap.Windows1252.NewDecoder().Reader(r))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var (
		out    []Sentence
		cur    Sentence
		tags   tagger
		header bool
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		tags.reset()
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, fmt.Errorf("%s:%d: %w: %w", name, line, ErrSyntax, err)
		}
		line, _ := cr.FieldPos(0) // FieldPos may only be asked about a record just read
		if !header {
			if len(rec) != len(gmbHeader) || rec[0] != gmbHeader[0] || rec[1] != gmbHeader[1] || rec[3] != gmbHeader[3] {
				return nil, fmt.Errorf("%s:%d: %w: not a GMB file: want the header %q", name, line, ErrSyntax, strings.Join(gmbHeader, ","))
			}
			header = true
			continue
		}
		if len(rec) != 4 {
			return nil, fmt.Errorf("%s:%d: %w: want 4 fields, have %d", name, line, ErrSyntax, len(rec))
		}
		if rec[0] != "" {
			n, ok := strings.CutPrefix(rec[0], "Sentence: ")
			id, err := strconv.Atoi(n)
			if !ok || err != nil {
				return nil, fmt.Errorf("%s:%d: %w: want \"Sentence: N\", have %q", name, line, ErrSyntax, clip(rec[0]))
			}
			flush()
			cur.ID, cur.Line = id, line
		} else if len(cur.Words) == 0 {
			return nil, fmt.Errorf("%s:%d: %w: a word before the first \"Sentence: N\"", name, line, ErrSyntax)
		}
		tag, err := tags.next(rec[3])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		// ReuseRecord recycles the slice but not the strings, so keeping them is safe.
		cur.Words = append(cur.Words, rec[1])
		cur.POS = append(cur.POS, tags.intern(rec[2]))
		cur.Tags = append(cur.Tags, tag)
	}
	flush()
	if !header {
		return nil, fmt.Errorf("%s: %w: empty, want the header %q", name, ErrSyntax, strings.Join(gmbHeader, ","))
	}
	return out, nil
}

// ReadFile reads a corpus file of any layout: GMB as ner_dataset.csv or the zip that holds
// it, anything else by its first data line.
func ReadFile(path string) ([]Sentence, Layout, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip":
		s, err := readZip(path)
		return s, GMB, err
	case ".csv":
		f, err := os.Open(path)
		if err != nil {
			return nil, GMB, err
		}
		defer f.Close()
		s, err := ReadGMB(f, path)
		return s, GMB, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, Unknown, err
	}
	defer f.Close()
	return Read(f, path)
}

// readZip reads the one .csv file of a zip archive as GMB.
func readZip(path string) ([]Sentence, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.EqualFold(filepath.Ext(f.Name), ".csv") {
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
			}
			defer rc.Close()
			return ReadGMB(rc, path+":"+f.Name)
		}
	}
	return nil, fmt.Errorf("%s: %w: no .csv file in the archive", path, ErrSyntax)
}
