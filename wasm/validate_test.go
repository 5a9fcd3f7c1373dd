package wasm

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
)

// rossiCSV is the project's derived copy of the Rossi data, with outcome columns for
// the binary measures (see scoring/testdata/validation).
var rossiCSV = filepath.Join("..", "scoring", "testdata", "validation", "rossi-derived.csv")

// readRossi returns the derived Rossi data.
func readRossi(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(rossiCSV)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// engineValidation validates directly with scoring, for the expected results.
func engineValidation(t *testing.T, cat *scoring.Catalog, id string, data []byte,
	spec scoring.CohortSpec, opt scoring.ValidationOptions) any {
	t.Helper()
	m, err := cat.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	c, err := scoring.ReadCohort(bytes.NewReader(data), spec)
	if err != nil {
		t.Fatal(err)
	}
	v, err := scoring.Validate(m, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(scoring.ValidationResult{File: "rossi.csv", Validation: *v})
	if err != nil {
		t.Fatal(err)
	}
	return decode[any](t, out)
}

func TestValidateSameAsEngine(t *testing.T) {
	cat, api := builtin(t)
	data := readRossi(t)
	tte := scoring.CohortSpec{Time: "week", Event: "arrest"}
	tests := []struct {
		name, opts string
		spec       scoring.CohortSpec
		opt        scoring.ValidationOptions
	}{
		{"follow-up at 52 weeks, by fin",
			`{"file": "rossi.csv", "model": "rossi-cox", "horizon": 52, "time": "week",
			"event": "arrest", "by": "fin"}`, tte,
			scoring.ValidationOptions{Horizon: 52, By: "fin"}},
		{"a horizon by label, quintiles of age",
			`{"file": "rossi.csv", "model": "rossi-cox", "horizon": "26w", "time": "week",
			"event": "arrest", "by": "age", "quintiles": true}`, tte,
			scoring.ValidationOptions{Horizon: 26, By: "age", Quintiles: true}},
		{"binary outcome",
			`{"file": "rossi.csv", "model": "rossi-cox", "horizon": "52",
			"outcome": "arrest52"}`,
			scoring.CohortSpec{Outcomes: map[float64]string{52: "arrest52"}},
			scoring.ValidationOptions{Horizon: 52}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[any](t, api.Validate(data, []byte(tt.opts)))
			want := engineValidation(t, cat, "rossi-cox", data, tt.spec, tt.opt)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Validate(%s) = %v, want %v", tt.opts, got, want)
			}
		})
	}
}

func TestValidateCompare(t *testing.T) {
	_, api := builtin(t)
	out := api.Validate(readRossi(t), []byte(`{"model": "rossi-cox", "horizon": 52,
		"time": "week", "event": "arrest", "compare": "rossi-cox-paroled"}`))
	got := decode[scoring.Comparison](t, out)
	if len(got.Models) != 2 || got.Models[0].Model != "rossi-cox" ||
		got.Models[1].Model != "rossi-cox-paroled" || got.Data.Used == 0 {
		t.Errorf("Validate(compare) = %s, want both models on the same rows", out)
	}
}

func TestValidateRefused(t *testing.T) {
	_, api := builtin(t)
	data := readRossi(t)
	tests := []struct{ name, csv, opts, want string }{
		{"not an object", "", `[1]`, "options"},
		{"a misspelt option", "", `{"model": "rossi-cox", "horizn": 52}`, "horizn"},
		{"no model", "", `{"horizon": 52, "time": "week", "event": "arrest"}`, "model"},
		{"an unknown model", "", `{"model": "nope", "horizon": 52, "time": "week",
			"event": "arrest"}`, "nope"},
		{"a horizon the model lacks", "", `{"model": "rossi-cox", "horizon": 60,
			"time": "week", "event": "arrest"}`, `horizon "60"`},
		{"a horizon of the wrong type", "", `{"model": "rossi-cox", "horizon": true,
			"time": "week", "event": "arrest"}`, "horizon"},
		{"no outcome", "", `{"model": "rossi-cox", "horizon": 52}`, "outcome"},
		{"both kinds of outcome", "", `{"model": "rossi-cox", "horizon": 52, "time": "week",
			"event": "arrest", "outcome": "arrest52"}`, "not both"},
		{"a missing column", "", `{"model": "rossi-cox", "horizon": 52, "time": "weeks",
			"event": "arrest"}`, `"weeks"`},
		{"empty data", "-", `{"model": "rossi-cox", "horizon": 52, "time": "week",
			"event": "arrest"}`, "empty"},
		{"a bad compare model", "", `{"model": "rossi-cox", "horizon": 52, "time": "week",
			"event": "arrest", "compare": "nope"}`, "compare"},
		{"a bad parameter file", "", `{"model": "oxrec-nl-detained-general", "horizon": 1,
			"time": "week", "event": "arrest", "params": "{}"}`, "refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := data
			if tt.csv == "-" {
				in = nil
			}
			r := decode[scoring.Record](t, api.Validate(in, []byte(tt.opts)))
			if r.Error == "" || !strings.Contains(r.Error, tt.want) {
				t.Errorf("Validate(%s) error = %q, want one naming %q", tt.opts, r.Error, tt.want)
			}
		})
	}
}

