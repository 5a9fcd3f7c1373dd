package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"spiegel/scoring"
)

func TestFaultSwapSexOnOGRS3Reference(t *testing.T) {
	cat, _ := scoring.Builtin()
	m := builtin(t, "ogrs3")
	faulty, err := m.WithFault(scoring.Fault{Kind: scoring.FaultSwapLevels,
		Predictor: "sex", A: "male", B: "female"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	refs := ogrs3Reference(t)
	cases := make([]scoring.Case, len(refs))
	for i, r := range refs {
		cases[i] = r.input()
	}
	s := scoring.FaultDemo(m, faulty, cases, nil, 0.05)
	// Count by hand, with the two models, what the summary must say.
	want := map[string]int{}
	for _, c := range cases {
		a, b := probabilities(t, m, c), probabilities(t, faulty, c)
		for h := range a {
			if d := a[h] - b[h]; d > 0.05 || d < -0.05 {
				want[h]++
			}
		}
	}
	if s.Scored != len(cases) || s.Refused != 0 {
		t.Fatalf("FaultDemo scored %d, refused %d of %d", s.Scored, s.Refused, len(cases))
	}
	for _, h := range s.Horizons {
		if h.Moved != want[h.Horizon] || h.Moved == 0 || h.BandChanges != nil {
			t.Errorf("horizon %s: moved %d (bands %v), want %d > 0 and no band count",
				h.Horizon, h.Moved, h.BandChanges, want[h.Horizon])
		}
	}
	if len(s.Moved) < want["1y"] {
		t.Errorf("moved list has %d rows, want at least %d", len(s.Moved), want["1y"])
	}
}

func TestFaultReplaceValueAndBands(t *testing.T) {
	cat, _ := scoring.Builtin()
	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	if err != nil {
		t.Fatal(err)
	}
	bound := cat.WithParams(set)
	m, _ := bound.Model("oxrec-nl-detained-general")
	path := ""
	for _, n := range m.Numbers() {
		if n.Value == 0.571 {
			path = n.Path
		}
	}
	if !strings.HasPrefix(path, "terms[") {
		t.Fatalf("no number 0.571 among %d numbers", len(m.Numbers()))
	}
	faulty, err := m.WithFault(scoring.Fault{Kind: scoring.FaultReplaceValue, Path: path,
		Value: 0.512}, bound)
	if err != nil {
		t.Fatal(err)
	}
	var cases []scoring.Case
	for i := 0; i < 40; i++ {
		cases = append(cases, scoring.Case{"sex": "male", "age": fmt.Sprint(18 + i),
			"detention_months": "12", "violent_index_offence": "no",
			"previous_violent_crime": "yes", "never_married": "yes", "low_education": "yes",
			"unemployed": "yes", "low_income": "yes", "neighbourhood_decile": "8",
			"alcohol_use_disorder": "no", "drug_use_disorder": "yes",
			"any_mental_disorder": "no", "severe_mental_disorder": "no"})
	}
	s := scoring.FaultDemo(m, faulty, cases, nil, 1)
	for i, h := range s.Horizons {
		want := 0
		for _, c := range cases {
			a, _ := m.Predict(c)
			b, _ := faulty.Predict(c)
			if a.Horizons[i].Band.ID != b.Horizons[i].Band.ID {
				want++
			}
		}
		if h.BandChanges == nil || *h.BandChanges != want || h.Moved != 0 {
			t.Errorf("horizon %s: band changes %v, moved %d; want %d band changes, none moved by 1",
				h.Horizon, h.BandChanges, h.Moved, want)
		}
	}
	if _, err := m.WithFault(scoring.Fault{Kind: scoring.FaultReplaceValue, Path: "nowhere",
		Value: 1}, bound); err == nil {
		t.Error("a fault at an unknown path was accepted")
	}
}

func TestFaultSwapModelRossi(t *testing.T) {
	cat, _ := scoring.Builtin()
	m := builtin(t, "rossi-cox-paroled")
	faulty, err := m.WithFault(scoring.Fault{Kind: scoring.FaultSwapModel,
		Model: "rossi-cox-not-paroled"}, cat)
	if err != nil || faulty.ID() != "rossi-cox-not-paroled" {
		t.Fatalf("WithFault(swap_model) = %v, %v", faulty, err)
	}
	_, err = m.WithFault(scoring.Fault{Kind: scoring.FaultSwapModel, Model: m.ID()}, cat)
	if err == nil || !strings.Contains(err.Error(), "swapped with itself changes nothing") {
		t.Errorf("WithFault(swap_model with itself) error = %v", err)
	}
	var cases []scoring.Case
	for _, c := range rossiData(t) {
		cases = append(cases, c)
	}
	s := scoring.FaultDemo(m, faulty, cases, nil, 0.02)
	if s.Scored != len(cases) || s.Horizons[1].Moved == 0 {
		t.Errorf("FaultDemo(paroled ↔ not paroled) = %+v, want all scored and some moved", s.Horizons)
	}
}
