// Package conllu reads and writes the CoNLL-U format of Universal Dependencies
// (https://universaldependencies.org/format.html).
//
// A file is a sequence of sentences separated by blank lines. Each sentence starts with
// comment lines ("# sent_id = …", "# text = …", "# newdoc id = …", "# newpar id = …") and
// continues with one line per word of ten tab-separated fields: ID FORM LEMMA UPOS XPOS FEATS
// HEAD DEPREL DEPS MISC. Multiword tokens ("3-4	don't") and empty nodes ("8.1") carry IDs of
// their own and are kept apart from the ordinary words, so Words[i] is always the word with
// ID i+1.
//
// Reader is the training and evaluation input for the syntax stage; Writer and
// WriteDocument produce `herald analyze --format conllu`.
package conllu

// Sentence is one CoNLL-U sentence.
type Sentence struct {
	// ID is the value of "# sent_id = …", Text the value of "# text = …".
	ID   string
	Text string
	// NewDoc and NewPar report a "# newdoc" or "# newpar" comment; DocID and ParID hold
	// its optional "id = …" value.
	NewDoc bool
	DocID  string
	NewPar bool
	ParID  string
	// Comments holds every other comment line without its leading "#" and one space, in
	// file order.
	Comments []string

	// Words are the syntactic words; Words[i].ID == i+1.
	Words []Word
	// Tokens are the multiword tokens ("3-4 don't"), in file order.
	Tokens []MultiwordToken
	// Empty are the empty nodes of enhanced dependencies ("8.1"), in file order.
	Empty []Word
}

// Word is one line of a sentence: an ordinary word, or an empty node when EmptyIndex > 0.
// Fields written "_" in the file are empty strings here, except that FORM and LEMMA keep
// a literal "_" when the other column says it is the underscore character itself.
type Word struct {
	// ID is the 1-based word index; for an empty node "8.1" it is 8.
	ID int
	// EmptyIndex is the part after the dot of an empty node ("8.1" → 1), 0 for words.
	EmptyIndex int
	Form       string
	Lemma      string
	UPOS       string
	XPOS       string
	Feats      string
	// Head is the ID of the head word, 0 for the root, -1 when the column is "_" (as it
	// is for empty nodes and unparsed text).
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// IsEmptyNode reports whether the word is an empty node ("8.1") rather than a word.
func (w *Word) IsEmptyNode() bool { return w.EmptyIndex > 0 }

// MultiwordToken is a surface token that spans several words: "don't" over "do" "n't".
type MultiwordToken struct {
	First, Last int // word IDs, inclusive
	Form        string
	Misc        string
}

// SpaceAfter reports whether MISC allows a space after the word or token: it is false
// exactly when MISC holds SpaceAfter=No.
func SpaceAfter(misc string) bool {
	v, ok := miscValue(misc, "SpaceAfter")
	return !ok || v != "No"
}
