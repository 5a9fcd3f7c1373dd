package scoring_test

import (
	"errors"
	"testing"

	"spiegel/scoring"
)

func TestOxRecVariantRuleAtItsBoundary(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g, err := cat.Group("oxrec-nl")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		months, outcome, want string
	}{
		{"0", "general", "oxrec-nl-nondetained-general"},
		{"5.99", "general", "oxrec-nl-nondetained-general"},
		{"6", "general", "oxrec-nl-detained-general"},
		{"6", "violent", "oxrec-nl-detained-violent"},
		{"5", "violent", "oxrec-nl-nondetained-violent"},
		{"120", "violent", "oxrec-nl-detained-violent"},
	}
	for _, tt := range tests {
		s, err := g.Select(scoring.Case{"detention_months": tt.months}, tt.outcome)
		if err != nil || s.Model != tt.want || s.Reason == "" {
			t.Errorf("Select(detention_months=%s, %s) = %+v, %v; want %s with a reason",
				tt.months, tt.outcome, s, err, tt.want)
		}
	}
	for _, bad := range []string{"", "-1", "six", "NaN"} {
		_, err := g.Select(scoring.Case{"detention_months": bad}, "general")
		var ie *scoring.InputError
		if !errors.As(err, &ie) || ie.Predictor != "detention_months" {
			t.Errorf("Select(detention_months=%q) error = %v, want an InputError naming it", bad, err)
		}
	}
}
