package scoring_test

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"testing"

	"spiegel/scoring"
)

// rossiTolerance is the agreement required with R's survival package on the
// reference predictions (issue 3: 1e-9).
const rossiTolerance = 1e-9

// rossiFits maps the keys of reference.json to the built-in model ids.
var rossiFits = map[string]string{
	"full": "rossi-cox", "paroled": "rossi-cox-paroled", "not_paroled": "rossi-cox-not-paroled",
}

// rossiFit is one fit of ../shared/reference/rossi/reference.json.
type rossiFit struct {
	Predictions []struct {
		ID     string  `json:"id"`
		LP     float64 `json:"lp"`
		Risk26 float64 `json:"risk26"`
		Risk52 float64 `json:"risk52"`
	} `json:"predictions"`
}

// rossiData reads rossi.csv into cases keyed by subject id.
func rossiData(t testing.TB) map[string]scoring.Case {
	t.Helper()
	path := filepath.Join(sharedReference, "rossi", "rossi.csv")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("reference data %s is absent: skipped", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]scoring.Case{}
	for _, row := range rows[1:] {
		c := scoring.Case{}
		for i, col := range rows[0] {
			c[col] = row[i]
		}
		out[c["id"]] = c
	}
	return out
}

// only keeps the fields of c that model m has as inputs.
func only(m *scoring.Model, c scoring.Case) scoring.Case {
	out := scoring.Case{}
	for _, p := range m.Definition().Predictors {
		out[p.ID] = c[p.ID]
	}
	return out
}

func TestRossiReferencePredictions(t *testing.T) {
	var ref struct {
		Full       rossiFit `json:"full"`
		Paroled    rossiFit `json:"paroled"`
		NotParoled rossiFit `json:"not_paroled"`
	}
	readShared(t, "rossi/reference.json", &ref)
	fits := map[string]rossiFit{"full": ref.Full, "paroled": ref.Paroled,
		"not_paroled": ref.NotParoled}
	data := rossiData(t)
	for key, id := range rossiFits {
		m := builtin(t, id)
		if len(fits[key].Predictions) == 0 {
			t.Fatalf("reference fit %q has no predictions", key)
		}
		for _, want := range fits[key].Predictions {
			c := only(m, data[want.ID])
			p, err := m.Predict(c)
			if err != nil {
				t.Fatalf("%s %s: %v", id, want.ID, err)
			}
			got := []float64{p.LinearPredictor, p.Horizons[0].Probability,
				p.Horizons[1].Probability}
			for i, w := range []float64{want.LP, want.Risk26, want.Risk52} {
				if math.Abs(got[i]-w) > rossiTolerance {
					t.Errorf("%s %s: Predict(%v) = %v, want lp, 26w, 52w = %v %v %v",
						id, want.ID, c, got, want.LP, want.Risk26, want.Risk52)
					break
				}
			}
		}
	}
}
