package wasm

import (
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
)

func TestExplain(t *testing.T) {
	cat, api := builtin(t)
	m, _ := cat.Model("ogrs3")
	got := decode[scoring.ExplainRecord](t, api.Explain("ogrs3", []byte(ogrs3Case)))
	want := decode[scoring.ExplainRecord](t,
		must(scoring.ExplainRecordJSON.Encode(scoring.ExplainCase(m, "w1", ogrs3Want))))
	if !reflect.DeepEqual(got, want) || len(got.Steps) != 4 {
		t.Errorf("Explain() = %+v, want %+v", got, want)
	}
	bad := decode[scoring.ExplainRecord](t, api.Explain("ogrs3", []byte(`{"sex": "x"}`)))
	if bad.Error == "" || len(bad.Steps) != 0 {
		t.Errorf("Explain(bad case) = %+v, want an error record", bad)
	}
}

func TestSweep(t *testing.T) {
	cat, api := builtin(t)
	m, _ := cat.Model("ogrs3")
	got := decode[[]scoring.SweepPoint](t, api.Sweep("ogrs3", []byte(ogrs3Case),
		[]byte(`{"input": "previous_sanctions", "from": 0, "to": 10}`)))
	values, xs, _ := m.SweepValues(ogrs3Want, "previous_sanctions", "", 0, 10, 0)
	want := m.Sweep(ogrs3Want, "previous_sanctions", values, xs)
	if !reflect.DeepEqual(got, want) || len(got) != 11 {
		t.Errorf("Sweep() = %+v, want %+v", got, want)
	}
	for _, req := range []string{`{"input": "nope"}`, `[1]`, `{"input": "previous_sanctions",
		"from": 5, "to": 1}`} {
		r := decode[scoring.Record](t, api.Sweep("ogrs3", []byte(ogrs3Case), []byte(req)))
		if r.Error == "" {
			t.Errorf("Sweep(%s) = %+v, want an error record", req, r)
		}
	}
}

func TestFaultDemoAndNumbers(t *testing.T) {
	_, api := builtin(t)
	numbers := decode[[]scoring.NamedNumber](t, api.Numbers("ogrs3"))
	if len(numbers) < 60 {
		t.Fatalf("Numbers(ogrs3) has %d numbers", len(numbers))
	}
	cases := "[" + ogrs3Case + `, {"sex": "female"}]`
	got := decode[scoring.FaultSummary](t, api.FaultDemo("ogrs3",
		[]byte(`{"kind": "swap_levels", "predictor": "sex", "a": "male", "b": "female"}`),
		[]byte(cases), 0.01))
	if got.Cases != 2 || got.Scored != 1 || got.Refused != 1 || len(got.Moved) != 2 ||
		got.Moved[0].ID != "w1" {
		t.Errorf("FaultDemo() = %+v, want one case scored and moved at both horizons", got)
	}
	r := decode[scoring.Record](t, api.FaultDemo("ogrs3", []byte(`{"kind": "typo"}`),
		[]byte(cases), 0.01))
	if !strings.Contains(r.Error, "typo") {
		t.Errorf("FaultDemo(unknown kind) = %+v, want an error naming it", r)
	}
}

func TestLoadParamsAndVariant(t *testing.T) {
	_, api := builtin(t)
	refused := decode[scoring.VerifyReport](t, api.LoadParams([]byte(`{"format": 1}`), ""))
	if refused.Passed || refused.Error == "" {
		t.Fatalf("LoadParams(bad) = %+v, want a refusal", refused)
	}
	r := decode[scoring.Record](t, api.Score("oxrec-nl-detained-general", []byte(`{}`)))
	if !strings.Contains(r.Error, "cannot compute") {
		t.Errorf("template before parameters: %+v, want cannot compute", r)
	}
	ok := decode[scoring.VerifyReport](t, api.LoadParams(api.SyntheticParams(), ""))
	if !ok.Passed || !ok.Synthetic || len(ok.Models) != 4 {
		t.Fatalf("LoadParams(synthetic) = %+v, want a pass", ok)
	}
	d := decode[scoring.Description](t, api.Describe("oxrec-nl-detained-general"))
	if !d.Computable || !d.Synthetic || d.ParamsSHA256 != ok.SHA256 {
		t.Errorf("Describe after loading = %+v, want computable, synthetic, the file's hash", d)
	}
	v := decode[scoring.VariantRecord](t, api.Variant("oxrec-nl", []byte(`{"detention_months": 6}`)))
	if v.Population != "detained" || v.Models["general"] != "oxrec-nl-detained-general" {
		t.Errorf("Variant(6 months) = %+v, want detained", v)
	}
	api.ClearParams()
	d = decode[scoring.Description](t, api.Describe("oxrec-nl-detained-general"))
	if d.Computable {
		t.Error("ClearParams left the template computable")
	}
}

