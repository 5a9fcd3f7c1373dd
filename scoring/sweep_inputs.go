package scoring

import (
	"math"
	"slices"
)

// SweepInput is a continuous input a sensitivity curve can sweep, with what to ask
// of SweepValues for it: the input, the anchor date of an age (Anchor is empty for a
// number or a count), the range From..To and the number of points for a number.
// Derived, for an age, names the derived value that holds the case's own age.
//
// SampleTo, when set, is the predictor's warning threshold: the value above which the
// definition qualifies a result with SampleNote, for example where the sample the
// model was fitted on or its reference cases end. The definitions state no lower end,
// so a chart shades From..SampleTo as the range the model's data cover.
type SweepInput struct {
	Input      string   `json:"input"`
	Anchor     string   `json:"anchor,omitempty"`
	Derived    string   `json:"derived,omitempty"`
	Label      string   `json:"label"`
	Unit       string   `json:"unit,omitempty"`
	From       float64  `json:"from"`
	To         float64  `json:"to"`
	Points     int      `json:"points,omitempty"`
	SampleTo   *float64 `json:"sample_to,omitempty"`
	SampleNote string   `json:"sample_note,omitempty"`
}

// MaxSweepAge is the oldest age a sweep over a date of birth reaches. Dates have no
// accepted upper range, so this is a display limit chosen by Spiegel, not a number
// from any source.
const MaxSweepAge = 90

// numberSweepPoints is how many points a sweep over a number takes when its range is
// not a short run of whole numbers.
const numberSweepPoints = 101

// SweepInputs lists the inputs a sensitivity curve can sweep over, in definition
// order: every number and count with an accepted range, and every date input from
// which the model derives whole years to another date input (an age), swept as that
// age from the derived value's minimum (or 0) to its maximum or MaxSweepAge,
// whichever is lower. For a variant of a group, a sweep over the group rule's input
// stays on the side of the rule's threshold where this variant applies.
func (m *Model) SweepInputs() []SweepInput {
	var out []SweepInput
	for _, p := range m.def.Predictors {
		switch p.Type {
		case TypeNumber, TypeCount:
			if s, ok := numberSweep(p); ok && m.withinVariant(&s) {
				out = append(out, s)
			}
		case TypeDate:
			if s, ok := m.ageSweep(p); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// withinVariant narrows a sweep over the input of the group rule of m's group to the
// values for which the rule chooses m's population (input ≥ threshold for the rule's
// Then population), and reports whether any remain. The other side is only kept for
// a count, whose values below the threshold end one below it.
func (m *Model) withinVariant(s *SweepInput) bool {
	g := m.variantGroup()
	if g == nil || s.Input != g.def.Rule.Input {
		return true
	}
	at := g.def.Rule.AtLeast.Value
	if m.def.Population == g.def.Rule.Then {
		s.From = math.Max(s.From, at)
	} else {
		if i := slices.IndexFunc(m.def.Predictors, func(p Predictor) bool {
			return p.ID == s.Input
		}); i < 0 || m.def.Predictors[i].Type != TypeCount {
			return false
		}
		s.To = math.Min(s.To, math.Ceil(at)-1)
	}
	if s.SampleTo != nil && *s.SampleTo < s.From {
		s.SampleTo, s.SampleNote = nil, ""
	}
	if s.Points > 0 {
		s.setPoints()
	}
	return s.From < s.To
}

// numberSweep is the sweep over a number or count with an accepted range.
func numberSweep(p Predictor) (SweepInput, bool) {
	if p.Min == nil || p.Max == nil || p.Min.Value >= p.Max.Value {
		return SweepInput{}, false
	}
	s := SweepInput{Input: p.ID, Label: p.Label, Unit: p.Unit, From: p.Min.Value,
		To: p.Max.Value}
	if p.Type == TypeNumber {
		s.setPoints()
	}
	if p.Warn != nil {
		above := p.Warn.Above.Value
		s.SampleTo, s.SampleNote = &above, p.Warn.Message
	}
	return s, true
}

// setPoints sets how many points a sweep over a number takes (sweepPoints).
func (s *SweepInput) setPoints() { s.Points = sweepPoints(s.From, s.To) }

// sweepPoints is how many points a sweep over a number from lo to hi takes: one per
// whole number for a short whole-number range, else numberSweepPoints.
func sweepPoints(lo, hi float64) int {
	if span := hi - lo; span == float64(int(span)) && span < 2*numberSweepPoints {
		return int(span) + 1
	}
	return numberSweepPoints
}

// ageSweep is the sweep over a date of birth as the age it gives on another date: the
// first whole-years value derived from the date p to another date input.
func (m *Model) ageSweep(p Predictor) (SweepInput, bool) {
	for _, d := range m.def.Derived {
		if d.Derivation != "whole_years" || len(d.Inputs) != 2 || d.Inputs[0] != p.ID {
			continue
		}
		i, ok := m.index[d.Inputs[1]]
		if !ok || i >= m.nInputs || m.vars[i].typ != TypeDate {
			continue
		}
		s := SweepInput{Input: p.ID, Anchor: d.Inputs[1], Derived: d.ID, Label: d.Label,
			Unit: "years", To: MaxSweepAge}
		if d.Min != nil {
			s.From = d.Min.Value
		}
		if d.Max != nil && d.Max.Value < s.To {
			s.To = d.Max.Value
		}
		return s, s.From < s.To
	}
	return SweepInput{}, false
}
