package segment

// The word lists below encode UD English-EWT tokenization conventions and news
// abbreviations. The hyphen prefixes were derived by counting, in en_ewt-ud-train and -dev,
// which "prefix-word" forms the treebank keeps as one token; the rest are general
// knowledge of English wire style.

// abbrevClass says how an abbreviation that keeps its period behaves at a possible
// sentence end.
type abbrevClass uint8

const (
	// abbrevNone: not an abbreviation; a following period is a token of its own.
	abbrevNone abbrevClass = iota
	// abbrevTitle precedes a name or number (Gen., Sen., No., Jan., vs.): it ends a
	// sentence only before a word that typically starts one ("The", "He", …).
	abbrevTitle
	// abbrevFinal often ends a sentence (Inc., Corp., etc., a.m., Jr.): it ends one before
	// any capitalized word.
	abbrevFinal
	// abbrevInitialism is a dotted initialism (U.S., D.C., U.N.) or an initial (J.): it
	// ends a sentence only before a typical sentence starter, since "U.S. Army" and
	// "J. Smith" continue.
	abbrevInitialism
	// abbrevMeridiem is a.m. or p.m.: it ends a sentence before a capitalized word other
	// than a day, a month or an all-caps time zone ("5 p.m. Tuesday", "9 a.m. EST").
	abbrevMeridiem
)

// abbreviations keep their final period as part of the token, as EWT does ("Mr.", "Inc.").
// Dotted initialisms ("U.S.", "e.g.") and single letters are recognised by shape, not listed.
var abbreviations = map[string]abbrevClass{
	// Titles and ranks.
	"Mr": abbrevTitle, "Drs": abbrevTitle, "Mrs": abbrevTitle, "Ms": abbrevTitle, "Dr": abbrevTitle, "Prof": abbrevTitle,
	"Messrs": abbrevTitle, "Mme": abbrevTitle, "Rev": abbrevTitle, "Hon": abbrevTitle,
	"Gen": abbrevTitle, "Lt": abbrevTitle, "Col": abbrevTitle, "Maj": abbrevTitle, "Capt": abbrevTitle,
	"Cmdr": abbrevTitle, "Adm": abbrevTitle, "Sgt": abbrevTitle, "Cpl": abbrevTitle, "Pvt": abbrevTitle,
	"Brig": abbrevTitle, "Gov": abbrevTitle, "Sen": abbrevTitle, "Sens": abbrevTitle, "Rep": abbrevTitle,
	"Reps": abbrevTitle, "Pres": abbrevTitle, "Supt": abbrevTitle, "Insp": abbrevTitle, "Det": abbrevTitle,
	"Amb": abbrevTitle, "Sec": abbrevTitle, "Atty": abbrevTitle, "Gens": abbrevTitle, "Fr": abbrevTitle,
	"Sr": abbrevFinal, "Jr": abbrevFinal, "Esq": abbrevFinal,
	// Places in addresses and names.
	"St": abbrevTitle, "Pt": abbrevTitle, "tel": abbrevTitle, "Ft": abbrevTitle, "Mt": abbrevTitle, "Ave": abbrevFinal, "Blvd": abbrevFinal,
	"Rd": abbrevFinal,
	// Numbers and references.
	"No": abbrevTitle, "Nos": abbrevTitle, "no": abbrevTitle, "Vol": abbrevTitle, "vol": abbrevTitle,
	"Fig": abbrevTitle, "fig": abbrevTitle, "pp": abbrevTitle, "Art": abbrevTitle, "Para": abbrevTitle,
	"vs": abbrevTitle, "Vs": abbrevTitle, "v": abbrevTitle, "approx": abbrevTitle, "cf": abbrevTitle,
	"ca": abbrevTitle, "est": abbrevTitle, "Ext": abbrevTitle, "ext": abbrevTitle, "Tel": abbrevTitle,
	// Months and days: "Jan. 5", "Wed. night".
	"Jan": abbrevTitle, "Feb": abbrevTitle, "Mar": abbrevTitle, "Apr": abbrevTitle, "Jun": abbrevTitle,
	"Jul": abbrevTitle, "Aug": abbrevTitle, "Sep": abbrevTitle, "Sept": abbrevTitle, "Oct": abbrevTitle,
	"Nov": abbrevTitle, "Dec": abbrevTitle,
	"Mon": abbrevTitle, "Tue": abbrevTitle, "Tues": abbrevTitle, "Wed": abbrevTitle, "Thu": abbrevTitle,
	"Thur": abbrevTitle, "Thurs": abbrevTitle, "Fri": abbrevTitle, "Sat": abbrevTitle, "Sun": abbrevTitle,
	// Companies and lists: these often end a sentence.
	"Inc": abbrevFinal, "Corp": abbrevFinal, "Co": abbrevFinal, "Ltd": abbrevFinal, "Bros": abbrevFinal,
	"Dept": abbrevFinal, "Govt": abbrevFinal, "Assn": abbrevFinal, "Univ": abbrevFinal,
	"etc": abbrevFinal, "al": abbrevFinal, "yrs": abbrevFinal, "mins": abbrevFinal, "hrs": abbrevFinal,
	"oz": abbrevFinal, "lb": abbrevFinal, "lbs": abbrevFinal, "info": abbrevFinal,
	// U.S. states in AP style.
	"Ala": abbrevTitle, "Ariz": abbrevTitle, "Ark": abbrevTitle, "Calif": abbrevTitle, "Colo": abbrevTitle,
	"Conn": abbrevTitle, "Del": abbrevTitle, "Fla": abbrevTitle, "Ga": abbrevTitle, "Ill": abbrevTitle,
	"Ind": abbrevTitle, "Kan": abbrevTitle, "Kans": abbrevTitle, "Ky": abbrevTitle, "La": abbrevTitle,
	"Md": abbrevTitle, "Mass": abbrevTitle, "Mich": abbrevTitle, "Minn": abbrevTitle, "Miss": abbrevTitle,
	"Mo": abbrevTitle, "Mont": abbrevTitle, "Neb": abbrevTitle, "Nev": abbrevTitle, "Okla": abbrevTitle,
	"Ore": abbrevTitle, "Pa": abbrevTitle, "Tenn": abbrevTitle, "Tex": abbrevTitle, "Va": abbrevTitle,
	"Vt": abbrevTitle, "Wash": abbrevTitle, "Wis": abbrevTitle, "Wyo": abbrevTitle,
}

