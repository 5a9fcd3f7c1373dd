//go:build e2e

package e2e

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// rossiDemoCase is a made-up case for the Rossi demonstration model.
var rossiDemoCase = scoring.Case{"fin": "no", "age": "27", "wexp": "no", "mar": "not married",
	"paro": "yes", "prio": "3"}

// scoredPage opens a page, computes c with the model's form and returns the page and
// the explanation panel of the result.
func scoredPage(t *testing.T, id string, c scoring.Case) (*testPage, playwright.Locator) {
	t.Helper()
	_, d := builtinModel(t, id)
	p := newPage(t)
	if id != "ogrs3" {
		pickModel(t, p, id)
	}
	form := modelForm(p, id)
	enterCase(t, form, d, c)
	submit(t, form)
	panel := p.GetByTestId("result").GetByTestId("explain")
	if err := expect.Locator(panel).ToBeVisible(); err != nil {
		t.Fatalf("no explanation under the result: %v", err)
	}
	return p, panel
}

// pickModel chooses a model in the picker.
func pickModel(t *testing.T, p *testPage, id string) {
	t.Helper()
	if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{id}}); err != nil {
		t.Fatalf("choose %s: %v", id, err)
	}
}

// attrFloat reads a numeric attribute of loc.
func attrFloat(t *testing.T, loc playwright.Locator, name string) float64 {
	t.Helper()
	raw, err := loc.GetAttribute(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s = %q: %v", name, raw, err)
	}
	return v
}

// count returns how many elements loc matches.
func count(t *testing.T, loc playwright.Locator) int {
	t.Helper()
	n, err := loc.Count()
	if err != nil {
		t.Fatalf("count: %v", err)
	}
	return n
}

