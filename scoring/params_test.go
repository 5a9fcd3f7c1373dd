package scoring_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"spiegel/scoring"
)

// verifySynthetic verifies a (possibly mutated) synthetic parameter file.
func verifySynthetic(t *testing.T, mutate func(f map[string]any), pin string) (*scoring.ParamSet, error) {
	t.Helper()
	var tree map[string]any
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &tree); err != nil {
		t.Fatal(err)
	}
	data := scoring.SyntheticOxRecParams
	if mutate != nil {
		mutate(tree)
		var err error
		if data, err = json.Marshal(tree); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return scoring.VerifyParameters(cat, data, pin)
}

// variant returns the variant block for a model in a parameter tree.
func variant(tree map[string]any, model string) map[string]any {
	for _, v := range tree["variants"].([]any) {
		if v.(map[string]any)["model"] == model {
			return v.(map[string]any)
		}
	}
	panic("no variant " + model)
}

func TestSyntheticParametersVerifyAndCompute(t *testing.T) {
	set, err := verifySynthetic(t, nil, "")
	if err != nil {
		t.Fatalf("VerifyParameters(synthetic) error: %v", err)
	}
	if !set.Synthetic || len(set.Models) != 4 || len(set.SHA256) != 64 {
		t.Fatalf("set = synthetic %v, %d models, sha %q", set.Synthetic, len(set.Models), set.SHA256)
	}
	if len(set.Warnings) != 0 {
		t.Errorf("synthetic signs follow the directions, yet warnings: %v", set.Warnings)
	}
	cat, _ := scoring.Builtin()
	bound := cat.WithParams(set)
	m, err := bound.Model("oxrec-nl-detained-general")
	if err != nil {
		t.Fatal(err)
	}
	c := scoring.Case{"sex": "male", "age": "30", "detention_months": "12",
		"violent_index_offence": "no", "previous_violent_crime": "yes", "never_married": "yes",
		"low_education": "no", "unemployed": "yes", "low_income": "no",
		"neighbourhood_decile": "5", "alcohol_use_disorder": "no", "drug_use_disorder": "yes",
		"any_mental_disorder": "no", "severe_mental_disorder": "no"}
	p, err := m.Predict(c)
	if err != nil {
		t.Fatal(err)
	}
	if p.Trust != scoring.TrustSynthetic || len(p.Horizons) != 2 || p.Horizons[0].Band == nil {
		t.Errorf("Predict = trust %q, horizons %v; want synthetic with bands", p.Trust, p.Horizons)
	}
	r := scoring.ScoreRecord(m, "x", c)
	d := m.Describe()
	if !d.Synthetic || !strings.Contains(d.Notice, "SYNTHETIC — NOT OxRec") ||
		d.ParamsSHA256 != set.SHA256 || !r.Synthetic || r.ParamsSHA256 != set.SHA256 {
		t.Errorf("Describe() = synthetic %v notice %q sha %q; record synthetic %v sha %q",
			d.Synthetic, d.Notice, d.ParamsSHA256, r.Synthetic, r.ParamsSHA256)
	}
}

func TestTemplatesRefuseToComputeWithoutParameters(t *testing.T) {
	m := builtin(t, "oxrec-nl-detained-general")
	_, err := m.Predict(scoring.Case{"sex": "male"})
	if !errors.Is(err, scoring.ErrNotComputable) || !strings.Contains(err.Error(), "Scientific Reports") {
		t.Errorf("Predict on a template error = %v, want ErrNotComputable naming the source", err)
	}
	if m.Trust() != scoring.TrustUnverified || m.Computable() {
		t.Errorf("template trust %q computable %v, want unverified, false", m.Trust(), m.Computable())
	}
}

