package scoring

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// TestEvaluateMatchesPredict draws cases, valid and not, for a model of each family
// and requires evaluate to refuse exactly what Predict refuses and otherwise to give
// Predict's probabilities (or total) and bands, to the bit.
func TestEvaluateMatchesPredict(t *testing.T) {
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/points-synthetic.json")
	if err != nil {
		t.Fatal(err)
	}
	points, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	pools := map[string][]string{
		"sex": {"male", "female", "x"}, "offence_group": {"1", "8", "21", "99"},
		"previous_sanctions":  {"0", "3", "12", "200", "-1", "2.5", ""},
		"birth_date":          {"1984-02-29", "2000-01-01", "2010-06-30", "1899-12-31", "junk"},
		"first_sanction_date": {"1999-07-01", "2015-03-03", "2026-01-01"},
		"conviction_date":     {"2024-11-20", "2012-01-01"}, "assessment_date": {"2025-01-15"},
		"fin": {"yes", "no", "maybe"}, "age": {"17", "27", "44", "90", "x"},
		"wexp": {"yes", "no"}, "mar": {"married", "not married"}, "paro": {"yes", "no"},
		"prio": {"0", "3", "18", "40"}, "age_band": {"young", "middle", "old", "baby"},
		"priors": {"0", "1", "2", "3", "9"}, "stranger": {"yes", "no"},
	}
	ogrs3, _ := cat.Model("ogrs3")
	rossi, _ := cat.Model("rossi-cox")
	r := rand.New(rand.NewPCG(11, 12))
	var e evaluator
	for _, m := range []*Model{ogrs3, rossi, points} {
		for n := 0; n < 3000; n++ {
			c := Case{"unknown_field": "1"}
			for i := 0; i < m.nInputs; i++ {
				if pool := pools[m.vars[i].id]; len(pool) > 0 && r.IntN(30) > 0 {
					c[m.vars[i].id] = pool[r.IntN(len(pool))]
				}
			}
			checkEvaluate(t, m, c, &e)
		}
	}
}

// checkEvaluate compares evaluate with Predict on one case.
func checkEvaluate(t *testing.T, m *Model, c Case, e *evaluator) {
	t.Helper()
	p, err := m.Predict(c)
	got, ok := m.evaluate(c, e)
	if ok != (err == nil) {
		t.Fatalf("%s: evaluate(%v) ok = %v, Predict error = %v", m.ID(), c, ok, err)
	}
	if !ok {
		return
	}
	want := outcomes(p)
	if len(got) != len(want) {
		t.Fatalf("%s: evaluate(%v) = %v, want %v", m.ID(), c, got, want)
	}
	for i := range want {
		if math.Float64bits(got[i].value) != math.Float64bits(want[i].value) ||
			got[i].band != want[i].band || got[i].bands != want[i].bands {
			t.Fatalf("%s: evaluate(%v)[%d] = %+v, want %+v", m.ID(), c, i, got[i], want[i])
		}
	}
}
