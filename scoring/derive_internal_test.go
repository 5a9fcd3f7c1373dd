package scoring

import (
	"math"
	"testing"
)

func TestWholeYears(t *testing.T) {
	tests := []struct {
		name     string
		from, to civilDate
		want     int
	}{
		{"day before the birthday", civilDate{2000, 5, 21}, civilDate{2025, 5, 20}, 24},
		{"on the birthday", civilDate{2000, 5, 20}, civilDate{2025, 5, 20}, 25},
		{"29 February, common year, 28 February", civilDate{2004, 2, 29}, civilDate{2025, 2, 28}, 20},
		{"29 February, common year, 1 March", civilDate{2004, 2, 29}, civilDate{2025, 3, 1}, 21},
		{"29 February, leap year", civilDate{2004, 2, 29}, civilDate{2024, 2, 29}, 20},
		{"same day", civilDate{2020, 1, 1}, civilDate{2020, 1, 1}, 0},
		{"backwards", civilDate{2020, 1, 2}, civilDate{2020, 1, 1}, -1},
	}
	for _, tt := range tests {
		if got := wholeYears(tt.from, tt.to); got != tt.want {
			t.Errorf("%s: wholeYears(%v, %v) = %d, want %d", tt.name, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestCoxRiskAndLogistic(t *testing.T) {
	// At the reference profile (η = 0) the Cox risk is 1 − S0, and the logistic of 0 is ½.
	if got := coxRisk(0.8, 0); math.Abs(got-0.2) > 1e-16 {
		t.Errorf("coxRisk(0.8, 0) = %v, want 0.2", got)
	}
	if got := logistic(0); got != 0.5 {
		t.Errorf("logistic(0) = %v, want 0.5", got)
	}
	for _, eta := range []float64{-800, -40, -1, 1, 40, 800} {
		p := logistic(eta)
		if p < 0 || p > 1 || logistic(-eta)+p-1 > 1e-15 {
			t.Errorf("logistic(%v) = %v: outside [0, 1] or not symmetric", eta, p)
		}
		if r := coxRisk(0.9, eta); r < 0 || r > 1 {
			t.Errorf("coxRisk(0.9, %v) = %v outside [0, 1]", eta, r)
		}
	}
}

func TestBandOf(t *testing.T) {
	bands := []Band{{ID: "low", From: Coefficient{Value: 0}},
		{ID: "mid", From: Coefficient{Value: 0.1}}, {ID: "high", From: Coefficient{Value: 0.5}}}
	tests := []struct {
		x    float64
		want string
	}{{0, "low"}, {0.0999, "low"}, {0.1, "mid"}, {0.4999, "mid"}, {0.5, "high"}, {1, "high"}}
	for _, tt := range tests {
		if got := bandOf(bands, tt.x); got == nil || got.ID != tt.want {
			t.Errorf("bandOf(%v) = %v, want %s", tt.x, got, tt.want)
		}
	}
	if got := bandOf(bands, -0.1); got != nil {
		t.Errorf("bandOf(-0.1) = %v, want none", got)
	}
}
