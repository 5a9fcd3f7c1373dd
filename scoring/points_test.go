package scoring_test

import (
	"os"
	"testing"

	"spiegel/scoring"
)

func TestPointsFamily(t *testing.T) {
	data, err := os.ReadFile("testdata/points-synthetic.json")
	if err != nil {
		t.Fatal(err)
	}
	m, err := scoring.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.Trust() != scoring.TrustSynthetic {
		t.Errorf("Trust() = %q, want %q", m.Trust(), scoring.TrustSynthetic)
	}
	// Points worked by hand from the made-up table: age + priors group + stranger.
	tests := []struct {
		age, priors, stranger string
		total                 float64
		band                  string
	}{
		{"old", "0", "no", -1, "low"},
		{"middle", "2", "no", 1, "low"},
		{"young", "1", "no", 2, "moderate"},
		{"middle", "3", "no", 3, "moderate"},
		{"young", "3", "no", 4, "high"},
		{"young", "9", "yes", 5, "high"},
	}
	for _, tt := range tests {
		c := scoring.Case{"age_band": tt.age, "priors": tt.priors, "stranger": tt.stranger}
		p, err := m.Predict(c)
		if err != nil {
			t.Fatalf("Predict(%v) error: %v", c, err)
		}
		if p.LinearPredictor != tt.total || p.Band == nil || p.Band.ID != tt.band ||
			len(p.Horizons) != 0 {
			t.Errorf("Predict(%v) = total %v band %v, want %v %s", c, p.LinearPredictor,
				p.Band, tt.total, tt.band)
		}
	}
}
