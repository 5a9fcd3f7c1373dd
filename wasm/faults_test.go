package wasm

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"spiegel/scoring"
)

// decodeJSON decodes an answer, failing on text that is not JSON.
func decodeJSON(t *testing.T, out []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("answer is not JSON (%v): %s", err, out)
	}
}

// faultResult is FaultResult's answer.
type faultResult struct {
	Model       string        `json:"model"`
	FaultyModel string        `json:"faulty_model"`
	Fault       scoring.Fault `json:"fault"`
	Points      float64       `json:"min_move_points"`
	Done        bool          `json:"done"`
	Synthetic   bool          `json:"synthetic"`
	Bad         []scoring.RowError
	scoring.FaultSummary
}

func TestFaultDemoInStepsMatchesEngine(t *testing.T) {
	cat, api := builtin(t)
	text := "id,sex,offence_group,previous_sanctions,birth_date,conviction_date," +
		"first_sanction_date,assessment_date\n" +
		"a,male,3,2,1990-01-01,2020-01-01,2008-01-01,2021-01-01\n" +
		"b,female,3,2,1990-01-01,2020-01-01,2008-01-01,2021-01-01\n" +
		"c,female,3\n" +
		"d,other,3,2,1990-01-01,2020-01-01,2008-01-01,2021-01-01\n"
	var pop struct {
		Format string             `json:"format"`
		Cases  int                `json:"cases"`
		Bad    []scoring.RowError `json:"bad"`
	}
	decodeJSON(t, api.LoadPopulation([]byte(text), ""), &pop)
	if pop.Format != "csv" || pop.Cases != 3 || len(pop.Bad) != 1 || pop.Bad[0].Row != 3 {
		t.Fatalf("LoadPopulation = %+v, want 3 cases and row 3 left out", pop)
	}

	f := scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex", A: "male", B: "female"}
	var prog struct{ Done, Total int }
	decodeJSON(t, api.FaultStart("ogrs3", f, 1), &prog)
	if prog.Done != 0 || prog.Total != 3 {
		t.Fatalf("FaultStart = %+v, want 0 of 3", prog)
	}
	decodeJSON(t, api.FaultStep(2), &prog)
	decodeJSON(t, api.FaultStep(2), &prog)
	if prog.Done != 3 {
		t.Fatalf("after two steps %+v, want 3 done", prog)
	}
	var got faultResult
	decodeJSON(t, api.FaultResult(), &got)

	m, _ := cat.Model("ogrs3")
	faulty, _ := m.WithFault(f, cat)
	p, _ := scoring.ReadPopulation([]byte(text), "")
	want := scoring.NewFaultRun(m, faulty, p, 0.01)
	want.Step(3)
	if !reflect.DeepEqual(got.FaultSummary, want.Summary()) {
		t.Errorf("FaultResult summary = %+v,\nengine %+v", got.FaultSummary, want.Summary())
	}
	if got.Model != "ogrs3" || got.FaultyModel != "ogrs3" || got.Fault != f || got.Points != 1 ||
		!got.Done || got.Synthetic || !reflect.DeepEqual(got.Bad, p.Bad) {
		t.Errorf("FaultResult header = %+v", got)
	}
	if got.Refused != 1 || got.Refusals[0].ID != "d" || got.Refusals[0].Row != 4 {
		t.Errorf("refusals = %+v, want case d of row 4", got.Refusals)
	}
}

