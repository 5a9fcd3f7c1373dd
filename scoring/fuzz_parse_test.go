package scoring_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"testing"

	"spiegel/scoring"
)

// The fuzz targets below feed arbitrary bytes to each parser of untrusted input:
// cases (DecodeCase), model definitions (Load) and parameter files
// (VerifyParameters). Their seed corpora, in testdata/fuzz/<FuzzName>/, hold the
// reference and hand-made cases, the built-in documents and hostile inputs (huge
// numbers, deep nesting, NUL bytes, invalid UTF-8, HTML). `make fuzz-short` runs
// each for a few seconds; `go test` runs the seeds.

// FuzzDecodeCase checks that DecodeCase never panics, that a decoded case
// survives a JSON round trip unchanged, and that scoring it with OGRS3 gives a
// record that encodes as JSON: a result or a refusal, never a panic.
func FuzzDecodeCase(f *testing.F) {
	f.Add([]byte(`{"id":"a","sex":"male","offence_group":6,"previous_sanctions":1}`))
	m := builtin(f, "ogrs3")
	f.Fuzz(func(t *testing.T, data []byte) {
		id, c, err := scoring.DecodeCase(data)
		if err != nil {
			return
		}
		checkCaseRoundTrip(t, id, c)
		rec := scoring.ScoreRecord(m, id, c)
		if _, err := json.Marshal(rec); err != nil && rec.Error == "" {
			t.Errorf("ScoreRecord(%q) = a result that does not encode: %v", c, err)
		}
	})
}

// checkCaseRoundTrip encodes a decoded case and decodes it again.
func checkCaseRoundTrip(t *testing.T, id string, c scoring.Case) {
	t.Helper()
	obj := map[string]string{}
	maps.Copy(obj, c)
	if id != "" {
		obj["id"] = id
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(obj); err != nil {
		t.Fatalf("encode %q: %v", obj, err)
	}
	if buf.Len() > scoring.MaxCaseBytes {
		return // escaping grew it past the limit
	}
	id2, c2, err := scoring.DecodeCase(buf.Bytes())
	if err != nil || id2 != id || !maps.Equal(c, c2) {
		t.Errorf("DecodeCase(%s) = %q, %q, %v; want %q, %q", buf.Bytes(), id2, c2, err, id, c)
	}
}

// FuzzLoad checks that Load never panics and that a definition it accepts
// validates, carries the SHA-256 of the document, describes itself, and refuses an
// empty case with an error rather than a panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"id":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := scoring.Load(data)
		if err != nil {
			return
		}
		def := m.Definition()
		if err := def.Validate(); err != nil {
			t.Errorf("Load accepted a definition that Validate refuses: %v", err)
		}
		if sum := sha256.Sum256(data); m.SHA256() != hex.EncodeToString(sum[:]) {
			t.Errorf("SHA256() = %s, want the document's %x", m.SHA256(), sum)
		}
		if d := m.Describe(); d.ID != m.ID() {
			t.Errorf("Describe().ID = %q, want %q", d.ID, m.ID())
		}
		if m.Computable() {
			if _, err := m.Predict(scoring.Case{}); err == nil && len(def.Predictors) > 0 {
				t.Errorf("Predict({}) accepted an empty case for %d predictors",
					len(def.Predictors))
			}
		}
	})
}

// FuzzVerifyParameters checks that VerifyParameters never panics and that a file
// it accepts is bound with the file's SHA-256, verifies again when pinned to it,
// and is refused when pinned to another hash.
func FuzzVerifyParameters(f *testing.F) {
	f.Add(scoring.SyntheticOxRecParams)
	cat, err := scoring.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := scoring.VerifyParameters(cat, data, "")
		if err != nil {
			return
		}
		sum := sha256.Sum256(data)
		if set.SHA256 != hex.EncodeToString(sum[:]) {
			t.Fatalf("SHA256 = %s, want the file's %x", set.SHA256, sum)
		}
		for _, m := range set.Models {
			if !m.Computable() || m.ParamsSHA256() != set.SHA256 {
				t.Errorf("bound model %s: computable %v, params %s", m.ID(), m.Computable(),
					m.ParamsSHA256())
			}
		}
		if _, err := scoring.VerifyParameters(cat, data, set.SHA256); err != nil {
			t.Errorf("pinned to its own hash: %v", err)
		}
		other := hex.EncodeToString(make([]byte, sha256.Size))
		if _, err := scoring.VerifyParameters(cat, data, other); err == nil {
			t.Errorf("pinned to %s, the file was accepted", other)
		}
	})
}