func TestValidateBadRowsListed(t *testing.T) {
	_, api := builtin(t)
	data := readRossi(t)
	lines := strings.SplitAfter(string(data), "\n")
	lines[3] = strings.Replace(lines[3], `"no"`, `"maybe"`, 1) // an unknown level, data row 3
	lines[5] = "\"x\",1\n"                                     // too few fields, data row 5
	out := api.Validate([]byte(strings.Join(lines, "")), []byte(`{"model": "rossi-cox",
		"horizon": 52, "time": "week", "event": "arrest"}`))
	v := decode[scoring.Validation](t, out)
	var rows []int
	for _, b := range v.BadRows {
		rows = append(rows, b.Row)
	}
	if !reflect.DeepEqual(rows, []int{3, 5}) || v.Data.Bad != 2 || v.N != v.Data.Rows-2 {
		t.Errorf("bad rows %v (data %+v, n %d), want rows 3 and 5 listed and left out",
			rows, v.Data, v.N)
	}
}

func TestRecalibrateLoadsBack(t *testing.T) {
	_, api := builtin(t)
	data := readRossi(t)
	opts := `{"model": "rossi-cox", "horizon": 52, "time": "week", "event": "arrest",
		"date": "2026-05-01", "slope": true}`
	out := api.Recalibrate(data, []byte(opts))
	r := decode[scoring.RecalibrationResult](t, out)
	if r.Model != "rossi-cox-recal-20260501" || r.Definition == "" || r.Golden == "" ||
		r.Slope == nil || r.FileName != r.Model+".json" {
		t.Fatalf("Recalibrate = %s, want a definition and golden cases", out)
	}
	tampered := strings.Replace(r.Definition, `"value": `, `"value": 1`, 1)
	if rep := decode[ModelReport](t, api.LoadModel([]byte(tampered), []byte(r.Golden))); rep.Passed {
		t.Errorf("LoadModel(tampered) = %+v, want a refusal", rep)
	}
	rep := decode[ModelReport](t, api.LoadModel([]byte(r.Definition), []byte(r.Golden)))
	if !rep.Passed || rep.Model != r.Model || rep.DefinitionSHA256 != r.DefinitionSHA256 {
		t.Fatalf("LoadModel = %+v, want a pass for %s", rep, r.Model)
	}
	v := decode[scoring.Validation](t, api.Validate(data, []byte(`{"model":
		"rossi-cox-recal-20260501", "horizon": 52, "time": "week", "event": "arrest"}`)))
	if v.Model != r.Model || !reflect.DeepEqual(v.Measures, r.Validation) {
		t.Errorf("Validate(loaded) = %+v, want the recalibration's measures %+v",
			v.Measures, r.Validation)
	}
}

func TestRecalibrateRefused(t *testing.T) {
	_, api := builtin(t)
	data := readRossi(t)
	r := decode[scoring.Record](t, api.Recalibrate(data, []byte(`{"model": "rossi-cox",
		"horizon": 52, "time": "week", "event": "arrest"}`)))
	if !strings.Contains(r.Error, "date") {
		t.Errorf("Recalibrate(no date) error = %q, want one naming the date", r.Error)
	}
	def, err := os.ReadFile(filepath.Join("..", "scoring", "models", "rossi-cox.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, golden := range []string{"", `{"format": "spiegel-golden/1"}`} {
		rep := decode[ModelReport](t, api.LoadModel(def, []byte(golden)))
		if rep.Passed || rep.Error == "" {
			t.Errorf("LoadModel(built-in, %q) = %+v, want a refusal", golden, rep)
		}
	}
}
