package scoring_test

import (
	"strings"
	"testing"

	"spiegel/scoring"
)

// TestRecordErrorCodes checks that each refused value carries its reason as data, the
// code with its bound and related value, so that the Dutch page can write its own
// message.
func TestRecordErrorCodes(t *testing.T) {
	tests := []struct {
		field, value string
		want         scoring.FieldError
	}{
		{"sex", "", scoring.FieldError{Code: "missing"}},
		{"sex", "unknown", scoring.FieldError{Code: "unknown_level"}},
		{"previous_sanctions", "abc", scoring.FieldError{Code: "not_number"}},
		{"previous_sanctions", "2.5", scoring.FieldError{Code: "not_whole"}},
		{"previous_sanctions", "-1", scoring.FieldError{Code: "below", Limit: "0"}},
		{"previous_sanctions", "501", scoring.FieldError{Code: "above", Limit: "500"}},
		{"birth_date", "1990-02-30", scoring.FieldError{Code: "not_date"}},
		{"first_sanction_date", "2020-09-01", scoring.FieldError{Code: "order",
			Related: "conviction_date", RelatedValue: "2020-08-15"}},
		{"first_sanction_date", "1999-08-24", scoring.FieldError{Code: "derived_below",
			Limit: "10", Related: "Age at the first sanction", RelatedValue: "8"}},
		{"birth_date", "1909-08-25", scoring.FieldError{Code: "derived_above",
			Limit: "100", Related: "Age at assessment", RelatedValue: "111"}},
		// No previous sanctions: the first sanction is the current conviction, yet the
		// case gives another date (first_when_none); the error is on that date.
		{"previous_sanctions", "0", scoring.FieldError{Code: "first_not_current",
			Related: "conviction_date", RelatedValue: "2020-08-15"}},
	}
	m := builtin(t, "ogrs3")
	for _, tt := range tests {
		c := validOGRS3()
		c[tt.field] = tt.value
		if tt.value == "" {
			delete(c, tt.field)
		}
		r := scoring.ScoreRecord(m, "x", c)
		if len(r.Errors) != 1 {
			t.Fatalf("%s=%q: errors %+v, want one", tt.field, tt.value, r.Errors)
		}
		got := r.Errors[0]
		got.Field, got.Value, got.Message = "", "", ""
		if got != tt.want {
			t.Errorf("%s=%q: error %+v, want %+v", tt.field, tt.value, got, tt.want)
		}
	}
}

// TestErrorCodesAreKnown checks that every code the list names is distinct and
// non-empty, so that a catalog keyed by them can be checked for completeness.
func TestErrorCodesAreKnown(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range scoring.ErrorCodes() {
		if c == "" || seen[c] {
			t.Errorf("code %q is empty or listed twice", c)
		}
		seen[c] = true
	}
	if len(seen) != 21 {
		t.Errorf("%d codes, want 21 (14 of values, 7 of rows)", len(seen))
	}
}

// TestRecordWarningDetails checks that each warning about an input comes as data
// too, in the order of the warnings.
func TestRecordWarningDetails(t *testing.T) {
	m := builtin(t, "ogrs3")
	c := validOGRS3()
	c["previous_sanctions"], c["colour"] = "55", "blue"
	r := scoring.ScoreRecord(m, "", c)
	if len(r.Warnings) != 2 || len(r.WarningDetails) != 2 {
		t.Fatalf("warnings %q, details %+v; want two of each", r.Warnings, r.WarningDetails)
	}
	above := r.WarningDetails[0]
	if above.Field != "previous_sanctions" || above.Value != "55" || above.Code != "warn_above" ||
		!strings.Contains(r.Warnings[0], above.Message) || !strings.Contains(above.Message, "49") {
		t.Errorf("warning %q as data %+v, want previous_sanctions 55 warn_above with the "+
			"definition's message", r.Warnings[0], above)
	}
	ignored := r.WarningDetails[1]
	if ignored.Field != "colour" || ignored.Code != "ignored" ||
		!strings.Contains(r.Warnings[1], `"colour" ignored`) {
		t.Errorf("warning %q as data %+v, want colour ignored", r.Warnings[1], ignored)
	}
}

// TestVariantRuleAsData checks the variant rule's reason as data on both sides of
// the threshold.
func TestVariantRuleAsData(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g, err := cat.Group("oxrec-nl")
	if err != nil {
		t.Fatal(err)
	}
	for months, met := range map[string]bool{"6": true, "5.9": false, "0": false, "12": true} {
		v := g.ChooseVariant(scoring.Case{"detention_months": months})
		r := v.Rule
		if r == nil || r.Value != months || r.AtLeast != "6" || r.Met != met ||
			r.Input != "detention_months" || !strings.Contains(v.Reason, r.Label) {
			t.Errorf("detention %s months: rule %+v (reason %q), want met=%v at 6", months, r,
				v.Reason, met)
		}
	}
	if v := g.ChooseVariant(scoring.Case{}); v.Rule != nil {
		t.Errorf("refused case has rule %+v, want none", v.Rule)
	}
}

// TestWrongVariantCode checks the wrong variant's reason as data: the threshold, the
// case's population and the model's.
func TestWrongVariantCode(t *testing.T) {
	m := syntheticOxRec(t, "oxrec-nl-detained-general")
	r := scoring.ScoreRecord(m, "x", withDetention("3"))
	want := scoring.FieldError{Field: "detention_months", Value: "3", Code: "wrong_variant",
		Limit: "6", Related: "not_detained", RelatedValue: "detained"}
	if len(r.Errors) != 1 {
		t.Fatalf("errors %+v, want one", r.Errors)
	}
	got := r.Errors[0]
	got.Message = ""
	if got != want {
		t.Errorf("error %+v, want %+v", got, want)
	}
}

// TestRefusedRecordWarnsOfIgnoredFields refuses a case whose sex came in a column
// named "Sex": the record says sex is missing and warns that "Sex" was ignored, which
// is what explains it.
func TestRefusedRecordWarnsOfIgnoredFields(t *testing.T) {
	c := validOGRS3()
	c["Sex"] = c["sex"]
	delete(c, "sex")
	r := scoring.ScoreRecord(builtin(t, "ogrs3"), "x", c)
	if len(r.Errors) != 1 || r.Errors[0].Code != "missing" || r.Errors[0].Field != "sex" {
		t.Fatalf("errors %+v, want sex missing", r.Errors)
	}
	if len(r.WarningDetails) != 1 || r.WarningDetails[0].Code != "ignored" ||
		r.WarningDetails[0].Field != "Sex" || len(r.Warnings) != 1 {
		t.Errorf("warnings %q, details %+v; want Sex ignored", r.Warnings, r.WarningDetails)
	}
}
