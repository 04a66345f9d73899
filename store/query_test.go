package store

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func eventIDs(evs []Event) string {
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	return strings.Join(ids, " ")
}

func TestEventFilters(t *testing.T) {
	s := openTest(t)
	mustPut(t, s, corpus())
	ctx := context.Background()
	for _, tc := range []struct {
		params [][2]string
		want   string
	}{
		{nil, "c:0 a:0 a:1 b:0 b:1"},
		{[][2]string{{"from", "2024-05-21"}}, "b:0 b:1"},
		{[][2]string{{"to", "2024-05-27"}}, "a:0 a:1 b:0"},
		{[][2]string{{"from", "2024-05-20"}, {"to", "2024-05-20"}}, "a:0 a:1"},
		{[][2]string{{"actor", "KAZ"}}, "c:0 a:0"},
		{[][2]string{{"actor", "rus"}}, "a:1 b:0 b:1"},
		{[][2]string{{"source", "RUS"}}, "a:1 b:1"},
		{[][2]string{{"target", "RUS"}}, "b:0"},
		{[][2]string{{"source", "IGO"}, {"target", "RUS"}}, "b:0"},
		{[][2]string{{"country", "UKR"}}, "a:1 b:1"},
		{[][2]string{{"root", "04"}}, "c:0 a:0"},
		{[][2]string{{"cameo", "111"}}, "b:0"},
		{[][2]string{{"quad", "4"}}, "a:1 b:1"},
		{[][2]string{{"plover", "consult"}}, "c:0 a:0"},
		{[][2]string{{"q", "kharkiv"}}, "a:1 b:1"},
		{[][2]string{{"q", "European union"}}, "b:0"},
		{[][2]string{{"q", "Union Astana"}}, ""},
		{[][2]string{{"q", `"NEAR(*`}}, "a:1 b:1"}, // FTS5 syntax is quoted away: the word "near"
		{[][2]string{{"min_confidence", "0.75"}}, "a:1 b:0 b:1"},
		{[][2]string{{"actor", "KAZ"}, {"from", "2024-01-01"}}, "a:0"},
	} {
		var f EventFilter
		for _, p := range tc.params {
			if err := f.Set(p[0], p[1]); err != nil {
				t.Fatalf("%v: %v", tc.params, err)
			}
		}
		evs, next, err := s.Events(ctx, f, Page{Limit: 100})
		if err != nil {
			t.Fatalf("%v: %v", tc.params, err)
		}
		if got := eventIDs(evs); got != tc.want || next != "" {
			t.Errorf("%v: got %q next %q, want %q", tc.params, got, next, tc.want)
		}
	}
}

func TestEventFilterErrors(t *testing.T) {
	for _, p := range [][2]string{
		{"from", "2024-13-01"}, {"from", "20240501"}, {"to", "yesterday"}, {"to", "2024-5-1"},
		{"actor", ""}, {"actor", "KAZ*"}, {"actor", "K Z"}, {"source", strings.Repeat("A", 33)},
		{"country", "KA"}, {"country", "KAZG"}, {"root", "4"}, {"root", "ab"},
		{"cameo", "x"}, {"cameo", "04-0"}, {"quad", "5"}, {"quad", "0"}, {"quad", "one"},
		{"plover", "CON SULT"}, {"q", "  ...  "}, {"q", strings.Repeat("a ", 200)},
		{"min_confidence", "2"}, {"min_confidence", "NaN"}, {"min_confidence", "-0.1"},
	} {
		var f EventFilter
		err := f.Set(p[0], p[1])
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != p[0] {
			t.Errorf("%s=%q: %v, want a ParamError", p[0], p[1], err)
		}
	}
	var f EventFilter
	if err := f.Set("colour", "red"); !errors.Is(err, ErrUnknownParam) {
		t.Errorf("unknown parameter: %v", err)
	}
	f.Set("to", "2024-01-01")
	if err := f.Set("from", "2024-02-01"); err == nil {
		t.Error("from after to accepted")
	}
}

