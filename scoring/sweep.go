package scoring

import "math"

// SweepPoint is the result of a case with one input set to Value: probabilities and
// bands per horizon (the points total under "total" for an instrument), or the
// reason the engine refused that value.
type SweepPoint struct {
	Value         string             `json:"value"`
	X             float64            `json:"x"`
	Probabilities map[string]float64 `json:"probabilities,omitempty"`
	Bands         map[string]string  `json:"bands,omitempty"`
	Error         string             `json:"error,omitempty"`
}

// Sweep scores copies of c with input set to each of values, holding every other
// input as it is. It is the basis of sensitivity curves and of the counterfactual
// lens on inputs that may stand in for protected characteristics: it shows what the
// model computes, not a validated effect. xs gives each value's place on a chart.
func (m *Model) Sweep(c Case, input string, values []string, xs []float64) []SweepPoint {
	out := make([]SweepPoint, len(values))
	cc := make(Case, len(c))
	for k, v := range c {
		cc[k] = v
	}
	labels := resultLabels(m)
	var e evaluator
	for i, v := range values {
		cc[input] = v
		out[i] = SweepPoint{Value: v, X: xs[i]}
		// A point that the group rule puts in another variant is refused, as
		// ScoreRecord refuses such a case (nothing to check outside a group).
		if err := m.CheckVariant(cc); err != nil {
			out[i].Error = err.Error()
			continue
		}
		if o, ok := m.evaluate(cc, &e); ok {
			out[i].Probabilities, out[i].Bands = outcomeMaps(labels, o)
			continue
		}
		if _, err := m.Predict(cc); err != nil {
			out[i].Error = err.Error()
		}
	}
	return out
}

// outcomeMaps flattens outcomes and their bands by label, as resultMaps does.
func outcomeMaps(labels []string, outs []outcome) (map[string]float64, map[string]string) {
	probs := make(map[string]float64, len(outs))
	var bands map[string]string
	for i, o := range outs {
		probs[labels[i]] = o.value
		if o.bands {
			if bands == nil {
				bands = make(map[string]string, len(outs))
			}
			bands[labels[i]] = o.band
		}
	}
	return probs, bands
}

// resultMaps flattens a prediction's results and bands by label.
func resultMaps(p *Prediction) (map[string]float64, map[string]string) {
	probs, bands := map[string]float64{}, map[string]string{}
	for i, o := range outcomes(p) {
		label := "total"
		if p.Horizons != nil {
			label = p.Horizons[i].Label
		}
		probs[label] = o.value
		if o.bands {
			bands[label] = o.band
		}
	}
	if len(bands) == 0 {
		bands = nil
	}
	return probs, bands
}

// MaxSweepPoints bounds the values of one sweep.
const MaxSweepPoints = 1000

// SweepValues proposes the values of a sweep over an input: every level of a
// categorical input; whole numbers over the accepted range of a count; n evenly spaced
// numbers over the accepted range of a number. For a date input it sweeps the whole
// years between the date and anchor (another date input of c) from lo to hi, as an
// age: the date is anchor − x years. lo and hi, when not NaN, narrow the range; left
// out (NaN, and 0 for n), they are what SweepInputs proposes for the input, the range
// and points a page's curve shows.
func (m *Model) SweepValues(c Case, input, anchor string, lo, hi float64,
	n int) ([]string, []float64, error) {
	i, ok := m.index[input]
	if !ok || i >= m.nInputs {
		return nil, nil, errorf("sweep: %q is not an input of %s", input, m.def.ID)
	}
	v := &m.vars[i]
	if n != 0 && (n < 2 || n > MaxSweepPoints) {
		return nil, nil, errorf("sweep: %d points; want 2 to %d, or none for the default",
			n, MaxSweepPoints)
	}
	if v.typ == TypeLevel {
		return levelValues(v)
	}
	if err := m.checkAnchor(v, anchor); err != nil {
		return nil, nil, err
	}
	lo, hi, err := m.sweepRange(v, anchor, lo, hi)
	if err != nil {
		return nil, nil, err
	}
	if v.typ == TypeDate {
		return yearValues(c, anchor, lo, hi)
	}
	if n == 0 {
		n = sweepPoints(lo, hi)
	}
	return numberValues(v, lo, hi, n)
}

