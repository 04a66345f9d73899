package store

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ParamError is a bad query parameter or cursor: the caller's mistake, not the store's.
type ParamError struct {
	Param string
	Msg   string
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Msg }

func paramErr(param, format string, args ...any) error {
	return &ParamError{Param: param, Msg: fmt.Sprintf(format, args...)}
}

// EventFilter selects events. The zero value selects them all. Its fields are set from
// query parameters (the API's, and export's flags) with Set, which validates them.
type EventFilter struct {
	From, To string // YYYY-MM-DD, inclusive; events without a date are left out when either is set
	Actor    string // a CAMEO actor code prefix that the source or the target has
	Source   string // a prefix of the source's code
	Target   string // a prefix of the target's code
	// Country is a three-letter code: the event's location is in it, or either actor's
	// code starts with it (KAZ matches KAZGOV).
	Country       string
	Root          string // CAMEO root, two digits
	CAMEO         string // CAMEO event code, exact
	Quad          int    // QuadClass 1-4, 0 any
	PLOVER        string // PLOVER event class
	Q             string // words that the event's evidence sentence contains (all of them)
	MinConfidence float64
}

// EventParams are the names Set accepts, in the order the API documents them.
var EventParams = []string{"from", "to", "actor", "source", "target", "country", "root", "cameo", "quad", "plover", "q", "min_confidence"}

// ErrUnknownParam is wrapped by Set for a name it does not know.
var ErrUnknownParam = errors.New("unknown parameter")

// Set sets the filter field that param names from its value, or returns a *ParamError
// saying what is wrong with it.
func (f *EventFilter) Set(param, value string) error {
	var err error
	switch param {
	case "from":
		f.From, err = parseDay(param, value)
	case "to":
		f.To, err = parseDay(param, value)
	case "actor":
		f.Actor, err = parseCode(param, value, 1, 32)
	case "source":
		f.Source, err = parseCode(param, value, 1, 32)
	case "target":
		f.Target, err = parseCode(param, value, 1, 32)
	case "country":
		f.Country, err = parseCode(param, value, 3, 3)
	case "root":
		if len(value) != 2 || !isDigits(value) {
			return paramErr(param, "want a two-digit CAMEO root (01-20), got %q", clip(value))
		}
		f.Root = value
	case "cameo":
		v := strings.ToUpper(value)
		if len(v) < 2 || len(v) > 4 || !isDigits(v[:2]) || !isAlnum(v) {
			return paramErr(param, "want a CAMEO event code such as 040 or 0233, got %q", clip(value))
		}
		f.CAMEO = v
	case "quad":
		q, e := strconv.Atoi(value)
		if e != nil || q < 1 || q > 4 {
			return paramErr(param, "want a QuadClass 1-4, got %q", clip(value))
		}
		f.Quad = q
	case "plover":
		v := strings.ToUpper(value)
		if v == "" || len(v) > 32 || strings.IndexFunc(v, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r == '_') }) >= 0 {
			return paramErr(param, "want a PLOVER event class such as CONSULT, got %q", clip(value))
		}
		f.PLOVER = v
	case "q":
		if _, err := ftsQuery(param, value); err != nil {
			return err
		}
		f.Q = value
	case "min_confidence":
		c, e := strconv.ParseFloat(value, 64)
		if e != nil || c < 0 || c > 1 || c != c {
			return paramErr(param, "want a number from 0 to 1, got %q", clip(value))
		}
		f.MinConfidence = c
	default:
		return fmt.Errorf("%w %q", ErrUnknownParam, clip(param))
	}
	if err != nil {
		return err
	}
	return checkRange(f.From, f.To)
}

