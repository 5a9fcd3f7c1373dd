package wasm

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
)

// ogrs3Case is a made-up OGRS3 case; ogrs3Want is the same case as scoring.Case. The
// expected results are always computed by scoring, never written down.
const ogrs3Case = `{"id": "w1", "sex": "male", "offence_group": "8", "previous_sanctions": 4,
	"birth_date": "1990-05-17", "first_sanction_date": "2006-02-01",
	"conviction_date": "2023-09-12", "assessment_date": "2024-01-15"}`

var ogrs3Want = scoring.Case{"sex": "male", "offence_group": "8", "previous_sanctions": "4",
	"birth_date": "1990-05-17", "first_sanction_date": "2006-02-01",
	"conviction_date": "2023-09-12", "assessment_date": "2024-01-15"}

// builtin returns the built-in catalog and an API over it.
func builtin(t *testing.T) (*scoring.Catalog, *API) {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatalf("scoring.Builtin() error: %v", err)
	}
	return cat, New(cat)
}

// wantRecord scores c with the model directly, checking that it is a scored case.
func wantRecord(t *testing.T, cat *scoring.Catalog, model, id string,
	c scoring.Case) scoring.Record {
	t.Helper()
	m, err := cat.Model(model)
	if err != nil {
		t.Fatal(err)
	}
	r := scoring.ScoreRecord(m, id, c)
	if r.Error != "" || len(r.Probabilities) == 0 {
		t.Fatalf("ScoreRecord(%v) = %+v, want a scored case", c, r)
	}
	return r
}

// decode unmarshals JSON output into v.
func decode[T any](t *testing.T, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("output %s: %v", data, err)
	}
	return v
}

// must returns data, failing the test run on err.
func must(data []byte, err error) []byte {
	if err != nil {
		panic("encode: " + err.Error())
	}
	return data
}

// checkError checks that r is an error record for model whose message contains want.
func checkError(t *testing.T, r scoring.Record, model, want string) {
	t.Helper()
	if r.Model != model || !strings.Contains(r.Error, want) || len(r.Errors) == 0 ||
		r.Probabilities != nil {
		t.Errorf("record = %+v, want an error record for %q containing %q", r, model, want)
	}
}

func TestModels(t *testing.T) {
	cat, api := builtin(t)
	got := decode[[]scoring.Summary](t, api.Models())
	models := cat.Models()
	if len(got) != len(models) {
		t.Fatalf("Models() has %d entries, want %d", len(got), len(models))
	}
	for i, m := range models {
		if want := m.Summarize(); got[i] != want {
			t.Errorf("Models()[%d] = %+v, want %+v", i, got[i], want)
		}
	}
}

func TestModelsFieldsAlwaysPresent(t *testing.T) {
	_, api := builtin(t)
	for _, m := range decode[[]map[string]any](t, api.Models()) {
		for _, k := range []string{"id", "name", "version", "family", "trust", "synthetic",
			"notice"} {
			if _, ok := m[k]; !ok {
				t.Errorf("Models() entry %v has no %q", m["id"], k)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	cat, api := builtin(t)
	m, _ := cat.Model("ogrs3")
	want, err := json.Marshal(m.Describe())
	if err != nil {
		t.Fatal(err)
	}
	got := decode[any](t, api.Describe("ogrs3"))
	if !reflect.DeepEqual(got, decode[any](t, want)) {
		t.Errorf("Describe(ogrs3) = %v, want %s", got, want)
	}
}

func TestDescribeUnknown(t *testing.T) {
	_, api := builtin(t)
	got := decode[scoring.Record](t, api.Describe("nope"))
	checkError(t, got, "nope", `"nope"`)
	if !strings.Contains(got.Errors[0].Message, "unknown model") {
		t.Errorf("Describe(nope).errors = %+v, want the unknown-model message", got.Errors)
	}
}

func TestScore(t *testing.T) {
	cat, api := builtin(t)
	got := decode[scoring.Record](t, api.Score("ogrs3", []byte(ogrs3Case)))
	want := wantRecord(t, cat, "ogrs3", "w1", ogrs3Want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Score(ogrs3, w1) = %+v, want %+v", got, want)
	}
}

func TestScoreRefused(t *testing.T) {
	tests := []struct {
		name, model, caseJSON, want string
	}{
		{"unknown model", "nope", ogrs3Case, "unknown model"},
		{"truncated JSON", "ogrs3", `{"sex": "male"`, "case:"},
		{"not an object", "ogrs3", `[1, 2]`, "not a JSON object"},
		{"empty input", "ogrs3", ``, "case:"},
		{"duplicate key", "ogrs3", `{"sex": "male", "sex": "female"}`, "duplicate key"},
		{"object value", "ogrs3", `{"sex": {"x": 1}}`, "sex"},
	}
	_, api := builtin(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[scoring.Record](t, api.Score(tt.model, []byte(tt.caseJSON)))
			checkError(t, got, tt.model, tt.want)
		})
	}
}

func TestScoreFieldErrors(t *testing.T) {
	_, api := builtin(t)
	c := strings.Replace(ogrs3Case, `"1990-05-17"`, `"1990-13-45"`, 1)
	c = strings.Replace(c, `"sex": "male", `, "", 1)
	got := decode[scoring.Record](t, api.Score("ogrs3", []byte(c)))
	checkError(t, got, "ogrs3", "birth_date")
	if got.ID != "w1" {
		t.Errorf("refused record id = %q, want %q", got.ID, "w1")
	}
	fields := map[string]string{}
	for _, e := range got.Errors {
		fields[e.Field] = e.Value
	}
	want := map[string]string{"sex": "", "birth_date": "1990-13-45"}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("refused fields = %v, want %v (errors %+v)", fields, want, got.Errors)
	}
}

