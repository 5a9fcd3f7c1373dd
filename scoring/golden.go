package scoring

import (
	"math"
)

// checkGolden runs the golden cases: each must name a variant of the file, select it
// by the group's rule, and match its expected probabilities within its tolerance.
// Every variant needs at least one golden case, so that an exchange of variants or
// a changed value cannot pass unnoticed.
func checkGolden(g *Group, f *ParameterFile, byID map[string]*Model) error {
	seen := map[string]bool{}
	ids := map[string]bool{}
	for i := range f.Golden {
		gc := &f.Golden[i]
		path := sprintf("golden[%d] (%s, %s)", i, gc.ID, gc.Model)
		if gc.ID == "" || ids[gc.ID] {
			return refuse(refusedGolden, "%s: want a unique id", path)
		}
		ids[gc.ID] = true
		if err := checkGoldenCase(g, gc, byID, path); err != nil {
			return err
		}
		seen[gc.Model] = true
	}
	for _, mb := range g.def.Members {
		if !seen[mb.Model] {
			return refuse(refusedGolden, "golden: no golden case for %s", mb.Model)
		}
	}
	return nil
}

// checkGoldenCase checks one golden case.
func checkGoldenCase(g *Group, gc *GoldenCase, byID map[string]*Model, path string) error {
	m, ok := byID[gc.Model]
	if !ok {
		return refuse(refusedGolden, "%s: model %q is not a variant of this file", path, gc.Model)
	}
	if !(gc.Tolerance > 0 && gc.Tolerance <= MaxGoldenTolerance) {
		return refuse(refusedGolden, "%s: tolerance %v is not in (0, %v]", path, gc.Tolerance,
			MaxGoldenTolerance)
	}
	pop, reason, err := g.Population(gc.Case)
	if err != nil {
		return refuse(refusedGolden, "%s: %v", path, err)
	}
	if pop != m.def.Population {
		return refuse(refusedGolden, "%s: the case is for the %s population (%s), but it checks %s", path,
			pop, reason, gc.Model)
	}
	p, err := m.Predict(modelInputs(m, gc.Case))
	if err != nil {
		return refuse(refusedGolden, "%s: %v", path, err)
	}
	return compareGolden(p, gc, path)
}

// modelInputs keeps the fields of c that m has as inputs, so that the group rule's
// input does not raise an ignored-field warning in a variant that does not use it.
func modelInputs(m *Model, c Case) Case {
	out := make(Case, m.nInputs)
	for i := 0; i < m.nInputs; i++ {
		if v, ok := c[m.vars[i].id]; ok {
			out[m.vars[i].id] = v
		}
	}
	return out
}

// compareGolden compares a prediction with the expected probabilities, horizon by
// horizon; the case must give every horizon and no other.
func compareGolden(p *Prediction, gc *GoldenCase, path string) error {
	if len(gc.Expected) != len(p.Horizons) {
		return refuse(refusedGolden, "%s: expected gives %d horizons, the model has %d", path,
			len(gc.Expected), len(p.Horizons))
	}
	for _, h := range p.Horizons {
		want, ok := gc.Expected[h.Label]
		if !ok {
			return refuse(refusedGolden, "%s: no expected probability for %s", path, h.Label)
		}
		if d := math.Abs(h.Probability - want); !(d <= gc.Tolerance) {
			return refuse(refusedGolden, "%s: %s probability %.12g, expected %.12g (difference %.2g, "+
				"tolerance %.2g)", path, h.Label, h.Probability, want, d, gc.Tolerance)
		}
	}
	return nil
}

// signWarnings compares each term's coefficients with its declared direction.
func signWarnings(m *Model, path string) []error {
	var out []error
	for _, t := range m.def.Terms {
		if t.Sign == 0 {
			continue
		}
		for _, v := range termValues(&t) {
			if v != 0 && (v > 0) != (t.Sign > 0) {
				out = append(out, errorf("%s: %s coefficient %v is against the "+
					"published direction (%s)", path, t.ID, v, directionWord(t.Sign)))
			}
		}
	}
	return out
}

// termValues returns a term's coefficients.
func termValues(t *Term) []float64 {
	if t.Beta != nil {
		return []float64{t.Beta.Value}
	}
	out := make([]float64, len(t.Table))
	for i, c := range t.Table {
		out[i] = c.Value
	}
	return out
}

// directionWord names a sign.
func directionWord(sign int) string {
	if sign > 0 {
		return "raises risk"
	}
	return "lowers risk"
}