// hyphenPrefixes are the prefixes EWT keeps attached to the word after the hyphen
// ("non-violent", "e-mail", "mid-July"); every other hyphen between letters is a token of
// its own ("search - engine").
var hyphenPrefixes = map[string]bool{
	"e": true, "non": true, "mid": true, "anti": true, "pre": true, "re": true, "post": true,
	"co": true, "over": true, "multi": true, "ex": true, "pro": true, "semi": true, "sub": true,
	"cross": true, "counter": true, "micro": true, "psycho": true, "neo": true, "un": true,
	"intra": true, "inter": true, "socio": true, "mis": true, "ultra": true, "extra": true,
	"bi": true, "tri": true, "macro": true, "mega": true, "hyper": true, "trans": true,
	"geo": true, "euro": true,
}

// fusedWords are spellings without an apostrophe that EWT still splits before "nt"
// ("dont" → "do" "nt"), and the fused forms it splits ("cannot" → "can" "not").
var fusedWords = map[string]int{ // value: length of the first part
	"cannot": 3, "gonna": 3, "outta": 3, "wanna": 3, "gotta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3, "werent": 4,
	"havent": 4, "hasnt": 3, "hadnt": 3, "couldnt": 5, "wouldnt": 5, "shouldnt": 6,
	"cant": 2, "wont": 2, "aint": 2,
	"im": 1, "ive": 1, "thats": 4, "hes": 2, "whats": 4, "theres": 5, "youre": 3, "alot": 1,
}

// itsContraction lists words after which a written "its" stands for "it's" and EWT splits
// it ("its not" → "it" "s" "not"); before anything else "its" is the possessive.
var itsContraction = map[string]bool{
	"a": true, "an": true, "the": true, "not": true, "been": true, "going": true, "gonna": true,
	"just": true, "so": true, "very": true, "really": true, "too": true, "all": true, "like": true,
	"ok": true, "okay": true, "only": true, "also": true, "always": true, "never": true,
	"still": true, "because": true, "what": true, "hard": true, "easy": true, "better": true,
	"good": true, "great": true, "nice": true, "fine": true, "true": true, "my": true,
	"your": true, "no": true, "in": true, "on": true, "at": true, "getting": true, "kind": true,
	"pretty": true, "worth": true, "about": true, "over": true, "up": true, "gone": true,
}

// starters are words that typically open a sentence and rarely follow an initialism or
// title inside one: "… in Washington, D.C. The next day …" ends at "D.C.", while
// "D.C. Mayor" and "J. Smith" do not.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "But": true, "And": true, "Or": true, "So": true,
	"Yet": true, "In": true, "On": true, "At": true, "For": true, "From": true, "With": true,
	"By": true, "To": true, "Of": true, "As": true, "If": true, "When": true, "While": true,
	"After": true, "Before": true, "Since": true, "Although": true, "Though": true,
	"However": true, "Meanwhile": true, "This": true, "That": true, "These": true,
	"Those": true, "There": true, "Here": true, "His": true, "Her": true, "Its": true,
	"Their": true, "Our": true, "My": true, "Your": true, "What": true, "Who": true,
	"Which": true, "Where": true, "Why": true, "How": true, "Some": true, "Many": true,
	"Most": true, "All": true, "Both": true, "Each": true, "Every": true, "No": true,
	"Not": true, "Other": true, "Others": true, "Such": true, "Then": true, "Now": true,
	"Also": true, "Still": true, "Earlier": true, "Later": true, "Last": true, "Next": true,
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true,
	"Is": true, "Are": true, "Was": true, "Were": true, "Do": true, "Does": true, "Did": true,
	"Can": true, "Will": true, "Would": true, "Should": true, "Could": true, "Please": true,
	"Thank": true, "Thanks": true, "Yes": true, "Let": true, "According": true,
}

// calendarWords may follow a time without ending its sentence: "at 5 p.m. Tuesday".
var calendarWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true,
	"April": true, "May": true, "June": true, "July": true, "August": true, "September": true,
	"October": true, "November": true, "December": true, "Jan.": true, "Feb.": true,
	"Aug.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true, "Mon.": true,
	"Tue.": true, "Wed.": true, "Thu.": true, "Fri.": true, "Sat.": true, "Sun.": true,
}