// TestVariantRuleAtTheAPI checks that score, scoreMany and explain refuse a case
// whose detention length contradicts the variant asked for, and that
// compareVariants still shows every variant, labelled.
func TestVariantRuleAtTheAPI(t *testing.T) {
	_, api := builtin(t)
	if ok := decode[scoring.VerifyReport](t, api.LoadParams(api.SyntheticParams(), "")); !ok.Passed {
		t.Fatalf("LoadParams(synthetic) = %+v", ok)
	}
	c := []byte(`{"sex": "male", "age": 30, "detention_months": 3, "violent_index_offence": "no",
		"previous_violent_crime": "yes", "never_married": "yes", "low_education": "no",
		"unemployed": "yes", "low_income": "no", "neighbourhood_decile": 5,
		"alcohol_use_disorder": "no", "drug_use_disorder": "yes", "any_mental_disorder": "no",
		"severe_mental_disorder": "no"}`)
	const id = "oxrec-nl-detained-general"
	many := decode[[]scoring.Record](t, api.ScoreMany(id, append(append([]byte("["), c...), ']')))
	records := map[string]scoring.Record{
		"score":     decode[scoring.Record](t, api.Score(id, c)),
		"scoreMany": many[0],
		"explain":   decode[scoring.ExplainRecord](t, api.Explain(id, c)).Record,
	}
	for entry, r := range records {
		if len(r.Errors) != 1 || r.Errors[0].Field != "detention_months" || r.Errors[0].Value != "3" ||
			!strings.Contains(r.Errors[0].Message, "detained 3 months, less than 6: not_detained") {
			t.Errorf("%s(%s, 3 months) = %+v, want detention_months refused by the rule", entry,
				id, r.Errors)
		}
	}
	cmp := decode[scoring.VariantComparison](t, api.CompareVariants("oxrec-nl", c))
	if cmp.Population != "not_detained" || len(cmp.Variants) != 4 {
		t.Fatalf("CompareVariants(3 months) = %+v", cmp)
	}
	for _, v := range cmp.Variants {
		if v.Record.Error != "" || v.Applies != (v.Population == "not_detained") {
			t.Errorf("CompareVariants variant %+v, want a result labelled by the rule", v)
		}
	}
	api.ClearParams()
	d := decode[scoring.Description](t, api.Describe("oxrec-nl-detained-general"))
	if d.Computable {
		t.Error("ClearParams left the template computable")
	}
}

// TestSweepRefusesWrongVariantCase checks that a sweep of a case that the detained
// variant refuses (3 months) is refused like score, not drawn.
func TestSweepRefusesWrongVariantCase(t *testing.T) {
	_, api := builtin(t)
	decode[scoring.VerifyReport](t, api.LoadParams(scoring.SyntheticOxRecParams, ""))
	c := `{"sex": "male", "age": "30", "detention_months": "3", "violent_index_offence": "no",
		"previous_violent_crime": "no", "never_married": "no", "low_education": "no",
		"unemployed": "no", "low_income": "no", "neighbourhood_decile": "5",
		"alcohol_use_disorder": "no", "drug_use_disorder": "no", "any_mental_disorder": "no",
		"severe_mental_disorder": "no"}`
	r := decode[scoring.Record](t, api.Sweep("oxrec-nl-detained-general", []byte(c),
		[]byte(`{"input": "age"}`)))
	if len(r.Errors) != 1 || r.Errors[0].Code != "wrong_variant" {
		t.Errorf("Sweep(3 months, detained) = %+v, want the wrong_variant refusal", r)
	}
}
