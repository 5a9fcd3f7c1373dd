package scoring

import (
	"strings"
)

// addTerms checks and builds the additive terms.
func addTerms(m *Model) error {
	if len(m.def.Terms) == 0 {
		return invalid("terms", "a model needs terms")
	}
	seen := map[string]bool{}
	for i := range m.def.Terms {
		t := &m.def.Terms[i]
		path := sprintf("terms[%d]", i)
		if !varIDPattern.MatchString(t.ID) || seen[t.ID] || t.Label == "" {
			return invalid(path+".id", "%q: want a fresh snake_case id and a label", t.ID)
		}
		seen[t.ID] = true
		if err := checkSign(m, t, path); err != nil {
			return err
		}
		step, err := termFor(m, t, path)
		if err != nil {
			return err
		}
		if t.Centre != nil {
			if err := checkCoefficient(m, *t.Centre, path+".centre"); err != nil {
				return err
			}
			step.centre = t.Centre.Value
		}
		m.terms = append(m.terms, step)
	}
	return nil
}

// termFor builds a linear or lookup term.
func termFor(m *Model, t *Term, path string) (termStep, error) {
	switch t.Kind {
	case "linear":
		return linearTerm(m, t, path)
	case "lookup":
		return lookupTerm(m, t, path)
	}
	return termStep{}, invalid(path+".kind", "%q is not linear or lookup", t.Kind)
}

// linearTerm builds β × (x − centre).
func linearTerm(m *Model, t *Term, path string) (termStep, error) {
	if t.Beta == nil || len(t.Keys) > 0 || len(t.Table) > 0 {
		return termStep{}, invalid(path, "a linear term has input and beta only")
	}
	in, err := m.resolve(t.Input, TypeNumber, path+".input")
	if err != nil {
		return termStep{}, err
	}
	if err := checkCoefficient(m, *t.Beta, path+".beta"); err != nil {
		return termStep{}, err
	}
	return termStep{def: t, input: in, beta: t.Beta.Value}, nil
}

// lookupTerm builds a table over the levels of its keys and checks that the table
// gives every combination exactly once.
func lookupTerm(m *Model, t *Term, path string) (termStep, error) {
	if t.Beta != nil || t.Input != "" || len(t.Keys) == 0 {
		return termStep{}, invalid(path, "a lookup term has keys and table only")
	}
	step := termStep{def: t}
	size := 1
	for k, id := range t.Keys {
		j, err := m.resolve(id, TypeLevel, sprintf("%s.keys[%d]", path, k))
		if err != nil {
			return termStep{}, err
		}
		step.keys = append(step.keys, j)
		step.strides = append(step.strides, size)
		size *= len(m.vars[j].levels)
	}
	step.table = make([]float64, size)
	return step, fillTable(m, &step, path)
}

// fillTable places each cell of a lookup term, refusing unknown, repeated and missing
// combinations.
func fillTable(m *Model, step *termStep, path string) error {
	filled := make([]bool, len(step.table))
	for i, c := range step.def.Table {
		p := sprintf("%s.table[%d]", path, i)
		at, err := cellIndex(m, step, c.Key)
		if err != nil {
			return invalid(p+".key", "%v", err)
		}
		if filled[at] {
			return invalid(p+".key", "%q is given twice", strings.Join(c.Key, "/"))
		}
		if err := checkCoefficient(m, c.Coefficient, p); err != nil {
			return err
		}
		filled[at], step.table[at] = true, c.Value
	}
	for at, ok := range filled {
		if !ok {
			return invalid(path+".table", "no value for %q", strings.Join(cellKey(m, step, at), "/"))
		}
	}
	return nil
}

// cellIndex maps a key of level ids to its place in the table.
func cellIndex(m *Model, step *termStep, key []string) (int, error) {
	if len(key) != len(step.keys) {
		return 0, errorf("key %q has %d parts, want %d", key, len(key), len(step.keys))
	}
	at := 0
	for k, id := range key {
		v := &m.vars[step.keys[k]]
		l, ok := v.level[id]
		if !ok {
			return 0, errorf("%q is not a level of %s", id, v.id)
		}
		at += l * step.strides[k]
	}
	return at, nil
}

// cellKey is the inverse of cellIndex.
func cellKey(m *Model, step *termStep, at int) []string {
	key := make([]string, len(step.keys))
	for k := len(step.keys) - 1; k >= 0; k-- {
		l := at / step.strides[k]
		at -= l * step.strides[k]
		key[k] = m.vars[step.keys[k]].levels[l].ID
	}
	return key
}

// checkHorizons checks the horizons and bands against the family.
func checkHorizons(m *Model) error {
	d := &m.def
	if d.Family == FamilyPoints {
		if len(d.Horizons) > 0 || len(d.Bands) == 0 {
			return invalid("bands", "a points instrument has bands on its total, no horizons")
		}
		return checkBands(m, d.Bands, d.Bands[0].From.Value, "bands")
	}
	if len(d.Horizons) == 0 || len(d.Bands) > 0 {
		return invalid("horizons", "a %s model has horizons, with bands per horizon", d.Family)
	}
	seen := map[string]bool{}
	for i := range d.Horizons {
		path := sprintf("horizons[%d]", i)
		h := &d.Horizons[i]
		if h.Label == "" || seen[h.Label] || h.Length <= 0 || h.Unit == "" {
			return invalid(path, "want a fresh label, a positive length and a unit")
		}
		seen[h.Label] = true
		if err := checkHorizonParameter(m, h, path); err != nil {
			return err
		}
		if err := checkBands(m, h.Bands, 0, path+".bands"); err != nil {
			return err
		}
	}
	return nil
}

// checkHorizonParameter checks that a logistic horizon has an intercept and a Cox
// horizon a baseline survival in (0, 1), and not the other.
func checkHorizonParameter(m *Model, h *Horizon, path string) error {
	if m.def.Family == FamilyLogistic {
		if h.Intercept == nil || h.BaselineSurvival != nil {
			return invalid(path, "a logistic horizon has an intercept only")
		}
		return checkCoefficient(m, *h.Intercept, path+".intercept")
	}
	if h.BaselineSurvival == nil || h.Intercept != nil {
		return invalid(path, "a cox horizon has a baseline_survival only")
	}
	s := h.BaselineSurvival.Value
	if h.BaselineSurvival.Param == "" && !(s > 0 && s < 1) {
		return invalid(path+".baseline_survival", "%v is not in (0, 1)", s)
	}
	return checkCoefficient(m, *h.BaselineSurvival, path+".baseline_survival")
}

// checkSign checks a term's declared direction: −1, 0 or +1, with a source when set.
func checkSign(m *Model, t *Term, path string) error {
	switch {
	case t.Sign < -1 || t.Sign > 1:
		return invalid(path+".sign", "%d is not −1, 0 or +1", t.Sign)
	case t.Sign != 0 && t.SignRef == nil:
		return invalid(path+".sign_ref", "a direction needs its source")
	case t.SignRef != nil:
		return checkRef(*t.SignRef, m.def.Sources, path+".sign_ref")
	}
	return nil
}