func TestParameterFileGuards(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(map[string]any)
		want   string
	}{
		{"detained and not-detained values exchanged", func(f map[string]any) {
			d, n := variant(f, "oxrec-nl-detained-general"), variant(f, "oxrec-nl-nondetained-general")
			dv, nv := d["values"].(map[string]any), n["values"].(map[string]any)
			for k := range nv {
				dv[k], nv[k] = nv[k], dv[k]
			}
		}, "oxrec-nl-detained-general"},
		{"whole variant blocks exchanged with their golden cases", func(f map[string]any) {
			d, n := variant(f, "oxrec-nl-detained-violent"), variant(f, "oxrec-nl-nondetained-violent")
			d["model"], n["model"] = n["model"], d["model"]
			d["population"], n["population"] = n["population"], d["population"]
			for _, g := range f["golden"].([]any) {
				gm := g.(map[string]any)
				switch gm["model"] {
				case "oxrec-nl-detained-violent":
					gm["model"] = "oxrec-nl-nondetained-violent"
				case "oxrec-nl-nondetained-violent":
					gm["model"] = "oxrec-nl-detained-violent"
				}
			}
		}, "values.detention_months: not a value this model uses"},
		{"a not-detained golden case filed under the detained variant", func(f map[string]any) {
			for _, g := range f["golden"].([]any) {
				gm := g.(map[string]any)
				if gm["id"] == "nondetained-general-1" {
					gm["model"] = "oxrec-nl-detained-general"
				}
			}
		}, "the case is for the not_detained population (detained 5.9 months, less than 6"},
		{"drug parameter 0.571 typed as 0.512", func(f map[string]any) {
			v := variant(f, "oxrec-nl-detained-general")["values"].(map[string]any)
			v["drug_use_disorder"].(map[string]any)["value"] = 0.512
		}, "golden[0] (detained-general-1, oxrec-nl-detained-general): 1y probability"},
		{"a value missing", func(f map[string]any) {
			delete(variant(f, "oxrec-nl-detained-general")["values"].(map[string]any), "age")
		}, "values.age: missing"},
		{"an unknown value", func(f map[string]any) {
			v := variant(f, "oxrec-nl-detained-general")["values"].(map[string]any)
			v["migration"] = map[string]any{"value": 1.0,
				"ref": map[string]any{"source": "synthetic", "at": "x"}}
		}, "values.migration: not a value this model uses"},
		{"a value without source", func(f map[string]any) {
			v := variant(f, "oxrec-nl-detained-general")["values"].(map[string]any)
			delete(v["age"].(map[string]any), "ref")
		}, "number has no source"},
		{"baseline survival of 1", func(f map[string]any) {
			v := variant(f, "oxrec-nl-detained-general")["values"].(map[string]any)
			v["baseline_1y"].(map[string]any)["value"] = 1.0
		}, "is not in (0, 1)"},
		{"bands with a gap at zero", func(f map[string]any) {
			b := variant(f, "oxrec-nl-detained-general")["bands"].(map[string]any)
			b["1y"].([]any)[0].(map[string]any)["from"].(map[string]any)["value"] = 0.05
		}, "the first band starts at 0"},
		{"a variant missing", func(f map[string]any) {
			f["variants"] = f["variants"].([]any)[1:]
		}, "no values for oxrec-nl-detained-general"},
		{"no golden case for a variant", func(f map[string]any) {
			f["golden"] = f["golden"].([]any)[2:]
		}, "no golden case for oxrec-nl-detained-general"},
		{"a loose tolerance", func(f map[string]any) {
			f["golden"].([]any)[0].(map[string]any)["tolerance"] = 0.01
		}, "tolerance 0.01"},
		{"synthetic file without a notice", func(f map[string]any) { f["notice"] = "" },
			"a synthetic file must say so"},
		{"unknown field", func(f map[string]any) { f["signature"] = "x" }, `unknown field "signature"`},
		{"synthetic set relabelled: synthetic set to false", func(f map[string]any) {
			f["synthetic"] = false
		}, "the file says it is not synthetic, but variants[0] (oxrec-nl-detained-general) " +
			"carries 32 of its 32 values from Spiegel's synthetic training set"},
		{"synthetic set relabelled: flag, notice and issuer gone", func(f map[string]any) {
			delete(f, "synthetic")
			delete(f, "notice")
			f["issuer"] = "Reclassering Nederland"
		}, "made-up numbers cannot pass as OxRec"},
		{"synthetic set relabelled, one value changed", func(f map[string]any) {
			f["synthetic"] = false
			v := variant(f, "oxrec-nl-detained-general")["values"].(map[string]any)
			v["drug_use_disorder"].(map[string]any)["value"] = 0.6
		}, "carries 31 of its 32 values from Spiegel's synthetic training set"},
		{"synthetic set relabelled, variants renamed", func(f map[string]any) {
			f["synthetic"] = false
			d, n := variant(f, "oxrec-nl-detained-violent"), variant(f, "oxrec-nl-detained-general")
			d["model"], n["model"] = n["model"], d["model"]
		}, "variants[0] (oxrec-nl-detained-violent) carries 32 of its 32 values from " +
			"Spiegel's synthetic training set (oxrec-nl-detained-general"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := verifySynthetic(t, tt.mutate, "")
			if !errors.Is(err, scoring.ErrRefused) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("VerifyParameters error = %v, want a refusal containing %q", err, tt.want)
			}
		})
	}
}

