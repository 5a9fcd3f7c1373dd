package scoring_test

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"spiegel/scoring"
)

// FuzzOGRS3 feeds arbitrary inputs to the engine. Invariants: no panic; a refusal is
// an InputError naming an input; an accepted case has finite probabilities in [0, 1],
// contributions that sum to the linear predictor, 2-year risk ≥ 1-year risk, and
// agreement with the straight-line transcription.
func FuzzOGRS3(f *testing.F) {
	f.Add(true, uint8(6), 1, "1990-08-25", int16(10950), int16(2000), int16(250))
	f.Add(false, uint8(19), 0, "2004-02-29", int16(7000), int16(0), int16(30))
	f.Add(true, uint8(3), 60, "1950-01-01", int16(-3), int16(5), int16(1))
	m := builtin(f, "ogrs3")
	ids := map[string]bool{}
	for _, p := range m.Definition().Predictors {
		ids[p.ID] = true
	}
	f.Fuzz(func(t *testing.T, male bool, group uint8, prev int, birth string,
		toFirst, toConv, toAssess int16) {
		c := fuzzCase(male, group, prev, birth, toFirst, toConv, toAssess)
		p, err := m.Predict(c)
		if err != nil {
			checkRefusal(t, err, ids)
			return
		}
		checkInvariants(t, p)
		checkAgainstStraight(t, m, c)
	})
}

// fuzzCase builds a case from fuzzer values: dates as day offsets from birth.
func fuzzCase(male bool, group uint8, prev int, birth string, a, b, c int16) scoring.Case {
	sex := "female"
	if male {
		sex = "male"
	}
	out := scoring.Case{"sex": sex, "offence_group": fmt.Sprint(group % 22),
		"previous_sanctions": fmt.Sprint(prev), "birth_date": birth}
	bt, err := time.Parse(time.DateOnly, birth)
	if err != nil {
		out["first_sanction_date"], out["conviction_date"], out["assessment_date"] =
			"x", "2000-01-01", "2000-01-01"
		return out
	}
	first := bt.AddDate(0, 0, int(a))
	conv := first.AddDate(0, 0, int(b))
	out["first_sanction_date"] = first.Format(time.DateOnly)
	out["conviction_date"] = conv.Format(time.DateOnly)
	out["assessment_date"] = conv.AddDate(0, 0, int(c)).Format(time.DateOnly)
	return out
}

// checkRefusal asserts that a refusal names inputs of the model.
func checkRefusal(t *testing.T, err error, ids map[string]bool) {
	t.Helper()
	var ie *scoring.InputError
	if !errors.As(err, &ie) || !ids[ie.Predictor] {
		t.Fatalf("refusal %v does not name an input of the model", err)
	}
}

// checkInvariants asserts the properties every accepted prediction has.
func checkInvariants(t *testing.T, p *scoring.Prediction) {
	t.Helper()
	sum := 0.0
	for _, c := range p.Contributions {
		sum += c.Value
	}
	if sum != p.LinearPredictor {
		t.Errorf("contributions sum to %v, linear predictor %v", sum, p.LinearPredictor)
	}
	prev := 0.0
	for _, h := range p.Horizons {
		if math.IsNaN(h.Probability) || h.Probability < 0 || h.Probability > 1 {
			t.Fatalf("%s probability %v outside [0, 1]", h.Label, h.Probability)
		}
		if h.Probability < prev {
			t.Errorf("%s probability %v below the shorter horizon's %v", h.Label,
				h.Probability, prev)
		}
		prev = h.Probability
	}
}
