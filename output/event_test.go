package output

import (
	"bytes"
	"strings"
	"testing"

	"herald/document"
)

// TestWriteEvent: each event written alone, from a document that holds only what the
// store keeps (metadata, text, the event's sentence span), gives the bytes that Write
// gives for the whole document, in every event format.
func TestWriteEvent(t *testing.T) {
	full := eventsDoc()
	for _, format := range CodeFormats {
		var want, got bytes.Buffer
		ww, err := NewWriter(&want, format, false, true)
		if err != nil {
			t.Fatal(err)
		}
		gw, _ := NewWriter(&got, format, false, true)
		if err := ww.Write(full); err != nil {
			t.Fatal(err)
		}
		for i := range full.Events {
			ev := full.Events[i]
			sparse := &document.Document{ID: full.ID, Source: full.Source, URL: full.URL, Title: full.Title,
				Published: full.Published, Text: full.Text,
				Events: make([]document.Event, i+1), Sentences: make([]document.Sentence, ev.Sentence+1)}
			sparse.Events[i] = ev
			sparse.Sentences[ev.Sentence] = full.Sentences[ev.Sentence]
			if err := gw.WriteEvent(sparse, i); err != nil {
				t.Fatal(err)
			}
		}
		ww.Flush()
		gw.Flush()
		if got.String() != want.String() {
			t.Errorf("%s: WriteEvent gives\n%s\nwant\n%s", format, got.String(), want.String())
		}
	}
	w, _ := NewWriter(&bytes.Buffer{}, JSONL, false, true)
	if err := w.WriteEvent(full, 9); err == nil {
		t.Error("event 9 of 4 written")
	}
	w, _ = NewWriter(&bytes.Buffer{}, JSONL, false, false)
	if err := w.WriteEvent(full, 0); err == nil {
		t.Error("WriteEvent on a document writer")
	}
}

// TestUnassertedNotWritten: a negated or a hypothetical event is in no event format, alone
// or among its document's events.
func TestUnassertedNotWritten(t *testing.T) {
	for _, mark := range []func(*document.Event){
		func(e *document.Event) { e.Negated = true },
		func(e *document.Event) { e.Hypothetical = true },
	} {
		doc := eventsDoc()
		for i := range doc.Events {
			mark(&doc.Events[i])
		}
		for _, format := range CodeFormats {
			var all, one bytes.Buffer
			w, _ := NewWriter(&all, format, false, true)
			if err := w.Write(doc); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			w1, _ := NewWriter(&one, format, false, true)
			if err := w1.WriteEvent(doc, 0); err != nil {
				t.Fatal(err)
			}
			w1.Flush()
			header := ""
			if format == TSV {
				header = strings.Join(TSVColumns(), "\t") + "\n"
			}
			if all.String() != header || one.String() != header {
				t.Errorf("%s: unasserted events written:\n%s\n%s", format, all.String(), one.String())
			}
		}
	}
}
