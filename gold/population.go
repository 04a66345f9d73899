package gold

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"herald/pipeline"
)

// Seed is the seed of every random choice the gold standard makes: which documents of a
// large corpus form the population, and which sentences are drawn from it.
const Seed = 20261207

// quota is what one corpus gives one split.
type quota struct {
	split, corpus string
	// sentences are drawn, half from those that name two possible actors.
	sentences int
	// docs, when not 0, is how many documents of the corpus (chosen with Seed) make up
	// the population; 0 takes all.
	docs int
	// genres keeps the GUM documents of these genres; prefix the documents whose id
	// starts so (PUD's news documents start with "n").
	genres []string
	prefix string
}

// plan is the gold standard's design: 420 sentences a split; in dev, the team's wire
// stories are under a quarter.
var plan = []quota{
	{split: Dev, corpus: GUMTrain, sentences: 170, genres: []string{"news", "interview", "speech"}},
	{split: Dev, corpus: PUD, sentences: 150, prefix: "n"},
	{split: Dev, corpus: Wire, sentences: 100},
	{split: Test, corpus: Reuters, sentences: 220, docs: 800},
	{split: Test, corpus: BBC, sentences: 120, docs: 250},
	{split: Test, corpus: GUMDev, sentences: 40, genres: []string{"news"}},
	{split: Test, corpus: GUMTest, sentences: 40, genres: []string{"news"}},
}

// Candidate is a sentence of the population.
type Candidate struct {
	Split, Corpus, Doc string
	Start, End         int
	Hash               string
	// Actors says the sentence names two possible actors (see ActorMentions).
	Actors bool
}

// Population lists the candidate sentences of every corpus of the plan: the treebanks'
// own sentences, and for the news corpora the sentences of Herald's segmenter, a
// fragment that ends without a stop and is followed by a lower-case start joined to
// what follows (a hard line break inside a Reuters lead). Only prose is kept (see
// isProse). The result is frozen in the population file: a later segmenter does not
// change the gold standard.
func Population(c *Corpora, actors *ActorWords) ([]Candidate, error) {
	var out []Candidate
	for _, q := range plan {
		docs, err := c.Documents(q.corpus)
		if err != nil {
			return nil, err
		}
		docs = q.choose(docs)
		for _, rec := range docs {
			spans, err := sentenceSpans(rec)
			if err != nil {
				return nil, err
			}
			for _, sp := range spans {
				text := rec.Text[sp[0]:sp[1]]
				if !isProse(text) {
					continue
				}
				out = append(out, Candidate{Split: q.split, Corpus: q.corpus, Doc: rec.Doc, Start: sp[0], End: sp[1],
					Hash: Hash(text), Actors: actors.Mentions(text) >= 2})
			}
		}
	}
	return out, nil
}

// choose keeps the documents of the quota's genres or prefix, and a seeded choice of
// q.docs of them, in file order.
func (q quota) choose(docs []*Record) []*Record {
	var kept []*Record
	for _, d := range docs {
		if q.prefix != "" && !strings.HasPrefix(d.Doc, q.prefix) {
			continue
		}
		if len(q.genres) > 0 && !slices.ContainsFunc(q.genres, func(g string) bool { return strings.HasPrefix(d.Doc, "GUM_"+g+"_") }) {
			continue
		}
		kept = append(kept, d)
	}
	if q.docs == 0 || q.docs >= len(kept) {
		return kept
	}
	order := make([]int, len(kept))
	for i := range order {
		order[i] = i
	}
	rng := q.rand("documents")
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	order = order[:q.docs]
	slices.Sort(order)
	chosen := make([]*Record, len(order))
	for i, k := range order {
		chosen[i] = kept[k]
	}
	return chosen
}

// rand is the quota's own random stream, so that one corpus's choices do not depend on
// another's.
func (q quota) rand(purpose string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(q.split + "/" + q.corpus + "/" + purpose))
	return rand.New(rand.NewPCG(Seed, h.Sum64()))
}

// sentenceSpans are the sentences of a record, as offsets into its own text.
func sentenceSpans(rec *Record) ([][2]int, error) {
	var spans [][2]int
	if rec.Trees != nil {
		for _, s := range rec.Trees.Sentences {
			spans = append(spans, [2]int{s.Start, s.End})
		}
		return spans, nil
	}
	doc := rec.Raw()
	if err := pipeline.Segment(doc); err != nil {
		return nil, err
	}
	a := newAligner(doc.Text, rec.Text)
	var cleaned [][2]int
	for _, s := range doc.Sentences {
		if n := len(cleaned); n > 0 && isFragment(doc.Text[cleaned[n-1][0]:cleaned[n-1][1]]) && startsLower(doc.Text[s.Start:s.End]) {
			cleaned[n-1][1] = s.End
			continue
		}
		cleaned = append(cleaned, [2]int{s.Start, s.End})
	}
	for _, c := range cleaned {
		if s, e, ok := a.span(c[0], c[1]); ok {
			spans = append(spans, [2]int{s, e})
		}
	}
	return spans, nil
}

