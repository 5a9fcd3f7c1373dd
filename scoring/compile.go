package scoring

import "math"

// The forms of ids: model ids are lowercase words joined by '-', [a-z0-9]+(-[a-z0-9]+)*;
// predictor, term and placeholder ids are snake_case, [a-z][a-z0-9_]*.
var (
	modelIDPattern = idPattern{kebab: true}
	varIDPattern   = idPattern{}
)

// idPattern matches one of the two forms of ids above. It stands in for a regular
// expression, since package regexp adds about 0.25 MB to the WebAssembly engine.
type idPattern struct{ kebab bool }

// MatchString reports whether the whole of s has the pattern's form.
func (p idPattern) MatchString(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9':
			if !p.kebab && i == 0 {
				return false
			}
		case p.kebab && c == '-':
			if i == 0 || i == len(s)-1 || s[i-1] == '-' {
				return false
			}
		case !p.kebab && c == '_' && i > 0:
		default:
			return false
		}
	}
	return true
}

// compile validates d and builds the model. Errors name the path of the bad value
// and wrap ErrInvalid, ErrNoSource or ErrUnknownSource.
func compile(d *Definition) (*Model, error) {
	m := &Model{def: *d, index: map[string]int{}}
	steps := []func(*Model) error{
		checkHeader, addPredictors, addDerived, addConstraints, addTerms, checkHorizons,
		checkTemplate, checkReference,
	}
	for _, step := range steps {
		if err := step(m); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// invalid formats an ErrInvalid error at path.
func invalid(path, format string, args ...any) error {
	return errorf("%s: %w: %s", path, ErrInvalid, sprintf(format, args...))
}

// checkHeader checks the format tag, id, family, texts and sources.
func checkHeader(m *Model) error {
	d := &m.def
	switch {
	case d.Format != FormatV1:
		return invalid("format", "%q is not %q", d.Format, FormatV1)
	case !modelIDPattern.MatchString(d.ID):
		return invalid("id", "%q is not lowercase words joined by '-'", d.ID)
	case d.Version == "" || d.Name == "" || d.Outcome == "" || d.IntendedUse == "":
		return invalid("version", "version, name, outcome and intended_use are required")
	case d.Family != FamilyLogistic && d.Family != FamilyCox && d.Family != FamilyPoints:
		return invalid("family", "%q is not logistic, cox or points", d.Family)
	}
	for key, s := range d.Sources {
		if s.Citation == "" {
			return invalid("sources."+key+".citation", "empty")
		}
	}
	return checkRef(d.Citation, d.Sources, "citation")
}

// addVar registers a variable under a fresh id.
func (m *Model) addVar(path string, v variable) error {
	if !varIDPattern.MatchString(v.id) {
		return invalid(path+".id", "%q is not snake_case", v.id)
	}
	if _, dup := m.index[v.id]; dup {
		return invalid(path+".id", "%q is used twice", v.id)
	}
	if v.typ == TypeLevel {
		if err := indexLevels(path, &v); err != nil {
			return err
		}
	}
	m.index[v.id] = len(m.vars)
	m.vars = append(m.vars, v)
	return nil
}

// indexLevels checks a categorical variable's levels and maps their ids to indices.
func indexLevels(path string, v *variable) error {
	if len(v.levels) < 2 {
		return invalid(path+".levels", "a categorical value needs two levels or more")
	}
	v.level = make(map[string]int, len(v.levels))
	for i, l := range v.levels {
		if l.ID == "" || l.Label == "" {
			return invalid(sprintf("%s.levels[%d]", path, i), "id and label are required")
		}
		if _, dup := v.level[l.ID]; dup {
			return invalid(sprintf("%s.levels[%d]", path, i), "%q is used twice", l.ID)
		}
		v.level[l.ID] = i
	}
	return nil
}

// addPredictors registers the user's inputs.
func addPredictors(m *Model) error {
	if len(m.def.Predictors) == 0 {
		return invalid("predictors", "a model needs inputs")
	}
	for i := range m.def.Predictors {
		p := &m.def.Predictors[i]
		path := sprintf("predictors[%d]", i)
		if err := checkPredictor(m, p, path); err != nil {
			return err
		}
		v := variable{id: p.ID, label: p.Label, typ: p.Type, levels: p.Levels,
			min: p.Min, max: p.Max, warn: p.Warn}
		if err := m.addVar(path, v); err != nil {
			return err
		}
	}
	m.nInputs = len(m.vars)
	return nil
}

// checkPredictor checks one input's type, label, range and sources.
func checkPredictor(m *Model, p *Predictor, path string) error {
	switch p.Type {
	case TypeLevel, TypeCount, TypeNumber, TypeDate:
	default:
		return invalid(path+".type", "%q is not level, count, number or date", p.Type)
	}
	if p.Label == "" {
		return invalid(path+".label", "empty")
	}
	if p.Type != TypeLevel && len(p.Levels) > 0 {
		return invalid(path+".levels", "only a level input has levels")
	}
	if err := checkRange(m, p.Min, p.Max, path); err != nil {
		return err
	}
	if p.Warn != nil {
		if err := checkCoefficient(m, p.Warn.Above, path+".warn.above"); err != nil {
			return err
		}
	}
	return checkRef(p.Ref, m.def.Sources, path+".ref")
}

// checkRange checks optional minimum and maximum coefficients.
func checkRange(m *Model, lo, hi *Coefficient, path string) error {
	for _, c := range []struct {
		c    *Coefficient
		name string
	}{{lo, ".min"}, {hi, ".max"}} {
		if c.c == nil {
			continue
		}
		if err := checkCoefficient(m, *c.c, path+c.name); err != nil {
			return err
		}
	}
	if lo != nil && hi != nil && lo.Value > hi.Value {
		return invalid(path+".min", "%v is above max %v", lo.Value, hi.Value)
	}
	return nil
}

// checkCoefficient checks that a number is finite and has a source. A placeholder
// (Param) is recorded as a value the model still needs and must carry no value.
func checkCoefficient(m *Model, c Coefficient, path string) error {
	if c.Param != "" {
		if c.Value != 0 || c.Ref != (Ref{}) || !varIDPattern.MatchString(c.Param) {
			return invalid(path, "placeholder %q: want a snake_case name and no value", c.Param)
		}
		m.params = append(m.params, c.Param)
		return nil
	}
	if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
		return invalid(path+".value", "not finite")
	}
	return checkRef(c.Ref, m.def.Sources, path+".ref")
}

// checkTemplate requires a template to say why it has placeholders, and a complete
// model not to pretend it has.
func checkTemplate(m *Model) error {
	if len(m.params) > 0 && m.def.Parameters == "" {
		return invalid("parameters", "a template must say where its values are published")
	}
	seen := map[string]bool{}
	for _, p := range m.params {
		if seen[p] {
			return invalid("parameters", "placeholder %q is used twice", p)
		}
		seen[p] = true
	}
	return nil
}

// checkReference requires a stated reference profile to have a source and to be a
// case the model accepts.
func checkReference(m *Model) error {
	r := m.def.Reference
	if r == nil {
		return nil
	}
	if err := checkRef(r.Ref, m.def.Sources, "reference.ref"); err != nil {
		return err
	}
	if r.Note == "" {
		return invalid("reference.note", "say what the reference profile is")
	}
	if !m.Computable() {
		return nil
	}
	if _, err := m.Predict(r.Case); err != nil {
		return invalid("reference.case", "%v", err)
	}
	return nil
}
