package scoring_test

import (
	"math"
	"testing"

	"spiegel/scoring"
)

// explainTolerance bounds the rounding of sums of a handful of float64 terms.
const explainTolerance = 1e-12

// checkExplanation asserts the identities of an Explanation: the linear-scale deltas
// add up to the difference of linear predictors, the contributions to the linear
// predictor, and the probability steps to the difference of probabilities.
func checkExplanation(t *testing.T, e *scoring.Explanation) {
	t.Helper()
	var sumDelta, sumValue float64
	sumProb := map[string]float64{}
	for _, s := range e.Steps {
		sumDelta += s.Delta
		sumValue += s.Value
		for h, d := range s.ProbabilityDelta {
			sumProb[h] += d
		}
	}
	p := e.Prediction
	if d := sumValue - p.LinearPredictor; math.Abs(d) > explainTolerance {
		t.Errorf("contributions sum to %v, linear predictor %v", sumValue, p.LinearPredictor)
	}
	if d := sumDelta - (p.LinearPredictor - e.ReferenceLinearPredictor); math.Abs(d) > explainTolerance {
		t.Errorf("deltas sum to %v, want %v", sumDelta, p.LinearPredictor-e.ReferenceLinearPredictor)
	}
	checkWaterfallEnds(t, e)
	for i, h := range p.Horizons {
		refP := referenceProbability(e, i)
		if d := sumProb[h.Label] - (h.Probability - refP); math.Abs(d) > explainTolerance {
			t.Errorf("%s probability steps sum to %v, want %v", h.Label, sumProb[h.Label],
				h.Probability-refP)
		}
	}
}

// referenceProbability is the reference profile's probability at horizon i, or the
// probability at the model's zero when there is no stated profile.
func referenceProbability(e *scoring.Explanation, i int) float64 {
	if e.Reference != nil {
		return e.Reference.Horizons[i].Probability
	}
	h := e.Prediction.Horizons[i]
	var sum float64
	for _, s := range e.Steps {
		for hh, d := range s.ProbabilityDelta {
			if hh == h.Label {
				sum += d
			}
		}
	}
	return h.Probability - sum
}

func TestExplainOGRS3ReferenceCases(t *testing.T) {
	m := builtin(t, "ogrs3")
	for _, c := range ogrs3Reference(t) {
		e, err := m.Explain(c.input())
		if err != nil {
			t.Fatal(err)
		}
		if e.Reference == nil || e.ReferenceNote == "" {
			t.Fatal("ogrs3 explanation has no stated reference profile")
		}
		checkExplanation(t, e)
	}
}

func TestExplainOGRS3AtItsReferenceIsZero(t *testing.T) {
	m := builtin(t, "ogrs3")
	e, err := m.Explain(m.Definition().Reference.Case)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range e.Steps {
		if s.Delta != 0 {
			t.Errorf("step %s at the reference profile = %v, want 0", s.Term, s.Delta)
		}
	}
}

func TestExplainCoxFromItsCentringProfile(t *testing.T) {
	m := builtin(t, "rossi-cox")
	c := scoring.Case{"fin": "yes", "age": "30", "wexp": "yes", "mar": "married", "paro": "no",
		"prio": "0"}
	e, err := m.Explain(c)
	if err != nil {
		t.Fatal(err)
	}
	if e.Reference != nil || e.ReferenceLinearPredictor != 0 {
		t.Fatalf("rossi-cox reference = %v, lp %v; want the centring profile", e.Reference,
			e.ReferenceLinearPredictor)
	}
	checkExplanation(t, e)
	// At the centring profile the risk is 1 − S0(t): the reference the steps leave.
	s0 := m.Definition().Horizons[0].BaselineSurvival.Value
	if d := referenceProbability(e, 0) - (1 - s0); math.Abs(d) > explainTolerance {
		t.Errorf("reference 26w risk = %v, want 1 − S0 = %v", referenceProbability(e, 0), 1-s0)
	}
}

