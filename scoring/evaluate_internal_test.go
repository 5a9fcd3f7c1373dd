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

// TestEvaluateAllocatesNothing holds batch work's promise (issue 7): once its scratch
// space has grown, evaluate allocates nothing per case, for OGRS3, the Rossi models and
// every OxRec-NL variant bound to the synthetic training file (on its golden cases).
func TestEvaluateAllocatesNothing(t *testing.T) {
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := VerifyParameters(cat, SyntheticOxRecParams, "")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]Case{}
	rossi := Case{"fin": "yes", "age": "27", "wexp": "no", "mar": "not married",
		"paro": "yes", "prio": "3"}
	for _, id := range []string{"rossi-cox", "rossi-cox-paroled", "rossi-cox-not-paroled"} {
		cases[id] = []Case{rossi}
	}
	cases["ogrs3"] = []Case{{"sex": "female", "offence_group": "8",
		"previous_sanctions": "12", "birth_date": "1984-02-29",
		"first_sanction_date": "1999-07-01", "conviction_date": "2024-11-20",
		"assessment_date": "2025-01-15"}}
	for _, g := range set.file.Golden {
		cases[g.Model] = append(cases[g.Model], g.Case)
	}
	checked := 0
	for _, m := range cat.WithParams(set).Models() {
		for _, c := range cases[m.ID()] {
			checkNoAllocs(t, m, c)
			checked++
		}
	}
	if checked < 8 {
		t.Fatalf("checked %d cases, want one or more for each of 8 models", checked)
	}
}

// checkNoAllocs requires evaluate to score c and to allocate nothing doing it again.
func checkNoAllocs(t *testing.T, m *Model, c Case) {
	t.Helper()
	var e evaluator
	if _, ok := m.evaluate(c, &e); !ok {
		t.Fatalf("%s: evaluate refused %v", m.ID(), c)
	}
	if n := testing.AllocsPerRun(50, func() { m.evaluate(c, &e) }); n != 0 {
		t.Errorf("%s: evaluate allocates %v times per case, want 0", m.ID(), n)
	}
}

// BenchmarkEvaluate is the batch path of fault demonstrations and sensitivity curves
// (evaluate) on an OGRS3 case; `make bench` holds its allocations per case to 0.
func BenchmarkEvaluate(b *testing.B) {
	cat, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	m, err := cat.Model("ogrs3")
	if err != nil {
		b.Fatal(err)
	}
	c := Case{"sex": "female", "offence_group": "8", "previous_sanctions": "12",
		"birth_date": "1984-02-29", "first_sanction_date": "1999-07-01",
		"conviction_date": "2024-11-20", "assessment_date": "2025-01-15"}
	var e evaluator
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := m.evaluate(c, &e); !ok {
			b.Fatal("evaluate refused the case")
		}
	}
}
