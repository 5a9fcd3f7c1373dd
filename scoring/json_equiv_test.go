package scoring_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"spiegel/scoring"
)

// encodingJSON is what the JavaScript API sent before scoring.AppendJSON: an
// encoding/json Encoder without HTML escaping, less the final newline.
func encodingJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})
}

// sameJSON requires AppendJSON(v) to be byte for byte what encoding/json writes.
func sameJSON(t testing.TB, what string, v any) {
	t.Helper()
	got, err := scoring.AppendJSON(nil, v)
	if err != nil {
		t.Fatalf("%s: AppendJSON error: %v", what, err)
	}
	if want := encodingJSON(t, v); !bytes.Equal(got, want) {
		t.Fatalf("%s: AppendJSON =\n%s\nencoding/json =\n%s", what, got, want)
	}
}

// TestAppendJSONMatchesEncodingJSONOnReferenceCases writes every kind of result the
// JavaScript API returns, for every reference case and every built-in model, and
// compares each with encoding/json's bytes.
func TestAppendJSONMatchesEncodingJSONOnReferenceCases(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var summaries []scoring.Summary
	for _, m := range cat.Models() {
		summaries = append(summaries, m.Summarize())
		sameJSON(t, m.ID()+" describe", m.Describe())
		sameJSON(t, m.ID()+" numbers", m.Numbers())
		sameJSON(t, m.ID()+" refused", scoring.ScoreRecord(m, "x", scoring.Case{"age": "-1"}))
	}
	sameJSON(t, "models", summaries)

	ogrs3 := builtin(t, "ogrs3")
	var cases []scoring.Case
	for _, c := range ogrs3Reference(t) {
		in := c.input()
		cases = append(cases, in)
		sameJSON(t, "ogrs3 case", scoring.ScoreRecord(ogrs3, c.ID, in))
		sameJSON(t, "ogrs3 explain", scoring.ExplainCase(ogrs3, c.ID, in))
	}
	values, xs, err := ogrs3.SweepValues(cases[0], "sex", "", math.NaN(), math.NaN(), 0)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "sweep", ogrs3.Sweep(cases[0], "sex", values, xs))
	faulty, err := ogrs3.WithFault(scoring.Fault{Kind: scoring.FaultSwapLevels,
		Predictor: "sex", A: "male", B: "female"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "fault demo", scoring.FaultDemo(ogrs3, faulty, cases, nil, 0.01))

	for id, c := range rossiData(t) {
		for _, name := range []string{"rossi-cox", "rossi-cox-paroled", "rossi-cox-not-paroled"} {
			m := builtin(t, name)
			sameJSON(t, name+" "+id, scoring.ScoreRecord(m, id, only(m, c)))
			sameJSON(t, name+" explain "+id, scoring.ExplainCase(m, id, only(m, c)))
		}
	}

	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	sameJSON(t, "params report", scoring.Report("f.json", set, err))
	sameJSON(t, "params refused", scoring.Report("f.json", nil, scoring.ErrRefused))
	g, err := cat.Group("oxrec-nl")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "variant", g.ChooseVariant(scoring.Case{"detention_months": "7"}))
	sameJSON(t, "variant refused", g.ChooseVariant(scoring.Case{}))
}

// TestAppendJSONRefusesWhatEncodingJSONRefuses checks that a number JSON cannot hold
// is an error, as it is for encoding/json.
func TestAppendJSONRefusesWhatEncodingJSONRefuses(t *testing.T) {
	for _, x := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		r := scoring.Record{Model: "m", Probabilities: map[string]float64{"1y": x}}
		_, err := scoring.AppendJSON(nil, r)
		_, want := json.Marshal(r)
		if err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("AppendJSON(%v) error = %v, want %v", x, err, want)
		}
	}
	if _, err := scoring.AppendJSON(nil, 42); err == nil {
		t.Error("AppendJSON(42) = nil error, want one for an unsupported type")
	}
}
