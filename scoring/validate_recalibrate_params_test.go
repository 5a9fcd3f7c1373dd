package scoring_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"spiegel/internal/testcohort"
	"spiegel/scoring"
)

// detainedCohort is made-up follow-up data for the detained variants, with events
// more frequent where m predicts a higher risk (so that a slope can be fitted).
func detainedCohort(t *testing.T, m *scoring.Model) *scoring.Cohort {
	t.Helper()
	data, err := testcohort.OxRec(200, testcohort.Detained,
		func(i int, c scoring.Case) (string, string) {
			p, err := m.Predict(onlyInputs(m, c))
			if err != nil {
				t.Fatal(err)
			}
			u := float64(i*37%100) / 100
			if u < 1.5*p.Horizons[0].Probability {
				return strconv.FormatFloat(0.05+0.9*u, 'f', -1, 64), "1"
			}
			return "2.5", "0"
		})
	if err != nil {
		t.Fatal(err)
	}
	c, err := scoring.ReadCohort(strings.NewReader(data),
		scoring.CohortSpec{Time: "years", Event: "event"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRecalibratedParams recalibrates a variant bound to the synthetic parameter
// file, with and without a slope, and checks that the new file verifies, gives the
// recalibrated model's numbers for that variant and the old file's for the others,
// cites the recalibration and stays synthetic.
func TestRecalibratedParams(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	if err != nil {
		t.Fatal(err)
	}
	var f scoring.ParameterFile
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &f); err != nil {
		t.Fatal(err)
	}
	bound := cat.WithParams(set)
	const id = "oxrec-nl-detained-general"
	m, err := bound.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, slope := range []bool{false, true} {
		rc, err := scoring.Recalibrate(m, detainedCohort(t, m), scoring.RecalibrationOptions{
			ID: id + "-recal", Date: "2026-12-04", Horizon: 1, Slope: slope})
		if err != nil {
			t.Fatal(err)
		}
		doc, newSet, err := scoring.RecalibratedParams(cat, rc)
		if err != nil {
			t.Fatalf("slope %v: RecalibratedParams: %v", slope, err)
		}
		var nf scoring.ParameterFile
		if err := json.Unmarshal(doc, &nf); err != nil {
			t.Fatal(err)
		}
		if !nf.Synthetic || nf.Issued != "2026-12-04" ||
			!strings.Contains(nf.Version, "recalibrated 2026-12-04") {
			t.Errorf("slope %v: header %q %q synthetic=%v, want synthetic, recalibrated and "+
				"dated", slope, nf.Version, nf.Issued, nf.Synthetic)
		}
		newBound := cat.WithParams(newSet)
		for _, g := range f.Golden {
			want := g.Expected
			nm, _ := newBound.Model(g.Model)
			if g.Model == id {
				p, err := rc.Model.Predict(g.Case)
				if err != nil {
					t.Fatal(err)
				}
				want = map[string]float64{}
				for _, h := range p.Horizons {
					want[h.Label] = h.Probability
				}
			}
			p, err := nm.Predict(onlyInputs(nm, g.Case))
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range p.Horizons {
				if h.Probability != want[h.Label] && !(g.Model != id && near(h.Probability,
					want[h.Label])) {
					t.Errorf("slope %v: %s %s %s = %.17g, want %.17g", slope, g.ID, g.Model,
						h.Label, h.Probability, want[h.Label])
				}
			}
		}
		checkRecalibratedValues(t, &f, &nf, id, slope)
	}
}

// checkRecalibratedValues checks that the recalibrated variant's baselines (and,
// with a slope, its coefficients) changed and cite a source naming the
// recalibration, and that no other variant's value changed.
func checkRecalibratedValues(t *testing.T, old, nf *scoring.ParameterFile, id string,
	slope bool) {
	t.Helper()
	for i, v := range nf.Variants {
		for name, c := range v.Values {
			was := old.Variants[i].Values[name]
			changed := c.Value != was.Value
			switch {
			case v.Model != id && (changed || c.Ref != was.Ref):
				t.Errorf("%s %s changed: %+v, was %+v", v.Model, name, c, was)
			case v.Model == id && strings.HasPrefix(name, "baseline") && !changed:
				t.Errorf("slope %v: %s %s not recalibrated", slope, v.Model, name)
			case v.Model == id && changed &&
				!strings.Contains(nf.Sources[c.Ref.Source].Citation, "Recalibrated"):
				t.Errorf("%s %s cites %q, want the recalibration", v.Model, name,
					nf.Sources[c.Ref.Source].Citation)
			case v.Model == id && slope && name == "sex_male" && !changed:
				t.Errorf("slope: %s %s not scaled", v.Model, name)
			}
		}
	}
}

// onlyInputs keeps the fields of c that m has as inputs.
func onlyInputs(m *scoring.Model, c scoring.Case) scoring.Case {
	out := scoring.Case{}
	for _, p := range m.Describe().Predictors {
		if v, ok := c[p.ID]; ok {
			out[p.ID] = v
		}
	}
	return out
}

// TestRecalibratedParamsNeedsAFile checks that a model not bound to a parameter file
// is refused with a reason.
func TestRecalibratedParamsNeedsAFile(t *testing.T) {
	for _, rv := range readRValidations(t) {
		if rv.Recalibration == nil || rv.Model != "rossi-cox" {
			continue
		}
		cat, _ := scoring.Builtin()
		_, _, err := scoring.RecalibratedParams(cat, recalibrated(t, rv, false))
		if err == nil || !strings.Contains(err.Error(), "not bound to a parameter file") {
			t.Errorf("RecalibratedParams(rossi-cox) error = %v, want not bound", err)
		}
		return
	}
	t.Skip("no Rossi validation reference in scoring/testdata")
}
