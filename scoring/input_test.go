package scoring_test

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"spiegel/scoring"
)

// validOGRS3 returns a fresh, valid OGRS3 case.
func validOGRS3() scoring.Case {
	return scoring.Case{"sex": "male", "offence_group": "6", "previous_sanctions": "1",
		"birth_date": "1990-08-25", "conviction_date": "2020-08-15",
		"first_sanction_date": "2015-11-27", "assessment_date": "2021-03-31"}
}

func TestPredictRefusesBadInput(t *testing.T) {
	tests := []struct {
		name, field, value string
		want               error
		detail             string
	}{
		{"missing field", "sex", "", scoring.ErrMissing, ""},
		{"unknown level", "sex", "unknown", scoring.ErrUnknownLevel, ""},
		{"offence group out of list", "offence_group", "20", scoring.ErrUnknownLevel, ""},
		{"text for a count", "previous_sanctions", "abc", scoring.ErrNotNumber, ""},
		{"fraction for a count", "previous_sanctions", "2.5", scoring.ErrNotWhole, ""},
		{"negative count", "previous_sanctions", "-1", scoring.ErrOutOfRange, "below 0"},
		{"huge count", "previous_sanctions", "1e300", scoring.ErrOutOfRange, "above 500"},
		{"infinity", "previous_sanctions", "Inf", scoring.ErrNotNumber, ""},
		{"NaN", "previous_sanctions", "NaN", scoring.ErrNotNumber, ""},
		{"hexadecimal", "previous_sanctions", "0x10", scoring.ErrNotNumber, ""},
		{"impossible date", "birth_date", "1990-02-30", scoring.ErrNotDate, ""},
		{"date in another format", "birth_date", "25/08/1990", scoring.ErrNotDate, ""},
		{"date with a time", "birth_date", "1990-08-25T00:00:00Z", scoring.ErrNotDate, ""},
		{"year out of range", "assessment_date", "2999-01-01", scoring.ErrOutOfRange, ""},
		{"first sanction after conviction", "first_sanction_date", "2020-09-01",
			scoring.ErrOrder, "after conviction_date 2020-08-15"},
		{"assessment before conviction", "assessment_date", "2020-01-01",
			scoring.ErrOrder, ""},
		{"first sanction at age 9", "first_sanction_date", "1999-08-24", scoring.ErrOutOfRange,
			"below 10"},
		{"age 111 at assessment (born 1909)", "birth_date", "1909-08-25", scoring.ErrOutOfRange,
			"Age at assessment 111 is above 100"},
		{"age 101 at assessment", "birth_date", "1919-08-25", scoring.ErrOutOfRange,
			"Age at assessment 101 is above 100"},
	}
	m := builtin(t, "ogrs3")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validOGRS3()
			c[tt.field] = tt.value
			_, err := m.Predict(c)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.detail) {
				t.Fatalf("Predict(%s=%q) error = %v, want %v with %q", tt.field, tt.value, err,
					tt.want, tt.detail)
			}
			var ie *scoring.InputError
			if !errors.As(err, &ie) || (ie.Predictor != tt.field && tt.want != scoring.ErrOrder) {
				t.Errorf("Predict(%s=%q) error %v does not name %s", tt.field, tt.value, err,
					tt.field)
			}
		})
	}
}

// TestOGRS3AgeLimit pins the product rule that refuses an age above 100 on the
// assessment date: 100 is scored, 101 is refused as an error of the birth date.
// TestSpacesAroundValues pads every input of a valid case with spaces: a level and a
// date are read as a number is, so the result is the unpadded case's.
func TestSpacesAroundValues(t *testing.T) {
	m := builtin(t, "ogrs3")
	padded := validOGRS3()
	for k, v := range padded {
		padded[k] = " " + v + "\t"
	}
	got, want := probabilities(t, m, padded), probabilities(t, m, validOGRS3())
	if !maps.Equal(got, want) {
		t.Errorf("padded case = %v, want %v", got, want)
	}
}

