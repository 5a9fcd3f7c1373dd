//go:build e2e

package e2e

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// pageTolerance is how far a probability shown by the page may be from the one
// scoring computes directly: the page shows the engine's float64 in its shortest
// round-trip form, so only the last bit may differ.
const pageTolerance = 1e-12

// ogrs3Case is a made-up OGRS3 case: a woman with a theft conviction and a record.
var ogrs3Case = scoring.Case{
	"sex":                 "female",
	"offence_group":       "8",
	"previous_sanctions":  "12",
	"birth_date":          "1984-02-29",
	"first_sanction_date": "1999-07-01",
	"conviction_date":     "2024-11-20",
	"assessment_date":     "2025-01-15",
}

// ogrs3With returns a copy of ogrs3Case with changes applied: a field set to its
// value, or left out when the value is "".
func ogrs3With(changes scoring.Case) scoring.Case {
	c := maps.Clone(ogrs3Case)
	for k, v := range changes {
		if v == "" {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return c
}

// pageLangs are the site's two pages, by path, with their texts.
var pageLangs = []struct {
	path string
	text web.Text
}{{"/", web.English}, {"/index.nl.html", web.Dutch}}

// ogrs3Entered opens the page at path in a fresh context and enters c into its OGRS3
// form; it returns the page, the form and OGRS3's description in the page's words.
func ogrs3Entered(t *testing.T, path string, lang web.Text,
	c scoring.Case) (*testPage, playwright.Locator, scoring.Description) {
	t.Helper()
	p := newPageAt(t, path)
	_, d := builtinModel(t, "ogrs3")
	d = lang.JS.Models.Description(d)
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, c)
	return p, form, d
}

// builtinModel returns a built-in model and its description.
func builtinModel(t *testing.T, id string) (*scoring.Model, scoring.Description) {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatalf("scoring.Builtin() error: %v", err)
	}
	m, err := cat.Model(id)
	if err != nil {
		t.Fatalf("Model(%q) error: %v", id, err)
	}
	return m, m.Describe()
}

// modelForm returns the form of a model, found by its data-model attribute.
func modelForm(p *testPage, id string) playwright.Locator {
	return p.Locator(fmt.Sprintf("form[data-model=%q]", id))
}

// control returns the labelled control of a predictor inside form, found by the
// label the model's description gives it.
func control(t *testing.T, form playwright.Locator, d scoring.Description, id string) playwright.Locator {
	t.Helper()
	for _, p := range d.Predictors {
		if p.ID == id {
			return form.GetByLabel(p.Label, playwright.LocatorGetByLabelOptions{Exact: playwright.Bool(true)})
		}
	}
	t.Fatalf("model %s has no predictor %q", d.ID, id)
	return nil
}

// enterCase types or selects each value of c into the form, in predictor order.
func enterCase(t *testing.T, form playwright.Locator, d scoring.Description, c scoring.Case) {
	t.Helper()
	for _, p := range d.Predictors {
		v, ok := c[p.ID]
		if !ok {
			continue
		}
		ctl := control(t, form, d, p.ID)
		var err error
		if p.Type == scoring.TypeLevel {
			_, err = ctl.SelectOption(playwright.SelectOptionValues{Values: &[]string{v}})
		} else {
			err = ctl.Fill(v)
		}
		if err != nil {
			t.Fatalf("enter %s = %q: %v", p.ID, v, err)
		}
	}
}

// submit presses the form's Calculate button.
func submit(t *testing.T, form playwright.Locator) {
	t.Helper()
	button := form.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.English.Calculate, Exact: playwright.Bool(true)})
	if err := button.Click(); err != nil {
		t.Fatalf("click %s: %v", web.English.Calculate, err)
	}
}

// text returns the text content of loc, failing the test on error.
func text(t *testing.T, loc playwright.Locator) string {
	t.Helper()
	s, err := loc.TextContent()
	if err != nil {
		t.Fatalf("text content: %v", err)
	}
	return strings.TrimSpace(s)
}

