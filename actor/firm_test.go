package actor_test

import (
	"strings"
	"sync"
	"testing"

	"herald/document"
	"herald/pipeline"
)

var (
	rawOnce sync.Once
	rawPipe *pipeline.Pipeline
	rawErr  error
)

// analyzeText runs the whole pipeline, with the embedded models and lexicon, over one
// story written as text.
func analyzeText(t *testing.T, text, date string) *document.Document {
	t.Helper()
	rawOnce.Do(func() {
		rawPipe, rawErr = pipeline.New(pipeline.Options{Workers: 1})
	})
	if rawErr != nil {
		t.Fatal(rawErr)
	}
	res := rawPipe.Process(&document.Document{ID: "t", Raw: []byte(text), Published: date})
	if len(res.Errs) > 0 || res.Doc == nil {
		t.Fatalf("%q: %v", text, res.Errs)
	}
	return res.Doc
}

// phraseCodes returns the codes of the actor mentions whose text is phrase.
func phraseCodes(doc *document.Document, phrase string) []string {
	var out []string
	for _, a := range doc.Actors {
		if a.Text == phrase {
			out = append(out, a.Code)
		}
	}
	return out
}

// TestFixes codes a sentence for each of Herald's fixes to the dictionaries
// (lexicon/herald.actors.txt, lexicon/herald.agents.txt) and each firm, market and goods
// rule of firm.go: every actor mention of the phrase must have the code, and a phrase
// that should be no actor must have no mention. The sentences are our own, each set in
// 1987 unless it says otherwise.
func TestFixes(t *testing.T) {
	cases := []struct {
		sentence, phrase, code string
		date                   string
	}{
		// The European Community was civilians (Phoenix's COMMUNITY [~CVL]) or nothing.
		{sentence: "The EC criticized Japan's trade surplus.", phrase: "EC", code: "IGOEUREEC"},
		{sentence: "The European Community imposed duties on Japanese goods.", phrase: "The European Community", code: "IGOEUREEC"},
		{sentence: "Spain accused the EEC of dumping wheat.", phrase: "EEC", code: "IGOEUREEC"},

		// The African Union has CAMEO's code for the OAU; the RSF are Sudan's rebels.
		{sentence: "The African Union condemned the coup.", phrase: "The African Union", code: "IGOAFROAU"},
		{sentence: "The Rapid Support Forces attacked the army.", phrase: "The Rapid Support Forces", code: "SDNREB"},
		{sentence: "The TPLF attacked the army.", phrase: "TPLF", code: "ETHREB"},
		{sentence: "The Commerce Department accused Japan of dumping chips.", phrase: "The Commerce Department", code: "USAGOV"},
		{sentence: "The Securities and Exchange Commission sued the firm.", phrase: "Securities and Exchange Commission", code: "USAGOV"},

		// Bodies and titles code as the body they belong to.
		{sentence: "The State Department criticized Iran on Tuesday.", phrase: "The State Department", code: "USAGOV"},
		{sentence: "The Kremlin accused Washington of lying.", phrase: "The Kremlin", code: "RUSGOV"},
		{sentence: "The Pentagon accused Iran of laying mines.", phrase: "The Pentagon", code: "USAMIL"},
		{sentence: "The Treasury criticized the Bundesbank.", phrase: "The Treasury", code: "---GOV"},
		{sentence: "The U.S. Treasury criticized Japan.", phrase: "U.S. Treasury", code: "USAGOV"},
		{sentence: "The Bank of France sold seven billion francs' worth of Treasury bills.", phrase: "seven billion francs' worth of Treasury bills", code: ""},
		{sentence: "The Finance Ministry criticized the banks.", phrase: "The Finance Ministry", code: "---GOV"},
		{sentence: "The foreign ministry summoned the ambassador.", phrase: "The foreign ministry", code: "---GOV"},
		{sentence: "The U.S. Agriculture Department accused the EC of subsidies.", phrase: "The U.S. Agriculture Department", code: "USAGOVAGR"},
		{sentence: "U.S. Trade Representative Clayton Yeutter criticized Japan.", phrase: "U.S. Trade Representative Clayton Yeutter", code: "USAGOV"},
		{sentence: "Senator Steven Symms criticized Japan.", phrase: "Senator Steven Symms", code: "---LEG"},

		// People whom Phoenix dates wrongly.
		{sentence: "Treasury Secretary James Baker met Miyazawa.", phrase: "Treasury Secretary James Baker", code: "USAGOV"},
		{sentence: "Javier Perez de Cuellar urged Iran to accept a ceasefire.", phrase: "Javier Perez de Cuellar", code: "IGOUNO"},
		{sentence: "Finance Minister Roger Douglas criticized the unions.", phrase: "Finance Minister Roger Douglas", code: "NZLGOV"},

		// Central banks are GOVBUS, as Phoenix codes CENTRAL_BANK.
		{sentence: "The Bank of Japan bought dollars.", phrase: "The Bank of Japan", code: "JPNGOVBUS"},
		{sentence: "The Bank of England criticized the plan.", phrase: "The Bank of England", code: "GBRGOVBUS"},
		{sentence: "The Bundesbank criticized the government.", phrase: "The Bundesbank", code: "DEUGOVBUS"},
		{sentence: "The Bank of Canada criticized the plan.", phrase: "The Bank of Canada", code: "CANGOVBUS"},
		{sentence: "The Bank of France criticized the plan.", phrase: "The Bank of France", code: "FRAGOVBUS"},
		{sentence: "The Banque de France criticized the plan.", phrase: "Banque de France", code: "FRAGOVBUS"},
		{sentence: "The Bank of Italy criticized the plan.", phrase: "The Bank of Italy", code: "ITAGOVBUS"},
		{sentence: "The Bank of Spain criticized the plan.", phrase: "The Bank of Spain", code: "ESPGOVBUS"},
		{sentence: "The Swiss National Bank criticized the plan.", phrase: "The Swiss National Bank", code: "CHEGOVBUS"},
		{sentence: "The Bank of Thailand criticized the plan.", phrase: "The Bank of Thailand", code: "THAGOVBUS"},
		{sentence: "The Bank of Korea criticized the plan.", phrase: "The Bank of Korea", code: "KORGOVBUS"},
		{sentence: "The Bank of Israel criticized the plan.", phrase: "The Bank of Israel", code: "ISRGOVBUS"},
		{sentence: "The Bank of Greece criticized the plan.", phrase: "The Bank of Greece", code: "GRCGOVBUS"},
		{sentence: "The Bank of Portugal criticized the plan.", phrase: "The Bank of Portugal", code: "PRTGOVBUS"},
		{sentence: "The Reserve Bank of India criticized the plan.", phrase: "The Reserve Bank of India", code: "INDGOVBUS"},
		{sentence: "The Reserve Bank of Australia criticized the plan.", phrase: "The Reserve Bank of Australia", code: "AUSGOVBUS"},
		{sentence: "The Reserve Bank of New Zealand criticized the plan.", phrase: "The Reserve Bank of New Zealand", code: "NZLGOVBUS"},

		// Firms are their country's business, never the bare country.
		{sentence: "Air India accused the government of delays.", phrase: "Air India", code: "INDBUS"},
		{sentence: "Canada Post criticized the union.", phrase: "Canada Post", code: "CANBUS"},
		{sentence: "Petroleos de Venezuela signed a deal with Ecuador.", phrase: "Petroleos de Venezuela", code: "VENBUS"},
		{sentence: "The Chicago Mercantile Exchange fined the trader.", phrase: "Chicago Mercantile Exchange", code: "USABUS"},
		{sentence: "The NYSE fined the broker.", phrase: "NYSE", code: "USABUS"},
		{sentence: "The New York Stock Exchange fined the broker.", phrase: "New York Stock Exchange", code: "USABUS"},
		{sentence: "The Tokyo Stock Exchange fined the broker.", phrase: "Tokyo Stock Exchange", code: "JPNBUS"},
		{sentence: "The Paris Bourse suspended trading.", phrase: "Paris Bourse", code: "FRABUS"},
		{sentence: "Japanese banks criticized the plan.", phrase: "Japanese banks", code: "JPNBUS"},
		{sentence: "Japanese banks criticized the plan.", phrase: "Japanese", code: "JPNBUS"},
		{sentence: "The bank criticized the plan.", phrase: "The bank", code: ""},
		{sentence: "The Bank of Tokyo criticized the plan.", phrase: "Bank of Tokyo", code: "JPNBUS"},
		{sentence: "Israel attacked the West Bank.", phrase: "the West Bank", code: "PSE"},
		{sentence: "Iraqi air raids hit Iran.", phrase: "Iraqi air raids", code: "IRQ"},
		{sentence: "U.S. firms accused Japan of dumping.", phrase: "U.S. firms", code: "USABUS"},
		{sentence: "The U.S. subsidiary signed a deal with Japan.", phrase: "U.S.", code: "USABUS"},
		{sentence: "Iranian units attacked Iraq.", phrase: "Iranian", code: "IRN"},
		{sentence: "U.S. carriers criticized the rules.", phrase: "U.S. carriers", code: "USABUS"},
		{sentence: "McDonnell Douglas signed a deal with China.", phrase: "McDonnell Douglas", code: "USABUS"},
		{sentence: "Lincoln Savings Bank FSB signed a deal with the union.", phrase: "Lincoln Savings Bank FSB", code: "USABUS"},
		{sentence: "Texaco accused Pennzoil of fraud.", phrase: "Texaco", code: "USABUS"},
		{sentence: "Chevron signed a deal with Angola.", phrase: "Chevron", code: "USABUS"},
		{sentence: "Ford Motor Co signed a deal with the union.", phrase: "Ford Motor Co", code: "USABUS"},
		{sentence: "Toyota signed a deal with China.", phrase: "Toyota", code: "JPNBUS"},
		{sentence: "The chief executive criticized the union.", phrase: "The chief executive", code: "---BUS"},
		{sentence: "A Canadian telecom signed a deal with China.", phrase: "A Canadian telecom", code: "CANBUS"},

		// Currencies, markets and commodities are no actors, nor is a country that says
		// whose they are; a country whose platforms or minister they are still is one.
		{sentence: "The U.S. dollar provided support for the Australian dollar.", phrase: "U.S.", code: ""},
		{sentence: "The U.S. dollar provided support for the Australian dollar.", phrase: "the Australian dollar", code: ""},
		{sentence: "The U.S. dollar provided support for the Australian dollar.", phrase: "Australian", code: ""},
		{sentence: "The Tokyo stock market rallied against Wall Street.", phrase: "Tokyo", code: ""},
		{sentence: "Egypt bought U.S. wheat, the ministry said.", phrase: "U.S.", code: ""},
		{sentence: "The U.S. attacked Iranian oil platforms.", phrase: "Iranian", code: "IRN"},
		{sentence: "Saudi Oil Minister Hisham Nazer met Subroto.", phrase: "Saudi Oil Minister Hisham Nazer", code: "SAUGOV"},

		// Bodies Phoenix gave other codes.
		{sentence: "The International Cocoa Organization criticized the producers.", phrase: "The International Cocoa Organization", code: "IGOAGRICO"},
		{sentence: "The International Coffee Organization criticized Brazil.", phrase: "The International Coffee Organization", code: "IGOAGR"},
		{sentence: "The organization criticized Israel.", phrase: "The organization", code: ""},
		{sentence: "Japan issued a zero coupon bond.", phrase: "a zero coupon bond", code: ""},
		{sentence: "West Germany's Christian Democratic Union criticized Kohl.", phrase: "West Germany's Christian Democratic Union", code: "DEUPTY"},

		// Agents Phoenix gave other codes.
		{sentence: "An Israeli spokesman criticized Syria.", phrase: "An Israeli spokesman", code: "ISRGOV"},
		{sentence: "A company spokesman criticized the union.", phrase: "A company spokesman", code: "---BUS"},
		{sentence: "A union spokesman criticized the company.", phrase: "A union spokesman", code: "---LAB"},
		{sentence: "Brazilian delegates criticized the quotas.", phrase: "Brazilian delegates", code: "BRAGOV"},
		{sentence: "The Japanese deputy finance minister met Baker.", phrase: "The Japanese deputy finance minister", code: "JPNGOV"},
		{sentence: "Brazilian deputies criticized Sarney.", phrase: "Brazilian deputies", code: "BRALEG"},
		{sentence: "Union representatives met the company.", phrase: "Union representatives", code: "---LAB"},
		{sentence: "Economists criticized the budget.", phrase: "Economists", code: ""},
		{sentence: "The settlement angered the shareholders.", phrase: "The settlement", code: ""},
		{sentence: "Brazilian seamen rejected the offer.", phrase: "Brazilian seamen", code: "BRALAB"},

		// Names that are no actors: people the gazetteer took for capitals, a resort
		// Phoenix took for Portugal, cars taken for passengers, an ocean.
		{sentence: "Lewis Moody joined the squad in Dublin.", phrase: "Lewis Moody", code: ""},
		{sentence: "The ministers met Italy at Porto Cervo.", phrase: "Porto Cervo", code: "ITA"},
		{sentence: "Passenger car sales fell.", phrase: "Passenger car sales", code: ""},
		{sentence: "India sent ships to the Indian Ocean.", phrase: "the Indian Ocean", code: ""},
	}
	for _, tc := range cases {
		date := tc.date
		if date == "" {
			date = "1987-03-02"
		}
		doc := analyzeText(t, tc.sentence, date)
		got := phraseCodes(doc, tc.phrase)
		ok := len(got) > 0
		for _, c := range got {
			ok = ok && c == tc.code
		}
		if tc.code == "" {
			ok = len(got) == 0
		}
		if !ok {
			var all []string
			for _, a := range doc.Actors {
				all = append(all, a.Text+"="+a.Code)
			}
			t.Errorf("%q: %q coded %q, want %q (actors: %s)", tc.sentence, tc.phrase, got, tc.code, strings.Join(all, ", "))
		}
	}
}
