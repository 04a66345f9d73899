package event

import "herald/document"

// Sport is no political event (docs/CODING.md 2): "Brazil beat Morocco", "Italy snatched a
// late try". Teams are named by their countries, and the verbs of a match are the verbs of
// war, so a story about sport would give events of every kind between the countries that
// played. A story that uses sportWords of minSportWords kinds or more is about sport, and
// codes nothing. The words are those of matches, players and competitions, not of
// boycotts or venues, so that a story about an Olympic boycott or a stadium attack still
// codes.
var sportWords = map[string]bool{
	"FOOTBALL": true, "SOCCER": true, "RUGBY": true, "CRICKET": true, "TENNIS": true, "GOLF": true,
	"BASKETBALL": true, "BASEBALL": true, "HOCKEY": true, "ATHLETICS": true, "STRIKER": true,
	"MIDFIELDER": true, "GOALKEEPER": true, "DEFENDER": true, "GOAL": true, "REFEREE": true,
	"TOURNAMENT": true, "CHAMPIONSHIP": true, "LEAGUE": true, "SEMI-FINAL": true, "QUARTER-FINAL": true,
	"WICKET": true, "INNINGS": true, "COACH": true, "SQUAD": true, "PREMIERSHIP": true, "WIMBLEDON": true,
	"FIFA": true, "UEFA": true, "MEDAL": true, "SPRINT": true, "MARATHON": true, "FIXTURE": true,
	"PLAYOFF": true, "DERBY": true, "SPRINTER": true, "BATSMAN": true, "BOWLER": true, "PITCH": true,
	"SEMIFINAL": true, "QUARTERFINAL": true, "MATCH": true, "TEAM-MATE": true, "TEAMMATE": true,
	"OLYMPIC": true, "CHAMPION": true, "INTERNATIONALS": true, "SCRUM": true, "FLY-HALF": true,
	"SKIPPER": true, "CAPTAINCY": true, "GOALSCORER": true, "HAT-TRICK": true, "SEMI-FINALS": true,
}

// minSportWords is how many kinds of sportWords make a story about sport.
const minSportWords = 3

// sportStory reports whether doc is about sport.
func sportStory(doc *document.Document) bool {
	seen := map[string]bool{}
	for si := range doc.Sentences {
		for _, t := range doc.Sentences[si].Tokens {
			w := t.Lemma
			if w == "" {
				w = t.Text
			}
			w = upper(w)
			if sportWords[w] && !seen[w] {
				seen[w] = true
				if len(seen) >= minSportWords {
					return true
				}
			}
		}
	}
	return false
}

// upper upper-cases ASCII letters, enough for the sport words.
func upper(s string) string {
	b := []byte(s)
	changed := false
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 32
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(b)
}
