package audit

import (
	"strings"
	"unicode"

	"herald/document"
)

// mediaWords name the press in an actor's text: the people, the outlets, the channels. A
// wrong code ("reporters" coded BUS, or left uncoded) should not hide a statement to the
// press, so the text counts as well as the code.
var mediaWords = map[string]bool{
	"reporter": true, "reporters": true, "journalist": true, "journalists": true,
	"correspondent": true, "correspondents": true, "newsman": true, "newsmen": true,
	"newspaper": true, "newspapers": true, "press": true, "media": true,
	"reuters": true, "reuter": true, "television": true, "tv": true, "radio": true,
	"broadcaster": true, "broadcasters": true,
}

// IsMedia reports whether an event side is the media: its code has the agent MED, or its
// text names reporters, journalists, a news agency, a newspaper or a broadcaster.
func IsMedia(a document.Actor) bool {
	for i := 0; i+3 <= len(a.Code); i += 3 {
		if a.Code[i:i+3] == "MED" {
			return true
		}
	}
	prev := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(a.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if mediaWords[w] || prev == "news" && (w == "agency" || w == "agencies") {
			return true
		}
		prev = w
	}
	return false
}

// speechVerbs are the forms of the verbs of saying and telling: the verbs of a statement
// whose listener is only its channel (CODING.md 4.1).
var speechVerbs = wordSet(
	"say says said saying",
	"tell tells told telling",
	"state states stated stating",
	"speak speaks spoke spoken speaking",
	"talk talks talked talking",
	"quote quotes quoted quoting",
	"announce announces announced announcing",
	"declare declares declared declaring",
	"add adds added adding",
	"comment comments commented commenting",
	"remark remarks remarked remarking",
	"reiterate reiterates reiterated reiterating",
	"report reports reported reporting",
)

func wordSet(lists ...string) map[string]bool {
	set := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			set[w] = true
		}
	}
	return set
}

// IsSpeech reports whether an event comes from a verb of speech: its CAMEO root is 01
// (make a public statement), or the verb of its evidence is one of saying or telling.
func IsSpeech(ev *document.Event) bool {
	root := ev.Root
	if root == "" && len(ev.CAMEO) >= 2 {
		root = ev.CAMEO[:2]
	}
	if root == "01" {
		return true
	}
	words := strings.Fields(strings.ToLower(ev.Evidence.Verb))
	return len(words) > 0 && speechVerbs[words[0]]
}
