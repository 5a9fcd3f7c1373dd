package scoring

// Explanation shows how a case's result is built up from a reference profile, term by
// term, on the linear-predictor scale and on the probability scale.
type Explanation struct {
	Prediction *Prediction
	// Reference is the reference profile's prediction; ReferenceNote says what the
	// profile is. ReferenceLinearPredictor is its linear predictor (0 where the
	// profile is the model's own zero).
	Reference                *Prediction
	ReferenceNote            string
	ReferenceLinearPredictor float64
	Steps                    []Step
}

// Step is one term's move from the reference profile to the case.
//
// On the linear-predictor scale Delta = Value − ReferenceValue, and the Deltas sum to
// the case's linear predictor minus the reference's. On the probability scale the
// terms are switched from the reference's value to the case's one at a time, in term
// order (a waterfall): ProbabilityDelta[h] = P_h(η_k) − P_h(η_{k−1}), where
// η_k = η_ref + Σ_{j≤k} Delta_j. These telescope to P_h(case) − P_h(reference); each
// step depends on the order, the linear-scale Deltas do not. After is η_k and
// ProbabilityAfter[h] is P_h(η_k): where the waterfall stands after the step, so that
// a chart draws the engine's numbers and adds none of its own.
type Step struct {
	Term             string
	Label            string
	Inputs           []string
	Key              []string
	Value            float64
	ReferenceValue   float64
	Delta            float64
	After            float64
	ProbabilityDelta map[string]float64
	ProbabilityAfter map[string]float64
}

// Explain predicts c and explains it against the definition's reference profile, or
// against the model's own zero when it has none (see Reference).
func (m *Model) Explain(c Case) (*Explanation, error) {
	p, err := m.Predict(c)
	if err != nil {
		return nil, err
	}
	e := &Explanation{Prediction: p}
	if err := m.setReference(e); err != nil {
		return nil, err
	}
	eta := e.ReferenceLinearPredictor
	for i, contrib := range p.Contributions {
		s := Step{Term: contrib.Term, Label: contrib.Label, Inputs: contrib.Inputs,
			Key: contrib.Key, Value: contrib.Value}
		if e.Reference != nil {
			s.ReferenceValue = e.Reference.Contributions[i].Value
		}
		s.Delta = s.Value - s.ReferenceValue
		s.After = eta + s.Delta
		s.ProbabilityDelta, s.ProbabilityAfter = m.probabilitySteps(eta, s.After)
		eta = s.After
		e.Steps = append(e.Steps, s)
	}
	return e, nil
}

// setReference fills the reference profile of an explanation.
func (m *Model) setReference(e *Explanation) error {
	if r := m.def.Reference; r != nil {
		ref, err := m.Predict(r.Case)
		if err != nil {
			return err
		}
		e.Reference, e.ReferenceNote = ref, r.Note
		e.ReferenceLinearPredictor = ref.LinearPredictor
		return nil
	}
	e.ReferenceNote = ReferenceNoteIntercept
	if m.def.Family == FamilyCox {
		e.ReferenceNote = ReferenceNoteCox
	}
	return nil
}

// The reference profile of an explanation whose definition states none: a logistic
// or points model's intercept alone, or a Cox model's centring profile.
const (
	ReferenceNoteIntercept = "the linear predictor's zero: the intercept alone"
	ReferenceNoteCox       = "the model's reference profile: the mean of each number and " +
		"the reference level of each factor"
)

// probabilitySteps returns P_h(to) − P_h(from) and P_h(to) for every horizon.
func (m *Model) probabilitySteps(from, to float64) (delta, after map[string]float64) {
	if m.def.Family == FamilyPoints {
		return nil, nil
	}
	delta = make(map[string]float64, len(m.def.Horizons))
	after = make(map[string]float64, len(m.def.Horizons))
	for i, h := range m.def.Horizons {
		p := m.probability(i, to)
		delta[h.Label], after[h.Label] = p-m.probability(i, from), p
	}
	return delta, after
}
