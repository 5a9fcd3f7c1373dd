package scoring_test

import (
	"errors"
	"strings"
	"testing"

	"spiegel/scoring"
)

// item returns element i of the list under key in a definition tree.
func item(tree map[string]any, key string, i int) map[string]any {
	return tree[key].([]any)[i].(map[string]any)
}

func TestLoadRefusesBadDefinitions(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(map[string]any)
		want   string
	}{
		{"wrong format tag", func(d map[string]any) { d["format"] = "x/9" }, "format"},
		{"id with spaces", func(d map[string]any) { d["id"] = "OGRS 3" }, "id"},
		{"unknown family", func(d map[string]any) { d["family"] = "probit" }, "family"},
		{"unknown field", func(d map[string]any) { d["colour"] = "red" }, `unknown field "colour"`},
		{"coefficient without source", func(d map[string]any) {
			delete(item(d, "terms", 3)["beta"].(map[string]any), "ref")
		}, "terms[3].beta.ref: number has no source"},
		{"reference to an unknown source", func(d map[string]any) {
			item(d, "terms", 3)["beta"].(map[string]any)["ref"] =
				map[string]any{"source": "blog", "at": "x"}
		}, `source "blog": unknown source`},
		{"table missing a cell", func(d map[string]any) {
			term := item(d, "terms", 1)
			term["table"] = term["table"].([]any)[1:]
		}, `terms[1].table: invalid definition: no value for "0"`},
		{"table cell given twice", func(d map[string]any) {
			item(item(d, "terms", 1), "table", 1)["key"] = []any{"0"}
		}, `"0" is given twice`},
		{"cell key not a level", func(d map[string]any) {
			item(item(d, "terms", 1), "table", 1)["key"] = []any{"99"}
		}, `"99" is not a level of offence_group`},
		{"linear term on a date", func(d map[string]any) {
			item(d, "terms", 3)["input"] = "birth_date"
		}, "is a date value, want number"},
		{"unknown derivation", func(d map[string]any) {
			item(d, "derived", 0)["derivation"] = "eval"
		}, `"eval" is not a known derivation`},
		{"group bounds not ascending", func(d map[string]any) {
			b := item(item(d, "derived", 4), "bounds", 3)
			b["value"] = 5.0
		}, "bounds must ascend"},
		{"derived maximum below its minimum", func(d map[string]any) {
			item(d, "derived", 0)["max"].(map[string]any)["value"] = 5.0
		}, "derived[0].max: invalid definition: 5 is not above the minimum 10"},
		{"derived maximum without source", func(d map[string]any) {
			delete(item(d, "derived", 0)["max"].(map[string]any), "ref")
		}, "derived[0].max.ref: number has no source"},
		{"logistic horizon without intercept", func(d map[string]any) {
			delete(item(d, "horizons", 0), "intercept")
		}, "a logistic horizon has an intercept only"},
		{"bands not starting at zero", func(d map[string]any) {
			item(d, "horizons", 0)["bands"] = []any{band("low", 0.1), band("high", 0.5)}
		}, "the first band starts at 0"},
		{"bands not ascending", func(d map[string]any) {
			item(d, "horizons", 0)["bands"] = []any{band("low", 0), band("high", 0)}
		}, "bands must ascend"},
		{"duplicate predictor", func(d map[string]any) {
			item(d, "predictors", 1)["id"] = "sex"
		}, `"sex" is used twice`},
		{"a number too large for float64", func(d map[string]any) {
			item(d, "terms", 3)["beta"].(map[string]any)["value"] = "1e999"
		}, "terms.beta.value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := builtinDefinition(t, "ogrs3")
			tt.mutate(tree)
			_, err := loadTree(t, tree)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load() error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// band builds a band tree starting at from.
func band(id string, from float64) map[string]any {
	return map[string]any{"id": id, "label": id,
		"from": map[string]any{"value": from, "ref": map[string]any{"source": "rsr", "at": "x"}}}
}

func TestLoadRefusesMalformedDocuments(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"empty", ``, "unexpected EOF"},
		{"not an object", `[1, 2]`, "document: array is not a valid"},
		{"duplicate key", `{"id": "a", "id": "b"}`, "$.id: duplicate key"},
		{"trailing data", `{"format": "spiegel-model/1"} {}`, "after the JSON document"},
		{"deep nesting", strings.Repeat("[", 100) + strings.Repeat("]", 100), "nested deeper"},
		{"wrong type", `{"predictors": "sex"}`, "predictors"},
	}
	for _, tt := range tests {
		_, err := scoring.Load([]byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load() error = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestBuiltinDefinitionsValidate(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ogrs3": scoring.TrustVerified, "rossi-cox": scoring.TrustVerified,
		"rossi-cox-not-paroled": scoring.TrustVerified, "rossi-cox-paroled": scoring.TrustVerified,
		"oxrec-nl-detained-general":    scoring.TrustUnverified,
		"oxrec-nl-detained-violent":    scoring.TrustUnverified,
		"oxrec-nl-nondetained-general": scoring.TrustUnverified,
		"oxrec-nl-nondetained-violent": scoring.TrustUnverified,
	}
	models := cat.Models()
	if len(models) != len(want) {
		t.Fatalf("Builtin() has %d models, want %d", len(models), len(want))
	}
	for _, m := range models {
		def := m.Definition()
		if m.Trust() != want[m.ID()] || def.Validate() != nil {
			t.Errorf("model %s: trust %q, validate %v; want trust %q", m.ID(), m.Trust(),
				def.Validate(), want[m.ID()])
		}
	}
	if _, err := cat.Model("oxrec"); !errors.Is(err, scoring.ErrUnknownModel) {
		t.Errorf("Model(oxrec) error = %v, want ErrUnknownModel", err)
	}
}
