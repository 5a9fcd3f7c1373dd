//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"spiegel/scoring"
	"spiegel/web"
)

// TestFutureDateRefusedInline enters an OGRS3 case whose assessment date lies after
// today, on the English and the Dutch page: the engine (which has no clock) would
// score it, so the page itself must refuse it, inline on the field, in the page's
// language, keeping what was typed and showing no result.
func TestFutureDateRefusedInline(t *testing.T) {
	m, _ := builtinModel(t, "ogrs3")
	c := ogrs3With(scoring.Case{"assessment_date": "2079-06-30"})
	if r := scoring.ScoreRecord(m, "", c); r.Error != "" {
		t.Fatalf("the engine refuses the case itself: %s", r.Error)
	}
	for _, lang := range pageLangs {
		t.Run(lang.text.Lang, func(t *testing.T) {
			p, form, d := ogrs3Entered(t, lang.path, lang.text, c)
			if err := form.GetByTestId("calculate").Click(); err != nil {
				t.Fatal(err)
			}
			today := p.evalJS(t, `() => {
				const d = new Date(), two = (n) => String(n).padStart(2, "0");
				return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
			}`).(string)
			want := web.Fill(lang.text.JS.ValueMessage, map[string]string{"value": "2079-06-30",
				"message": web.Fill(lang.text.JS.DateFuture, map[string]string{"today": today})})
			field := form.GetByTestId("error-assessment_date")
			if err := expect.Locator(field).ToHaveText(want); err != nil {
				t.Errorf("error-assessment_date: %v", err)
			}
			ctl := control(t, form, d, "assessment_date")
			if inv, _ := ctl.GetAttribute("aria-invalid"); inv != "true" {
				t.Errorf("assessment_date aria-invalid = %q, want true", inv)
			}
			for _, other := range []string{"birth_date", "conviction_date"} {
				if s := text(t, form.GetByTestId("error-"+other)); s != "" {
					t.Errorf("error-%s = %q, want none", other, s)
				}
			}
			checkValuesKept(t, form, d, c)
			if n, _ := p.GetByTestId("result").Locator("*").Count(); n != 0 {
				t.Errorf("result region has %d elements after a refused case, want none", n)
			}

			// Today's date itself is accepted.
			if err := ctl.Fill(today); err != nil {
				t.Fatal(err)
			}
			if err := form.GetByTestId("calculate").Click(); err != nil {
				t.Fatal(err)
			}
			c2 := scoring.Case{}
			for k, v := range c {
				c2[k] = v
			}
			c2["assessment_date"] = today
			checkProbabilities(t, p.GetByTestId("result"), m, c2)
			if s := text(t, field); strings.Contains(s, "2079") {
				t.Errorf("after correcting, error-assessment_date = %q", s)
			}
		})
	}
}

// TestFirstSanctionContradiction enters an OGRS3 case with no previous sanctions but a
// first sanction years before the current conviction: on both pages the first
// sanction's date is refused inline, in the page's words, naming the conviction's
// date, and no result is shown.
func TestFirstSanctionContradiction(t *testing.T) {
	c := ogrs3With(scoring.Case{"previous_sanctions": "0"})
	for _, lang := range pageLangs {
		t.Run(lang.text.Lang, func(t *testing.T) {
			p, form, d := ogrs3Entered(t, lang.path, lang.text, c)
			if err := form.GetByTestId("calculate").Click(); err != nil {
				t.Fatal(err)
			}
			var label string
			for _, pr := range d.Predictors {
				if pr.ID == "conviction_date" {
					label = pr.Label
				}
			}
			msg := web.Fill(lang.text.JS.InputErrors["first_not_current"], map[string]string{
				"related": label, "related_value": c["conviction_date"]})
			want := web.Fill(lang.text.JS.ValueMessage, map[string]string{
				"value": c["first_sanction_date"], "message": msg})
			if err := expect.Locator(form.GetByTestId("error-first_sanction_date")).
				ToHaveText(want); err != nil {
				t.Errorf("error-first_sanction_date: %v", err)
			}
			checkValuesKept(t, form, d, c)
			if n, _ := p.GetByTestId("result").Locator("*").Count(); n != 0 {
				t.Errorf("result region has %d elements after a refused case, want none", n)
			}
		})
	}
}

// TestImpossibleDateTyped types 30 February into the date of birth, which the browser
// keeps on screen but cannot give as a date: each page says it is not a date, in its
// own words, rather than that it is missing.
func TestImpossibleDateTyped(t *testing.T) {
	for _, lang := range pageLangs {
		t.Run(lang.text.Lang, func(t *testing.T) {
			p, form, d := ogrs3Entered(t, lang.path, lang.text,
				ogrs3With(scoring.Case{"birth_date": ""}))
			ctl := control(t, form, d, "birth_date")
			if err := ctl.Click(); err != nil {
				t.Fatal(err)
			}
			if err := ctl.PressSequentially("02301990"); err != nil {
				t.Fatal(err)
			}
			bad := p.evalJS(t, `() => document.querySelector(
				'form[data-model="ogrs3"] input[name="birth_date"]').validity.badInput`)
			if bad != true {
				t.Fatalf("the date field's validity.badInput = %v after 02/30/1990, want true",
					bad)
			}
			if err := form.GetByTestId("calculate").Click(); err != nil {
				t.Fatal(err)
			}
			want := lang.text.JS.InputErrors["not_date"]
			if err := expect.Locator(form.GetByTestId("error-birth_date")).
				ToHaveText(want); err != nil {
				t.Errorf("error-birth_date: %v", err)
			}
		})
	}
}
