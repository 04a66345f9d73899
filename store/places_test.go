package store

import (
	"context"
	"testing"

	"herald/document"
)

func TestPlaces(t *testing.T) {
	s := openTest(t)
	at := func(e document.Event, name, country string, lat, lon float64) document.Event {
		e.Location = &document.Location{Name: name, Country: country, Lat: lat, Lon: lon}
		return e
	}
	mustPut(t, s, []*document.Document{
		testDoc("a", "2024-05-20",
			at(ev(0, "KAZGOV", "CHNGOV", "040", "04", 1, 1.0, "2024-05-20"), "Astana", "KAZ", 51.18, 71.45),
			at(ev(1, "RUSMIL", "UKR", "190", "19", 4, -10, "2024-05-20"), "Kharkiv", "UKR", 49.99, 36.23)),
		testDoc("b", "2024-05-27",
			at(ev(0, "KAZ", "CHN", "036", "03", 1, 4, "2024-05-27"), "Astana", "KAZ", 51.18, 71.45),
			ev(2, "IGOEUREEC", "RUS", "111", "11", 3, -2, "2024-05-27")), // no location
	})
	ctx := context.Background()
	places, next, err := s.Places(ctx, EventFilter{}, Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	astana := Place{Name: "Astana", Country: "KAZ", Lat: 51.18, Lon: 71.45, Events: 2, Quads: [4]int64{2, 0, 0, 0}, Goldstein: 2.5}
	if len(places) != 1 || places[0] != astana || next == "" {
		t.Fatalf("page 1: %+v next %q", places, next)
	}
	rest, next2, err := s.Places(ctx, EventFilter{}, Page{Limit: 10, Cursor: next})
	if err != nil || len(rest) != 1 || rest[0].Name != "Kharkiv" || rest[0].Quads != [4]int64{0, 0, 0, 1} || next2 != "" {
		t.Errorf("page 2: %+v %q %v", rest, next2, err)
	}
	var f EventFilter
	f.Set("quad", "4")
	if got, _, err := s.Places(ctx, f, Page{Limit: 10}); err != nil || len(got) != 1 || got[0].Name != "Kharkiv" {
		t.Errorf("quad=4: %+v %v", got, err)
	}
	if _, _, err := s.Places(ctx, EventFilter{}, Page{Limit: 10, Cursor: next + "x"}); err == nil {
		t.Error("a bad cursor was accepted")
	}
	if _, _, err := s.Dyads(ctx, EventFilter{}, Page{Limit: 10, Cursor: next}); err == nil {
		t.Error("a places cursor was accepted by dyads")
	}
}
