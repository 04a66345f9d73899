package ingest

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the forms of publication dates seen in feeds and article exports,
// beyond the ISO 8601 forms that normalizeDate reads directly.
var dateLayouts = [...]string{
	time.RFC1123Z,                    // Mon, 02 Jan 2006 15:04:05 -0700 (RSS)
	time.RFC1123,                     // Mon, 02 Jan 2006 15:04:05 MST
	"Mon, 2 Jan 2006 15:04:05 -0700", // RSS with a one-digit day
	"Mon, 2 Jan 2006 15:04:05 MST",   //
	"Mon, 2 Jan 2006",                //
	time.RFC850,                      // Monday, 02-Jan-06 15:04:05 MST
	time.RFC822Z,                     // 02 Jan 06 15:04 -0700
	time.RFC822,                      // 02 Jan 06 15:04 MST
	time.ANSIC,                       // Mon Jan _2 15:04:05 2006
	time.UnixDate,                    // Mon Jan _2 15:04:05 MST 2006
	"2-Jan-2006 15:04:05.99",         // Reuters-21578: 26-FEB-1987 15:01:01.79
	"2-Jan-2006 15:04:05",            //
	"2-Jan-2006",                     //
	"2006/01/02",                     //
	"2006/01/02 15:04:05",            //
	"2006.01.02",                     //
	"2 Jan 2006",                     //
	"2 January 2006",                 //
	"Jan 2, 2006",                    //
	"January 2, 2006",                //
	"Jan. 2, 2006",                   // AP style
	"Monday, January 2, 2006",        //
	"Monday, 2 January 2006",         //
	"January 2, 2006 15:04",          //
	"January 2, 2006 3:04 PM",        //
	"Jan 2, 2006 3:04 PM",            //
}

// normalizeDate turns a publication date as a record gives it into YYYY-MM-DD. The date
// is the one written, in the writer's time zone: "2024-05-20T23:30:00-05:00" is May 20,
// the day the publisher printed. Numbers of 9-10 digits are Unix seconds, 12-13 digits
// Unix milliseconds (UTC), 8 digits YYYYMMDD.
func normalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		// ISO 8601 / RFC 3339 / SQL: the date part, then nothing, or a time after T or space.
		if rest := s[10:]; rest == "" || rest[0] == 'T' || rest[0] == 't' || rest[0] == ' ' {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t.Format("2006-01-02"), true
			}
			return "", false
		}
	}
	if isDigits(s) {
		return normalizeNumericDate(s)
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

func normalizeNumericDate(s string) (string, bool) {
	switch len(s) {
	case 8:
		if t, err := time.Parse("20060102", s); err == nil {
			return t.Format("2006-01-02"), true
		}
	case 9, 10, 12, 13:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return "", false
		}
		if len(s) >= 12 {
			return time.UnixMilli(n).UTC().Format("2006-01-02"), true
		}
		return time.Unix(n, 0).UTC().Format("2006-01-02"), true
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
