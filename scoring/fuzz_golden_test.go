package scoring_test

import (
	"encoding/json"
	"math"
	"testing"

	"spiegel/scoring"
)

// FuzzVerifyGolden feeds arbitrary bytes to VerifyGolden, the parser of the golden
// cases that come with a recalibrated definition (spiegel validate -recalibrate), for
// the Rossi Cox model. It must never panic, and a document it accepts must be, read
// independently with encoding/json, one for this model whose every case the model
// reproduces within the case's tolerance, at most MaxGoldenTolerance.
func FuzzVerifyGolden(f *testing.F) {
	m := builtin(f, "rossi-cox")
	f.Add(goldenSeed(f, m))
	f.Fuzz(func(t *testing.T, data []byte) {
		if scoring.VerifyGolden(m, data) != nil {
			return
		}
		var doc scoring.GoldenFile
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("VerifyGolden accepted %q, which encoding/json refuses: %v", data, err)
		}
		if doc.Format != scoring.GoldenFormatV1 || doc.Model != m.ID() || len(doc.Golden) == 0 {
			t.Fatalf("VerifyGolden accepted %q: format %q, model %q, %d cases", data,
				doc.Format, doc.Model, len(doc.Golden))
		}
		for _, gc := range doc.Golden {
			checkGoldenCase(t, m, gc)
		}
	})
}

// checkGoldenCase fails unless m reproduces gc within its tolerance.
func checkGoldenCase(t *testing.T, m *scoring.Model, gc scoring.GoldenCase) {
	t.Helper()
	if !(gc.Tolerance > 0 && gc.Tolerance <= scoring.MaxGoldenTolerance) {
		t.Fatalf("case %q accepted with tolerance %v", gc.ID, gc.Tolerance)
	}
	p, err := m.Predict(gc.Case)
	if err != nil {
		t.Fatalf("case %q accepted but refused by Predict: %v", gc.ID, err)
	}
	for _, h := range p.Horizons {
		if d := math.Abs(h.Probability - gc.Expected[h.Label]); !(d <= gc.Tolerance) {
			t.Fatalf("case %q accepted: %s is %v, expected %v", gc.ID, h.Label,
				h.Probability, gc.Expected[h.Label])
		}
	}
}

// goldenSeed returns a valid golden document for m: one case, its probabilities
// as m gives them.
func goldenSeed(f *testing.F, m *scoring.Model) []byte {
	c := scoring.Case{"fin": "yes", "age": "27", "wexp": "no", "mar": "not married",
		"paro": "yes", "prio": "3"}
	p, err := m.Predict(c)
	if err != nil {
		f.Fatalf("seed case: %v", err)
	}
	gc := scoring.GoldenCase{ID: "seed", Model: m.ID(), Case: c,
		Expected: map[string]float64{}, Tolerance: 1e-12}
	for _, h := range p.Horizons {
		gc.Expected[h.Label] = h.Probability
	}
	data, err := json.Marshal(scoring.GoldenFile{Format: scoring.GoldenFormatV1,
		Model: m.ID(), DefinitionSHA256: m.SHA256(), Data: "fuzz seed",
		Golden: []scoring.GoldenCase{gc}})
	if err != nil {
		f.Fatal(err)
	}
	if err := scoring.VerifyGolden(m, data); err != nil {
		f.Fatalf("seed refused: %v", err)
	}
	return data
}
