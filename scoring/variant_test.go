package scoring_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"spiegel/scoring"
)

// withDetention returns oxrecCase with detention_months set, or left out for "".
func withDetention(months string) scoring.Case {
	c := oxrecCase()
	delete(c, "detention_months")
	if months != "" {
		c["detention_months"] = months
	}
	return c
}

// TestEntryPointsRefuseTheOtherVariant pins the variant rule at the entry points: a
// case whose detention length puts it in one population is refused by the other
// population's variants, naming the field, its value and the rule, in
// ScoreRecord, ExplainCase and WhatIf alike.
func TestEntryPointsRefuseTheOtherVariant(t *testing.T) {
	tests := []struct {
		name, model, months string
		want                string // "" when the case is scored
	}{
		{"detained 12 months, detained variant", "oxrec-nl-detained-general", "12", ""},
		{"detained 6 months, detained variant", "oxrec-nl-detained-violent", "6", ""},
		{"detained 5.9 months, detained variant", "oxrec-nl-detained-general", "5.9",
			"detained 5.9 months, less than 6: not_detained, but oxrec-nl-detained-general " +
				"is the detained variant (rule: oxrec-nl; detained 6 months or more: " +
				"detained, otherwise not_detained)"},
		{"detained 3 months, detained violent variant", "oxrec-nl-detained-violent", "3",
			"detained 3 months, less than 6: not_detained"},
		{"detained 12 months, not-detained variant", "oxrec-nl-nondetained-general", "12",
			"detained 12 months, at least 6: detained, but oxrec-nl-nondetained-general is " +
				"the not_detained variant"},
		{"detained 3 months, not-detained variant", "oxrec-nl-nondetained-violent", "3", ""},
		{"no detention given, not-detained variant", "oxrec-nl-nondetained-general", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := syntheticOxRec(t, tt.model)
			c := withDetention(tt.months)
			records := map[string]scoring.Record{
				"ScoreRecord": scoring.ScoreRecord(m, "x", c),
				"ExplainCase": scoring.ExplainCase(m, "x", c).Record,
				"WhatIf":      scoring.WhatIf(m, c, c).After,
			}
			for entry, r := range records {
				if tt.want == "" {
					if r.Error != "" {
						t.Errorf("%s(%s, %q months) refused: %s", entry, tt.model, tt.months,
							r.Error)
					}
					continue
				}
				if len(r.Errors) != 1 || r.Errors[0].Field != "detention_months" ||
					r.Errors[0].Value != tt.months ||
					!strings.Contains(r.Errors[0].Message, tt.want) {
					t.Errorf("%s(%s, %q months) = %+v, want detention_months %q refused "+
						"with %q", entry, tt.model, tt.months, r.Errors, tt.months, tt.want)
				}
			}
		})
	}
}

func TestCheckVariant(t *testing.T) {
	m := syntheticOxRec(t, "oxrec-nl-nondetained-general")
	err := m.CheckVariant(withDetention("7"))
	var ie *scoring.InputError
	if !errors.Is(err, scoring.ErrWrongVariant) || !errors.As(err, &ie) ||
		ie.Predictor != "detention_months" || ie.Value != "7" {
		t.Errorf("CheckVariant(7 months) = %v, want ErrWrongVariant on detention_months", err)
	}
	// The not-detained variants do not read the length, so they refuse one they
	// cannot read rather than ignore it.
	if err := m.CheckVariant(withDetention("six")); !errors.Is(err, scoring.ErrNotNumber) {
		t.Errorf("CheckVariant(six) = %v, want ErrNotNumber", err)
	}
	if err := builtin(t, "ogrs3").CheckVariant(validOGRS3()); err != nil {
		t.Errorf("CheckVariant on a model outside a group = %v", err)
	}
	// A template without parameters says that it cannot compute, not which variant.
	r := scoring.ScoreRecord(builtin(t, "oxrec-nl-detained-general"), "x", withDetention("3"))
	if !strings.Contains(r.Error, "model cannot compute") {
		t.Errorf("template ScoreRecord = %q, want the not-computable reason", r.Error)
	}
}

func TestCompareVariants(t *testing.T) {
	_, bound := syntheticCatalogs(t)
	g, err := bound.Group("oxrec-nl")
	if err != nil {
		t.Fatal(err)
	}
	c := withDetention("3")
	cmp := scoring.CompareVariants(bound, g, c)
	if cmp.Population != "not_detained" || len(cmp.Variants) != 4 || cmp.Error != "" {
		t.Fatalf("CompareVariants(3 months) = %+v, want not_detained with 4 variants", cmp)
	}
	for _, v := range cmp.Variants {
		applies := v.Population == "not_detained"
		if v.Applies != applies || (v.Note == "") == !applies || v.Record.Error != "" {
			t.Errorf("%s: applies %v note %q error %q; want applies %v, a note only when "+
				"it does not apply, and a result", v.Model, v.Applies, v.Note, v.Record.Error,
				applies)
		}
		// Each variant computes what Predict computes from the fields it reads.
		m, _ := bound.Model(v.Model)
		own := scoring.Case{}
		for _, p := range m.Definition().Predictors {
			if x, ok := c[p.ID]; ok {
				own[p.ID] = x
			}
		}
		p, err := m.Predict(own)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p.Horizons {
			if got := v.Record.Probabilities[h.Label]; got != h.Probability {
				t.Errorf("%s %s: %v, Predict gives %v", v.Model, h.Label, got, h.Probability)
			}
		}
		if !v.Applies && !strings.Contains(v.Note, "for comparison only: detained 3 months") {
			t.Errorf("%s note = %q", v.Model, v.Note)
		}
	}
	bad := scoring.CompareVariants(bound, g, withDetention(""))
	if len(bad.Variants) != 0 || len(bad.Errors) != 1 || bad.Errors[0].Field != "detention_months" {
		t.Errorf("CompareVariants(no length) = %+v, want detention_months refused", bad)
	}
}

