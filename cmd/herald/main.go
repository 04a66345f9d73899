// Command herald turns news articles into political event data. This file holds the
// command tree and the exit-status rules of docs/INTERFACES.md: 0 success, 1 an input or
// runtime error (the batch still goes on), 2 a usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// usageError marks errors in how herald was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errReported means the diagnostics were already printed: exit status 1, nothing more to say.
var errReported = errors.New("errors were reported")

// softMemoryLimit is the heap size at which the garbage collector works harder, unless
// GOMEMLIMIT says otherwise. A long batch holds about 175 MB live with one worker (the
// models 75 MB, a dependency's tables 28 MB, the worker's caches and documents) and
// 220 MB with two; left to GOGC alone, the heap grows to twice that before a collection.
// The limit caps it: a batch stays near 425 MB (Reuters, one worker: 2,540-2,840
// sentences/s either way). 300 MiB would keep one worker near 330 MB at no cost, but
// would make two workers collect every half second.
const softMemoryLimit = 400 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one herald command line and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	}
	fmt.Fprintln(stderr, "herald:", err)
	var ue usageError
	// cobra reports a missing required flag with an untyped error.
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "required flag") {
		return 2
	}
	return 1
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "herald",
		Short: "Herald turns news articles into coded political event data",
		Long: `Herald reads news articles (text, HTML, JSON lines) and turns them into political
event data: who did what to whom, when and where, coded in CAMEO and PLOVER.`,
		Example: `  herald analyze examples/geneva-talks.txt --pretty
  herald code --date 2024-05-20 articles/
  herald eval segment en_ewt-ud-test.conllu`,
		SilenceErrors: true,
		SilenceUsage:  true,
		// With Args set, cobra hands an unknown subcommand to it instead of failing with
		// an untyped error, so a typo is a usage error (exit 2) like any other.
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q (see herald --help)", args[0])
			}
			return nil
		},
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	// Every command's --help shows an example; cobra's generated completion commands
	// would not, and shell completion is not worth that exception yet.
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%s: %w (see %s --help)", c.CommandPath(), err, c.CommandPath())}
	})
	root.AddCommand(
		newAnalyzeCmd(stdin),
		newCodeCmd(stdin),
		newIngestCmd(stdin),
		newReprocessCmd(),
		newExportCmd(),
		newServeCmd(),
		newEvalCmd(),
		newBenchCmd(stdin),
		newTrainCmd(),
		newBuildGazetteerCmd(),
		newBuildPlacesCmd(),
		newBuildLexiconCmd(),
		newBuildCodebookCmd(),
		newBuildGoldCmd(),
		newVersionCmd(),
	)
	return root
}

// argsRequired rejects a command line without inputs as a usage error.
func argsRequired(what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usagef("%s: no input: give %s (see %s --help)", c.CommandPath(), what, c.CommandPath())
		}
		return nil
	}
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s: want %s, got %d arguments (see %s --help)", c.CommandPath(), what, len(args), c.CommandPath())
		}
		return nil
	}
}
