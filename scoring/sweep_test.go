package scoring_test

import (
	"math"
	"strings"
	"testing"

	"spiegel/scoring"
)

func TestSweepAgeOnOGRS3(t *testing.T) {
	m := builtin(t, "ogrs3")
	c := validOGRS3() // born 1990-08-25, first sanction 2015, assessed 2021-03-31
	values, xs, err := m.SweepValues(c, "birth_date", "assessment_date", 4, 60, 0)
	if err != nil || len(values) != 57 {
		t.Fatalf("SweepValues(age 4..60) = %d values, %v", len(values), err)
	}
	points := m.Sweep(c, "birth_date", values, xs)
	for i, p := range points {
		cc := validOGRS3()
		cc["birth_date"] = values[i]
		_, err := m.Predict(cc)
		if (err == nil) != (p.Error == "") {
			t.Fatalf("age %v: sweep error %q, Predict error %v", xs[i], p.Error, err)
		}
		if err == nil && probabilities(t, m, cc)["2y"] != p.Probabilities["2y"] {
			t.Errorf("age %v: sweep %v, Predict %v", xs[i], p.Probabilities, probabilities(t, m, cc))
		}
	}
	// At age 4 the birth (2017) comes after the first sanction (2015): the point is
	// refused with the engine's reason, not dropped.
	if points[0].Error == "" || points[len(points)-1].Error != "" {
		t.Errorf("age 4 = %+v, age 60 = %+v; want the first refused, the last scored",
			points[0], points[len(points)-1])
	}
}

func TestSweepCountAndLevels(t *testing.T) {
	m := builtin(t, "ogrs3")
	c := validOGRS3()
	values, xs, err := m.SweepValues(c, "previous_sanctions", "", 0, 20, 0)
	if err != nil || len(values) != 21 || values[20] != "20" {
		t.Fatalf("SweepValues(previous 0..20) = %v, %v", values, err)
	}
	points := m.Sweep(c, "previous_sanctions", values, xs)
	for i := 1; i < len(points); i++ {
		// More previous sanctions at a fixed career raise the Copas rate: monotone.
		if i > 1 && points[i].Probabilities["1y"] <= points[i-1].Probabilities["1y"] {
			t.Errorf("risk not rising from %s to %s previous sanctions", values[i-1], values[i])
		}
	}
	levels, lx, _ := m.SweepValues(c, "offence_group", "", math.NaN(), math.NaN(), 0)
	if len(levels) != 20 || len(m.Sweep(c, "offence_group", levels, lx)) != 20 {
		t.Errorf("offence group sweep has %d values, want 20", len(levels))
	}
	if _, _, err := m.SweepValues(c, "age", "", 0, 1, 5); err == nil {
		t.Error("a sweep over a derived value was accepted")
	}
}

// TestSweepRefusesBadPoints checks that a number of points outside 2..MaxSweepPoints
// is refused for every kind of input, not silently replaced by the default.
func TestSweepRefusesBadPoints(t *testing.T) {
	m := builtin(t, "ogrs3")
	for _, n := range []int{-5, 1, scoring.MaxSweepPoints + 1} {
		for _, in := range []struct{ input, anchor string }{{"previous_sanctions", ""},
			{"birth_date", "assessment_date"}, {"sex", ""}} {
			_, _, err := m.SweepValues(validOGRS3(), in.input, in.anchor, math.NaN(),
				math.NaN(), n)
			if err == nil || !strings.Contains(err.Error(), "points") {
				t.Errorf("SweepValues(%s, %d points) error = %v, want a refusal", in.input, n, err)
			}
		}
	}
}

// TestSweepCountRangeSaysWhy asks for 3 points over a count's range of one value: the
// refusal says that a count takes every whole number in the range, naming it.
func TestSweepCountRangeSaysWhy(t *testing.T) {
	m := builtin(t, "ogrs3")
	_, _, err := m.SweepValues(validOGRS3(), "previous_sanctions", "", 5, 5, 3)
	if err == nil || !strings.Contains(err.Error(), "previous_sanctions from 5 to 5 holds 1") ||
		!strings.Contains(err.Error(), "points does not apply") {
		t.Errorf("SweepValues(previous_sanctions, 5 to 5, 3 points) error = %v", err)
	}
}

// TestSweepDefaults leaves the range and points out of a sweep: each input then gets
// what SweepInputs proposes for it, as a page would draw it, and a date without its
// anchor is refused by name.
func TestSweepDefaults(t *testing.T) {
	nan, swept := math.NaN(), 0
	for _, tc := range []struct {
		model  string
		c      scoring.Case
		anchor string
	}{
		{"rossi-cox", scoring.Case{"fin": "no", "age": "20", "wexp": "no",
			"mar": "not married", "paro": "yes", "prio": "3"}, ""},
		{"ogrs3", validOGRS3(), "assessment_date"},
	} {
		m := builtin(t, tc.model)
		for _, s := range m.SweepInputs() {
			if s.Anchor != "" && s.Anchor != tc.anchor {
				continue
			}
			swept++
			values, xs, err := m.SweepValues(tc.c, s.Input, s.Anchor, nan, nan, 0)
			if err != nil {
				t.Errorf("%s: SweepValues(%s, defaults): %v", tc.model, s.Input, err)
				continue
			}
			if xs[0] != s.From || xs[len(xs)-1] != s.To ||
				(s.Points > 0 && len(values) != s.Points) {
				t.Errorf("%s: default sweep over %s: %d values from %v to %v; SweepInputs "+
					"proposes %d from %v to %v", tc.model, s.Input, len(values), xs[0],
					xs[len(xs)-1], s.Points, s.From, s.To)
			}
		}
	}
	if swept < 4 {
		t.Errorf("%d default sweeps checked, want rossi-cox's and ogrs3's four", swept)
	}
	ogrs3, c := builtin(t, "ogrs3"), validOGRS3()
	for _, tc := range []struct {
		input, anchor string
		from, to      float64
		want          string
	}{
		{"birth_date", "", nan, nan, "birth_date is a date: give the anchor"},
		{"birth_date", "sex", nan, nan, `another date input the sweep's age is counted to (not "sex")`},
		{"birth_date", "first_sanction_date", nan, nan,
			"no range is proposed for birth_date counted to first_sanction_date; give from and to"},
		{"birth_date", "assessment_date", nan, 5, "birth_date from 10 (the default) is above to 5"},
		{"previous_sanctions", "assessment_date", nan, nan, "previous_sanctions is not a date"},
	} {
		_, _, err := ogrs3.SweepValues(c, tc.input, tc.anchor, tc.from, tc.to, 0)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("SweepValues(%s, anchor %q, to %v): error %v, want %q", tc.input, tc.anchor,
				tc.to, err, tc.want)
		}
	}
	// Points left out fit the range asked for: one per whole year of age from 20 to 30.
	rossi := builtin(t, "rossi-cox")
	values, _, err := rossi.SweepValues(scoring.Case{"fin": "no", "age": "20", "wexp": "no",
		"mar": "not married", "paro": "yes", "prio": "3"}, "age", "", 20, 30, 0)
	if err != nil || len(values) != 11 || values[1] != "21" {
		t.Errorf("rossi-cox age 20 to 30, points left out: %v, %v; want 11 whole ages", values, err)
	}
}
