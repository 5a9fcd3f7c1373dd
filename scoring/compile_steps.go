package scoring

import "strconv"

// resolve finds the variable named id and checks its type.
func (m *Model) resolve(id, want, path string) (int, error) {
	i, ok := m.index[id]
	if !ok {
		return 0, invalid(path, "%q is not an input or an earlier derived value", id)
	}
	got := m.vars[i].typ
	if got == TypeCount {
		got = TypeNumber
	}
	if want != "" && got != want {
		return 0, invalid(path, "%q is a %s value, want %s", id, m.vars[i].typ, want)
	}
	return i, nil
}

// addDerived registers the derived values in order; each may use the ones before it.
func addDerived(m *Model) error {
	for i := range m.def.Derived {
		d := &m.def.Derived[i]
		path := sprintf("derived[%d]", i)
		step, err := derivedFor(m, d, path)
		if err != nil {
			return err
		}
		spec, _ := derivationNamed(d.Derivation) // known, or derivedFor would have failed
		v := variable{id: d.ID, label: d.Label, typ: spec.Out, levels: derivedLevels(d)}
		if err := m.addVar(path, v); err != nil {
			return err
		}
		step.out = len(m.vars) - 1
		m.derived = append(m.derived, step)
	}
	return nil
}

// derivedFor checks one derived value against its derivation and builds its step.
func derivedFor(m *Model, d *Derived, path string) (derivedStep, error) {
	spec, ok := derivationNamed(d.Derivation)
	if !ok {
		return derivedStep{}, invalid(path+".derivation", "%q is not a known derivation",
			d.Derivation)
	}
	if len(d.Inputs) != len(spec.In) {
		return derivedStep{}, invalid(path+".inputs", "%s takes %d inputs", d.Derivation,
			len(spec.In))
	}
	step := derivedStep{min: d.Min, max: d.Max}
	for k, id := range d.Inputs {
		j, err := m.resolve(id, spec.In[k], sprintf("%s.inputs[%d]", path, k))
		if err != nil {
			return derivedStep{}, err
		}
		step.in = append(step.in, j)
	}
	if err := checkDerivedNumbers(m, d, spec, path); err != nil {
		return derivedStep{}, err
	}
	step.blame = m.firstInput(step)
	if d.Blame != "" {
		j, ok := m.index[d.Blame]
		if !ok || j >= m.nInputs {
			return derivedStep{}, invalid(path+".blame", "%q is not an input", d.Blame)
		}
		step.blame = j
	}
	step.fn = spec.build(d)
	return step, checkRef(d.Ref, m.def.Sources, path+".ref")
}

// checkDerivedNumbers checks the params, bounds, levels and range of a derived value.
func checkDerivedNumbers(m *Model, d *Derived, spec derivation, path string) error {
	if len(d.Params) != len(spec.Params) {
		return invalid(path+".params", "%s takes params %v", d.Derivation, spec.Params)
	}
	for _, name := range spec.Params {
		c, ok := d.Params[name]
		if !ok {
			return invalid(path+".params", "%s needs %q", d.Derivation, name)
		}
		if err := checkCoefficient(m, c, path+".params."+name); err != nil {
			return err
		}
	}
	if err := checkBounds(m, d, path); err != nil {
		return err
	}
	return checkDerivedRange(m, d, path)
}

// checkDerivedRange checks a derived value's minimum and maximum: each with a source,
// and the minimum below the maximum.
func checkDerivedRange(m *Model, d *Derived, path string) error {
	if d.Min != nil {
		if err := checkCoefficient(m, *d.Min, path+".min"); err != nil {
			return err
		}
	}
	if d.Max == nil {
		return nil
	}
	if err := checkCoefficient(m, *d.Max, path+".max"); err != nil {
		return err
	}
	if d.Min != nil && d.Min.Param == "" && d.Max.Param == "" && !(d.Min.Value < d.Max.Value) {
		return invalid(path+".max", "%v is not above the minimum %v", d.Max.Value,
			d.Min.Value)
	}
	return nil
}

