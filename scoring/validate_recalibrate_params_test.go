package scoring_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"spiegel/internal/testcohort"
	"spiegel/scoring"
)

// variantCohort is made-up follow-up data for the population of m (an OxRec-NL
// variant), with the detention length of each case, and events more frequent where m
// predicts a higher risk (so that a slope can be fitted).
func variantCohort(t *testing.T, m *scoring.Model) *scoring.Cohort {
	t.Helper()
	keep := testcohort.Detained
	if strings.Contains(m.ID(), "nondetained") {
		keep = func(model string) bool { return !testcohort.Detained(model) }
	}
	data, err := testcohort.OxRec(200, keep,
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

// TestRecalibratedParams recalibrates a detained and a not-detained variant (which
// does not read the detention length) bound to the synthetic parameter file, with
// and without a slope, and checks that the new file verifies, gives the recalibrated
// model's numbers for that variant and the old file's for the others, cites the
// recalibration and stays synthetic.
func TestRecalibratedParams(t *testing.T) {
	for _, id := range []string{"oxrec-nl-detained-general", "oxrec-nl-nondetained-general"} {
		t.Run(id, func(t *testing.T) { checkRecalibratedParams(t, id) })
	}
}

// checkRecalibratedParams is TestRecalibratedParams for one variant.
func checkRecalibratedParams(t *testing.T, id string) {
	cat, bound := syntheticCatalogs(t)
	var f scoring.ParameterFile
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &f); err != nil {
		t.Fatal(err)
	}
	m, err := bound.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, slope := range []bool{false, true} {
		rc, err := scoring.Recalibrate(m, variantCohort(t, m), scoring.RecalibrationOptions{
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

// TestRelabelledRecalibrationRefused relabels as not synthetic what a recalibration of
// a variant bound to the synthetic file wrote: the new parameter file and the new
// definition are refused, since they cite the synthetic training set (its source, or
// its SHA-256 in the recalibration's source), even with every value changed by a
// slope.
func TestRelabelledRecalibrationRefused(t *testing.T) {
	cat, bound := syntheticCatalogs(t)
	m, err := bound.Model("oxrec-nl-detained-general")
	if err != nil {
		t.Fatal(err)
	}
	rc, err := scoring.Recalibrate(m, variantCohort(t, m), scoring.RecalibrationOptions{
		ID: "recal", Date: "2026-12-04", Horizon: 1, Slope: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := scoring.RecalibratedParams(cat, rc)
	if err != nil {
		t.Fatal(err)
	}
	relabel := func(doc []byte, drop ...string) []byte {
		var tree map[string]any
		if err := json.Unmarshal(doc, &tree); err != nil {
			t.Fatal(err)
		}
		tree["synthetic"] = false
		for _, k := range drop {
			delete(tree, k)
		}
		out, err := json.Marshal(tree)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	_, err = scoring.VerifyParameters(cat, relabel(doc, "notice"), "")
	if scoring.Report("", nil, err).Code != "synthetic" {
		t.Errorf("relabelled recalibrated parameters: error %v, want a synthetic refusal", err)
	}
	// Every value of every variant changed: the fingerprint no longer matches, the
	// cited source still does.
	var tree map[string]any
	if err := json.Unmarshal(relabel(scoring.SyntheticOxRecParams, "notice"), &tree); err != nil {
		t.Fatal(err)
	}
	for _, v := range tree["variants"].([]any) {
		for _, c := range v.(map[string]any)["values"].(map[string]any) {
			c.(map[string]any)["value"] = c.(map[string]any)["value"].(float64) * 0.999
		}
	}
	changed, _ := json.Marshal(tree)
	_, err = scoring.VerifyParameters(cat, changed, "")
	if err == nil || !strings.Contains(err.Error(), `source "synthetic" is Spiegel's synthetic`) {
		t.Errorf("relabelled file with every value changed: error %v, want the cited source "+
			"named", err)
	}
	if _, err := scoring.Load(rc.Document); err != nil {
		t.Fatalf("the recalibrated definition as written: %v", err)
	}
	_, err = scoring.Load(relabel(rc.Document))
	if err == nil || !strings.Contains(err.Error(), "synthetic training set or cites it") {
		t.Errorf("relabelled recalibrated definition: error %v, want a synthetic refusal", err)
	}
}

// TestValidateRefusesOtherPopulation validates each general variant on data from both
// populations: the rows of the other population are refused with wrong_variant and
// listed, whether the variant reads the detention length or not.
func TestValidateRefusesOtherPopulation(t *testing.T) {
	_, bound := syntheticCatalogs(t)
	data, err := testcohort.OxRec(100, nil, testcohort.Varied)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"oxrec-nl-detained-general", "oxrec-nl-nondetained-general"} {
		m, err := bound.Model(id)
		if err != nil {
			t.Fatal(err)
		}
		c, err := scoring.ReadCohort(strings.NewReader(data),
			scoring.CohortSpec{Time: "years", Event: "event"})
		if err != nil {
			t.Fatal(err)
		}
		v, err := scoring.Validate(m, c, scoring.ValidationOptions{Horizon: 1})
		if err != nil {
			t.Fatal(err)
		}
		wrong := 0
		for _, b := range v.BadRows {
			if len(b.Errors) == 1 && b.Errors[0].Code == "wrong_variant" {
				wrong++
			}
		}
		if wrong == 0 || wrong != len(v.BadRows) || v.N+wrong != 100 {
			t.Errorf("%s: n %d, %d rows refused as the other population of %d bad; want "+
				"every row of the other population refused", id, v.N, wrong, len(v.BadRows))
		}
	}
}

// TestRelabelledCloseCopyRefused hides the synthetic origin more carefully: the
// citations are rewritten and no source names the synthetic file, and the parameter
// file's values are moved by a step too small for the golden cases to notice. The
// parameter file and a recalibrated model (baselines only, so most coefficients are
// the training numbers) are still refused.
func TestRelabelledCloseCopyRefused(t *testing.T) {
	cat, bound := syntheticCatalogs(t)
	scrub := func(doc []byte, shift bool) []byte {
		var tree map[string]any
		if err := json.Unmarshal(doc, &tree); err != nil {
			t.Fatal(err)
		}
		tree["synthetic"] = false
		delete(tree, "notice")
		for k, s := range tree["sources"].(map[string]any) {
			s.(map[string]any)["citation"] = "Organisation's own table " + k
			delete(s.(map[string]any), "note")
		}
		if vs, ok := tree["variants"].([]any); ok && shift {
			for _, v := range vs {
				for _, c := range v.(map[string]any)["values"].(map[string]any) {
					c.(map[string]any)["value"] = c.(map[string]any)["value"].(float64) * (1 + 1e-12)
				}
			}
		}
		out, err := json.Marshal(tree)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	_, err := scoring.VerifyParameters(cat, scrub(scoring.SyntheticOxRecParams, true), "")
	if scoring.Report("", nil, err).Code != "synthetic" {
		t.Errorf("shifted, rewritten synthetic parameters: error %v, want a synthetic refusal", err)
	}
	m, err := bound.Model("oxrec-nl-detained-general")
	if err != nil {
		t.Fatal(err)
	}
	rc, err := scoring.Recalibrate(m, variantCohort(t, m), scoring.RecalibrationOptions{
		ID: "recal", Date: "2026-12-04", Horizon: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = scoring.Load(scrub(rc.Document, false))
	if err == nil || !strings.Contains(err.Error(), "of Spiegel's synthetic training set") {
		t.Errorf("rewritten recalibrated model: error %v, want a synthetic refusal", err)
	}
}
