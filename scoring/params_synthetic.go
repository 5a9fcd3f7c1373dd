package scoring

import (
	"slices"
	"strings"
)

// checkNotRelabelled refuses a parameter file that says it is not synthetic but
// carries the numbers of the synthetic training set Spiegel ships
// (SyntheticOxRecParams): a copy whose "synthetic" flag was set to false, or
// removed, would otherwise verify, since its golden cases still match, and its
// made-up numbers would be shown as OxRec without the synthetic marking.
//
// A variant is recognised when most of its values (more than half of the
// placeholders it fills) are, to the bit, the values of a variant of the synthetic
// set, whichever variant. This is a product rule, not a published one: real
// coefficients share at most a cited value or two with the made-up ones (the
// synthetic set uses the published drug parameter 0.571), so a majority can only
// come from copying. It recognises the set Spiegel ships and close copies of it; it
// cannot tell numbers made up elsewhere from real ones, which is what the issuer,
// the SHA-256 pin and the organisation's own checks are for.
func checkNotRelabelled(f *ParameterFile) error {
	if f.Synthetic {
		return nil
	}
	var syn ParameterFile
	if err := parameterFileJSON.decodeStrict(SyntheticOxRecParams, &syn); err != nil {
		return errorf("read the synthetic training set: %w", err)
	}
	for i := range f.Variants {
		v := &f.Variants[i]
		for j := range syn.Variants {
			same, total := sharedValues(v.Values, syn.Variants[j].Values)
			if total > 0 && 2*same > total {
				return refuse(refusedSynthetic, "synthetic: the file says it is not synthetic, but "+
					"variants[%d] (%s) carries %d of its %d values from Spiegel's synthetic "+
					"training set (%s, params/oxrec-nl-synthetic.json): made-up numbers "+
					"cannot pass as OxRec; a training file must keep \"synthetic\": true",
					i, v.Model, same, total, syn.Variants[j].Model)
			}
		}
	}
	if key := citesSynthetic(f.Sources); key != "" {
		return refuse(refusedSynthetic, "synthetic: the file says it is not synthetic, but "+
			"its source %q is Spiegel's synthetic training set or cites it: a training "+
			"file, or one made from it, must keep \"synthetic\": true", key)
	}
	return nil
}

// sharedValues counts the values of got whose name is in syn with the same number
// (compared exactly), and returns that count with the number of values in got.
func sharedValues(got, syn map[string]Coefficient) (same, total int) {
	for name, c := range got {
		if s, ok := syn[name]; ok && c.Param == "" && s.Value == c.Value {
			same++
		}
	}
	return same, len(got)
}

// citesSynthetic returns the key of the first source (in key order) that is the
// synthetic training set's own source (the citation of its source "synthetic", word
// for word) or that cites the set's SHA-256 (as a recalibration's source does), or ""
// when there is none. Like checkNotRelabelled this is a product rule that recognises
// what Spiegel ships, not numbers made up elsewhere.
func citesSynthetic(sources map[string]Source) string {
	var syn ParameterFile
	if err := parameterFileJSON.decodeStrict(SyntheticOxRecParams, &syn); err != nil {
		return ""
	}
	own, sha := syn.Sources["synthetic"].Citation, sha256Hex(SyntheticOxRecParams)
	keys := make([]string, 0, len(sources))
	for k := range sources {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		s := sources[key]
		if (own != "" && s.Citation == own) || strings.Contains(s.Citation+" "+s.Note, sha) {
			return key
		}
	}
	return ""
}
