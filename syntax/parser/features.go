package parser

import "herald/learn"

// maxFeatures bounds the features of one configuration; features appends within it.
const maxFeatures = 136

// features appends the hashed features of the configuration to out[:0] and returns it.
//
// The templates follow Zhang and Nivre 2011, "Transition-based dependency parsing with
// rich non-local features", adapted to arc-hybrid: stack words have no heads yet, so the
// head features of s0 give way to s1 and s2. For each of s0, s1, s2, b0, b1, b2 and the
// nearest dependents of s0, s1 and b0: word (w), XPOS (p), UPOS (u), arc label (l); then
// word and tag pairs and triples, s0–b0 and s1–s0 distance, valency (number of left or
// right dependents) and the sets of dependent labels, each conjoined with a word or tag.
// Template numbers are part of the model: never renumber, only add.
func (s *state) features(out []uint64) []uint64 {
	out = out[:0]
	s0, s1, s2 := s.s(0), s.s(1), s.s(2)
	b0 := s.b
	if b0 > s.n+1 {
		b0 = 0
	}
	var b1, b2 int32
	if b0 != 0 && b0+1 <= s.n+1 {
		b1 = b0 + 1
	}
	if b1 != 0 && b1+1 <= s.n+1 {
		b2 = b1 + 1
	}
	W, P, U, L := s.word, s.xtag, s.utag, s.label

	s0w, s0p, s0u := int(W[s0]), int(P[s0]), int(U[s0])
	s1w, s1p, s1u := int(W[s1]), int(P[s1]), int(U[s1])
	s2w, s2p := int(W[s2]), int(P[s2])
	b0w, b0p, b0u := int(W[b0]), int(P[b0]), int(U[b0])
	b1w, b1p, b1u := int(W[b1]), int(P[b1]), int(U[b1])
	b2w, b2p := int(W[b2]), int(P[b2])

	s0l1, s0l2, s0r1, s0r2 := s.lc1[s0], s.lc2[s0], s.rc1[s0], s.rc2[s0]
	s1l1, s1r1 := s.lc1[s1], s.rc1[s1]
	b0l1, b0l2 := s.lc1[b0], s.lc2[b0]

	f := learn.Feature
	out = append(out,
		f(1).Sum(), // bias
		// single words
		f(2).Int(s0w).Int(s0p).Sum(),
		f(3).Int(s0w).Sum(),
		f(4).Int(s0p).Sum(),
		f(5).Int(b0w).Int(b0p).Sum(),
		f(6).Int(b0w).Sum(),
		f(7).Int(b0p).Sum(),
		f(8).Int(b1w).Int(b1p).Sum(),
		f(9).Int(b1w).Sum(),
		f(10).Int(b1p).Sum(),
		f(11).Int(b2w).Sum(),
		f(12).Int(b2p).Sum(),
		f(13).Int(s1w).Int(s1p).Sum(),
		f(14).Int(s1w).Sum(),
		f(15).Int(s1p).Sum(),
		f(16).Int(s2p).Sum(),
		f(17).Int(s2w).Sum(),
		// pairs
		f(18).Int(s0w).Int(s0p).Int(b0w).Int(b0p).Sum(),
		f(19).Int(s0w).Int(s0p).Int(b0w).Sum(),
		f(20).Int(s0w).Int(b0w).Int(b0p).Sum(),
		f(21).Int(s0w).Int(s0p).Int(b0p).Sum(),
		f(22).Int(s0p).Int(b0w).Int(b0p).Sum(),
		f(23).Int(s0w).Int(b0w).Sum(),
		f(24).Int(s0p).Int(b0p).Sum(),
		f(25).Int(b0p).Int(b1p).Sum(),
		f(26).Int(s1p).Int(s0p).Sum(),
		f(27).Int(s1w).Int(s0w).Sum(),
		f(28).Int(s1w).Int(s1p).Int(s0p).Sum(),
		f(29).Int(s1p).Int(s0w).Int(s0p).Sum(),
		f(30).Int(s1w).Int(b0w).Sum(),
		f(31).Int(s1p).Int(b0p).Sum(),
		// triples
		f(32).Int(b0p).Int(b1p).Int(b2p).Sum(),
		f(33).Int(s0p).Int(b0p).Int(b1p).Sum(),
		f(34).Int(s1p).Int(s0p).Int(b0p).Sum(),
		f(35).Int(s0p).Int(int(P[s0l1])).Int(b0p).Sum(),
		f(36).Int(s0p).Int(int(P[s0r1])).Int(b0p).Sum(),
		f(37).Int(s0p).Int(b0p).Int(int(P[b0l1])).Sum(),
		f(38).Int(s1p).Int(int(P[s1r1])).Int(s0p).Sum(),
		f(39).Int(s2p).Int(s1p).Int(s0p).Sum(),
		f(40).Int(s1p).Int(int(P[s1l1])).Int(s0p).Sum(),
	)

	// distance
	var d, d1 int
	if s0 != 0 && b0 != 0 {
		d = bucket(int(b0 - s0))
	}
	if s1 != 0 {
		d1 = bucket(int(s0 - s1))
	}
	out = append(out,
		f(41).Int(s0w).Int(d).Sum(),
		f(42).Int(s0p).Int(d).Sum(),
		f(43).Int(b0w).Int(d).Sum(),
		f(44).Int(b0p).Int(d).Sum(),
		f(45).Int(s0w).Int(b0w).Int(d).Sum(),
		f(46).Int(s0p).Int(b0p).Int(d).Sum(),
		f(47).Int(s1p).Int(s0p).Int(d1).Sum(),
	)

	// valency
	s0vl, s0vr, b0vl := int(s.nl[s0]), int(s.nr[s0]), int(s.nl[b0])
	s1vl, s1vr := int(s.nl[s1]), int(s.nr[s1])
	out = append(out,
		f(48).Int(s0w).Int(s0vr).Sum(),
		f(49).Int(s0p).Int(s0vr).Sum(),
		f(50).Int(s0w).Int(s0vl).Sum(),
		f(51).Int(s0p).Int(s0vl).Sum(),
		f(52).Int(b0w).Int(b0vl).Sum(),
		f(53).Int(b0p).Int(b0vl).Sum(),
		f(54).Int(s1p).Int(s1vr).Sum(),
		f(55).Int(s1p).Int(s1vl).Sum(),
	)

	// nearest dependents
	out = append(out,
		f(56).Int(int(W[s0l1])).Sum(),
		f(57).Int(int(P[s0l1])).Sum(),
		f(58).Int(int(L[s0l1])).Sum(),
		f(59).Int(int(W[s0r1])).Sum(),
		f(60).Int(int(P[s0r1])).Sum(),
		f(61).Int(int(L[s0r1])).Sum(),
		f(62).Int(int(W[b0l1])).Sum(),
		f(63).Int(int(P[b0l1])).Sum(),
		f(64).Int(int(L[b0l1])).Sum(),
		f(65).Int(int(W[s1r1])).Sum(),
		f(66).Int(int(P[s1r1])).Sum(),
		f(67).Int(int(L[s1r1])).Sum(),
		f(68).Int(int(P[s1l1])).Sum(),
		f(69).Int(int(L[s1l1])).Sum(),
		f(70).Int(int(W[s0l2])).Sum(),
		f(71).Int(int(P[s0l2])).Sum(),
		f(72).Int(int(L[s0l2])).Sum(),
		f(73).Int(int(W[s0r2])).Sum(),
		f(74).Int(int(P[s0r2])).Sum(),
		f(75).Int(int(L[s0r2])).Sum(),
		f(76).Int(int(W[b0l2])).Sum(),
		f(77).Int(int(P[b0l2])).Sum(),
		f(78).Int(int(L[b0l2])).Sum(),
		f(79).Int(s0p).Int(int(P[s0l1])).Int(int(P[s0l2])).Sum(),
		f(80).Int(s0p).Int(int(P[s0r1])).Int(int(P[s0r2])).Sum(),
		f(81).Int(b0p).Int(int(P[b0l1])).Int(int(P[b0l2])).Sum(),
	)

	// label sets
	s0ls, s0rs, b0ls, s1rs := s.lset[s0], s.rset[s0], s.lset[b0], s.rset[s1]
	out = append(out,
		f(82).Int(s0w).Int(int(s0rs)).Int(int(s0rs>>32)).Sum(),
		f(83).Int(s0p).Int(int(s0rs)).Int(int(s0rs>>32)).Sum(),
		f(84).Int(s0w).Int(int(s0ls)).Int(int(s0ls>>32)).Sum(),
		f(85).Int(s0p).Int(int(s0ls)).Int(int(s0ls>>32)).Sum(),
		f(86).Int(b0w).Int(int(b0ls)).Int(int(b0ls>>32)).Sum(),
		f(87).Int(b0p).Int(int(b0ls)).Int(int(b0ls>>32)).Sum(),
		f(88).Int(s1p).Int(int(s1rs)).Int(int(s1rs>>32)).Sum(),
	)

	// universal tags and label conjunctions
	out = append(out,
		f(89).Int(s0u).Int(b0u).Sum(),
		f(90).Int(s1u).Int(s0u).Int(b0u).Sum(),
		f(91).Int(s0u).Int(b0u).Int(b1u).Sum(),
		f(92).Int(s0p).Int(int(L[s0l1])).Int(int(L[s0r1])).Sum(),
		f(93).Int(b0p).Int(int(L[b0l1])).Int(int(L[b0l2])).Sum(),
		f(94).Int(s1p).Int(int(L[s1r1])).Int(s0p).Sum(),
		f(95).Int(s0w).Int(int(L[s0l1])).Sum(),
		f(96).Int(s0w).Int(int(L[s0r1])).Sum(),
	)

	// word clusters (package cluster), standing in for the words in the templates above
	// that matter most, as Koo, Carreras and Collins 2008 use Brown clusters
	if s.clusters {
		F, C := s.fine, s.coarse
		s0f, b0f, b1f, s1f := int(F[s0]), int(F[b0]), int(F[b1]), int(F[s1])
		s0c, b0c, b1c, s1c := int(C[s0]), int(C[b0]), int(C[b1]), int(C[s1])
		out = append(out,
			f(97).Int(s0f).Sum(),
			f(98).Int(b0f).Sum(),
			f(99).Int(b1f).Sum(),
			f(100).Int(s1f).Sum(),
			f(101).Int(s0f).Int(b0p).Sum(),
			f(102).Int(s0p).Int(b0f).Sum(),
			f(103).Int(s0f).Int(b0f).Sum(),
			f(104).Int(s0c).Int(b0c).Int(d).Sum(),
			f(105).Int(s1c).Int(s0c).Int(b0c).Sum(),
			f(106).Int(s0c).Int(b0c).Int(b1c).Sum(),
			f(107).Int(s1f).Int(s0p).Sum(),
			f(108).Int(s1p).Int(s0f).Sum(),
			f(109).Int(int(C[s0l1])).Int(s0c).Sum(),
			f(110).Int(int(C[s0r1])).Int(s0c).Sum(),
			f(111).Int(int(C[b0l1])).Int(b0c).Sum(),
			f(112).Int(int(F[b2])).Sum(),
			f(113).Int(b0f).Int(b1p).Sum(),
			f(114).Int(s0c).Int(b0c).Int(s0p).Int(b0p).Sum(),
			f(115).Int(int(C[s1r1])).Int(s1c).Int(s0c).Sum(),
			f(116).Int(int(C[s1l1])).Int(s1c).Sum(),
			f(117).Int(int(C[s0l2])).Int(int(C[s0l1])).Int(s0c).Sum(),
			f(118).Int(int(C[s0r2])).Int(int(C[s0r1])).Int(s0c).Sum(),
			f(119).Int(s0f).Int(b0p).Int(d).Sum(),
			f(120).Int(s0p).Int(b0f).Int(d).Sum(),
			f(121).Int(s0f).Int(b0p).Int(b1p).Sum(),
			f(122).Int(s1p).Int(s0p).Int(b0f).Sum(),
		)
	}
	return out
}

// bucket groups distances the way Zhang and Nivre do for long ones: exact up to 4, then
// coarser, since 9 and 11 words apart behave alike.
func bucket(d int) int {
	switch {
	case d < 0:
		return 0
	case d <= 4:
		return d
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	default:
		return 7
	}
}
