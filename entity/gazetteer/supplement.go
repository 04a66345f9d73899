package gazetteer

import "strings"

// Hand-written additions, Herald's own: names the sources lack or skip, checked against
// them when written. Countries' two-letter codes are skipped from mledoze as codes, but
// "US" and "UK" are names in news; "Kazakh" is missing from both country sources.

// supplementCountryNames maps ISO3 codes to names of the country that news uses.
var supplementCountryNames = map[string][]string{
	"USA": {"US", "U.S.", "U.S.A.", "America", "United States"},
	"GBR": {"UK", "U.K.", "Britain", "Great Britain"},
	"ARE": {"UAE", "U.A.E.", "Emirates"},
	"COD": {"DRC", "DR Congo", "Congo-Kinshasa"},
	"COG": {"Congo-Brazzaville"},
	"PRK": {"DPRK"},
	"NLD": {"Holland"},
	"CZE": {"Czech Republic", "Czechia"},
	"TUR": {"Turkiye", "Türkiye"},
	"MMR": {"Burma"},
	"SWZ": {"Swaziland", "Eswatini"},
	"CIV": {"Ivory Coast", "Côte d'Ivoire"},
	"PSE": {"Palestine", "Palestinian territories"},
	"VAT": {"Vatican", "Holy See"},
}

// supplementDemonyms maps ISO3 codes to demonyms the sources lack.
var supplementDemonyms = map[string][]string{
	"KAZ": {"Kazakh", "Kazakhstani"},
	"KGZ": {"Kyrgyz"},
	"UZB": {"Uzbek"},
	"TJK": {"Tajik"},
	"TKM": {"Turkmen"},
	"AFG": {"Afghan"},
	"SAU": {"Saudi"},
	"ARE": {"Emirati"},
	"GBR": {"Briton", "Brit"},
	"USA": {"US", "U.S."},
	"PHL": {"Filipino"},
	"NZL": {"New Zealander"},
	"PSE": {"Palestinian"},
	"ISR": {"Israeli"},
	"BGD": {"Bangladeshi"},
	"CZE": {"Czech"},
	"COD": {"Congolese"},
}

// supplementIGOs are organizations missing from, or only abbreviated in, the Phoenix
// dictionary. Codes come from that dictionary's usage (IGOAFRAFU is how it codes the
// African Union's Peace and Security Council) or are plain "IGO" where it has none.
var supplementIGOs = []struct {
	name, code string
	names      []string
}{
	{"United Nations", "IGOUNO", []string{"United Nations", "UN", "U.N."}},
	{"Shanghai Cooperation Organization", "IGOCAS", []string{"Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "SCO"}},
	{"North Atlantic Treaty Organization", "IGOWSTNAT", []string{"North Atlantic Treaty Organization", "NATO"}},
	{"European Union", "IGOEUREEC", []string{"European Union", "EU", "E.U."}},
	{"African Union", "IGOAFRAFU", []string{"African Union", "AU"}},
	{"Association of Southeast Asian Nations", "IGOSEAASN", []string{"Association of Southeast Asian Nations", "ASEAN"}},
	{"Gulf Cooperation Council", "IGOPGSGCC", []string{"Gulf Cooperation Council", "GCC"}},
	{"Organization for Security and Co-operation in Europe", "IGOEURSCE", []string{"Organization for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe", "OSCE"}},
	{"BRICS", "IGO", []string{"BRICS"}},
	{"Collective Security Treaty Organization", "IGO", []string{"Collective Security Treaty Organization", "CSTO"}},
	{"Eurasian Economic Union", "IGO", []string{"Eurasian Economic Union", "EAEU"}},
	{"Conference on Interaction and Confidence-Building Measures in Asia", "IGO", []string{"Conference on Interaction and Confidence-Building Measures in Asia", "CICA"}},
	{"World Health Organization", "IGOUNOHLHWHO", []string{"World Health Organization", "WHO"}},
	{"World Trade Organization", "IGOBUSWTO", []string{"World Trade Organization", "WTO"}},
	{"International Monetary Fund", "IGOBUSIMF", []string{"International Monetary Fund", "IMF"}},
	{"World Bank", "IGOUNODEVWBK", []string{"World Bank"}},
	{"Organization of American States", "IGOOAS", []string{"Organization of American States", "OAS"}},
	{"Arab League", "IGOMEAARL", []string{"Arab League", "League of Arab States"}},
}

// dropDependentDemonyms takes from territories the demonyms they share with an
// independent country: "American" is the United States', not American Samoa's.
func (b *builder) dropDependentDemonyms() {
	independent := make(map[string]bool)
	for _, be := range b.entries {
		if be.Kind == Demonym && !b.dependent[be.Country] {
			for k := range be.surfaces {
				independent[k] = true
			}
		}
	}
	for _, be := range b.entries {
		if be.Kind == Demonym && b.dependent[be.Country] {
			for k := range be.surfaces {
				if independent[k] {
					delete(be.surfaces, k)
				}
			}
		}
	}
}

func (b *builder) addSupplement() {
	for iso3, names := range supplementCountryNames {
		b.addCountryName(iso3, names...)
	}
	for iso3, forms := range supplementDemonyms {
		if b.countries[iso3] != nil {
			b.addDemonym(iso3, forms[0], forms...)
		}
	}
	// The names given here are the organization's own: other dictionary entries that
	// bear them ("UN" as a separate acronym entry) lose them.
	for _, o := range supplementIGOs {
		for _, be := range b.entries {
			if be.Kind != IGO || be.Name == o.name {
				continue
			}
			for _, n := range o.names {
				delete(be.surfaces, strings.Join(tokenize(n), " "))
			}
		}
		b.add(Entry{Kind: IGO, Type: "ORG", Code: o.code, Name: o.name}, o.names...)
	}
}
