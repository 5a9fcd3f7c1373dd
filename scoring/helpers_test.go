package scoring_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"spiegel/scoring"
)

// sharedReference is where the independent reference data lives, beside the project.
const sharedReference = "../../shared/reference"

// readShared decodes a file of the shared reference data into v, skipping the test
// with a clear message when the folder is absent.
func readShared(t testing.TB, rel string, v any) {
	t.Helper()
	path := filepath.Join(sharedReference, rel)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("reference data %s is absent: skipped (it lives in ../shared beside the project)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
}

// readTestdata decodes a file of the package's own test data into v.
func readTestdata(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
}

// builtin returns a built-in model, failing the test when it does not load.
func builtin(t testing.TB, id string) *scoring.Model {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatalf("Builtin() error: %v", err)
	}
	m, err := cat.Model(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// builtinDefinition returns the JSON of a built-in definition as a generic tree, for
// tests that mutate it.
func builtinDefinition(t testing.TB, id string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("models", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// loadTree encodes a definition tree and loads it.
func loadTree(t testing.TB, tree map[string]any) (*scoring.Model, error) {
	t.Helper()
	data, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	return scoring.Load(data)
}

// probabilities predicts a case and returns the probability per horizon label.
func probabilities(t testing.TB, m *scoring.Model, c scoring.Case) map[string]float64 {
	t.Helper()
	p, err := m.Predict(c)
	if err != nil {
		t.Fatalf("Predict(%v) error: %v", c, err)
	}
	out := map[string]float64{}
	for _, h := range p.Horizons {
		out[h.Label] = h.Probability
	}
	return out
}
