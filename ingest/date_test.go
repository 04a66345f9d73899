package ingest

import (
	"testing"
	"time"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2024-05-20", "2024-05-20"},
		{"2024-05-20T10:00:00Z", "2024-05-20"},
		{"2024-05-20T23:30:00-05:00", "2024-05-20"}, // the publisher's day, not UTC's
		{"2024-05-20t10:00:00z", "2024-05-20"},
		{"1987-02-26 15:01:01", "1987-02-26"},
		{"  2024-05-20  ", "2024-05-20"},
		{"Mon, 20 May 2024 10:00:00 GMT", "2024-05-20"},
		{"Mon, 20 May 2024 10:00:00 +0200", "2024-05-20"},
		{"Thu, 5 Jan 2023 08:00:00 -0500", "2023-01-05"},
		{"Monday, 20-May-24 10:00:00 UTC", "2024-05-20"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{"2024/05/20", "2024-05-20"},
		{"20 May 2024", "2024-05-20"},
		{"May 20, 2024", "2024-05-20"},
		{"Jan. 5, 2024", "2024-01-05"},
		{"January 5, 2024", "2024-01-05"},
		{"Monday, May 20, 2024", "2024-05-20"},
		{"20240520", "2024-05-20"},
		{"1716200000", "2024-05-20"},
		{"1716200000000", "2024-05-20"},
		{"2024-02-30", ""}, // no such day
		{"2024-13-01", ""},
		{"2024-05-20garbage", ""},
		{"yesterday", ""},
		{"05/20/24", ""}, // ambiguous: month or day first
		{"", ""},
		{"12345", ""},
	}
	for _, tt := range tests {
		got, ok := normalizeDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("normalizeDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func FuzzNormalizeDate(f *testing.F) {
	for _, s := range []string{"2024-05-20", "Mon, 20 May 2024 10:00:00 GMT", "26-FEB-1987 15:01:01.79", "1716200000", "20240520", "May 20, 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := normalizeDate(s)
		if !ok {
			if got != "" {
				t.Fatalf("%q: not ok but returned %q", s, got)
			}
			return
		}
		if _, err := time.Parse("2006-01-02", got); err != nil {
			t.Fatalf("%q gave %q, not a YYYY-MM-DD date", s, got)
		}
	})
}
