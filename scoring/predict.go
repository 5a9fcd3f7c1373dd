package scoring

import (
	"strconv"
	"strings"
)

// Predict computes the model's result for one case. A refused case returns an
// InputErrors listing every refused field; a model that cannot compute returns an
// error wrapping ErrNotComputable. Predict is deterministic and does no I/O.
func (m *Model) Predict(c Case) (*Prediction, error) {
	if !m.Computable() {
		return nil, errorf("%s: %w: no verified parameter file is loaded; %s", m.def.ID,
			ErrNotComputable, m.def.Parameters)
	}
	vals, warns, err := m.inputs(c)
	if err != nil {
		return nil, err
	}
	if err := m.derive(vals); err != nil {
		return nil, err
	}
	p := &Prediction{Model: m.def.ID, Version: m.def.Version,
		DefinitionSHA256: m.sha256, Trust: m.Trust(), Warnings: warns}
	m.contribute(vals, p)
	p.Derived = m.derivedValues(vals)
	m.finish(p)
	return p, nil
}

// inputs parses every input of c, collecting refusals and warnings, and checks the
// date-order constraints.
func (m *Model) inputs(c Case) ([]value, []error, error) {
	vals := make([]value, len(m.vars))
	var errs InputErrors
	var warns []error
	for i := 0; i < m.nInputs; i++ {
		v := &m.vars[i]
		raw, ok := c[v.id]
		if !ok || raw == "" {
			errs = append(errs, inputErr(v.id, "", ErrMissing, ""))
			continue
		}
		val, err := v.parse(raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		vals[i] = val
		if v.warn != nil && val.num > v.warn.Above.Value {
			warns = append(warns, &InputWarning{Predictor: v.id, Value: raw,
				Message: v.warn.Message, Code: WarnAbove})
		}
	}
	warns = append(warns, m.ignored(c)...)
	if len(errs) == 0 {
		errs = m.checkOrder(vals)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return vals, warns, nil
}

// ignored warns of each field of c that is not an input of the model, but the rule
// input of the model's group, which chose the variant even where the variant does
// not read it (detention months for a not-detained variant).
func (m *Model) ignored(c Case) []error {
	var warns []error
	rule := ""
	if g := m.variantGroup(); g != nil {
		rule = g.def.Rule.Input
	}
	for _, k := range sortedCaseKeys(c) {
		if i, ok := m.index[k]; (!ok || i >= m.nInputs) && k != rule {
			warns = append(warns, &InputWarning{Predictor: k, Code: WarnIgnored,
				Message: ErrUnknownInput.Error()})
		}
	}
	return warns
}

// parse reads one raw input according to the variable's type and range. Spaces around
// a value are ignored, for a level and a date as for a number.
func (v *variable) parse(raw string) (value, *InputError) {
	var val value
	var err error
	switch v.typ {
	case TypeLevel:
		l, ok := v.level[strings.TrimSpace(raw)]
		if !ok {
			return value{}, inputErr(v.id, raw, ErrUnknownLevel, "")
		}
		return value{level: l}, nil
	case TypeDate:
		val.date, err = parseDate(raw)
		if err != nil {
			return value{}, inputErr(v.id, raw, err, "")
		}
		return val, nil
	case TypeCount:
		val.num, err = parseCount(raw)
	default:
		val.num, err = parseNumber(raw)
	}
	if err != nil {
		return value{}, inputErr(v.id, raw, err, "")
	}
	return val, v.checkRange(raw, val.num)
}

// checkRange refuses a number outside the variable's accepted range.
func (v *variable) checkRange(raw string, x float64) *InputError {
	if v.min != nil && x < v.min.Value {
		lim := formatNum(v.min.Value)
		return inputErr(v.id, raw, ErrOutOfRange, "below "+lim).withLimit(lim, false)
	}
	if v.max != nil && x > v.max.Value {
		lim := formatNum(v.max.Value)
		return inputErr(v.id, raw, ErrOutOfRange, "above "+lim).withLimit(lim, true)
	}
	return nil
}

// checkOrder refuses dates that come after the date that must follow them, and a
// first event's date other than the current one's when none came before it.
func (m *Model) checkOrder(vals []value) InputErrors {
	var errs InputErrors
	for _, c := range m.constraints {
		for k := 0; k+1 < len(c); k++ {
			a, b := vals[c[k]].date, vals[c[k+1]].date
			if b.before(a) {
				next := m.vars[c[k+1]].id
				detail := "after " + next + " " + b.String()
				errs = append(errs, inputErr(m.vars[c[k]].id, a.String(), ErrOrder, detail).
					withRelated(next, b.String()))
			}
		}
	}
	for _, f := range m.firsts {
		first, current := vals[f[1]].date, vals[f[2]].date
		if vals[f[0]].num == 0 && first != current {
			cur := m.vars[f[2]].id
			errs = append(errs, inputErr(m.vars[f[1]].id, first.String(), ErrFirstNotCurrent,
				cur+" "+current.String()).withRelated(cur, current.String()))
		}
	}
	return errs
}

// derive computes the derived values in order, refusing those outside their range.
// The error names the step's blamed input, the field a user would correct.
func (m *Model) derive(vals []value) error {
	return m.deriveWith(vals, make([]value, 0, 4))
}

// deriveWith is derive with in as scratch space for each step's inputs.
func (m *Model) deriveWith(vals, in []value) error {
	for _, s := range m.derived {
		in = in[:0]
		for _, j := range s.in {
			in = append(in, vals[j])
		}
		v, err := s.fn(in)
		blamed := &m.vars[s.blame]
		if err != nil {
			return InputErrors{inputErr(blamed.id, blamed.format(vals[s.blame]), ErrOutOfRange,
				err.Error())}
		}
		if e := s.outside(m.vars[s.out].label, v.num); e != nil {
			return InputErrors{e.on(blamed.id, blamed.format(vals[s.blame]))}
		}
		vals[s.out] = v
	}
	return nil
}

// outside returns why x, the derived value labelled label, is outside the step's
// range (an InputError still to be put on the blamed field, see on), or nil.
func (s *derivedStep) outside(label string, x float64) *InputError {
	var lim, word string
	switch {
	case s.min != nil && x < s.min.Value:
		lim, word = formatNum(s.min.Value), "below"
	case s.max != nil && x > s.max.Value:
		lim, word = formatNum(s.max.Value), "above"
	default:
		return nil // formats nothing: a value within range allocates nothing
	}
	got := formatNum(x)
	detail := sprintf("%s %s is %s %s", label, got, word, lim)
	return inputErr("", "", ErrOutOfRange, detail).withLimit(lim, word == "above").
		withRelated(label, got)
}

// on returns e as an error of the field id with the value given.
func (e *InputError) on(id, value string) *InputError {
	e.Predictor, e.Value = id, value
	return e
}

// firstInput follows a derived step's first input back to a user input's index.
func (m *Model) firstInput(s derivedStep) int {
	j := s.in[0]
	for j >= m.nInputs {
		for _, t := range m.derived {
			if t.out == j {
				j = t.in[0]
				break
			}
		}
	}
	return j
}

// format renders a value of this variable as text.
func (v *variable) format(x value) string {
	switch v.typ {
	case TypeLevel:
		return v.levels[x.level].ID
	case TypeDate:
		return x.date.String()
	}
	return formatNum(x.num)
}

// formatNum renders a number in the shortest form that reads back exactly.
func formatNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// derivedValues lists the derived values for display.
func (m *Model) derivedValues(vals []value) []DerivedValue {
	out := make([]DerivedValue, 0, len(m.vars)-m.nInputs)
	for i := m.nInputs; i < len(m.vars); i++ {
		v := &m.vars[i]
		text := v.format(vals[i])
		if v.typ == TypeLevel {
			text = v.levels[vals[i].level].Label
		}
		out = append(out, DerivedValue{ID: v.id, Label: v.label, Value: text})
	}
	return out
}

// contribute evaluates every term, in definition order, into p.Contributions; sums
// them into p.LinearPredictor; and sums what centring subtracts into p.Centring.
func (m *Model) contribute(vals []value, p *Prediction) {
	p.Contributions = make([]Contribution, len(m.terms))
	for i := range m.terms {
		t := &m.terms[i]
		c := Contribution{Term: t.def.ID, Label: t.def.Label}
		c.Value, c.Inputs, c.Key = m.evalTerm(t, vals)
		p.Contributions[i] = c
		p.LinearPredictor += c.Value
		p.Centring += t.centring()
	}
}

// centring is what the term subtracts: β x̄ for a linear term, the centre of a lookup.
func (t *termStep) centring() float64 {
	if t.def.Kind == "linear" {
		return t.beta * t.centre
	}
	return t.centre
}

// evalTerm returns a term's contribution, the variables it read and the levels it
// looked up.
func (m *Model) evalTerm(t *termStep, vals []value) (float64, []string, []string) {
	if t.def.Kind == "linear" {
		// β (x − x̄): a linear term, centred where the model has a reference profile.
		return t.beta * (vals[t.input].num - t.centre), []string{t.def.Input}, nil
	}
	at := 0
	key := make([]string, len(t.keys))
	for k, j := range t.keys {
		l := vals[j].level
		at += l * t.strides[k]
		key[k] = m.vars[j].levels[l].ID
	}
	// table[key] − centre: a lookup term, centred likewise.
	return t.table[at] - t.centre, t.def.Keys, key
}
