package scoring_test

import (
	"math"
	"strconv"
	"testing"
	"time"

	"spiegel/scoring"
)

// ogrs3Straight is a straight-line transcription of OGRS3 (Howard et al. 2009, as in
// DOMAIN.md §4), written apart from the engine and sharing only the definition's
// numbers:
//
//	p_h = logistic(α_h + agesex[sex][group(age)] + offence[g] + sanctions + copas·ln(n/(10+career)))
//	n = min(previous, 50) + 1, career = age at conviction − age at first sanction
func ogrs3Straight(def scoring.Definition, c scoring.Case) (p1, p2 float64) {
	num := ogrs3Numbers(def)
	birth := mustDate(c["birth_date"])
	age := yearsBetween(birth, mustDate(c["assessment_date"]))
	career := yearsBetween(birth, mustDate(c["conviction_date"])) -
		yearsBetween(birth, mustDate(c["first_sanction_date"]))
	group := 10
	for g := 9; g >= 0; g-- {
		if float64(age) <= num["age bound "+strconv.Itoa(g)] {
			group = g
		}
	}
	prev, _ := strconv.Atoi(c["previous_sanctions"])
	history := "first_sanction"
	if prev > 0 {
		history = "repeat_offender"
	}
	n := math.Min(float64(prev), 50) + 1
	eta := num["age_sex "+c["sex"]+"/"+strconv.Itoa(group)] +
		num["offence "+c["offence_group"]] + num["sanctions "+history] +
		num["copas"]*math.Log(n/(10+float64(career)))
	logistic := func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
	return logistic(num["intercept 1y"] + eta), logistic(num["intercept 2y"] + eta)
}

// yearsBetween counts whole years with the time package: the largest k such that
// from + k years is not after to (AddDate normalises 29 February to 1 March).
func yearsBetween(from, to time.Time) int {
	k := to.Year() - from.Year()
	for from.AddDate(k, 0, 0).After(to) {
		k--
	}
	return k
}

// mustDate parses a YYYY-MM-DD date or panics (test inputs only).
func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestOGRS3EngineMatchesTranscription(t *testing.T) {
	m := builtin(t, "ogrs3")
	var doc struct{ Cases []handCase }
	readTestdata(t, "ogrs3_hand.json", &doc)
	for _, hc := range doc.Cases {
		checkAgainstStraight(t, m, hc.Case)
	}
}

func TestOGRS3EngineMatchesTranscriptionOnReference(t *testing.T) {
	m := builtin(t, "ogrs3")
	for _, c := range ogrs3Reference(t) {
		checkAgainstStraight(t, m, c.input())
	}
}

// checkAgainstStraight compares the engine with ogrs3Straight on one valid case.
func checkAgainstStraight(t *testing.T, m *scoring.Model, c scoring.Case) {
	t.Helper()
	w1, w2 := ogrs3Straight(m.Definition(), c)
	got := probabilities(t, m, c)
	if math.Abs(got["1y"]-w1) > 1e-12 || math.Abs(got["2y"]-w2) > 1e-12 {
		t.Errorf("Predict(%v) = %v, want 1y %.17g 2y %.17g", c, got, w1, w2)
	}
}