// TestFormShowsEngineResult types an OGRS3 case into the form and checks that the
// page shows, per horizon, the probability scoring computes for it, with the
// derived age and the model's identity, and that the case went nowhere else.
func TestFormShowsEngineResult(t *testing.T) {
	m, d := builtinModel(t, "ogrs3")
	want, err := m.Predict(ogrs3Case)
	if err != nil {
		t.Fatalf("Predict(%v) error: %v", ogrs3Case, err)
	}
	p := newPage(t)
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	submit(t, form)

	result := p.GetByTestId("result")
	for _, h := range want.Horizons {
		cell := result.GetByTestId("prob-" + h.Label)
		raw, err := cell.GetAttribute("data-probability")
		if err != nil {
			t.Fatalf("prob-%s: %v", h.Label, err)
		}
		got, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.Abs(got-h.Probability) > pageTolerance {
			t.Errorf("page prob-%s = %q, want %v (Predict(%v))", h.Label, raw, h.Probability, ogrs3Case)
		}
		if pct := fmt.Sprintf("%.1f%%", 100*h.Probability); text(t, cell) != pct {
			t.Errorf("prob-%s shows %q, want %q", h.Label, text(t, cell), pct)
		}
	}
	// A derived value shows to six significant digits and keeps the engine's exact
	// text in data-value.
	for _, dv := range want.Derived {
		cell := result.GetByTestId("derived-" + dv.ID)
		exact, _ := cell.GetAttribute("data-value")
		got, errGot := strconv.ParseFloat(text(t, cell), 64)
		x, errX := strconv.ParseFloat(dv.Value, 64)
		if exact != dv.Value || (errX == nil && (errGot != nil ||
			math.Abs(got-x) > 5e-6*math.Max(1, math.Abs(x)))) ||
			(errX != nil && text(t, cell) != dv.Value) {
			t.Errorf("derived %s shows %q (exact %q), want %q", dv.ID, text(t, cell), exact,
				dv.Value)
		}
	}
	identity := map[string]string{"model": want.Model, "version": want.Version,
		"trust": want.Trust, "sha256": want.DefinitionSHA256, "citation": d.Citation}
	for id, v := range identity {
		if got := text(t, result.GetByTestId("id-"+id)); got != v {
			t.Errorf("identity %s shows %q, want %q", id, got, v)
		}
	}
	checkCaseStaysLocal(t, p)
}

// checkCaseStaysLocal checks that no value of ogrs3Case reached the URL, web
// storage or the console.
func checkCaseStaysLocal(t *testing.T, p *testPage) {
	t.Helper()
	checkStaysLocal(t, p, ogrs3Case)
}