func TestParameterFilePin(t *testing.T) {
	set, err := verifySynthetic(t, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := verifySynthetic(t, nil, strings.ToUpper(set.SHA256)); err != nil {
		t.Errorf("the pinned file itself is refused: %v", err)
	}
	// Any change, even one that still verifies (a longer issuer name), is refused.
	_, err = verifySynthetic(t, func(f map[string]any) { f["issuer"] = "someone else" }, set.SHA256)
	if !errors.Is(err, scoring.ErrRefused) || !strings.Contains(err.Error(), "pinned") {
		t.Errorf("changed file with a pin: error = %v, want a pin refusal", err)
	}
	// A pin that is not a SHA-256 at all is named as such.
	for _, pin := range []string{"abc", set.SHA256[:63] + "g", set.SHA256 + "0"} {
		_, err = verifySynthetic(t, nil, pin)
		if !errors.Is(err, scoring.ErrRefused) || !strings.Contains(err.Error(), "not a SHA-256") {
			t.Errorf("pin %q: error = %v, want it named as not a SHA-256", pin, err)
		}
	}
}

func TestSyntheticParametersAreMarkedEverywhere(t *testing.T) {
	data, err := os.ReadFile("params/oxrec-nl-synthetic.json")
	if err != nil || !bytes.Equal(data, scoring.SyntheticOxRecParams) {
		t.Fatalf("embedded synthetic file differs from params/: %v", err)
	}
	if !bytes.Contains(data, []byte("SYNTHETIC — NOT OxRec")) {
		t.Error("the synthetic file's notice does not say SYNTHETIC — NOT OxRec")
	}
}

// TestParameterFileRefusalCodes checks that each kind of refusal is named in the
// report's code, for a page to explain in its own language.
func TestParameterFileRefusalCodes(t *testing.T) {
	tests := []struct {
		code   string
		mutate func(map[string]any)
	}{
		{"parse", func(f map[string]any) { f["signature"] = "x" }},
		{"header", func(f map[string]any) { f["notice"] = "" }},
		{"structure", func(f map[string]any) { f["variants"] = f["variants"].([]any)[1:] }},
		{"golden", func(f map[string]any) {
			v := variant(f, "oxrec-nl-detained-general")["values"].(map[string]any)
			v["drug_use_disorder"].(map[string]any)["value"] = 0.512
		}},
		{"synthetic", func(f map[string]any) { f["synthetic"] = false }},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		_, err := verifySynthetic(t, tt.mutate, "")
		if got := scoring.Report("", nil, err).Code; got != tt.code {
			t.Errorf("refusal %v has code %q, want %q", err, got, tt.code)
		}
		seen[tt.code] = true
	}
	_, err := verifySynthetic(t, nil, strings.Repeat("0", 64))
	if got := scoring.Report("", nil, err).Code; got != "pin" {
		t.Errorf("pin refusal %v has code %q, want pin", err, got)
	}
	seen["pin"] = true
	for _, c := range scoring.RefusalCodes() {
		if !seen[c] {
			t.Errorf("code %q is not tested", c)
		}
	}
}