// checkBounds checks a grouping's ascending bounds and the levels they imply.
func checkBounds(m *Model, d *Derived, path string) error {
	if d.Derivation != "group" {
		if len(d.Bounds) > 0 {
			return invalid(path+".bounds", "only a group has bounds")
		}
		if d.Derivation == "threshold" && len(d.Levels) != 2 {
			return invalid(path+".levels", "a threshold has two levels")
		}
		return nil
	}
	if len(d.Bounds) == 0 {
		return invalid(path+".bounds", "a group needs bounds")
	}
	for i, b := range d.Bounds {
		if err := checkCoefficient(m, b, sprintf("%s.bounds[%d]", path, i)); err != nil {
			return err
		}
		if b.Param != "" {
			return invalid(sprintf("%s.bounds[%d]", path, i), "bounds cannot be placeholders")
		}
		if i > 0 && b.Value <= d.Bounds[i-1].Value {
			return invalid(sprintf("%s.bounds[%d]", path, i), "bounds must ascend")
		}
	}
	if len(d.Levels) != 0 && len(d.Levels) != len(d.Bounds)+1 {
		return invalid(path+".levels", "%d bounds make %d groups", len(d.Bounds),
			len(d.Bounds)+1)
	}
	return nil
}

// derivedLevels returns the levels of a derived categorical value: the declared ones,
// or for a group without declared levels, ids "0" to "n".
func derivedLevels(d *Derived) []Level {
	if len(d.Levels) > 0 || d.Derivation != "group" {
		return d.Levels
	}
	levels := make([]Level, len(d.Bounds)+1)
	for i := range levels {
		id := strconv.Itoa(i)
		levels[i] = Level{ID: id, Label: "group " + id}
	}
	return levels
}

// addConstraints checks the rules across inputs: date order (not_after) and the first
// event that is the current one (first_when_none).
func addConstraints(m *Model) error {
	for i, c := range m.def.Constraints {
		path := sprintf("constraints[%d]", i)
		types, ok := constraintTypes(c)
		if !ok {
			return invalid(path, "want kind not_after with two inputs or more, or "+
				"first_when_none with a count and two dates")
		}
		var idx []int
		for k, id := range c.Inputs {
			j, err := m.resolve(id, types[min(k, len(types)-1)], sprintf("%s.inputs[%d]", path, k))
			if err != nil {
				return err
			}
			idx = append(idx, j)
		}
		if err := checkRef(c.Ref, m.def.Sources, path+".ref"); err != nil {
			return err
		}
		if c.Kind == "first_when_none" {
			m.firsts = append(m.firsts, [3]int{idx[0], idx[1], idx[2]})
		} else {
			m.constraints = append(m.constraints, idx)
		}
	}
	return nil
}

// constraintTypes returns the types of a constraint's inputs, the last repeated for
// the rest, or ok=false for an unknown kind or a wrong number of inputs.
//
// TODO(consistency): OxRec-NL accepts a severe mental disorder without any mental
// disorder; a kind for one yes/no input implying another would refuse it.
func constraintTypes(c Constraint) (types []string, ok bool) {
	switch {
	case c.Kind == "not_after" && len(c.Inputs) >= 2:
		return []string{TypeDate}, true
	case c.Kind == "first_when_none" && len(c.Inputs) == 3:
		return []string{TypeNumber, TypeDate}, true
	}
	return nil, false
}

// checkBands checks that bands ascend from start and have sources.
func checkBands(m *Model, bands []Band, start float64, path string) error {
	for i, b := range bands {
		p := sprintf("%s[%d]", path, i)
		if b.ID == "" || b.Label == "" {
			return invalid(p, "id and label are required")
		}
		if b.From.Param != "" {
			return invalid(p+".from", "band cut-offs come whole from a parameter file")
		}
		if err := checkCoefficient(m, b.From, p+".from"); err != nil {
			return err
		}
		if i == 0 && b.From.Value != start {
			return invalid(p+".from", "the first band starts at %v, not %v", start, b.From.Value)
		}
		if i > 0 && b.From.Value <= bands[i-1].From.Value {
			return invalid(p+".from", "bands must ascend")
		}
	}
	return nil
}
