package store

import (
	"context"
)

// Place is a location of the selected events, with their number per QuadClass.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Events  int64   `json:"events"`
	// Quads counts the events of each QuadClass: Quads[0] verbal cooperation …
	// Quads[3] material conflict.
	Quads     [4]int64 `json:"quads"`
	Goldstein float64  `json:"goldstein"` // mean Goldstein score
}

// Places ranks the locations (name, country and coordinates) of the events f selects by
// their number of events; events without a location are left out. It reads the location
// from each event's record, so it visits every selected event: narrow it with filters on
// a large store.
func (s *SQLite) Places(ctx context.Context, f EventFilter, page Page) ([]Place, string, error) {
	off, err := offsetPage(page, "places")
	if err != nil {
		return nil, "", err
	}
	where, args := f.where()
	args = append(args, page.Limit+1, off)
	rows, err := s.db.QueryContext(ctx, `SELECT name, country, lat, lon, count(*),
			sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), avg(goldstein) FROM (
			SELECT coalesce(json_extract(e.record, '$.location.name'), '') AS name,
				coalesce(json_extract(e.record, '$.location.country'), '') AS country,
				json_extract(e.record, '$.location.lat') AS lat, json_extract(e.record, '$.location.lon') AS lon,
				e.quad AS quad, e.goldstein AS goldstein
			FROM events e WHERE `+where+`)
		WHERE lat IS NOT NULL AND lon IS NOT NULL
		GROUP BY name, country, lat, lon ORDER BY count(*) DESC, name, country, lat, lon LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	out := []Place{}
	for rows.Next() {
		var p Place
		if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events,
			&p.Quads[0], &p.Quads[1], &p.Quads[2], &p.Quads[3], &p.Goldstein); err != nil {
			return nil, "", err
		}
		out = append(out, p)
	}
	out, next := trimPage(out, page.Limit, off, "places")
	return out, next, rows.Err()
}
