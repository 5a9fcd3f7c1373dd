//go:build e2e

package e2e

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"testing"

	"spiegel/scoring"
)

// referenceTolerance is the agreement required with independent reference values
// (DOMAIN.md §4: 1e-9 or better), for every probability of every reference case.
const referenceTolerance = 1e-9

// scoreMany scores cases with window.spiegel.scoreMany in the page and returns the
// records, decoded into scoring.Record.
func scoreMany(t *testing.T, p *testPage, model string, cases []map[string]any) []scoring.Record {
	t.Helper()
	got := p.evalJS(t, `([id, cases]) => window.spiegel.scoreMany(id, cases)`,
		[]any{model, cases})
	data, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("scoreMany(%s): encode result: %v", model, err)
	}
	var recs []scoring.Record
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatalf("scoreMany(%s) = %s: %v", model, data, err)
	}
	if len(recs) != len(cases) {
		t.Fatalf("scoreMany(%s) returned %d records for %d cases", model, len(recs), len(cases))
	}
	return recs
}

// checkProbability reports a record whose probability at horizon differs from want
// by more than referenceTolerance.
func checkProbability(t *testing.T, rec scoring.Record, horizon string, want float64) {
	t.Helper()
	if rec.Error != "" {
		t.Errorf("case %s: refused: %s", rec.ID, rec.Error)
		return
	}
	got, ok := rec.Probabilities[horizon]
	if !ok || math.Abs(got-want) > referenceTolerance {
		t.Errorf("case %s: page %s probability = %v, want %v (|Δ| = %.3g)",
			rec.ID, horizon, got, want, math.Abs(got-want))
	}
}

// TestOGRS3ReferenceCasesInPage scores every OGRS3 reference case through the
// page's engine and compares both horizons with the expected values.
func TestOGRS3ReferenceCasesInPage(t *testing.T) {
	data, err := os.ReadFile(sharedPath(t, "ogrs3/cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatalf("ogrs3/cases.json: %v", err)
	}
	if len(rows) < 100 {
		t.Fatalf("ogrs3/cases.json has %d cases, want at least 100", len(rows))
	}
	cases := make([]map[string]any, len(rows))
	for i, r := range rows {
		cases[i] = map[string]any{}
		for _, k := range []string{"id", "sex", "offence_group", "previous_sanctions",
			"birth_date", "conviction_date", "first_sanction_date", "assessment_date"} {
			cases[i][k] = r[k]
		}
	}

	p := newPage(t)
	recs := scoreMany(t, p, "ogrs3", cases)
	for i, rec := range recs {
		if rec.ID != rows[i]["id"] {
			t.Fatalf("record %d has id %q, want %q", i, rec.ID, rows[i]["id"])
		}
		checkProbability(t, rec, "1y", rows[i]["expected_year1"].(float64))
		checkProbability(t, rec, "2y", rows[i]["expected_year2"].(float64))
	}
	t.Logf("%d OGRS3 reference cases agree within %g", len(recs), referenceTolerance)
}

// rossiFits pairs each fit in rossi/reference.json with the built-in model fitted
// the same way.
var rossiFits = []struct{ fit, model string }{
	{"full", "rossi-cox"},
	{"paroled", "rossi-cox-paroled"},
	{"not_paroled", "rossi-cox-not-paroled"},
}

// rossiPrediction is one subject's predictions in rossi/reference.json.
type rossiPrediction struct {
	ID     string  `json:"id"`
	Risk26 float64 `json:"risk26"`
	Risk52 float64 `json:"risk52"`
}

// TestRossiReferenceInPage scores the subjects predicted by R's survival package
// through the page's engine, with each model's inputs taken from rossi.csv, and
// compares the 26- and 52-week risks.
func TestRossiReferenceInPage(t *testing.T) {
	var ref map[string]json.RawMessage
	data, err := os.ReadFile(sharedPath(t, "rossi/reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("rossi/reference.json: %v", err)
	}
	subjects := readRossi(t, sharedPath(t, "rossi/rossi.csv"))

	p := newPage(t)
	for _, rf := range rossiFits {
		fit, model := rf.fit, rf.model
		t.Run(model, func(t *testing.T) {
			var f struct {
				Predictions []rossiPrediction `json:"predictions"`
			}
			if err := json.Unmarshal(ref[fit], &f); err != nil || len(f.Predictions) == 0 {
				t.Fatalf("reference.json has no predictions for %q (%v)", fit, err)
			}
			preds := f.Predictions
			_, d := builtinModel(t, model)
			cases := make([]map[string]any, len(preds))
			for i, pr := range preds {
				cases[i] = rossiCase(t, d, subjects, pr.ID)
			}
			for i, rec := range scoreMany(t, p, model, cases) {
				checkProbability(t, rec, "26w", preds[i].Risk26)
				checkProbability(t, rec, "52w", preds[i].Risk52)
			}
			t.Logf("%d %s predictions agree within %g", len(preds), fit, referenceTolerance)
		})
	}
}

// rossiCase is subject id's case for a model: its id and the columns named after
// the model's predictors.
func rossiCase(t *testing.T, d scoring.Description, subjects map[string]map[string]string,
	id string) map[string]any {
	t.Helper()
	row, ok := subjects[id]
	if !ok {
		t.Fatalf("subject %q not in rossi.csv", id)
	}
	c := map[string]any{"id": id}
	for _, p := range d.Predictors {
		v, ok := row[p.ID]
		if !ok {
			t.Fatalf("rossi.csv has no column %q for model %s", p.ID, d.ID)
		}
		c[p.ID] = v
	}
	return c
}

// readRossi reads rossi.csv into a map from subject id to column values.
func readRossi(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("read %s: %v (%d rows)", path, err, len(rows))
	}
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, col := range rows[0] {
			m[col] = r[i]
		}
		out[m["id"]] = m
	}
	return out
}
