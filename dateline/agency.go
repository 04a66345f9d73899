package dateline

import "strings"

// lookupAgency maps the name written in a dateline's brackets to the agency's canonical name:
// "(XINHUA)" and "(Xinhua)" are "Xinhua", "(Associated Press)" is "AP", "(AA)" is "Anadolu".
// Canonical names are what the agencies call themselves in their own credit lines.
func lookupAgency(written string) (canonical string, ok bool) {
	if len(written) > maxAgencyBytes {
		return "", false
	}
	switch strings.ToLower(written) {
	case "xinhua", "xinhua news agency":
		return "Xinhua", true
	case "reuters", "reuter", "thomson reuters":
		return "Reuters", true
	case "ap", "associated press", "the associated press", "ap photo":
		return "AP", true
	case "afp", "agence france-presse", "agence france presse", "afp-jiji":
		return "AFP", true
	case "dpa", "dpa-afx", "deutsche presse-agentur":
		return "dpa", true
	case "kyodo", "kyodo news":
		return "Kyodo", true
	case "yonhap", "yonhap news agency":
		return "Yonhap", true
	case "tass", "itar-tass":
		return "TASS", true
	case "ria novosti", "ria":
		return "RIA Novosti", true
	case "ani":
		return "ANI", true
	case "pti":
		return "PTI", true
	case "ians":
		return "IANS", true
	case "aa", "anadolu", "anadolu agency", "aa.com.tr":
		return "Anadolu", true
	case "kuna":
		return "KUNA", true
	case "wam":
		return "WAM", true
	case "spa":
		return "SPA", true
	case "bernama":
		return "Bernama", true
	case "antara":
		return "Antara", true
	case "efe":
		return "EFE", true
	case "ansa":
		return "ANSA", true
	case "upi", "united press international":
		return "UPI", true
	case "bloomberg":
		return "Bloomberg", true
	case "nhk":
		return "NHK", true
	case "apa":
		return "APA", true
	case "bss":
		return "BSS", true
	case "prensa latina", "pl":
		return "Prensa Latina", true
	case "irna":
		return "IRNA", true
	case "sana":
		return "SANA", true
	case "mena":
		return "MENA", true
	case "pna":
		return "PNA", true
	case "interfax":
		return "Interfax", true
	case "ukrinform":
		return "Ukrinform", true
	case "sputnik":
		return "Sputnik", true
	case "cna", "central news agency":
		return "CNA", true
	case "lusa":
		return "Lusa", true
	case "jiji", "jiji press":
		return "Jiji", true
	case "ntb":
		return "NTB", true
	case "tt":
		return "TT", true
	case "ritzau":
		return "Ritzau", true
	case "anp":
		return "ANP", true
	case "belga":
		return "Belga", true
	case "pap":
		return "PAP", true
	case "ctk":
		return "CTK", true
	case "mti":
		return "MTI", true
	case "hina":
		return "HINA", true
	case "tanjug":
		return "Tanjug", true
	case "ana", "ana-mpa":
		return "ANA-MPA", true
	case "cp", "the canadian press", "canadian press":
		return "CP", true
	case "aap", "australian associated press":
		return "AAP", true
	case "sapa":
		return "SAPA", true
	case "kcna":
		return "KCNA", true
	case "vna":
		return "VNA", true
	case "pns":
		return "PNS", true
	case "app":
		return "APP", true
	case "qna":
		return "QNA", true
	case "petra":
		return "Petra", true
	case "ina":
		return "INA", true
	case "ena":
		return "ENA", true
	case "xinhua/reuters":
		return "Xinhua", true
	}
	return "", false
}