// where is the filter as SQL over events aliased e, with its arguments.
func (f *EventFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.From != "" {
		add("e.date >= ?", f.From)
	}
	if f.To != "" {
		add("e.date <= ? AND e.date != ''", f.To)
	}
	if f.Actor != "" {
		add("(e.source_code GLOB ? OR e.target_code GLOB ?)", f.Actor+"*", f.Actor+"*")
	}
	if f.Source != "" {
		add("e.source_code GLOB ?", f.Source+"*")
	}
	if f.Target != "" {
		add("e.target_code GLOB ?", f.Target+"*")
	}
	if f.Country != "" {
		add("(e.country = ? OR e.source_code GLOB ? OR e.target_code GLOB ?)", f.Country, f.Country+"*", f.Country+"*")
	}
	if f.Root != "" {
		add("e.root = ?", f.Root)
	}
	if f.CAMEO != "" {
		add("e.cameo = ?", f.CAMEO)
	}
	if f.Quad != 0 {
		add("e.quad = ?", f.Quad)
	}
	if f.PLOVER != "" {
		add("e.plover = ?", f.PLOVER)
	}
	if f.Q != "" {
		q, _ := ftsQuery("q", f.Q) // validated by Set
		add("e.rid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)", q)
	}
	if f.MinConfidence > 0 {
		add("e.confidence >= ?", f.MinConfidence)
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// DocumentFilter selects documents.
type DocumentFilter struct {
	Q        string // words that the title or text contains (all of them)
	From, To string // publication date, YYYY-MM-DD, inclusive
	Actor    string // an entity of the document has an actor code with this prefix
}

// DocumentParams are the names DocumentFilter.Set accepts.
var DocumentParams = []string{"q", "from", "to", "actor"}

// Set sets the field that param names, as EventFilter.Set does.
func (f *DocumentFilter) Set(param, value string) error {
	var err error
	switch param {
	case "q":
		if _, err := ftsQuery(param, value); err != nil {
			return err
		}
		f.Q = value
	case "from":
		f.From, err = parseDay(param, value)
	case "to":
		f.To, err = parseDay(param, value)
	case "actor":
		f.Actor, err = parseCode(param, value, 1, 32)
	default:
		return fmt.Errorf("%w %q", ErrUnknownParam, clip(param))
	}
	if err != nil {
		return err
	}
	return checkRange(f.From, f.To)
}

func (f *DocumentFilter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Q != "" {
		q, _ := ftsQuery("q", f.Q)
		conds = append(conds, "d.rid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
		args = append(args, q)
	}
	if f.From != "" {
		conds = append(conds, "d.published >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		conds = append(conds, "d.published <= ? AND d.published != ''")
		args = append(args, f.To)
	}
	if f.Actor != "" {
		conds = append(conds, "d.id IN (SELECT doc_id FROM entities WHERE actor != '' AND actor GLOB ?)")
		args = append(args, f.Actor+"*")
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

func parseDay(param, v string) (string, error) {
	t, err := time.Parse("2006-01-02", v)
	if err != nil || len(v) != 10 {
		return "", paramErr(param, "want a date YYYY-MM-DD, got %q", clip(v))
	}
	return t.Format("2006-01-02"), nil
}

// parseCode reads a CAMEO code or prefix: letters and digits, upper-cased, after an
// optional "---", the unknown country ("---GOV"). Nothing else gets through, so a code
// can go into a GLOB pattern as it is.
func parseCode(param, v string, minLen, maxLen int) (string, error) {
	u := strings.ToUpper(v)
	if len(u) < minLen || len(u) > maxLen || !isAlnum(strings.TrimPrefix(u, "---")) {
		if minLen == maxLen {
			return "", paramErr(param, "want a %d-letter code, got %q", minLen, clip(v))
		}
		return "", paramErr(param, "want a CAMEO actor code or prefix (letters and digits), got %q", clip(v))
	}
	return u, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// clip shortens a value quoted back in an error message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	r := []rune(s)
	if len(r) > 40 {
		r = r[:40]
	}
	return string(r) + "…"
}

// ftsQuery turns words a user typed into an FTS5 query that cannot be malformed: every
// word (a run of letters and digits) becomes a quoted string, and the words are ANDed.
// FTS5's operators (OR, NEAR, *, column filters) are not offered.
func ftsQuery(param, q string) (string, error) {
	if len(q) > 256 {
		return "", paramErr(param, "at most 256 bytes")
	}
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return "", paramErr(param, "no word to search for in %q", clip(q))
	}
	if len(words) > 16 {
		return "", paramErr(param, "at most 16 words")
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " "), nil
}

// Page asks for one page of a list: at most Limit rows after the position Cursor names
// ("" for the first page).
type Page struct {
	Limit  int
	Cursor string
}

// cursor is the position after the last row of a page, encoded opaquely (base64 of JSON)
// for the client to send back. Kind ties it to the list it came from.
type cursor struct {
	Kind   string `json:"k"`
	Date   string `json:"d,omitempty"`
	ID     string `json:"i,omitempty"`
	N      int64  `json:"n,omitempty"`
	Offset int64  `json:"o,omitempty"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// maxCursor bounds a cursor's length: ids are at most a few hundred bytes.
const maxCursor = 2048

// decodeCursor reads a cursor sent back by a client, which must come from a list of kind.
func decodeCursor(s, kind string) (cursor, error) {
	var c cursor
	if s == "" {
		return cursor{Kind: kind}, nil
	}
	bad := paramErr("cursor", "not a cursor this list gave out")
	if len(s) > maxCursor {
		return c, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return c, bad
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || dec.More() || c.Kind != kind || c.N < 0 || c.Offset < 0 {
		return cursor{}, bad
	}
	return c, nil
}

func checkLimit(limit int) error {
	if limit < 1 || limit > MaxLimit {
		return paramErr("limit", "want 1 to %d, got %d", MaxLimit, limit)
	}
	return nil
}

// MaxLimit is the most rows one page may ask for.
const MaxLimit = 10000

// checkRange reports a date range whose start comes after its end.
func checkRange(from, to string) error {
	if from != "" && to != "" && from > to {
		return paramErr("from", "%s is after to=%s", from, to)
	}
	return nil
}