func TestEventPages(t *testing.T) {
	s := openTest(t)
	mustPut(t, s, corpus())
	ctx := context.Background()
	all, _, _ := s.Events(ctx, EventFilter{}, Page{Limit: 100})
	for limit := 1; limit <= 6; limit++ {
		var got []Event
		cur := ""
		for pages := 0; ; pages++ {
			evs, next, err := s.Events(ctx, EventFilter{}, Page{Limit: limit, Cursor: cur})
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) > limit || pages > 10 {
				t.Fatalf("limit %d: page of %d", limit, len(evs))
			}
			got = append(got, evs...)
			if next == "" {
				break
			}
			cur = next
		}
		if eventIDs(got) != eventIDs(all) {
			t.Errorf("limit %d: pages give %s, want %s", limit, eventIDs(got), eventIDs(all))
		}
	}
	for _, bad := range []string{"x", "!!!!", cursor{Kind: "documents"}.encode(), "eyJrIjoiZXZlbnRzIiwieiI6MX0"} {
		if _, _, err := s.Events(ctx, EventFilter{}, Page{Limit: 10, Cursor: bad}); err == nil {
			t.Errorf("cursor %q accepted", bad)
		}
	}
	if _, _, err := s.Events(ctx, EventFilter{}, Page{Limit: 0}); err == nil {
		t.Error("limit 0 accepted")
	}
}

func TestDocuments(t *testing.T) {
	s := openTest(t)
	mustPut(t, s, corpus())
	ctx := context.Background()
	for _, tc := range []struct {
		params [][2]string
		want   string
	}{
		{nil, "c a b d"},
		{[][2]string{{"from", "2024-05-21"}}, "b d"},
		{[][2]string{{"to", "2024-05-31"}}, "a b"},
		{[][2]string{{"q", "title of b"}}, "b"},
		{[][2]string{{"q", "Kharkiv"}}, "c a b d"},
		{[][2]string{{"actor", "CHN"}}, "c a b d"},
		{[][2]string{{"actor", "USA"}}, ""},
	} {
		var f DocumentFilter
		for _, p := range tc.params {
			if err := f.Set(p[0], p[1]); err != nil {
				t.Fatal(err)
			}
		}
		var ids []string
		cur := ""
		for {
			docs, next, err := s.Documents(ctx, f, Page{Limit: 1, Cursor: cur})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if next == "" {
				break
			}
			cur = next
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.params, got, tc.want)
		}
	}
	docs, _, _ := s.Documents(ctx, DocumentFilter{}, Page{Limit: 10})
	if docs[1].ID != "a" || docs[1].Events != 2 || docs[1].Title != "Title of a" || docs[1].Published != "2024-05-20" {
		t.Errorf("document a: %+v", docs[1])
	}
}