// isFragment reports a sentence that does not end as sentences end.
func isFragment(s string) bool {
	s = strings.TrimRight(s, " \n\"'”’)")
	return s != "" && !strings.ContainsAny(s[len(s)-1:], ".!?:;")
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// isProse keeps sentences a coder can read as prose: five words or more, most of the
// tokens words, not all in capitals (a headline), not over 1,200 bytes (a table).
func isProse(s string) bool {
	fields := strings.Fields(s)
	words, lower := 0, false
	for _, f := range fields {
		letters := 0
		for _, r := range f {
			if unicode.IsLetter(r) {
				letters++
				lower = lower || unicode.IsLower(r)
			}
		}
		if letters >= 2 {
			words++
		}
	}
	return words >= 5 && words*10 >= len(fields)*6 && lower && len(s) <= 1200
}

// Draw draws the gold sentences from the population: for each corpus of the plan, half
// its quota from the sentences that name two possible actors and the rest from all of
// its sentences, each with its own seeded stream. The drawn sentences of a split are
// numbered in corpus, document and text order: dev-001, dev-002, ….
func Draw(pop []Candidate) []Sentence {
	var out []Sentence
	for _, split := range []string{Dev, Test} {
		var drawn []Sentence
		for _, q := range plan {
			if q.split != split {
				continue
			}
			var pool []int
			for i := range pop {
				if pop[i].Split == q.split && pop[i].Corpus == q.corpus {
					pool = append(pool, i)
				}
			}
			rng := q.rand("sentences")
			rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
			taken := map[int]bool{}
			take := func(i int, stratum string) {
				c := pop[i]
				taken[i] = true
				drawn = append(drawn, Sentence{Split: c.Split, Stratum: stratum, Corpus: c.Corpus, Doc: c.Doc, Start: c.Start, End: c.End, Hash: c.Hash})
			}
			n := 0
			for _, i := range pool {
				if n < q.sentences/2 && pop[i].Actors {
					take(i, StratumActors)
					n++
				}
			}
			for _, i := range pool {
				if n < q.sentences && !taken[i] {
					take(i, StratumAny)
					n++
				}
			}
		}
		// In population order: corpus as the plan lists them, then document and offset.
		rank := map[string]int{}
		for i, c := range pop {
			key := c.Corpus + "\x00" + c.Doc
			if _, ok := rank[key]; !ok {
				rank[key] = i
			}
		}
		slices.SortStableFunc(drawn, func(a, b Sentence) int {
			return cmp.Or(cmp.Compare(rank[a.Corpus+"\x00"+a.Doc], rank[b.Corpus+"\x00"+b.Doc]), cmp.Compare(a.Start, b.Start))
		})
		for i := range drawn {
			drawn[i].ID = fmt.Sprintf("%s-%03d", split, i+1)
		}
		out = append(out, drawn...)
	}
	return out
}

// populationHeader is the first line of the population file.
const populationHeader = "split\tcorpus\tdoc\tstart\tend\tsha256\tactors"

// WritePopulation writes the population as gzipped TSV.
func WritePopulation(w io.Writer, pop []Candidate) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, populationHeader)
	for _, c := range pop {
		actors := 0
		if c.Actors {
			actors = 1
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%d\t%s\t%d\n", c.Split, c.Corpus, c.Doc, c.Start, c.End, c.Hash, actors)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadPopulation reads a population file.
func ReadPopulation(path string) ([]Candidate, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	var pop []Candidate
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			if sc.Text() != populationHeader {
				return nil, fmt.Errorf("%s:1: header %q, want %q", path, sc.Text(), populationHeader)
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 7", path, line, len(f))
		}
		start, err1 := strconv.Atoi(f[3])
		end, err2 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || start < 0 || end <= start {
			return nil, fmt.Errorf("%s:%d: bad offsets %q %q", path, line, f[3], f[4])
		}
		pop = append(pop, Candidate{Split: f[0], Corpus: f[1], Doc: f[2], Start: start, End: end, Hash: f[5], Actors: f[6] == "1"})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return pop, zr.Close()
}

// ActorWords tell whether a sentence names possible actors: countries (their names,
// other names, capitals and demonyms, from mledoze/countries, independent of Herald's own
// gazetteer), titles and agents ("minister", "police", "rebels"), acronyms ("NATO") and
// names of organizations ("… Party", "… Ministry").
type ActorWords struct {
	names  map[string]bool // lower-case phrases of up to maxPhrase words
	titles map[string]bool
	orgs   map[string]bool
}

const maxPhrase = 6

// titleWords are the titles and agents that make an actor of a person or group.
var titleWords = strings.Fields(`president presidents minister ministers premier chancellor king queen
	prince emir sultan sheikh ayatollah secretary ambassador ambassadors envoy envoys diplomat
	diplomats spokesman spokeswoman spokesperson official officials senator senators congressman
	congresswoman governor mayor general commander leader leaders chairman police policemen army
	troops soldiers military forces navy government governments administration rebels militants
	insurgents guerrillas protesters demonstrators parliament lawmakers legislators opposition
	court judge prosecutors cabinet regime authorities delegation negotiators junta militia
	militias`)

// orgWords end the names of organizations that may act politically; a firm's name ("…
// Corp", "… Inc") does not make a sentence one that names two possible actors.
var orgWords = strings.Fields(`Party Ministry Council Army Union Organization Organisation Bank Agency
	Committee Front Forces Commission Assembly Parliament Congress Senate Court Department Office
	Movement Association Federation League Nations Fund Government Police Service Authority
	Alliance Coalition Institute Brigade Brigades`)

// nonActorAcronyms are capitalized abbreviations that name no actor.
var nonActorAcronyms = map[string]bool{"I": true, "A": true, "AM": true, "PM": true, "TV": true, "OK": true,
	"CEO": true, "GMT": true, "EST": true, "USD": true, "PCT": true, "MLN": true, "BLN": true, "DLRS": true, "CTS": true,
	"SHR": true, "NET": true, "REVS": true, "QTR": true, "LTD": true, "INC": true, "CORP": true, "CO": true,
	"GDP": true, "GNP": true, "CPI": true, "VAT": true, "PLC": true, "NV": true, "SA": true, "AG": true}

// LoadActorWords reads the country names of mledoze/countries (countries-unescaped.json
// under the data directory).
func LoadActorWords(data string) (*ActorWords, error) {
	f, err := os.Open(data + "/extras/countries-mledoze/countries-unescaped.json")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var countries []struct {
		Name struct {
			Common, Official string
		}
		AltSpellings []string
		Capital      []string
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.NewDecoder(f).Decode(&countries); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	a := &ActorWords{names: map[string]bool{"us": true, "u.s.": true, "soviet": true, "soviets": true},
		titles: map[string]bool{}, orgs: map[string]bool{}}
	for _, t := range titleWords {
		a.titles[t] = true
	}
	for _, o := range orgWords {
		a.orgs[o] = true
	}
	add := func(name string) {
		if len(name) < 2 || len(strings.Fields(name)) > maxPhrase || strings.Contains(name, ",") {
			return
		}
		a.names[strings.ToLower(name)] = true
	}
	for _, c := range countries {
		add(c.Name.Common)
		add(c.Name.Official)
		for _, s := range c.AltSpellings {
			if len(s) > 2 || s == strings.ToUpper(s) && len(s) >= 2 && s != "IN" && s != "IT" && s != "TO" && s != "NO" && s != "ME" && s != "AT" && s != "BE" && s != "AS" {
				add(s)
			}
		}
		for _, s := range c.Capital {
			add(s)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			add(d.F)
			add(d.M)
			add(d.M + "s")
		}
	}
	return a, nil
}

// Mentions counts the possible actors a sentence names: each country name, demonym or
// capital (capitalized in the text), title or agent word, acronym of two to six capitals,
// and capitalized name ending in an organization word.
func (a *ActorWords) Mentions(s string) int {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '.' || r == '-' || r == '\'')
	})
	for i, w := range words {
		words[i] = strings.Trim(w, ".-'")
		if w == "U.S." || w == "U.S" {
			words[i] = "U.S."
		}
	}
	n := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w == "" {
			continue
		}
		capital := unicode.IsUpper([]rune(w)[0])
		matched := 0
		for k := min(maxPhrase, len(words)-i); k >= 1 && capital; k-- {
			if a.names[strings.ToLower(strings.Join(words[i:i+k], " "))] {
				matched = k
				break
			}
		}
		switch {
		case matched > 0:
			n++
			i += matched - 1
		case a.titles[strings.ToLower(w)]:
			n++
		case len(w) >= 2 && len(w) <= 6 && w == strings.ToUpper(w) && !nonActorAcronyms[w] && isLetters(w):
			n++
		case capital:
			// a run of capitalized words ending in an organization word
			j := i
			for j < len(words) && words[j] != "" && unicode.IsUpper([]rune(words[j])[0]) {
				j++
			}
			if j-i >= 2 && a.orgs[words[j-1]] {
				n++
				i = j - 1
			}
		}
	}
	return n
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