func TestFaultDemoOutOfOrder(t *testing.T) {
	_, api := builtin(t)
	f := scoring.Fault{Kind: scoring.FaultSwapLevels, Predictor: "sex", A: "male", B: "female"}
	tests := []struct {
		phrase string
		out    []byte
		want   string
	}{
		{"step before start", api.FaultStep(1), "start a run"},
		{"result before start", api.FaultResult(), "start a run"},
		{"start before a population", api.FaultStart("ogrs3", f, 1), "population first"},
		{"negative move", api.FaultStart("ogrs3", f, -1), "0 or more"},
		{"NaN move", api.FaultStart("ogrs3", f, math.NaN()), "0 or more"},
		{"bad fault", api.FaultStart("ogrs3", scoring.Fault{Kind: "x"}, 1), "fault kind"},
		{"template", api.FaultStart("oxrec-nl-detained-general", scoring.Fault{
			Kind: scoring.FaultSwapModel, Model: "oxrec-nl-nondetained-general"}, 1),
			"cannot compute"},
		{"unknown model", api.SyntheticPopulation("nope", 10, 1), "nope"},
		{"bad file", api.LoadPopulation([]byte("a,a\n"), ""), "repeated"},
		{"too many", api.SyntheticPopulation("ogrs3", scoring.MaxPopulation+1, 1), "population size"},
	}
	for _, tt := range tests {
		var rec scoring.Record
		decodeJSON(t, tt.out, &rec)
		if !strings.Contains(rec.Error, tt.want) {
			t.Errorf("%s: error %q, want one naming %q", tt.phrase, rec.Error, tt.want)
		}
	}
}

func TestSyntheticPopulationAnswer(t *testing.T) {
	_, api := builtin(t)
	var got struct {
		Format    string `json:"format"`
		Synthetic bool   `json:"synthetic"`
		Cases     int    `json:"cases"`
		Spec      struct {
			ID            string `json:"id"`
			Note          string `json:"note"`
			Distributions []struct {
				Name       string `json:"name"`
				Source     string `json:"source"`
				Assumption bool   `json:"assumption"`
				Values     []struct {
					Value  string  `json:"value"`
					Weight float64 `json:"weight"`
					Share  float64 `json:"share"`
				} `json:"values"`
			} `json:"distributions"`
		} `json:"spec"`
	}
	decodeJSON(t, api.SyntheticPopulation("rossi-cox-paroled", 250, 9), &got)
	if !got.Synthetic || got.Format != "synthetic" || got.Cases != 250 || got.Spec.ID != "rossi-pair" {
		t.Fatalf("SyntheticPopulation = %+v", got)
	}
	spec, _ := scoring.PopulationSpecFor(mustModel(t, "rossi-cox-paroled"))
	for i, d := range got.Spec.Distributions {
		want := spec.Distributions[i]
		if d.Name != want.Name || d.Source != want.Source || d.Assumption != want.Assumption {
			t.Errorf("distribution %d = %+v, want %+v", i, d, want)
		}
		shares := want.Shares()
		for k, v := range d.Values {
			if v.Share != shares[k] {
				t.Errorf("%s value %s share %v, want %v", d.Name, v.Value, v.Share, shares[k])
			}
		}
	}
	var xs []scoring.Exchange
	decodeJSON(t, api.Exchanges("rossi-cox-paroled"), &xs)
	if len(xs) != 1 || xs[0].Fault.Model != "rossi-cox-not-paroled" || xs[0].BLabel == "" {
		t.Errorf("Exchanges(rossi-cox-paroled) = %+v", xs)
	}
	decodeJSON(t, api.ClearPopulation(), &struct{}{})
	var rec scoring.Record
	decodeJSON(t, api.FaultStart("rossi-cox-paroled", xs[0].Fault, 1), &rec)
	if rec.Error == "" {
		t.Error("a run started after the population was cleared")
	}
}

// mustModel returns a built-in model.
func mustModel(t *testing.T, id string) *scoring.Model {
	t.Helper()
	cat, _ := builtin(t)
	m, err := cat.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestParseTypedRefusesWhatTheEngineRefuses checks that a number typed in the fault
// demonstration is read as the engine reads inputs: hexadecimal, infinities and NaN
// are refused with the field named, a decimal is taken.
func TestParseTypedRefusesWhatTheEngineRefuses(t *testing.T) {
	for _, s := range []string{"0x1p-2", "Inf", "NaN", "1_000", "0,512", ""} {
		if _, err := parseTyped("value", s); err == nil || !strings.Contains(err.Error(), "value") {
			t.Errorf("parseTyped(%q) error = %v, want a refusal naming the field", s, err)
		}
	}
	if f, err := parseTyped("value", " 0.512 "); err != nil || f != 0.512 {
		t.Errorf("parseTyped(0.512) = %v, %v", f, err)
	}
}
