package scoring

// ExplainRecord is the plain shape of an Explanation, shared by `spiegel explain` and
// the JavaScript explain(): the case's Record, the reference profile, and one entry
// per term. Predictor in an entry is the term's id; Inputs lists the inputs it reads.
// A refused case has the error record's fields and no Reference or Steps.
type ExplainRecord struct {
	Record
	Reference *ReferenceRecord `json:"reference,omitempty"`
	Steps     []StepRecord     `json:"steps,omitempty"`
}

// ReferenceRecord is the reference profile an explanation starts from.
type ReferenceRecord struct {
	Note            string             `json:"note"`
	Case            Case               `json:"case,omitempty"`
	LinearPredictor float64            `json:"linear_predictor"`
	Probabilities   map[string]float64 `json:"probabilities,omitempty"`
}

// StepRecord is a Step: Predictor is the term's id, Value its contribution to the
// linear predictor, Delta its change from the reference profile's, After the linear
// predictor once it is applied; ProbabilityDelta and ProbabilityAfter the same on the
// probability scale, per horizon label (see Step).
type StepRecord struct {
	Predictor        string             `json:"predictor"`
	Label            string             `json:"label"`
	Inputs           []string           `json:"inputs"`
	Key              []string           `json:"key,omitempty"`
	Value            float64            `json:"value"`
	ReferenceValue   float64            `json:"reference_value"`
	Delta            float64            `json:"delta"`
	After            float64            `json:"after"`
	ProbabilityDelta map[string]float64 `json:"probability_delta,omitempty"`
	ProbabilityAfter map[string]float64 `json:"probability_after,omitempty"`
}

// ExplainCase explains one case with the model and returns it as an ExplainRecord;
// a refused case gives the error record in Record. Like ScoreRecord, it refuses a
// case that a group's rule puts in another variant than m.
func ExplainCase(m *Model, id string, c Case) ExplainRecord {
	if err := m.checkEntry(c); err != nil {
		return ExplainRecord{Record: ErrorRecord(m.ID(), id, err)}
	}
	e, err := m.Explain(c)
	if err != nil {
		return ExplainRecord{Record: ErrorRecord(m.ID(), id, err)}
	}
	r := ExplainRecord{Record: predictionRecord(m, id, e.Prediction)}
	r.Reference = &ReferenceRecord{Note: e.ReferenceNote,
		LinearPredictor: e.ReferenceLinearPredictor, Probabilities: map[string]float64{}}
	if m.def.Reference != nil {
		r.Reference.Case = m.def.Reference.Case
	}
	for i := range m.def.Horizons {
		r.Reference.Probabilities[m.def.Horizons[i].Label] =
			m.probability(i, e.ReferenceLinearPredictor)
	}
	for _, s := range e.Steps {
		r.Steps = append(r.Steps, StepRecord{Predictor: s.Term, Label: s.Label,
			Inputs: s.Inputs, Key: s.Key, Value: s.Value, ReferenceValue: s.ReferenceValue,
			Delta: s.Delta, After: s.After, ProbabilityDelta: s.ProbabilityDelta,
			ProbabilityAfter: s.ProbabilityAfter})
	}
	return r
}