// TestExplainWaterfall checks that the waterfall has one bar per term on each scale,
// whose numbers are those window.spiegel.explain returns and scoring computes, that
// the same numbers are in a captioned table, and that each icon array fills N of
// 100 figures for N the rounded percentage.
func TestExplainWaterfall(t *testing.T) {
	m, _ := builtinModel(t, "ogrs3")
	want := scoring.ExplainCase(m, "", ogrs3Case)
	p, panel := scoredPage(t, "ogrs3", ogrs3Case)

	// The page's engine agrees with scoring, step by step.
	arg := map[string]any{}
	for k, v := range ogrs3Case {
		arg[k] = v
	}
	js := p.evalJS(t, `(c) => window.spiegel.explain("ogrs3", c).steps.map((s) => s.delta)`,
		arg).([]any)
	if len(js) != len(want.Steps) {
		t.Fatalf("explain() has %d steps, scoring %d", len(js), len(want.Steps))
	}
	scales := []string{"waterfall-lp"}
	for h := range want.Probabilities {
		scales = append(scales, "waterfall-"+h)
	}
	for _, scale := range scales {
		bars := panel.GetByTestId(scale).Locator("g.bar[data-term]")
		if n := count(t, bars); n != len(want.Steps) {
			t.Errorf("%s has %d term bars, want %d", scale, n, len(want.Steps))
		}
	}
	for i, s := range want.Steps {
		if got := js[i].(float64); math.Abs(got-s.Delta) > pageTolerance {
			t.Errorf("explain() step %s delta %v, scoring %v", s.Predictor, got, s.Delta)
		}
		bar := panel.GetByTestId("waterfall-lp").GetByTestId("bar-" + s.Predictor)
		if got := attrFloat(t, bar, "data-delta"); math.Abs(got-s.Delta) > pageTolerance {
			t.Errorf("bar %s delta %v, scoring %v", s.Predictor, got, s.Delta)
		}
		for h, d := range s.ProbabilityDelta {
			bar := panel.GetByTestId("waterfall-" + h).GetByTestId("bar-" + s.Predictor)
			if got := attrFloat(t, bar, "data-delta"); math.Abs(got-d) > pageTolerance {
				t.Errorf("%s bar %s change %v, scoring %v", h, s.Predictor, got, d)
			}
		}
		row := panel.GetByTestId("explain-row-" + s.Predictor)
		got := attrFloat(t, row.Locator("td").First(), "data-value")
		if math.Abs(got-s.Value) > pageTolerance {
			t.Errorf("table row %s contribution %v, scoring %v", s.Predictor, got, s.Value)
		}
	}
	table := panel.GetByTestId("explain-table")
	if count(t, table.Locator("caption")) != 1 || count(t, table.Locator("th[scope=col]")) != 6 {
		t.Error("explanation table lacks its caption or its 6 column headers")
	}

	for h, prob := range want.Probabilities {
		n := int(math.Round(100 * prob))
		fig := panel.GetByTestId("freq-" + h)
		icons := fig.Locator("svg.icons")
		if got := count(t, icons.Locator(".person.on")); got != n {
			t.Errorf("%s icon array fills %d, want %d (p = %v)", h, got, n, prob)
		}
		if got := count(t, icons.Locator(".person")); got != 100 {
			t.Errorf("%s icon array has %d figures, want 100", h, got)
		}
		alt := strings.ReplaceAll(web.English.JS.Explain.FreqIconAlt, "{n}", strconv.Itoa(n))
		if label, _ := icons.GetAttribute("aria-label"); label != alt {
			t.Errorf("%s icon array label %q", h, label)
		}
		if err := expect.Locator(fig.Locator("figcaption")).ToContainText(
			"About " + strconv.Itoa(n) + " in 100 people like this"); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
	if n := count(t, panel.GetByTestId("explain-synthetic")); n != 0 {
		t.Errorf("OGRS3 explanation carries %d synthetic marks, want none", n)
	}
	saveShot(t, panel.GetByTestId("waterfall"), "explain-contributions.png")
	saveShot(t, panel.GetByTestId("frequencies"), "explain-frequencies.png")
	checkCaseStaysLocal(t, p)
}

// TestExplainWhatIf changes the sex in the what-if copy and checks before, after
// and the difference against scoring, that the case's own form still holds the
// original, and that a refused value is marked on the copy's field.
func TestExplainWhatIf(t *testing.T) {
	m, d := builtinModel(t, "ogrs3")
	p, panel := scoredPage(t, "ogrs3", ogrs3Case)
	after := ogrs3With(scoring.Case{"sex": "male"})
	r := scoring.WhatIf(m, ogrs3Case, after)

	form := panel.GetByTestId("whatif-form")
	if _, err := control(t, form, d, "sex").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{"male"}}); err != nil {
		t.Fatal(err)
	}
	if err := panel.GetByTestId("whatif-run").Click(); err != nil {
		t.Fatal(err)
	}
	out := panel.GetByTestId("whatif-result")
	if err := expect.Locator(out.GetByTestId("whatif-table")).ToBeVisible(); err != nil {
		t.Fatalf("no before/after table: %v", err)
	}
	for h, want := range r.DifferencePP {
		cell := out.GetByTestId("whatif-diff-" + h)
		if got := attrFloat(t, cell, "data-pp"); math.Abs(got-want) > 1e-9 {
			t.Errorf("%s difference %v pp, scoring %v", h, got, want)
		}
		row := out.GetByTestId("whatif-" + h)
		cells := row.Locator("td[data-probability]")
		before, afterP := attrFloat(t, cells.Nth(0), "data-probability"),
			attrFloat(t, cells.Nth(1), "data-probability")
		if before != r.Before.Probabilities[h] || afterP != r.After.Probabilities[h] {
			t.Errorf("%s before/after %v/%v, scoring %v/%v", h, before, afterP,
				r.Before.Probabilities[h], r.After.Probabilities[h])
		}
	}
	if err := expect.Locator(out.GetByTestId("whatif-changed")).ToContainText("Male"); err != nil {
		t.Errorf("changed answers: %v", err)
	}
	if v, _ := control(t, modelForm(p, "ogrs3"), d, "sex").InputValue(); v != "female" {
		t.Errorf("the case's form now says sex %q, want the original female", v)
	}
	saveShot(t, panel.GetByTestId("whatif"), "explain-whatif.png")

	// A refused value is marked on the copy's field; the case's form is untouched.
	if err := control(t, form, d, "previous_sanctions").Fill("lots"); err != nil {
		t.Fatal(err)
	}
	if err := panel.GetByTestId("whatif-run").Click(); err != nil {
		t.Fatal(err)
	}
	if err := expect.Locator(control(t, form, d, "previous_sanctions")).ToHaveAttribute(
		"aria-invalid", "true"); err != nil {
		t.Errorf("refused what-if value not marked: %v", err)
	}
	if v, _ := control(t, modelForm(p, "ogrs3"), d, "previous_sanctions").InputValue(); v != "12" {
		t.Errorf("the case's form now says %q previous sanctions, want 12", v)
	}
}