func TestAggregates(t *testing.T) {
	s := openTest(t)
	mustPut(t, s, corpus())
	ctx := context.Background()
	actors, next, err := s.Actors(ctx, EventFilter{}, "", Page{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	// RUSMIL 2, UKR 2, then one each.
	if len(actors) != 2 || actors[0] != (Actor{Code: "RUSMIL", Events: 2, AsSource: 2, Goldstein: -10}) ||
		actors[1] != (Actor{Code: "UKR", Events: 2, AsTarget: 2, Goldstein: -10}) || next == "" {
		t.Errorf("actors page 1: %+v next %q", actors, next)
	}
	rest, next2, err := s.Actors(ctx, EventFilter{}, "", Page{Limit: 100, Cursor: next})
	if err != nil || len(rest) != 6 || next2 != "" || rest[0].Code != "CHN" {
		t.Errorf("actors page 2: %+v %q %v", rest, next2, err)
	}
	kaz, _, _ := s.Actors(ctx, EventFilter{}, "KAZ", Page{Limit: 100})
	if len(kaz) != 2 || kaz[0].Code != "KAZ" || kaz[1].Code != "KAZGOV" {
		t.Errorf("actors KAZ*: %+v", kaz)
	}
	var f EventFilter
	f.Set("quad", "4")
	dyads, _, err := s.Dyads(ctx, f, Page{Limit: 10})
	if err != nil || len(dyads) != 1 || dyads[0] != (Dyad{Source: "RUSMIL", Target: "UKR", Events: 2, Goldstein: -10}) {
		t.Errorf("dyads: %+v %v", dyads, err)
	}
	all, _, _ := s.Dyads(ctx, EventFilter{}, Page{Limit: 10})
	if len(all) != 4 {
		t.Errorf("all dyads: %+v", all)
	}

	for _, tc := range []struct{ interval, group, want string }{
		{"day", "", "2024-05-20//2 2024-05-27//1 2024-06-02//1"},
		{"week", "", "2024-05-20//2 2024-05-27//2"},
		{"month", "quad", "2024-05/1/1 2024-05/3/1 2024-05/4/1 2024-06/4/1"},
		{"month", "root", "2024-05/04/1 2024-05/11/1 2024-05/19/1 2024-06/19/1"},
	} {
		bs, _, err := s.Timeline(ctx, EventFilter{}, tc.interval, tc.group, Page{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range bs {
			got = append(got, b.Period+"/"+b.Group+"/"+itoa(b.Events))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("timeline %s %s: %s, want %s", tc.interval, tc.group, g, tc.want)
		}
	}
	if _, _, err := s.Timeline(ctx, EventFilter{}, "year", "", Page{Limit: 10}); err == nil {
		t.Error("interval=year accepted")
	}
	if _, _, err := s.Timeline(ctx, EventFilter{}, "day", "cameo", Page{Limit: 10}); err == nil {
		t.Error("group=cameo accepted")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func FuzzEventFilterSet(f *testing.F) {
	for _, p := range EventParams {
		f.Add(p, "2024-05-20")
		f.Add(p, "KAZ")
		f.Add(p, "0.5")
	}
	f.Add("q", `"x" OR y*`)
	s, err := Open(f.TempDir()+"/fuzz.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(context.Background(), entries(corpus()), 0, nil); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, param, value string) {
		var ef EventFilter
		if err := ef.Set(param, value); err != nil {
			return
		}
		// What Set accepts must make a query that the database accepts.
		where, args := ef.where()
		if strings.Count(where, "?") != len(args) {
			t.Fatalf("%s=%q: %d placeholders, %d arguments", param, value, strings.Count(where, "?"), len(args))
		}
		if _, _, err := s.Events(context.Background(), ef, Page{Limit: 1}); err != nil {
			t.Fatalf("%s=%q: %v", param, value, err)
		}
	})
}

func FuzzCursor(f *testing.F) {
	f.Add(cursor{Kind: "events", Date: "2024-05-20", ID: "a", N: 1}.encode())
	f.Add(cursor{Kind: "actors", Offset: 100}.encode())
	f.Add("")
	f.Add("eyJrIjoiZXZlbnRzIn0")
	s, err := Open(f.TempDir()+"/fuzz.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(context.Background(), entries(corpus()), 0, nil); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, c string) {
		ctx := context.Background()
		_, _, err1 := s.Events(ctx, EventFilter{}, Page{Limit: 2, Cursor: c})
		_, _, err2 := s.Actors(ctx, EventFilter{}, "", Page{Limit: 2, Cursor: c})
		_, _, err3 := s.Documents(ctx, DocumentFilter{}, Page{Limit: 2, Cursor: c})
		for _, err := range []error{err1, err2, err3} {
			var pe *ParamError
			if err != nil && !errors.As(err, &pe) {
				t.Fatalf("cursor %q: %v is not a ParamError", c, err)
			}
		}
	})
}
