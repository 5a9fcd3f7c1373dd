package scoring_test

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"spiegel/scoring"
)

// syntheticOxRec returns an OxRec-NL variant bound to the synthetic parameters, which
// state risk categories.
func syntheticOxRec(t *testing.T, id string) *scoring.Model {
	t.Helper()
	_, bound := syntheticCatalogs(t)
	m, err := bound.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// syntheticCatalogs returns the built-in catalog and the same bound to the synthetic
// OxRec-NL parameter file.
func syntheticCatalogs(t *testing.T) (base, bound *scoring.Catalog) {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	if err != nil {
		t.Fatal(err)
	}
	return cat, cat.WithParams(set)
}

// oxrecCase is a made-up case for the synthetic OxRec-NL parameters.
func oxrecCase() scoring.Case {
	return scoring.Case{"sex": "male", "age": "23", "detention_months": "6",
		"violent_index_offence": "yes", "previous_violent_crime": "yes", "never_married": "yes",
		"low_education": "yes", "unemployed": "yes", "low_income": "yes",
		"neighbourhood_decile": "9", "alcohol_use_disorder": "no", "drug_use_disorder": "yes",
		"any_mental_disorder": "no", "severe_mental_disorder": "no"}
}

func TestWhatIfAgainstPredict(t *testing.T) {
	m := syntheticOxRec(t, "oxrec-nl-detained-general")
	before := oxrecCase()
	pb, err := m.Predict(before)
	if err != nil {
		t.Fatal(err)
	}
	changes := 0
	for age := 18; age <= 90; age += 4 {
		after := oxrecCase()
		after["age"] = strconv.Itoa(age)
		pa, err := m.Predict(after)
		if err != nil {
			t.Fatal(err)
		}
		r := scoring.WhatIf(m, before, after)
		wantChanged := []string{"age"}
		if age == 23 {
			wantChanged = nil
		}
		if len(r.Changed) != len(wantChanged) || (len(r.Changed) == 1 && r.Changed[0] != "age") {
			t.Errorf("age %d: changed %v, want %v", age, r.Changed, wantChanged)
		}
		for i, h := range pa.Horizons {
			want := 100 * (h.Probability - pb.Horizons[i].Probability)
			if got := r.DifferencePP[h.Label]; math.Abs(got-want) > 1e-12 {
				t.Errorf("age %d %s: WhatIf difference %v pp, want %v", age, h.Label, got, want)
			}
			changed := h.Band.ID != pb.Horizons[i].Band.ID
			if r.BandChanged[h.Label] != changed {
				t.Errorf("age %d %s: band changed %v, want %v (%s → %s)", age, h.Label,
					r.BandChanged[h.Label], changed, pb.Horizons[i].Band.ID, h.Band.ID)
			}
			if changed {
				changes++
			}
		}
	}
	if changes == 0 {
		t.Error("no age from 18 to 90 changes the band: the band comparison is untested")
	}
}

func TestWhatIfRefusedCase(t *testing.T) {
	m := builtin(t, "ogrs3")
	after := validOGRS3()
	after["previous_sanctions"] = "many"
	r := scoring.WhatIf(m, validOGRS3(), after)
	if r.Before.Error != "" || r.After.Error == "" || r.DifferencePP != nil ||
		len(r.Changed) != 1 || r.After.Errors[0].Field != "previous_sanctions" {
		t.Errorf("WhatIf(refused after) = %+v, want the after case refused, no difference", r)
	}
}

func TestSweepInputs(t *testing.T) {
	tests := []struct {
		model string
		want  []string // input:anchor:from:to
	}{
		{"ogrs3", []string{"previous_sanctions::0:500", "birth_date:assessment_date:10:90"}},
		{"rossi-cox", []string{"age::14:90", "prio::0:200"}},
	}
	for _, tt := range tests {
		m := builtin(t, tt.model)
		got := m.SweepInputs()
		if len(got) != len(tt.want) {
			t.Fatalf("%s SweepInputs() = %+v, want %v", tt.model, got, tt.want)
		}
		for i, s := range got {
			key := s.Input + ":" + s.Anchor + ":" + strconv.FormatFloat(s.From, 'g', -1, 64) +
				":" + strconv.FormatFloat(s.To, 'g', -1, 64)
			if key != tt.want[i] {
				t.Errorf("%s sweep %d = %s, want %s", tt.model, i, key, tt.want[i])
			}
			// Each proposed sweep is one SweepValues accepts for a valid case.
			c := validOGRS3()
			if tt.model != "ogrs3" {
				c = scoring.Case{"fin": "no", "age": "30", "wexp": "yes", "mar": "married",
					"paro": "yes", "prio": "2"}
			}
			values, _, err := m.SweepValues(c, s.Input, s.Anchor, s.From, s.To, s.Points)
			if err != nil || len(values) < 2 {
				t.Errorf("%s SweepValues(%+v) = %d values, %v", tt.model, s, len(values), err)
			}
		}
	}
	rossi := builtin(t, "rossi-cox").SweepInputs()
	if rossi[0].SampleTo == nil || *rossi[0].SampleTo != 44 || rossi[0].Points != 77 {
		t.Errorf("rossi age sweep = %+v, want the sample to end at 44, 77 points", rossi[0])
	}
}

// TestWhatIfChangedReadsValues writes the after case's values differently but the
// same as the model reads them: nothing has changed. One real change is still found.
func TestWhatIfChangedReadsValues(t *testing.T) {
	m := builtin(t, "ogrs3")
	after := validOGRS3()
	after["sex"], after["previous_sanctions"] = " male", "1.0"
	after["birth_date"] = after["birth_date"] + " "
	r := scoring.WhatIf(m, validOGRS3(), after)
	if len(r.Changed) != 0 || r.DifferencePP["2y"] != 0 {
		t.Errorf("the same case written differently: changed %v, difference %v", r.Changed,
			r.DifferencePP)
	}
	after["previous_sanctions"] = "2"
	if r := scoring.WhatIf(m, validOGRS3(), after); !slices.Equal(r.Changed,
		[]string{"previous_sanctions"}) {
		t.Errorf("one sanction more: changed %v, want previous_sanctions", r.Changed)
	}
}
