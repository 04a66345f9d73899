package gold

import (
	"fmt"
	"io"
	"strings"
)

// WriteWrong writes at most max of the sentences whose events are wrong at the level of
// root and countries (the most events first), each with its text and both codings. The
// text is read from the corpora; it is shown, never stored.
func (r *Report) WriteWrong(w io.Writer, c *Corpora, max int) {
	wrong := r.Wrong(Countries)
	fmt.Fprintf(w, "sentences wrong at root + countries: %d of %d", len(wrong), r.Sentences)
	for level := Agents; level < numLevels; level++ {
		fmt.Fprintf(w, "; at %s: %d", LevelNames[level], len(r.Wrong(level)))
	}
	fmt.Fprintln(w)
	if len(wrong) > max {
		fmt.Fprintf(w, "the first %d (--failures N shows more):\n", max)
		wrong = wrong[:max]
	}
	for _, res := range wrong {
		s := res.Sentence
		text, err := c.SentenceText(s)
		if err != nil {
			text = "(" + err.Error() + ")"
		}
		fmt.Fprintf(w, "\n%s  %s %s %d-%d\n  %s\n", s.ID, s.Corpus, s.Doc, s.Start, s.End, strings.Join(strings.Fields(text), " "))
		for _, e := range s.Events {
			fmt.Fprintf(w, "  gold    %s\n", FormatEvent(e))
		}
		if len(s.Events) == 0 {
			fmt.Fprintln(w, "  gold    no event")
		}
		for _, e := range res.Predicted {
			fmt.Fprintf(w, "  herald  %s\n", FormatEvent(e))
		}
		if len(res.Predicted) == 0 {
			fmt.Fprintln(w, "  herald  no event")
		}
	}
}

// WriteAgreement writes the agreement of two codings.
func (a *Agreement) Write(w io.Writer) {
	fmt.Fprintf(w, "sentences coded twice   %d\n", a.Sentences)
	fmt.Fprintf(w, "is there an event       %.1f%% of the sentences agree, Cohen's kappa %.2f\n", a.EventAgree, a.EventKappa)
	fmt.Fprintf(w, "%-23s %6s %6s %6s\n", "events (F1 of one", "P", "R", "F1")
	fmt.Fprintf(w, "%-23s\n", "coder against the other)")
	row := func(name string, m PRF) {
		fmt.Fprintf(w, "%-23s %6.2f %6.2f %6.2f   %d / %d / %d\n", name, m.P(), m.R(), m.F1(), m.TP, m.Pred, m.Gold)
	}
	row("root", a.Root)
	row("actors (both codes)", a.Dyads)
	row("countries (both sides)", a.Countries)
	for level := range numLevels {
		row(LevelNames[level], a.Report.Levels[level])
	}
}

// Summary is the agreement's KEY=VALUE line.
func (a *Agreement) Summary() string {
	return fmt.Sprintf("event_agreement=%.2f event_kappa=%.3f root_F1=%.2f actors_F1=%.2f countries_F1=%.2f F1=%.2f F1_agents=%.2f F1_full=%.2f sentences=%d",
		a.EventAgree, a.EventKappa, a.Root.F1(), a.Dyads.F1(), a.Countries.F1(),
		a.Report.Levels[Countries].F1(), a.Report.Levels[Agents].F1(), a.Report.Levels[Full].F1(), a.Sentences)
}
