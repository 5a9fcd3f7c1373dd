package scoring

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestMeasureWarningCodes reaches every warning of the measures with a small sample
// and requires each to come with its code, in the same order as the English words,
// and the words to name the measure the code is about.
func TestMeasureWarningCodes(t *testing.T) {
	binary := func(y []bool, p []float64) *sample {
		score := make([]float64, len(p))
		for i := range p {
			score[i] = math.Log(p[i] / (1 - p[i]))
		}
		return &sample{kind: OutcomeBinary, y: y, p: p, score: score}
	}
	tests := []struct {
		name string
		s    *sample
		want []string
	}{
		{"every outcome 0", binary([]bool{false, false, false}, []float64{0.2, 0.3, 0.4}),
			[]string{warnNoComparablePairs, warnSlopeNotFitted}},
		{"a predicted risk of 0", binary([]bool{false, true, false}, []float64{0, 0, 0}),
			[]string{warnRiskZeroOrOne, warnMeanPredictedZero}},
		{"a risk that is not a number", &sample{kind: OutcomeBinary,
			y: []bool{false, true}, p: []float64{math.NaN(), 0.5}, score: []float64{0, 0}},
			[]string{warnConcordanceFailed, warnRiskZeroOrOne, warnMeanPredictedZero}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		m, err := measure(tt.s, 1)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Equal(m.WarningCodes, tt.want) || len(m.Warnings) != len(tt.want) {
			t.Errorf("%s: codes %q for warnings %q, want %q", tt.name, m.WarningCodes,
				m.Warnings, tt.want)
			continue
		}
		for i, code := range m.WarningCodes {
			seen[code] = true
			if !strings.HasPrefix(m.Warnings[i], measureOfCode[code]+": ") {
				t.Errorf("%s: warning %q has code %s", tt.name, m.Warnings[i], code)
			}
		}
	}
	for _, code := range MeasureWarningCodes() {
		if !seen[code] {
			t.Errorf("no sample reached the warning code %s", code)
		}
	}
}

// measureOfCode is the measure each warning code is about, as its words begin.
var measureOfCode = map[string]string{
	warnMeanPredictedZero: "calibration in the large",
	warnRiskZeroOrOne:     "calibration slope",
	warnConcordanceFailed: "concordance",
	warnNoComparablePairs: "concordance",
	warnSlopeNotFitted:    "calibration slope",
}
