package scoring

import "sort"

// evaluator is the scratch space of Model.evaluate, reused from case to case so that
// batch work (fault demonstrations, sweeps) allocates nothing per case.
type evaluator struct {
	vals []value
	in   []value
	out  []outcome
}

// evaluate computes a case's outcomes (each horizon's probability and band, or the
// points total and its band) with the same arithmetic as Predict, in the same order,
// so that the numbers are the same to the bit, but without contributions, derived
// values or warnings, and without allocating. ok is false exactly where Predict
// refuses the case; Predict gives the reason. The outcomes live in e until its next
// use.
func (m *Model) evaluate(c Case, e *evaluator) ([]outcome, bool) {
	if !m.Computable() {
		return nil, false
	}
	if cap(e.vals) < len(m.vars) {
		e.vals = make([]value, len(m.vars))
	}
	if e.in == nil {
		e.in = make([]value, 0, 8) // a derivation reads one or two values
	}
	vals := e.vals[:len(m.vars)]
	clear(vals)
	for i := 0; i < m.nInputs; i++ {
		v := &m.vars[i]
		raw, ok := c[v.id]
		if !ok || raw == "" {
			return nil, false
		}
		val, err := v.parse(raw)
		if err != nil {
			return nil, false
		}
		vals[i] = val
	}
	if len(m.checkOrder(vals)) > 0 || m.deriveWith(vals, e.in[:0]) != nil {
		return nil, false
	}
	lp := 0.0
	for i := range m.terms {
		lp += m.termValue(&m.terms[i], vals)
	}
	e.out = m.outcomesOf(lp, e.out[:0])
	return e.out, true
}

// termValue is a term's contribution, as evalTerm computes it.
func (m *Model) termValue(t *termStep, vals []value) float64 {
	if t.def.Kind == "linear" {
		// β (x − x̄), as in evalTerm.
		return t.beta * (vals[t.input].num - t.centre)
	}
	at := 0
	for k, j := range t.keys {
		at += vals[j].level * t.strides[k]
	}
	// table[key] − centre, as in evalTerm.
	return t.table[at] - t.centre
}

// outcomesOf appends the outcomes for linear predictor lp to out, as finish and
// outcomes together give them.
func (m *Model) outcomesOf(lp float64, out []outcome) []outcome {
	if m.def.Family == FamilyPoints {
		return append(out, bandOutcomeAt(m.def.Bands, lp))
	}
	for i := range m.def.Horizons {
		out = append(out, bandOutcomeAt(m.def.Horizons[i].Bands, m.probability(i, lp)))
	}
	return out
}

// bandOutcomeAt pairs x with the band containing it, as bandOf and bandOutcome do.
func bandOutcomeAt(bands []Band, x float64) outcome {
	i := sort.Search(len(bands), func(i int) bool { return bands[i].From.Value > x }) - 1
	if i < 0 {
		return outcome{value: x}
	}
	return outcome{value: x, band: bands[i].ID, bands: true}
}