// checkWaterfallEnds asserts that the last step of the waterfall stands at the case's
// linear predictor and probabilities.
func checkWaterfallEnds(t *testing.T, e *scoring.Explanation) {
	t.Helper()
	if len(e.Steps) == 0 {
		t.Fatal("explanation has no steps")
	}
	last, p := e.Steps[len(e.Steps)-1], e.Prediction
	if d := last.After - p.LinearPredictor; math.Abs(d) > explainTolerance {
		t.Errorf("waterfall ends at %v, linear predictor %v", last.After, p.LinearPredictor)
	}
	for _, h := range p.Horizons {
		if d := last.ProbabilityAfter[h.Label] - h.Probability; math.Abs(d) > explainTolerance {
			t.Errorf("%s waterfall ends at %v, probability %v", h.Label,
				last.ProbabilityAfter[h.Label], h.Probability)
		}
	}
}

// TestExplainEveryRossiCase explains every subject of the Rossi data with each of the
// three fits: the contributions sum to the linear predictor, which is R's where the
// reference holds a prediction for the subject.
func TestExplainEveryRossiCase(t *testing.T) {
	data := rossiData(t)
	var fits struct {
		Full       rossiFit `json:"full"`
		Paroled    rossiFit `json:"paroled"`
		NotParoled rossiFit `json:"not_paroled"`
	}
	readShared(t, "rossi/reference.json", &fits)
	ref := map[string]rossiFit{"full": fits.Full, "paroled": fits.Paroled,
		"not_paroled": fits.NotParoled}
	for key, id := range rossiFits {
		m := builtin(t, id)
		rLP := map[string]float64{}
		for _, p := range ref[key].Predictions {
			rLP[p.ID] = p.LP
		}
		checked := 0
		for sid, row := range data {
			e, err := m.Explain(only(m, row))
			if err != nil {
				t.Fatalf("%s subject %s: %v", id, sid, err)
			}
			checkExplanation(t, e)
			if want, ok := rLP[sid]; ok {
				checked++
				if d := e.Steps[len(e.Steps)-1].After - want; math.Abs(d) > rossiTolerance {
					t.Errorf("%s subject %s: waterfall ends at %v, R's lp %v", id, sid,
						e.Steps[len(e.Steps)-1].After, want)
				}
			}
		}
		if len(data) != 432 || checked == 0 {
			t.Errorf("%s: %d subjects, %d with R's lp; want 432 and some", id, len(data), checked)
		}
	}
}

// TestExplainCaseRecord checks the shared record shape: one step per term with the
// term as predictor and the contribution as value, the reference's probabilities, and
// the probability changes from them summing to the case's.
func TestExplainCaseRecord(t *testing.T) {
	m := builtin(t, "rossi-cox")
	c := scoring.Case{"fin": "no", "age": "22", "wexp": "no", "mar": "not married",
		"paro": "yes", "prio": "4"}
	r := scoring.ExplainCase(m, "x", c)
	if r.Error != "" || len(r.Steps) != len(m.Definition().Terms) || r.Centring == nil {
		t.Fatalf("ExplainCase(%v) = %+v, want one step per term and the centring", c, r)
	}
	for i, s := range r.Steps {
		if s.Predictor != r.Contributions[i].Term || s.Value != r.Contributions[i].Value {
			t.Errorf("step %d = %s %v, contribution %+v", i, s.Predictor, s.Value,
				r.Contributions[i])
		}
	}
	for h, p := range r.Probabilities {
		sum := r.Reference.Probabilities[h]
		for _, s := range r.Steps {
			sum += s.ProbabilityDelta[h]
		}
		if math.Abs(sum-p) > explainTolerance {
			t.Errorf("%s: reference + steps = %v, probability %v", h, sum, p)
		}
	}
	bad := scoring.ExplainCase(m, "x", scoring.Case{"age": "old"})
	if bad.Error == "" || len(bad.Steps) != 0 {
		t.Errorf("ExplainCase(bad) = %+v, want an error record", bad)
	}
}