// TestExplainWhatIfKeyboard reaches the what-if controls with the Tab key from the
// Calculate button and runs the comparison with Enter.
func TestExplainWhatIfKeyboard(t *testing.T) {
	p, panel := scoredPage(t, "ogrs3", ogrs3Case)
	if err := modelForm(p, "ogrs3").GetByTestId("calculate").Focus(); err != nil {
		t.Fatal(err)
	}
	reached := map[string]bool{}
	for i := 0; i < 80 && !reached["run"]; i++ {
		if err := p.Keyboard().Press("Tab"); err != nil {
			t.Fatal(err)
		}
		where := p.evalJS(t, `() => { const a = document.activeElement;
			if (!a || !a.closest("[data-testid=whatif-form]")) return "";
			return a.dataset.testid === "whatif-run" ? "run" : a.tagName; }`).(string)
		reached[where] = true
	}
	if !reached["SELECT"] || !reached["INPUT"] || !reached["run"] {
		t.Fatalf("Tab reached %v in the what-if form; want its selects, inputs and button", reached)
	}
	if err := p.Keyboard().Press("Enter"); err != nil {
		t.Fatal(err)
	}
	if err := expect.Locator(panel.GetByTestId("whatif-changed")).ToContainText(
		"No answer is changed"); err != nil {
		t.Errorf("Enter on Compare: %v", err)
	}
}

// TestExplainSensitivity checks the Rossi curves for age and prio, and the OGRS3
// curve for age from the date of birth: a line per horizon, the case's value marked
// and the derivation range shaded where the definition states it.
func TestExplainSensitivity(t *testing.T) {
	_, panel := scoredPage(t, "rossi-cox", rossiDemoCase)
	for input, current := range map[string]string{"age": "27", "prio": "3"} {
		fig := panel.GetByTestId("sweep-" + input)
		for _, h := range []string{"26w", "52w"} {
			if d, _ := fig.GetByTestId("curve-" + h).GetAttribute("d"); len(d) < 20 {
				t.Errorf("%s curve %s = %q, want a drawn line", input, h, d)
			}
		}
		mark := fig.GetByTestId("sweep-current")
		if v, _ := mark.GetAttribute("data-value"); v != current {
			t.Errorf("%s marked at %q, want %s", input, v, current)
		}
		if n := count(t, mark.Locator("circle")); n != 2 {
			t.Errorf("%s: %d markers on the curves, want 2", input, n)
		}
		if count(t, fig.GetByTestId("sweep-sample")) != 1 {
			t.Errorf("%s: the derivation range is not shaded", input)
		}
	}
	saveShot(t, panel.GetByTestId("sensitivity"), "explain-sensitivity.png")
	// The table alternative, built when opened: one row per value of prio, 0 to 200.
	fig := panel.GetByTestId("sweep-prio")
	if err := fig.Locator("details summary").Click(); err != nil {
		t.Fatal(err)
	}
	rows := fig.Locator("table.sweep-numbers tbody tr")
	if err := expect.Locator(rows).ToHaveCount(201); err != nil {
		t.Errorf("prio table, want 201 rows: %v", err)
	}

	m, _ := builtinModel(t, "ogrs3")
	pred, err := m.Predict(ogrs3Case)
	if err != nil {
		t.Fatal(err)
	}
	_, panel = scoredPage(t, "ogrs3", ogrs3Case)
	age := ""
	for _, dv := range pred.Derived {
		if dv.ID == "age" {
			age = dv.Value
		}
	}
	mark := panel.GetByTestId("sweep-birth_date").GetByTestId("sweep-current")
	if v, _ := mark.GetAttribute("data-value"); v != age || age == "" {
		t.Errorf("OGRS3 age marked at %q, want the derived age %q", v, age)
	}
}

// TestExplainOxRecGroup checks that the OxRec-NL section's result, computed with the
// synthetic parameters, carries the explanation of the applied variant.
func TestExplainOxRecGroup(t *testing.T) {
	f := newOxRecFixture(t)
	gc := f.golden(t)[0]
	p, section := oxrecPage(t)
	loadSynthetic(t, section)
	form := caseForm(section)
	enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
	submit(t, form)
	panel := p.GetByTestId("group-result").GetByTestId("explain")
	if err := expect.Locator(panel).ToBeVisible(); err != nil {
		t.Fatalf("no explanation under the OxRec-NL result: %v", err)
	}
	m, err := f.bound.Model(gc.Model)
	if err != nil {
		t.Fatal(err)
	}
	bars := panel.GetByTestId("waterfall-lp").Locator("g.bar[data-term]")
	if n := count(t, bars); n != len(m.Definition().Terms) {
		t.Errorf("OxRec waterfall has %d bars, want %d", n, len(m.Definition().Terms))
	}
	if err := expect.Locator(panel.GetByTestId("explain-synthetic")).ToHaveCount(4); err != nil {
		t.Errorf("each part of the explanation should be marked synthetic: %v", err)
	}
	if err := expect.Locator(panel.GetByTestId("variant-held")).ToContainText(
		m.Definition().Name); err != nil {
		t.Errorf("the panel does not say which variant it holds: %v", err)
	}
	for h, prob := range gc.Expected {
		n := int(math.Round(100 * prob))
		if got := count(t, panel.GetByTestId("freq-"+h).Locator(".person.on")); got != n {
			t.Errorf("%s icon array fills %d, want %d", h, got, n)
		}
	}

	// What if the person were 70: the synthetic parameters state risk categories, so
	// the comparison says per horizon whether the category changes, as scoring does.
	before, after := scoring.Case{}, scoring.Case{}
	for _, pr := range m.Definition().Predictors {
		before[pr.ID], after[pr.ID] = gc.Case[pr.ID], gc.Case[pr.ID]
	}
	after["age"] = "70"
	r := scoring.WhatIf(m, before, after)
	if err := panel.GetByTestId("whatif-form").GetByLabel("Age", playwright.LocatorGetByLabelOptions{
		Exact: playwright.Bool(true)}).Fill("70"); err != nil {
		t.Fatal(err)
	}
	if err := panel.GetByTestId("whatif-run").Click(); err != nil {
		t.Fatal(err)
	}
	if len(r.BandChanged) == 0 {
		t.Fatalf("scoring.WhatIf(%v) states no band changes", after)
	}
	for h, changed := range r.BandChanged {
		want := map[bool]string{true: "yes", false: "no"}[changed]
		if err := expect.Locator(panel.GetByTestId("whatif-band-" + h)).ToHaveText(want); err != nil {
			t.Errorf("%s category changes: %v", h, err)
		}
	}
	saveShot(t, panel.GetByTestId("whatif"), "explain-whatif-oxrec.png")
}