// checkStaysLocal checks that no value of c longer than two characters reached the
// URL, web storage or the console, and that nothing was thrown in the page.
func checkStaysLocal(t *testing.T, p *testPage, c scoring.Case) {
	t.Helper()
	where := p.URL() + "\n" + fmt.Sprint(p.evalJS(t, `() => JSON.stringify({...localStorage}) +
		JSON.stringify({...sessionStorage})`))
	for _, c := range p.Console() {
		where += "\n" + c.String()
	}
	for k, v := range c {
		if strings.Contains(where, v) && len(v) > 2 {
			t.Errorf("%s value %q found outside the form:\n%s", k, v, where)
		}
	}
	if errs := p.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// TestFormShowsInputErrorInline enters a case the engine refuses and checks that the
// refused field shows the engine's own message, is marked invalid, that no result
// is shown, and that every value typed stays in its field.
func TestFormShowsInputErrorInline(t *testing.T) {
	m, d := builtinModel(t, "ogrs3")
	tests := []struct {
		phrase string
		edit   scoring.Case
	}{
		{"previous sanctions not a number", scoring.Case{"previous_sanctions": "abc"}},
		{"first sanction after the conviction", scoring.Case{"first_sanction_date": "2024-12-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			c := ogrs3With(tt.edit)
			rec := scoring.ScoreRecord(m, "", c)
			if len(rec.Errors) != 1 || rec.Errors[0].Field == "" {
				t.Fatalf("ScoreRecord(%v) errors = %+v, want one field error", c, rec.Errors)
			}
			want := rec.Errors[0]

			p := newPage(t)
			form := modelForm(p, "ogrs3")
			enterCase(t, form, d, c)
			submit(t, form)

			// The page names a related field by its label, where the engine has its id.
			if want.Code == scoring.CodeOrder {
				want.Message = strings.ReplaceAll(want.Message, want.Related,
					predictor(t, d, want.Related).Label)
			}
			errText := text(t, form.GetByTestId("error-"+want.Field))
			if !strings.Contains(errText, want.Message) || !strings.Contains(errText, want.Value) {
				t.Errorf("error-%s shows %q, want the engine's %q about %q",
					want.Field, errText, want.Message, want.Value)
			}
			ctl := control(t, form, d, want.Field)
			if inv, _ := ctl.GetAttribute("aria-invalid"); inv != "true" {
				t.Errorf("%s aria-invalid = %q, want true", want.Field, inv)
			}
			checkValuesKept(t, form, d, c)
			if n, _ := p.GetByTestId("result").Locator("*").Count(); n != 0 {
				t.Errorf("result region has %d elements after a refused case, want none", n)
			}
		})
	}
}

// checkValuesKept checks that every field of the form still holds c's value.
func checkValuesKept(t *testing.T, form playwright.Locator, d scoring.Description, c scoring.Case) {
	t.Helper()
	for _, pd := range d.Predictors {
		got, err := control(t, form, d, pd.ID).InputValue()
		if err != nil || got != c[pd.ID] {
			t.Errorf("after the error, %s holds %q (%v), want %q as typed", pd.ID, got, err, c[pd.ID])
		}
	}
}

// TestKeyboardChoosesModel reaches the model picker with Tab alone, picks the next
// entry with the arrow key, and checks that its form or group section shows, the
// first entry's form hides, and the next Tab lands inside what was shown.
func TestKeyboardChoosesModel(t *testing.T) {
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatalf("scoring.Builtin() error: %v", err)
	}
	choices := web.NewPage(cat, web.English).Choices
	if len(choices) < 2 {
		t.Fatalf("page has %d picker entries, want at least 2", len(choices))
	}
	from, to := choices[0].ID, choices[1].ID
	p := newPage(t)
	picker := p.GetByLabel(web.English.PickerLabel, playwright.PageGetByLabelOptions{
		Exact: playwright.Bool(true)})

	const maxTabs = 20
	focused := false
	for i := 0; i < maxTabs && !focused; i++ {
		if err := p.Keyboard().Press("Tab"); err != nil {
			t.Fatalf("press Tab: %v", err)
		}
		focused = p.evalJS(t, `() => document.activeElement?.id === "model-picker"`) == true
	}
	if !focused {
		t.Fatalf("model picker not reached in %d Tab presses", maxTabs)
	}
	if err := p.Keyboard().Press("ArrowDown"); err != nil {
		t.Fatalf("press ArrowDown: %v", err)
	}

	expect := playwright.NewPlaywrightAssertions()
	shownSel := fmt.Sprintf(`form[data-model=%q], section.group-section[data-group=%q]`, to, to)
	if err := expect.Locator(picker).ToHaveValue(to); err != nil {
		t.Errorf("picker after ArrowDown: %v", err)
	}
	if err := expect.Locator(p.Locator(shownSel)).ToBeVisible(); err != nil {
		t.Errorf("%s: %v", to, err)
	}
	if err := expect.Locator(modelForm(p, from)).ToBeHidden(); err != nil {
		t.Errorf("%s form: %v", from, err)
	}

	// The next Tab lands in what was just shown, on its first control.
	if err := p.Keyboard().Press("Tab"); err != nil {
		t.Fatalf("press Tab: %v", err)
	}
	inside := p.evalJS(t, `(sel) => {
		const a = document.activeElement;
		const shown = document.querySelector(sel);
		const first = shown.querySelector("input, select, button, textarea");
		return a !== null && a === first;
	}`, shownSel)
	if inside != true {
		t.Errorf("after Tab from the picker, focus is not on the first control of %s", to)
	}
}

// predictor returns the description of d's predictor id.
func predictor(t *testing.T, d scoring.Description, id string) scoring.PredictorDescription {
	t.Helper()
	for _, p := range d.Predictors {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("%s has no predictor %s", d.ID, id)
	return scoring.PredictorDescription{}
}

// TestErrorSummaryListsFields refuses two fields (one left empty, one out of range)
// and checks that the summary names
// each by its label, as a button that moves the focus to the field, by keyboard.
func TestErrorSummaryListsFields(t *testing.T) {
	_, d := builtinModel(t, "ogrs3")
	c := ogrs3With(scoring.Case{"previous_sanctions": "-1", "sex": ""})
	p := newPage(t)
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, c)
	submit(t, form)
	items := form.GetByTestId("error-fields").GetByRole("button")
	want := []string{predictor(t, d, "sex").Label, predictor(t, d, "previous_sanctions").Label}
	if err := expect.Locator(items).ToHaveText(want); err != nil {
		slices.Reverse(want)
		if err2 := expect.Locator(items).ToHaveText(want); err2 != nil {
			t.Fatalf("error summary fields: %v", err)
		}
	}
	target := form.Locator(`[name="previous_sanctions"]`)
	button := items.Filter(playwright.LocatorFilterOptions{
		HasText: predictor(t, d, "previous_sanctions").Label})
	if err := button.Focus(); err != nil {
		t.Fatal(err)
	}
	if err := p.Keyboard().Press("Enter"); err != nil {
		t.Fatal(err)
	}
	if err := expect.Locator(target).ToBeFocused(); err != nil {
		t.Errorf("Enter on the summary's button did not move the focus to the field: %v", err)
	}
	checkValuesKept(t, form, d, c)
}
