package scoring

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestPredictMemoSameAsPredict scores rows that repeat input combinations, and rows
// that are refused, and checks that every score and risk is Predict's, bit for bit,
// and every refusal the same.
func TestPredictMemoSameAsPredict(t *testing.T) {
	cat, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := cat.Model("rossi-cox")
	rows := []string{"20,1,no,27,no,married,yes,3", "52,0,no,27,no,married,yes,3",
		"30,1,yes,19,yes,not married,no,0", "10,1,no,27,no,married,yes,3",
		"52,0,maybe,27,no,married,yes,3", "52,0,maybe,27,no,married,yes,3",
		"40,0,yes,19,yes,not married,no,0", "52,0,yes,19,yes,not married,no,12"}
	data := "week,arrest,fin,age,wexp,mar,paro,prio\n" + strings.Join(rows, "\n") + "\n"
	c, err := ReadCohort(strings.NewReader(data), CohortSpec{Time: "week", Event: "arrest"})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := planModel(m, c, 52)
	if err != nil {
		t.Fatal(err)
	}
	plans := []modelPlan{plan}
	sc := scoreCohort(plans, c, ValidationOptions{Horizon: 52})
	if len(sc.rows) != 6 || len(sc.bad) != 2 || sc.bad[0].Row != 5 || sc.bad[1].Row != 6 {
		t.Fatalf("used %v, refused %+v; want rows 5 and 6 refused", sc.rows, sc.bad)
	}
	for k, ri := range sc.rows {
		p, err := m.Predict(plan.caseOf(&c.Rows[ri]))
		if err != nil {
			t.Fatal(err)
		}
		s := sc.samples[0]
		if math.Float64bits(s.score[k]) != math.Float64bits(p.LinearPredictor) ||
			math.Float64bits(s.p[k]) != math.Float64bits(p.Horizons[plan.horizon].Probability) {
			t.Errorf("row %d: score %v risk %v, want Predict's %v %v", c.Rows[ri].Row,
				s.score[k], s.p[k], p.LinearPredictor, p.Horizons[plan.horizon].Probability)
		}
	}
	if len(plans[0].memo) != 4 {
		t.Errorf("memo holds %d combinations, want 4", len(plans[0].memo))
	}
}

// TestMemoKeyUnambiguous checks that values are not confused across columns.
func TestMemoKeyUnambiguous(t *testing.T) {
	pl := modelPlan{columns: []int{0, 1}}
	a := pl.memoKey(&CohortRow{Fields: []string{"a\x01", "b"}}, nil)
	b := pl.memoKey(&CohortRow{Fields: []string{"a", "\x01b"}}, nil)
	if bytes.Equal(a, b) {
		t.Errorf("memoKey gives %q for both splits", a)
	}
}