func TestOGRS3AgeLimit(t *testing.T) {
	m := builtin(t, "ogrs3")
	c := validOGRS3()
	c["birth_date"], c["first_sanction_date"] = "1921-03-31", "1960-01-01"
	if _, err := m.Predict(c); err != nil {
		t.Fatalf("Predict(age 100) error = %v, want a result", err)
	}
	c["birth_date"] = "1920-04-01"
	if _, err := m.Predict(c); err != nil {
		t.Fatalf("Predict(age 100, a day short of 101) error = %v, want a result", err)
	}
	c["birth_date"] = "1920-03-31"
	_, err := m.Predict(c)
	var ie *scoring.InputError
	if !errors.As(err, &ie) || ie.Predictor != "birth_date" || ie.Value != "1920-03-31" ||
		!errors.Is(err, scoring.ErrOutOfRange) {
		t.Fatalf("Predict(age 101) error = %v, want birth_date \"1920-03-31\" out of range", err)
	}
}

func TestPredictReportsEveryBadField(t *testing.T) {
	c := validOGRS3()
	c["sex"], c["previous_sanctions"], c["birth_date"] = "x", "-", "never"
	_, err := builtin(t, "ogrs3").Predict(c)
	var errs scoring.InputErrors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("Predict() error = %v, want three field errors", err)
	}
	for i, want := range []string{"sex", "previous_sanctions", "birth_date"} {
		if errs[i].Predictor != want {
			t.Errorf("error %d names %s, want %s", i, errs[i].Predictor, want)
		}
	}
}

func TestPredictWarns(t *testing.T) {
	m := builtin(t, "ogrs3")
	c := validOGRS3()
	c["previous_sanctions"], c["colour"] = "60", "red"
	p, err := m.Predict(c)
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, w := range p.Warnings {
		text = append(text, w.Error())
	}
	joined := strings.Join(text, "\n")
	if len(text) != 2 || !strings.Contains(joined, "previous_sanctions 60: above 49") ||
		!strings.Contains(joined, `field "colour" ignored`) {
		t.Errorf("warnings = %q, want the cap warning and the ignored field", text)
	}
}

func TestDecodeCase(t *testing.T) {
	tests := []struct {
		name, doc, id string
		want          scoring.Case
		err           string
	}{
		{"strings and numbers", `{"id": 7, "sex": "male", "previous_sanctions": 3}`, "7",
			scoring.Case{"sex": "male", "previous_sanctions": "3"}, ""},
		{"number keeps its text", `{"age": 24.50}`, "", scoring.Case{"age": "24.50"}, ""},
		{"null is absent", `{"sex": null}`, "", scoring.Case{}, ""},
		{"nested object", `{"sex": {"a": 1}}`, "", nil, `sex "{...}": not a string or number`},
		{"boolean, the id still read", `{"fin": true, "id": "A"}`, "A", nil,
			`fin "true": not a string or number`},
		{"not an object", `[1]`, "", nil, "not a JSON object"},
		{"duplicate key", `{"sex": "male", "sex": "female"}`, "", nil, "duplicate key"},
		{"trailing data", `{"sex": "male"} {"sex": "female"}`, "", nil, "after the JSON object"},
		{"truncated", `{"sex": "ma`, "", nil, "unexpected EOF"},
		{"empty", ``, "", nil, "unexpected EOF"},
	}
	for _, tt := range tests {
		id, c, err := scoring.DecodeCase([]byte(tt.doc))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || id != tt.id {
				t.Errorf("%s: DecodeCase id %q, error %v; want %q, %q", tt.name, id, err, tt.id,
					tt.err)
			}
			continue
		}
		if err != nil || id != tt.id || len(c) != len(tt.want) {
			t.Errorf("%s: DecodeCase = %q, %v, %v; want %q, %v", tt.name, id, c, err, tt.id, tt.want)
		}
		for k, v := range tt.want {
			if c[k] != v {
				t.Errorf("%s: field %s = %q, want %q", tt.name, k, c[k], v)
			}
		}
	}
}