// TestWhatIfSwitchesVariant checks that a what-if whose changed detention length
// puts the case in the other population is scored with that population's variant
// for the same outcome, says so, and matches that variant's own result.
func TestWhatIfSwitchesVariant(t *testing.T) {
	_, bound := syntheticCatalogs(t)
	m, _ := bound.Model("oxrec-nl-detained-violent")
	other, _ := bound.Model("oxrec-nl-nondetained-violent")
	before, after := withDetention("12"), withDetention("3")
	r := scoring.WhatIfIn(bound, m, before, after)
	want := scoring.ScoreRecord(other, "after", after)
	if r.After.Error != "" || r.AfterVariant == nil ||
		r.AfterVariant.Population != "not_detained" ||
		r.After.Probabilities["1y"] != want.Probabilities["1y"] ||
		r.After.Model != "oxrec-nl-nondetained-violent" {
		t.Fatalf("WhatIfIn(12 → 3 months) = after %+v, variant %+v; want the not-detained "+
			"violent variant's %v", r.After, r.AfterVariant, want.Probabilities)
	}
	if !slices.Contains(r.Changed, "detention_months") || r.DifferencePP == nil {
		t.Errorf("changed %v, difference %v; want detention_months and a difference",
			r.Changed, r.DifferencePP)
	}
	// Within one population, nothing switches.
	same := scoring.WhatIfIn(bound, m, before, withDetention("8"))
	if same.AfterVariant != nil || same.After.Model != m.ID() || same.After.Error != "" {
		t.Errorf("WhatIfIn(12 → 8 months) = %+v, want the same variant", same)
	}
	// WhatIf alone keeps the model and refuses the other population's case.
	if held := scoring.WhatIf(m, before, after); held.After.Error == "" {
		t.Error("WhatIf(12 → 3 months) on the detained variant scored the case")
	}
}

// TestSweepStaysInVariant checks that the detained variant's curve over detention
// length starts at the rule's threshold, where the variant applies, and that every
// point of it is one the variant accepts.
func TestSweepStaysInVariant(t *testing.T) {
	m := syntheticOxRec(t, "oxrec-nl-detained-general")
	var s *scoring.SweepInput
	for _, x := range m.SweepInputs() {
		if x.Input == "detention_months" {
			s = &x
		}
	}
	if s == nil || s.From != 6 || s.To <= 6 {
		t.Fatalf("detention sweep = %+v, want one from 6 months", s)
	}
	for _, other := range []string{"oxrec-nl-nondetained-general"} {
		for _, x := range syntheticOxRec(t, other).SweepInputs() {
			if x.Input == "detention_months" {
				t.Errorf("%s sweeps detention_months, which it does not read", other)
			}
		}
	}
	c := withDetention("12")
	for _, v := range []string{strconv.FormatFloat(s.From, 'f', -1, 64),
		strconv.FormatFloat(s.To, 'f', -1, 64)} {
		c["detention_months"] = v
		if err := m.CheckVariant(c); err != nil {
			t.Errorf("the sweep's end %s months is refused: %v", v, err)
		}
	}
}

// TestSweepRefusesOtherVariantPoints sweeps the detained variant over detention
// lengths from 0: the points under 6 months, which the rule puts in the other
// population, are refused; the others are scored.
func TestSweepRefusesOtherVariantPoints(t *testing.T) {
	m := syntheticOxRec(t, "oxrec-nl-detained-general")
	values, xs, err := m.SweepValues(withDetention("12"), "detention_months", "", 0, 12, 13)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Sweep(withDetention("12"), "detention_months", values, xs) {
		refused := strings.Contains(p.Error, "not the variant for this case")
		if refused != (p.X < 6) || (!refused && p.Probabilities == nil) {
			t.Errorf("point %v months: error %q, probabilities %v", p.X, p.Error, p.Probabilities)
		}
	}
}

// TestRuleInputNotIgnored scores a not-detained variant with the detention length
// that chose it: the variant does not read the length, but it is the group rule's
// input, so the record must not warn that it was ignored.
func TestRuleInputNotIgnored(t *testing.T) {
	m := syntheticOxRec(t, "oxrec-nl-nondetained-general")
	r := scoring.ScoreRecord(m, "x", withDetention("5.99"))
	if r.Error != "" {
		t.Fatalf("refused: %s", r.Error)
	}
	for _, w := range r.WarningDetails {
		if w.Field == "detention_months" {
			t.Errorf("warning %+v about the rule's input, which chose the variant", w)
		}
	}
}