// TestExplainSingleFile checks that the one-file build, opened from disk under its
// own policy, draws the explanation too, and asks for nothing but itself.
func TestExplainSingleFile(t *testing.T) {
	self := singleFileURL(t)
	p, log := openLogged(t, self, true)
	_, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	submit(t, form)
	panel := p.GetByTestId("result").GetByTestId("explain")
	for _, id := range []string{"waterfall-lp", "freq-1y", "whatif-form", "curves-birth_date"} {
		if err := expect.Locator(panel.GetByTestId(id)).ToBeVisible(); err != nil {
			t.Errorf("single file: %s not shown: %v", id, err)
		}
	}
	urls, blocked := log.snapshot()
	if len(blocked) > 0 {
		t.Errorf("single file tried to fetch %q", blocked)
	}
	for _, r := range urls {
		if _, u, _ := strings.Cut(r, " "); u != self && !strings.HasPrefix(u, "data:") {
			t.Errorf("single file requested %q, want nothing but itself", r)
		}
	}
	checkConsoleClean(t, p, ogrs3Case)
}

// TestExplainOxRecWhatIfSwitchesVariant changes, in the what-if form of a detained
// case, the detention length to 3 months: the comparison says that the rule chose the
// not-detained variant and shows that variant's numbers, as scoring.WhatIfIn does.
func TestExplainOxRecWhatIfSwitchesVariant(t *testing.T) {
	f := newOxRecFixture(t)
	var gc scoring.GoldenCase
	for _, g := range f.golden(t) {
		if strings.HasPrefix(g.Model, "oxrec-nl-detained-") {
			gc = g
			break
		}
	}
	if gc.Model == "" {
		t.Fatal("the synthetic file has no detained golden case")
	}
	p, section := oxrecPage(t)
	loadSynthetic(t, section)
	form := caseForm(section)
	enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
	submit(t, form)
	panel := p.GetByTestId("group-result").GetByTestId("explain")
	m, err := f.bound.Model(gc.Model)
	if err != nil {
		t.Fatal(err)
	}
	before, after := scoring.Case{}, scoring.Case{}
	for _, pr := range m.Definition().Predictors {
		before[pr.ID], after[pr.ID] = gc.Case[pr.ID], gc.Case[pr.ID]
	}
	after["detention_months"] = "3"
	r := scoring.WhatIfIn(f.bound, m, before, after)
	if r.AfterVariant == nil || r.After.Error != "" {
		t.Fatalf("scoring.WhatIfIn(3 months) = %+v, want another variant's result", r)
	}
	other, _ := f.bound.Model(r.After.Model)
	if err := panel.GetByTestId("whatif-form").Locator(`[name="detention_months"]`).
		Fill("3"); err != nil {
		t.Fatal(err)
	}
	if err := panel.GetByTestId("whatif-run").Click(); err != nil {
		t.Fatal(err)
	}
	note := panel.GetByTestId("whatif-variant")
	if err := expect.Locator(note).ToContainText(other.Definition().Name); err != nil {
		t.Errorf("what-if variant note: %v", err)
	}
	for h, want := range r.After.Probabilities {
		cell := panel.GetByTestId("whatif-" + h).Locator("td").Nth(1)
		if got := probability(t, cell); math.Abs(got-want) > pageTolerance {
			t.Errorf("after %s = %v, want the not-detained variant's %v", h, got, want)
		}
	}
}
