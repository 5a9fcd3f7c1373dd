package scoring

import ()

// eachCoefficient calls fn with the path and address of every number in d, in document
// order: predictor ranges and warnings, derivation numbers, terms, horizons and bands.
func eachCoefficient(d *Definition, fn func(path string, c *Coefficient)) {
	for i := range d.Predictors {
		p := &d.Predictors[i]
		path := sprintf("predictors[%d]", i)
		optional(path+".min", p.Min, fn)
		optional(path+".max", p.Max, fn)
		if p.Warn != nil {
			fn(path+".warn.above", &p.Warn.Above)
		}
	}
	for i := range d.Derived {
		walkDerived(sprintf("derived[%d]", i), &d.Derived[i], fn)
	}
	for i := range d.Terms {
		walkTerm(sprintf("terms[%d]", i), &d.Terms[i], fn)
	}
	for i := range d.Horizons {
		h := &d.Horizons[i]
		path := sprintf("horizons[%d]", i)
		optional(path+".intercept", h.Intercept, fn)
		optional(path+".baseline_survival", h.BaselineSurvival, fn)
		walkBands(path+".bands", h.Bands, fn)
	}
	walkBands("bands", d.Bands, fn)
}

// walkDerived visits the numbers of one derived value.
func walkDerived(path string, d *Derived, fn func(string, *Coefficient)) {
	for _, k := range sortedParamNames(d.Params) {
		c := d.Params[k]
		fn(path+".params."+k, &c)
		d.Params[k] = c
	}
	for j := range d.Bounds {
		fn(sprintf("%s.bounds[%d]", path, j), &d.Bounds[j])
	}
	optional(path+".min", d.Min, fn)
	optional(path+".max", d.Max, fn)
}

// walkTerm visits the numbers of one term.
func walkTerm(path string, t *Term, fn func(string, *Coefficient)) {
	optional(path+".beta", t.Beta, fn)
	for j := range t.Table {
		fn(sprintf("%s.table[%d]", path, j), &t.Table[j].Coefficient)
	}
	optional(path+".centre", t.Centre, fn)
}

// walkBands visits band cut-offs.
func walkBands(path string, bands []Band, fn func(string, *Coefficient)) {
	for j := range bands {
		fn(sprintf("%s[%d].from", path, j), &bands[j].From)
	}
}

// optional calls fn for a coefficient that may be absent.
func optional(path string, c *Coefficient, fn func(string, *Coefficient)) {
	if c != nil {
		fn(path, c)
	}
}

// sortedParamNames returns the keys of a derivation's params in order.
func sortedParamNames(m map[string]Coefficient) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}
