package scoring_test

import (
	"reflect"
	"testing"

	"spiegel/scoring"
)

// TestFaultRunInStepsMatchesFaultDemo checks that a run in uneven steps, as the page
// does it, ends with FaultDemo's summary, refusals included.
func TestFaultRunInStepsMatchesFaultDemo(t *testing.T) {
	cat := boundCatalog(t)
	m, _ := cat.Model("ogrs3")
	pop, err := scoring.SyntheticPopulation(m, 997, 3)
	if err != nil {
		t.Fatal(err)
	}
	pop.Cases[5] = scoring.Case{"sex": "unknown"} // refused by both models
	faulty, err := m.WithFault(scoring.Fault{Kind: scoring.FaultSwapLevels,
		Predictor: "sex", A: "male", B: "female"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	minMove := scoring.MinMoveFromPoints(m, 2)
	whole := scoring.FaultDemo(m, faulty, pop.Cases, pop.IDs, minMove)

	run := scoring.NewFaultRun(m, faulty, pop, minMove)
	for _, n := range []int{0, 1, 7, 100, -3, 500} {
		run.Step(n)
	}
	if run.Done() {
		t.Fatal("run done before its last step")
	}
	if got := run.Step(1000); got != 997 || !run.Done() || run.Total() != 997 {
		t.Fatalf("Step = %d, Done %v, Total %d; want 997 of 997", got, run.Done(), run.Total())
	}
	got := run.Summary()
	if got.Refused != 1 || len(got.Refusals) != 1 || got.Refusals[0].Row != 6 ||
		got.Refusals[0].ID != pop.IDs[5] || got.Refusals[0].Error == "" {
		t.Errorf("refusals = %+v, want case 6 (%s) with a reason", got.Refusals, pop.IDs[5])
	}
	for i := range got.Moved {
		if mc := got.Moved[i]; mc.Change != mc.After-mc.Before {
			t.Fatalf("moved[%d]: change %v, want %v − %v", i, mc.Change, mc.After, mc.Before)
		}
		if got.Moved[i].Row != got.Moved[i].Index+1 {
			t.Fatalf("moved[%d]: row %d for index %d", i, got.Moved[i].Row, got.Moved[i].Index)
		}
		got.Moved[i].Row = 0 // FaultDemo has no rows
	}
	got.Refusals[0].Row = 0
	if !reflect.DeepEqual(got, whole) {
		t.Errorf("stepped summary differs from FaultDemo:\n%+v\n%+v", got.Horizons, whole.Horizons)
	}
	if whole.Horizons[0].Moved == 0 {
		t.Error("swapping the sex tables moved no case by 2 points")
	}
}

func TestMinMoveFromPoints(t *testing.T) {
	if got := scoring.MinMoveFromPoints(builtin(t, "ogrs3"), 5); got != 0.05 {
		t.Errorf("MinMoveFromPoints(ogrs3, 5) = %v, want 0.05", got)
	}
}

func TestExchanges(t *testing.T) {
	cat := boundCatalog(t)
	tests := []struct {
		model string
		want  []scoring.Fault
	}{
		{"ogrs3", []scoring.Fault{{Kind: scoring.FaultSwapLevels, Predictor: "sex",
			A: "male", B: "female"}}},
		{"rossi-cox-paroled", []scoring.Fault{{Kind: scoring.FaultSwapModel,
			Model: "rossi-cox-not-paroled"}}},
		{"rossi-cox-not-paroled", []scoring.Fault{{Kind: scoring.FaultSwapModel,
			Model: "rossi-cox-paroled"}}},
		{"rossi-cox", nil},
		{"oxrec-nl-detained-general", []scoring.Fault{{Kind: scoring.FaultSwapModel,
			Model: "oxrec-nl-nondetained-general"}}},
		{"oxrec-nl-nondetained-violent", []scoring.Fault{{Kind: scoring.FaultSwapModel,
			Model: "oxrec-nl-detained-violent"}}},
	}
	for _, tt := range tests {
		xs, err := cat.Exchanges(tt.model)
		if err != nil {
			t.Fatalf("Exchanges(%s) error: %v", tt.model, err)
		}
		var got []scoring.Fault
		for _, x := range xs {
			got = append(got, x.Fault)
			if x.ALabel == "" || x.BLabel == "" {
				t.Errorf("Exchanges(%s): %+v has no labels", tt.model, x)
			}
			m, _ := cat.Model(tt.model)
			if _, err := m.WithFault(x.Fault, cat); err != nil {
				t.Errorf("Exchanges(%s): %+v cannot be applied: %v", tt.model, x.Fault, err)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Exchanges(%s) = %+v, want %+v", tt.model, got, tt.want)
		}
	}
	if _, err := cat.Exchanges("nope"); err == nil {
		t.Error("Exchanges(unknown model) gave no error")
	}
}

// BenchmarkFaultRunOGRS3 times the male ↔ female exchange over 10,000 fictional
// OGRS3 cases (two predictions per case).
func BenchmarkFaultRunOGRS3(b *testing.B) {
	cat, _ := scoring.Builtin()
	m, _ := cat.Model("ogrs3")
	pop, err := scoring.SyntheticPopulation(m, 10000, 1)
	if err != nil {
		b.Fatal(err)
	}
	faulty, _ := m.WithFault(scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex",
		A: "male", B: "female"}, cat)
	for b.Loop() {
		run := scoring.NewFaultRun(m, faulty, pop, 0.05)
		run.Step(run.Total())
	}
}
