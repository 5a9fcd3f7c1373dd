package scoring_test

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"spiegel/scoring"
)

// harrellSlow is the O(n²) definition of Harrell's C, the reference for HarrellC.
func harrellSlow(time []float64, event []bool, risk []float64) float64 {
	var conc, disc, tied float64
	for i := range time {
		if !event[i] {
			continue
		}
		for j := range time {
			if !(time[j] > time[i] || (time[j] == time[i] && !event[j])) {
				continue
			}
			switch {
			case risk[i] > risk[j]:
				conc++
			case risk[i] < risk[j]:
				disc++
			default:
				tied++
			}
		}
	}
	return (conc + tied/2) / (conc + disc + tied)
}

func TestHarrellCMatchesDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		n := 1 + r.IntN(60)
		time, event, risk := make([]float64, n), make([]bool, n), make([]float64, n)
		for i := range time {
			time[i] = float64(r.IntN(10)) // many tied times
			event[i] = r.IntN(3) > 0
			risk[i] = float64(r.IntN(5)) // many tied scores
		}
		got, err := scoring.HarrellC(time, event, risk)
		want := harrellSlow(time, event, risk)
		if err != nil || (math.Abs(got.C-want) > 1e-15 && !math.IsNaN(want)) {
			t.Fatalf("HarrellC(%v, %v, %v) = %v, %v; want %v", time, event, risk, got.C, err, want)
		}
	}
}

func TestHarrellCMatchesROnRossi(t *testing.T) {
	var ref struct {
		Full struct {
			Concordance float64 `json:"concordance"`
		} `json:"full"`
	}
	readShared(t, "rossi/reference.json", &ref)
	data := rossiData(t)
	m := builtin(t, "rossi-cox")
	var time, risk []float64
	var event []bool
	for _, c := range data {
		p, err := m.Predict(only(m, c))
		if err != nil {
			t.Fatal(err)
		}
		week, _ := strconv.ParseFloat(c["week"], 64)
		time, event = append(time, week), append(event, c["arrest"] == "1")
		risk = append(risk, p.LinearPredictor)
	}
	got, err := scoring.HarrellC(time, event, risk)
	// R prints the concordance to 15 significant digits.
	if err != nil || math.Abs(got.C-ref.Full.Concordance) > 1e-12 {
		t.Errorf("HarrellC(rossi-cox) = %.15g, %v; want R's %.15g", got.C, err, ref.Full.Concordance)
	}
}
