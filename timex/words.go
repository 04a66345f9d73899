package timex

// wordClass is the part a word can play in a time expression.
type wordClass uint8

const (
	wNone     wordClass = iota
	wMonth              // val 1-12
	wWeekday            // val 0-6 as time.Weekday
	wDayRel             // today, tonight, overnight (0), yesterday (-1), tomorrow (+1)
	wOn                 // on Monday, on May 20
	wIn                 // in 2023, in May 2024, in June
	wAt                 // at 10:30 a.m.
	wYearPrep           // since 2020, by 2030: the preposition licenses a bare year
	wLast               // last Friday, last week
	wNext               // next Tuesday, next month
	wThis               // this week, this morning
	wEdge               // earlier, later, early, late: earlier this month, late 2023
	wUnit               // day(s) 0, week(s) 1, month(s) 2, year(s) 3, weekend 4
	wPart               // morning, afternoon, evening, night
	wNumber             // one … twelve, a, an: val is the number
	wAgo                // ago
)

// Units, the val of a wUnit word.
const (
	unitDay = iota
	unitWeek
	unitMonth
	unitYear
	unitWeekend
)

// word is a classified word: its class, a value (month number, weekday, offset, unit or
// number) and whether it is a short form ("Jan", "Sept"), which needs a day or year beside it.
type word struct {
	class  wordClass
	val    int
	abbrev bool
}

// maxWordLen is the longest word in the lexicon ("september", "wednesday", "yesterday").
const maxWordLen = 9

// lexicon holds every word that can take part in a time expression, in lowercase.
var lexicon = map[string]word{
	"january":   {class: wMonth, val: 1},
	"jan":       {class: wMonth, val: 1, abbrev: true},
	"february":  {class: wMonth, val: 2},
	"feb":       {class: wMonth, val: 2, abbrev: true},
	"march":     {class: wMonth, val: 3},
	"mar":       {class: wMonth, val: 3, abbrev: true},
	"april":     {class: wMonth, val: 4},
	"apr":       {class: wMonth, val: 4, abbrev: true},
	"may":       {class: wMonth, val: 5},
	"june":      {class: wMonth, val: 6},
	"jun":       {class: wMonth, val: 6, abbrev: true},
	"july":      {class: wMonth, val: 7},
	"jul":       {class: wMonth, val: 7, abbrev: true},
	"august":    {class: wMonth, val: 8},
	"aug":       {class: wMonth, val: 8, abbrev: true},
	"september": {class: wMonth, val: 9},
	"sep":       {class: wMonth, val: 9, abbrev: true},
	"sept":      {class: wMonth, val: 9, abbrev: true},
	"october":   {class: wMonth, val: 10},
	"oct":       {class: wMonth, val: 10, abbrev: true},
	"november":  {class: wMonth, val: 11},
	"nov":       {class: wMonth, val: 11, abbrev: true},
	"december":  {class: wMonth, val: 12},
	"dec":       {class: wMonth, val: 12, abbrev: true},
	"sunday":    {class: wWeekday, val: 0},
	"monday":    {class: wWeekday, val: 1},
	"tuesday":   {class: wWeekday, val: 2},
	"wednesday": {class: wWeekday, val: 3},
	"thursday":  {class: wWeekday, val: 4},
	"friday":    {class: wWeekday, val: 5},
	"saturday":  {class: wWeekday, val: 6},
	"today":     {class: wDayRel, val: 0},
	"tonight":   {class: wDayRel, val: 0},
	"overnight": {class: wDayRel, val: 0},
	"yesterday": {class: wDayRel, val: -1},
	"tomorrow":  {class: wDayRel, val: 1},
	"on":        {class: wOn},
	"in":        {class: wIn},
	"at":        {class: wAt},
	"since":     {class: wYearPrep},
	"by":        {class: wYearPrep},
	"until":     {class: wYearPrep},
	"during":    {class: wYearPrep},
	"from":      {class: wYearPrep},
	"before":    {class: wYearPrep},
	"after":     {class: wYearPrep},
	"through":   {class: wYearPrep},
	"till":      {class: wYearPrep},
	"last":      {class: wLast},
	"next":      {class: wNext},
	"this":      {class: wThis},
	"earlier":   {class: wEdge},
	"later":     {class: wEdge},
	"early":     {class: wEdge},
	"late":      {class: wEdge},
	"day":       {class: wUnit, val: unitDay},
	"days":      {class: wUnit, val: unitDay},
	"week":      {class: wUnit, val: unitWeek},
	"weeks":     {class: wUnit, val: unitWeek},
	"month":     {class: wUnit, val: unitMonth},
	"months":    {class: wUnit, val: unitMonth},
	"year":      {class: wUnit, val: unitYear},
	"years":     {class: wUnit, val: unitYear},
	"weekend":   {class: wUnit, val: unitWeekend},
	"morning":   {class: wPart},
	"afternoon": {class: wPart},
	"evening":   {class: wPart},
	"night":     {class: wPart},
	"a":         {class: wNumber, val: 1},
	"an":        {class: wNumber, val: 1},
	"one":       {class: wNumber, val: 1},
	"two":       {class: wNumber, val: 2},
	"three":     {class: wNumber, val: 3},
	"four":      {class: wNumber, val: 4},
	"five":      {class: wNumber, val: 5},
	"six":       {class: wNumber, val: 6},
	"seven":     {class: wNumber, val: 7},
	"eight":     {class: wNumber, val: 8},
	"nine":      {class: wNumber, val: 9},
	"ten":       {class: wNumber, val: 10},
	"eleven":    {class: wNumber, val: 11},
	"twelve":    {class: wNumber, val: 12},
	"ago":       {class: wAgo},
}

// prefixes has, for each lowercase first letter, a bit for each second letter that some
// lexicon word starts with: one lookup turns away most words before the map is consulted.
var prefixes = lexiconPrefixes()

func lexiconPrefixes() (p [26]uint32) {
	for w := range lexicon {
		if len(w) == 1 {
			p[w[0]-'a'] |= 1 << 26 // a one-letter word: "a"
			continue
		}
		p[w[0]-'a'] |= 1 << (w[1] - 'a')
	}
	return p
}

// classify looks a word up, ignoring ASCII case. Callers check the capital that months and
// weekdays need, since "may" and "march" are also a verb.
func classify(w string) word {
	if len(w) == 0 || len(w) > maxWordLen {
		return word{}
	}
	c0 := w[0] | 0x20
	if c0 < 'a' || c0 > 'z' {
		return word{}
	}
	bit := uint32(1 << 26)
	if len(w) > 1 {
		c1 := w[1] | 0x20
		if c1 < 'a' || c1 > 'z' {
			return word{}
		}
		bit = 1 << (c1 - 'a')
	}
	if prefixes[c0-'a']&bit == 0 {
		return word{}
	}
	var buf [maxWordLen]byte
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20
	}
	return lexicon[string(buf[:len(w)])]
}

// isFutureCue reports the words that, a few words before a bare weekday, put it after the
// anchor: "talks will resume on Thursday", "a vote is due on Friday".
func isFutureCue(w string) bool {
	if len(w) > maxWordLen {
		return false
	}
	var buf [maxWordLen]byte
	for k := 0; k < len(w); k++ {
		buf[k] = w[k] | 0x20
	}
	switch string(buf[:len(w)]) {
	case "will", "ll", "shall", "would", "due", "scheduled", "upcoming", "planned", "plans", "expected":
		return true
	}
	return false
}