func TestScoreMany(t *testing.T) {
	cat, api := builtin(t)
	second := strings.Replace(ogrs3Case, `"w1"`, `"w2"`, 1)
	second = strings.Replace(second, `"male"`, `"female"`, 1)
	missing := `{"id": "w3", "sex": "male"}`
	in := "[" + ogrs3Case + `, 42, {"sex": true},` + missing + "," + second + "]"
	got := decode[[]scoring.Record](t, api.ScoreMany("ogrs3", []byte(in)))
	if len(got) != 5 {
		t.Fatalf("ScoreMany gave %d records, want 5: %+v", len(got), got)
	}

	female := scoring.Case{}
	for k, v := range ogrs3Want {
		female[k] = v
	}
	female["sex"] = "female"
	if want := wantRecord(t, cat, "ogrs3", "w1", ogrs3Want); !reflect.DeepEqual(got[0], want) {
		t.Errorf("ScoreMany[0] = %+v, want %+v", got[0], want)
	}
	checkError(t, got[1], "ogrs3", "cases[1]: case: not a JSON object")
	checkError(t, got[2], "ogrs3", `cases[2]: sex "true": not a string or number`)
	checkError(t, got[3], "ogrs3", "birth_date: missing")
	if want := wantRecord(t, cat, "ogrs3", "w2", female); !reflect.DeepEqual(got[4], want) {
		t.Errorf("ScoreMany[4] = %+v, want %+v", got[4], want)
	}
}

func TestScoreManyWholeInputRefused(t *testing.T) {
	tests := []struct {
		name, model, in, want string
	}{
		{"an object", "ogrs3", ogrs3Case, "not a JSON array"},
		{"empty input", "ogrs3", "", "not a JSON array"},
		{"unknown model", "nope", "[" + ogrs3Case + "]", "unknown model"},
		{"broken array", "ogrs3", `[{"sex": "male"}, {"sex"`, "cases[1]"},
		{"unclosed array", "ogrs3", `[{"sex": "male"}`, "cases"},
		{"trailing data", "ogrs3", `[] []`, "after the array"},
		{"too many cases", "ogrs3", "[" + strings.Repeat("{},", MaxCases) + "{}]",
			"more than 200000"},
	}
	_, api := builtin(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode[[]scoring.Record](t, api.ScoreMany(tt.model, []byte(tt.in)))
			if len(got) != 1 {
				t.Fatalf("ScoreMany(%.40q) gave %d records, want 1", tt.in, len(got))
			}
			checkError(t, got[0], tt.model, tt.want)
		})
	}
}

func TestScoreManyEmpty(t *testing.T) {
	_, api := builtin(t)
	if got := string(api.ScoreMany("ogrs3", []byte(" [ ] "))); got != "[]" {
		t.Errorf("ScoreMany([]) = %s, want []", got)
	}
}

func TestUnavailable(t *testing.T) {
	for name, api := range map[string]*API{
		"Unavailable": Unavailable(errors.New("load built-in models: broken")),
		"New(nil)":    New(nil),
	} {
		t.Run(name, func(t *testing.T) {
			checkError(t, decode[scoring.Record](t, api.Models()), "", "")
			checkError(t, decode[scoring.Record](t, api.Describe("ogrs3")), "ogrs3", "")
			checkError(t, decode[scoring.Record](t, api.Score("ogrs3", []byte(ogrs3Case))),
				"ogrs3", "")
			many := decode[[]scoring.Record](t, api.ScoreMany("ogrs3", []byte("[]")))
			if len(many) != 1 {
				t.Fatalf("ScoreMany gave %d records, want 1", len(many))
			}
			checkError(t, many[0], "ogrs3", "")
		})
	}
}

// TestRecoverInto provokes the panic that no method of API should reach and checks
// that it becomes an error record of the method's shape.
func TestRecoverInto(t *testing.T) {
	panicking := func(fail failure) (out []byte) {
		defer recoverInto(&out, fail, "ogrs3")
		var m map[string]int
		m["boom"] = 1
		return nil
	}
	checkError(t, decode[scoring.Record](t, panicking(errorObject)), "ogrs3",
		"internal error: assignment to entry in nil map")
	many := decode[[]scoring.Record](t, panicking(errorArray))
	if len(many) != 1 {
		t.Fatalf("recovered ScoreMany gave %d records, want 1", len(many))
	}
	checkError(t, many[0], "ogrs3", "internal error")
}

func TestNoHTMLEscaping(t *testing.T) {
	_, api := builtin(t)
	if got := string(api.Describe("ogrs3")); !strings.Contains(got, "Taking & driving") {
		t.Errorf("Describe(ogrs3) escapes HTML characters in labels")
	}
}

// TestHugeIDNotEchoed asks for a model with a 1 MB id: the error says so without
// repeating the id whole.
func TestHugeIDNotEchoed(t *testing.T) {
	_, api := builtin(t)
	out := api.Describe(strings.Repeat("x", 1<<20))
	if len(out) > 1000 || !strings.Contains(string(out), "unknown model") {
		t.Errorf("Describe(huge id) = %d bytes (%.100s…), want a short unknown-model error",
			len(out), out)
	}
}
