package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"herald/entity/gazetteer"
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
