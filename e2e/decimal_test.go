//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// rossiDecimalCase is a made-up case for the Rossi demonstration model, with a decimal age.
var rossiDecimalCase = scoring.Case{"fin": "no", "age": "25.5", "wexp": "yes", "mar": "married",
	"paro": "yes", "prio": "2"}

// dutchTyped is c as typed on the Dutch page: the decimal point of every number
// input written as a comma.
func dutchTyped(d scoring.Description, c scoring.Case) scoring.Case {
	out := scoring.Case{}
	for _, p := range d.Predictors {
		v := c[p.ID]
		if p.Type == scoring.TypeNumber || p.Type == scoring.TypeCount {
			v = strings.Replace(v, ".", ",", 1)
		}
		out[p.ID] = v
	}
	return out
}

// TestDutchDecimalComma types "25,5" on the Dutch page and checks that the engine
// gets 25.5 (the result is Predict's for 25.5), that the page writes the numbers it
// formats with a decimal comma, and that a refused value is echoed as typed; the
// English page passes "25,5" on unchanged, for the engine to refuse.
func TestDutchDecimalComma(t *testing.T) {
	m, d := dutchModel(t, "rossi-cox")
	typed := dutchTyped(d, rossiDecimalCase)
	if typed["age"] != "25,5" {
		t.Fatalf("typed age = %q, want 25,5", typed["age"])
	}
	p := newPageAt(t, "/index.nl.html")
	if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{"rossi-cox"}}); err != nil {
		t.Fatal(err)
	}
	form := modelForm(p, "rossi-cox")
	enterCase(t, form, d, typed)
	if err := form.GetByTestId("calculate").Click(); err != nil {
		t.Fatal(err)
	}
	result := p.GetByTestId("result")
	checkProbabilities(t, result, m, rossiDecimalCase)
	exact := result.Locator("td.exact").First()
	if s := text(t, exact); !strings.Contains(s, ",") || strings.Contains(s, ".") {
		t.Errorf("exact probability on the Dutch page reads %q, want a decimal comma", s)
	}
	if s := text(t, result.GetByTestId("term-age")); !strings.Contains(s, "25,5") {
		t.Errorf("age contribution row reads %q, want the age as 25,5", s)
	}

	// A refused value is shown as typed.
	if err := control(t, form, d, "prio").Fill("2,5"); err != nil {
		t.Fatal(err)
	}
	if err := form.GetByTestId("calculate").Click(); err != nil {
		t.Fatal(err)
	}
	if err := expect.Locator(form.GetByTestId("error-prio")).ToContainText("“2,5”"); err != nil {
		t.Errorf("error-prio: %v", err)
	}
	checkValuesKept(t, form, d, scoring.Case{"fin": "no", "age": "25,5", "wexp": "yes",
		"mar": "married", "paro": "yes", "prio": "2,5"})

	// A point groups thousands on the Dutch page: "1.000" is a thousand, never one,
	// so the engine refuses it as above prio's limit of 200; it is echoed as typed.
	if err := control(t, form, d, "prio").Fill("1.000"); err != nil {
		t.Fatal(err)
	}
	if err := form.GetByTestId("calculate").Click(); err != nil {
		t.Fatal(err)
	}
	above := web.Fill(web.Dutch.JS.InputErrors["above"], map[string]string{"limit": "200"})
	if err := expect.Locator(form.GetByTestId("error-prio")).ToContainText("“1.000”: " +
		above); err != nil {
		t.Errorf("error-prio for 1.000: %v", err)
	}

	// The English page does not convert: the engine's strict parsing refuses it.
	en := newPage(t)
	_, dEN := builtinModel(t, "rossi-cox")
	if _, err := en.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{"rossi-cox"}}); err != nil {
		t.Fatal(err)
	}
	formEN := modelForm(en, "rossi-cox")
	enterCase(t, formEN, dEN, typed)
	submit(t, formEN)
	if err := expect.Locator(formEN.GetByTestId("error-age")).ToContainText("“25,5”: " +
		scoring.ErrNotNumber.Error()); err != nil {
		t.Errorf("English page, age 25,5: %v", err)
	}
}

// TestDutchDecimalCommaVariant types a detention length of "5,9" months on the
// Dutch page: the group's rule reads 5.9 and chooses the not-detained variant.
func TestDutchDecimalCommaVariant(t *testing.T) {
	p := newPageAt(t, "/index.nl.html")
	if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatal(err)
	}
	form := caseForm(p.Locator(`section[data-group="` + oxrecGroup + `"]`))
	radio := form.GetByRole("group", playwright.LocatorGetByRoleOptions{
		Name: web.Dutch.Detained, Exact: playwright.Bool(true)}).
		GetByRole("radio", playwright.LocatorGetByRoleOptions{
			Name: web.Dutch.Yes, Exact: playwright.Bool(true)})
	if err := radio.Check(); err != nil {
		t.Fatal(err)
	}
	months := form.Locator(`input[name="detention_months"]`)
	for _, tt := range []struct{ typed, want string }{{"5,9", "not_detained"},
		{"6,0", "detained"}} {
		if err := months.Fill(tt.typed); err != nil {
			t.Fatal(err)
		}
		got := form.GetByTestId("variant-population")
		if err := expect.Locator(got).ToHaveAttribute("data-population", tt.want); err != nil {
			t.Errorf("%s months: %v", tt.typed, err)
		}
	}
}
