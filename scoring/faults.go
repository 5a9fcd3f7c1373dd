package scoring

import (
	"errors"
	"math"
)

// The kinds of Fault, after the faults found in risk calculators (DOMAIN.md §7).
const (
	FaultSwapLevels   = "swap_levels"   // two levels' table rows exchanged (male ↔ female)
	FaultReplaceValue = "replace_value" // one number typed as another (0.571 → 0.512)
	FaultSwapModel    = "swap_model"    // another variant's formula used (detained ↔ not)
)

// Fault is a deliberate change to a model, to show what an implementation fault does
// to its results. It is for demonstrations only: a faulty model is never offered for
// scoring cases.
//
// For FaultSwapLevels, every lookup term keyed by Predictor has the table values of
// levels A and B exchanged. For FaultReplaceValue, the number at Path (as listed by
// Model.Numbers) becomes Value. For FaultSwapModel, the model Model is used instead.
type Fault struct {
	Kind      string  `json:"kind"`
	Predictor string  `json:"predictor,omitempty"`
	A         string  `json:"a,omitempty"`
	B         string  `json:"b,omitempty"`
	Path      string  `json:"path,omitempty"`
	Value     float64 `json:"value,omitempty"`
	Model     string  `json:"model,omitempty"`
}

// NamedNumber is one number of a definition with its path, for choosing a value to
// replace in a fault demonstration.
type NamedNumber struct {
	Path  string  `json:"path"`
	Value float64 `json:"value"`
	Ref   Ref     `json:"ref"`
}

// Numbers lists every number of the model's definition with its path.
func (m *Model) Numbers() []NamedNumber {
	def := m.def
	var out []NamedNumber
	eachCoefficient(&def, func(path string, c *Coefficient) {
		out = append(out, NamedNumber{Path: path, Value: c.Value, Ref: c.Ref})
	})
	return out
}

// WithFault returns a copy of the model with the fault applied, compiled like any
// definition. FaultSwapModel looks the other model up in cat.
func (m *Model) WithFault(f Fault, cat *Catalog) (*Model, error) {
	if f.Kind == FaultSwapModel {
		if cat == nil {
			return nil, errors.New("fault swap_model: no catalog to find the model in")
		}
		if f.Model == m.def.ID {
			return nil, errorf("fault swap_model: %s swapped with itself changes nothing",
				clip(f.Model))
		}
		return cat.Model(f.Model)
	}
	def, err := copyDefinition(&m.def)
	if err != nil {
		return nil, err
	}
	switch f.Kind {
	case FaultSwapLevels:
		err = swapLevels(def, f)
	case FaultReplaceValue:
		err = replaceValue(def, f)
	default:
		err = errorf("fault kind %q: want swap_levels, replace_value or swap_model", f.Kind)
	}
	if err != nil {
		return nil, err
	}
	faulty, err := compile(def)
	if err != nil {
		return nil, err
	}
	faulty.sha256, faulty.origin = m.sha256, m.origin
	faulty.paramsSHA256, faulty.issuer, faulty.synthetic = m.paramsSHA256, m.issuer, m.synthetic
	return faulty, nil
}

// swapLevels exchanges the table values of levels A and B in every lookup keyed by
// the fault's predictor.
func swapLevels(def *Definition, f Fault) error {
	if f.A == f.B {
		return errorf("fault swap_levels: %s %q exchanged with itself changes nothing",
			f.Predictor, f.A)
	}
	n := 0
	for i := range def.Terms {
		t := &def.Terms[i]
		for k, key := range t.Keys {
			if key != f.Predictor {
				continue
			}
			for j := range t.Table {
				switch t.Table[j].Key[k] {
				case f.A:
					t.Table[j].Key[k] = f.B
					n++
				case f.B:
					t.Table[j].Key[k] = f.A
				}
			}
		}
	}
	if n == 0 {
		return errorf("fault swap_levels: no table keyed by %s has level %q", f.Predictor, f.A)
	}
	return nil
}

// replaceValue sets the number at the fault's path.
func replaceValue(def *Definition, f Fault) error {
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		return errorf("fault replace_value: %v is not finite", f.Value)
	}
	found := false
	eachCoefficient(def, func(path string, c *Coefficient) {
		if path == f.Path {
			c.Value, found = f.Value, true
		}
	})
	if !found {
		return errorf("fault replace_value: no number at %q", f.Path)
	}
	return nil
}