// checkAnchor refuses an anchor on a number or count, and a date swept without an
// anchor that is another date input of the model.
func (m *Model) checkAnchor(v *variable, anchor string) error {
	if v.typ != TypeDate {
		if anchor != "" {
			return errorf("sweep: %s is not a date: an anchor applies to a date only", v.id)
		}
		return nil
	}
	if j, ok := m.index[anchor]; !ok || j >= m.nInputs || m.vars[j].typ != TypeDate ||
		anchor == v.id {
		return errorf("sweep: %s is a date: give the anchor, another date input the "+
			"sweep's age is counted to (not %q)", v.id, clip(anchor))
	}
	return nil
}

// sweepRange returns the range of a sweep: lo and hi where given (not NaN), else
// what SweepInputs proposes for the input and anchor (the range a page's curve
// shows), else, for a number, the accepted range. It refuses a range it cannot fill or
// that is upside down, saying which end was the default.
func (m *Model) sweepRange(v *variable, anchor string, lo, hi float64) (float64, float64,
	error) {
	from, to := lo, hi
	for _, s := range m.SweepInputs() {
		if s.Input == v.id && s.Anchor == anchor {
			from, to = orDefault(from, s.From), orDefault(to, s.To)
		}
	}
	if v.min != nil {
		from = orDefault(from, v.min.Value)
	}
	if v.max != nil {
		to = orDefault(to, v.max.Value)
	}
	switch {
	case math.IsNaN(from) || math.IsNaN(to):
		return 0, 0, errorf("sweep: no range is proposed for %s%s; give from and to",
			v.id, anchorWords(anchor))
	case from > to:
		return 0, 0, errorf("sweep: %s from %v%s is above to %v%s", v.id, from,
			defaultWords(lo), to, defaultWords(hi))
	}
	return from, to, nil
}

// orDefault returns x, or def when x is NaN (left out).
func orDefault(x, def float64) float64 {
	if math.IsNaN(x) {
		return def
	}
	return x
}

// anchorWords names the anchor of an age in a message, or nothing.
func anchorWords(anchor string) string {
	if anchor == "" {
		return ""
	}
	return " counted to " + anchor
}

// defaultWords marks a range end in a message as the default when it was left out.
func defaultWords(given float64) string {
	if math.IsNaN(given) {
		return " (the default)"
	}
	return ""
}

// levelValues lists the levels of a categorical input.
func levelValues(v *variable) ([]string, []float64, error) {
	values, xs := make([]string, len(v.levels)), make([]float64, len(v.levels))
	for i, l := range v.levels {
		values[i], xs[i] = l.ID, float64(i)
	}
	return values, xs, nil
}

// numberValues spaces values over [lo, hi]: whole numbers for a count, n points for
// a number.
func numberValues(v *variable, lo, hi float64, n int) ([]string, []float64, error) {
	typ := v.typ
	if typ == TypeCount {
		lo, hi = math.Ceil(lo), math.Floor(hi)
		if n = int(hi-lo) + 1; n < 2 || n > MaxSweepPoints {
			// A count is swept at each whole number, whatever points asked for.
			return nil, nil, errorf("sweep: %s from %v to %v holds %d whole numbers; "+
				"want 2 to %d (a count takes every whole number, so points does not apply)",
				v.id, lo, hi, max(n, 0), MaxSweepPoints)
		}
	}
	if n < 2 || n > MaxSweepPoints {
		return nil, nil, errorf("sweep: %d points; want 2 to %d", n, MaxSweepPoints)
	}
	values, xs := make([]string, n), make([]float64, n)
	for i := range values {
		x := lo + (hi-lo)*float64(i)/float64(n-1)
		if typ == TypeCount {
			x = lo + float64(i)
		}
		values[i], xs[i] = formatNum(x), x
	}
	return values, xs, nil
}

// yearValues lists the dates anchor − x years for whole x from lo to hi.
func yearValues(c Case, anchor string, lo, hi float64) ([]string, []float64, error) {
	a, err := parseDate(c[anchor])
	if err != nil {
		return nil, nil, inputErr(anchor, c[anchor], err, "the sweep's anchor date")
	}
	n := int(math.Floor(hi)-math.Ceil(lo)) + 1
	if n < 1 || n > MaxSweepPoints {
		return nil, nil, errorf("sweep: from %v to %v holds %d whole years; want 1 to %d "+
			"(a date is swept a year at a time, so points does not apply)", math.Ceil(lo),
			math.Floor(hi), max(n, 0), MaxSweepPoints)
	}
	values, xs := make([]string, n), make([]float64, n)
	for i := range values {
		x := math.Ceil(lo) + float64(i)
		values[i], xs[i] = a.addYears(-int(x)).String(), x
	}
	return values, xs, nil
}
