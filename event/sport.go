package event

import (
	"strings"

	"herald/document"
)

// Sport is no political event (docs/CODING.md 2): "Brazil beat Morocco", "Italy snatched a
// late try". Teams are named by their countries, and the verbs of a match are the verbs of
// war, so a story about sport would give events of every kind between the countries that
// played. A story that uses sportWords of minSportWords kinds or more is about sport, and
// codes nothing. The words are those of matches, players and competitions, not of
// boycotts or venues, so that a story about an Olympic boycott or a stadium attack still
// codes.
var sportWords = map[string]bool{
	"football": true, "soccer": true, "rugby": true, "cricket": true, "tennis": true, "golf": true,
	"basketball": true, "baseball": true, "hockey": true, "athletics": true, "striker": true,
	"midfielder": true, "goalkeeper": true, "defender": true, "goal": true, "referee": true,
	"tournament": true, "championship": true, "league": true, "semi-final": true, "quarter-final": true,
	"wicket": true, "innings": true, "coach": true, "squad": true, "premiership": true, "wimbledon": true,
	"fifa": true, "uefa": true, "medal": true, "sprint": true, "marathon": true, "fixture": true,
	"playoff": true, "derby": true, "sprinter": true, "batsman": true, "bowler": true, "pitch": true,
	"semifinal": true, "quarterfinal": true, "match": true, "team-mate": true, "teammate": true,
	"olympic": true, "champion": true, "internationals": true, "scrum": true, "fly-half": true,
	"skipper": true, "captaincy": true, "goalscorer": true, "hat-trick": true, "semi-finals": true,
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
			w = strings.ToLower(w) // no copy when it is lower-case already, as lemmas are
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
