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
