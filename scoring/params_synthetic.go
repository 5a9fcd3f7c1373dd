package scoring

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// checkNotRelabelled refuses a parameter file that says it is not synthetic but
// carries the numbers of the synthetic training set Spiegel ships
// (SyntheticOxRecParams): a copy whose "synthetic" flag was set to false, or
// removed, would otherwise verify, since its golden cases still match, and its
// made-up numbers would be shown as OxRec without the synthetic marking.
//
// A variant is recognised when most of its values (more than half of the
// placeholders it fills) are, within copyTolerance, the values of a variant of the synthetic
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
	syn, err := syntheticSet()
	if err != nil {
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
// (within copyTolerance), and returns that count with the number of values in got.
func sharedValues(got, syn map[string]Coefficient) (same, total int) {
	for name, c := range got {
		if s, ok := syn[name]; ok && c.Param == "" && near(s.Value, c.Value) {
			same++
		}
	}
	return same, len(got)
}

// copyTolerance is how close, relative to its size, a value must be to a synthetic one
// to count as copied: far tighter than any two published coefficients agree by chance,
// far looser than the golden cases' tolerance lets a file shift its numbers.
const copyTolerance = 1e-4

// near reports whether a and b agree within copyTolerance of the larger.
func near(a, b float64) bool {
	return math.Abs(a-b) <= copyTolerance*math.Max(math.Abs(a), math.Abs(b))
}

// syntheticShare counts the values of d (a definition that says it is not synthetic)
// that copy a value of one variant of the synthetic set, at most once each, and
// returns the largest count with that variant's number of values.
func syntheticShare(d *Definition) (same, total int) {
	syn, err := syntheticSet()
	if err != nil {
		return 0, 0
	}
	var mine []float64
	eachCoefficient(d, func(_ string, c *Coefficient) { mine = append(mine, c.Value) })
	for _, v := range syn.Variants {
		used := make([]bool, len(mine))
		n := 0
		for _, s := range v.Values {
			for i, x := range mine {
				if !used[i] && s.Value != 0 && near(x, s.Value) {
					used[i], n = true, n+1
					break
				}
			}
		}
		if n > same {
			same, total = n, len(v.Values)
		}
	}
	return same, total
}

// citesSynthetic returns the key of the first source (in key order) that is the
// synthetic training set's own source (the citation of its source "synthetic", word
// for word) or that cites the set's SHA-256 (as a recalibration's source does), or ""
// when there is none. Like checkNotRelabelled this is a product rule that recognises
// what Spiegel ships, not numbers made up elsewhere.
func citesSynthetic(sources map[string]Source) string {
	syn, err := syntheticSet()
	if err != nil {
		return ""
	}
	own, sha := syn.Sources["synthetic"].Citation, syntheticSHA256()
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

// checkModelNotRelabelled refuses a definition that says it is not synthetic but cites
// the synthetic training set (citesSynthetic) or carries most of one of its variants'
// values (syntheticShare): a model recalibrated from the training numbers, relabelled.
// Like checkNotRelabelled it recognises what Spiegel ships and close copies; a model
// whose every number was refitted (a slope applied to all of them) and whose sources
// were rewritten can no longer be told from any other.
func checkModelNotRelabelled(d *Definition) error {
	if d.Synthetic {
		return nil
	}
	if key := citesSynthetic(d.Sources); key != "" {
		return errorf("%w: synthetic: the definition says it is not synthetic, but its "+
			"source %q is Spiegel's synthetic training set or cites it: a model made from "+
			"training numbers must keep \"synthetic\": true", ErrInvalid, key)
	}
	if same, total := syntheticShare(d); total > 0 && 2*same > total {
		return errorf("%w: synthetic: the definition says it is not synthetic, but %d of "+
			"its numbers are values of a variant (of %d) of Spiegel's synthetic training set: "+
			"a model made from training numbers must keep \"synthetic\": true",
			ErrInvalid, same, total)
	}
	return nil
}

// synthetic is the synthetic training set as parsed, with its file's SHA-256, read
// once for every check (each built-in definition and each parameter file is checked
// against it).
var synthetic struct {
	once sync.Once
	set  ParameterFile
	sha  string
	err  error
}

// syntheticSet returns the synthetic training set as parsed.
func syntheticSet() (*ParameterFile, error) {
	synthetic.once.Do(func() {
		synthetic.err = parameterFileJSON.decodeStrict(SyntheticOxRecParams, &synthetic.set)
		synthetic.sha = sha256Hex(SyntheticOxRecParams)
	})
	return &synthetic.set, synthetic.err
}

// syntheticSHA256 returns the SHA-256 of the synthetic training set's file.
func syntheticSHA256() string {
	syntheticSet()
	return synthetic.sha
}
