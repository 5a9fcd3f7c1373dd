//go:build e2e

package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// oxrecGroup is the id of the OxRec-NL group, its section's data-group.
const oxrecGroup = "oxrec-nl"

// expect is Playwright's web-first assertions, which retry until they hold.
var expect = playwright.NewPlaywrightAssertions()

// oxrecFixture is what the OxRec tests compute with, outside the page: the built-in
// group, the description with every predictor, and the synthetic parameter file
// decoded and bound.
type oxrecFixture struct {
	group  scoring.GroupDefinition
	full   scoring.Description // a detained variant: every predictor of the group
	file   scoring.ParameterFile
	bound  *scoring.Catalog
	sha256 string
}

// newOxRecFixture verifies the synthetic parameters with scoring and binds them.
func newOxRecFixture(t *testing.T) *oxrecFixture {
	t.Helper()
	cat, err := scoring.Builtin()
	if err != nil {
		t.Fatalf("scoring.Builtin() error: %v", err)
	}
	g, err := cat.Group(oxrecGroup)
	if err != nil {
		t.Fatalf("Group(%q) error: %v", oxrecGroup, err)
	}
	set, err := scoring.VerifyParameters(cat, scoring.SyntheticOxRecParams, "")
	if err != nil {
		t.Fatalf("VerifyParameters(synthetic) error: %v", err)
	}
	f := &oxrecFixture{group: g.Definition(), bound: cat.WithParams(set)}
	if err := json.Unmarshal(scoring.SyntheticOxRecParams, &f.file); err != nil {
		t.Fatalf("decode synthetic parameters: %v", err)
	}
	sum := sha256.Sum256(scoring.SyntheticOxRecParams)
	f.sha256 = hex.EncodeToString(sum[:])
	_, f.full = builtinModel(t, "oxrec-nl-detained-general")
	return f
}

// golden returns the first golden case of the synthetic file for each variant, in
// the group's member order.
func (f *oxrecFixture) golden(t *testing.T) []scoring.GoldenCase {
	t.Helper()
	var out []scoring.GoldenCase
	for _, mb := range f.group.Members {
		for _, gc := range f.file.Golden {
			if gc.Model == mb.Model {
				out = append(out, gc)
				break
			}
		}
	}
	if len(out) != len(f.group.Members) {
		t.Fatalf("synthetic file has golden cases for %d of %d variants", len(out),
			len(f.group.Members))
	}
	return out
}

// outcome returns the outcome of a member model.
func (f *oxrecFixture) outcome(t *testing.T, model string) string {
	t.Helper()
	return f.member(t, model).Outcome
}

// population returns the population of a member model.
func (f *oxrecFixture) population(t *testing.T, model string) string {
	t.Helper()
	return f.member(t, model).Population
}

// member returns the group's member entry for a model.
func (f *oxrecFixture) member(t *testing.T, model string) scoring.Member {
	t.Helper()
	for _, mb := range f.group.Members {
		if mb.Model == model {
			return mb
		}
	}
	t.Fatalf("%s is not a member of %s", model, oxrecGroup)
	return scoring.Member{}
}

// predict scores c in every variant with scoring directly, sending each only its
// own inputs, as the page does.
func (f *oxrecFixture) predict(t *testing.T, c scoring.Case) map[string]*scoring.Prediction {
	t.Helper()
	out := map[string]*scoring.Prediction{}
	for _, mb := range f.group.Members {
		m, err := f.bound.Model(mb.Model)
		if err != nil {
			t.Fatalf("Model(%q) error: %v", mb.Model, err)
		}
		in := scoring.Case{}
		for _, p := range m.Describe().Predictors {
			if v, ok := c[p.ID]; ok {
				in[p.ID] = v
			}
		}
		if out[mb.Model], err = m.Predict(in); err != nil {
			t.Fatalf("%s: Predict(%v) error: %v", mb.Model, in, err)
		}
	}
	return out
}

// oxrecPage opens a fresh page and chooses the OxRec-NL section in the picker.
func oxrecPage(t *testing.T) (*testPage, playwright.Locator) {
	t.Helper()
	p := newPage(t)
	picker := p.GetByLabel(web.English.PickerLabel, playwright.PageGetByLabelOptions{
		Exact: playwright.Bool(true)})
	if _, err := picker.SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatalf("choose %s: %v", oxrecGroup, err)
	}
	section := p.Locator(`section[data-group="` + oxrecGroup + `"]`)
	if err := expect.Locator(section).ToBeVisible(); err != nil {
		t.Fatalf("OxRec section: %v", err)
	}
	return p, section
}

// caseForm returns the section's case form.
func caseForm(section playwright.Locator) playwright.Locator {
	return section.Locator("form[data-group]")
}

// answerDetained answers the "Detained?" question: no for 0 months, otherwise yes
// followed by the months.
func answerDetained(t *testing.T, form playwright.Locator, f *oxrecFixture, months string) {
	t.Helper()
	answer := web.English.Yes
	if months == "0" {
		answer = web.English.No
	}
	radio := form.GetByRole("group", playwright.LocatorGetByRoleOptions{
		Name: web.English.Detained, Exact: playwright.Bool(true)}).
		GetByRole("radio", playwright.LocatorGetByRoleOptions{
			Name: answer, Exact: playwright.Bool(true)})
	if err := radio.Check(); err != nil {
		t.Fatalf("answer %s %q: %v", web.English.Detained, answer, err)
	}
	if months != "0" {
		if err := control(t, form, f.full, "detention_months").Fill(months); err != nil {
			t.Fatalf("enter detention_months = %q: %v", months, err)
		}
	}
}

// enterOxRecCase fills the form with c and chooses outcome.
func enterOxRecCase(t *testing.T, form playwright.Locator, f *oxrecFixture, c scoring.Case,
	outcome string) {
	t.Helper()
	radio := form.GetByRole("radio", playwright.LocatorGetByRoleOptions{
		Name: web.English.JS.OutcomeLabel(outcome), Exact: playwright.Bool(true)})
	if err := radio.Check(); err != nil {
		t.Fatalf("choose outcome %s: %v", outcome, err)
	}
	answerDetained(t, form, f, c["detention_months"])
	rest := scoring.Case{}
	for k, v := range c {
		if k != "detention_months" {
			rest[k] = v
		}
	}
	enterCase(t, form, f.full, rest)
}

// loadSynthetic presses the button that loads the synthetic training parameters
// and waits for the verification to pass.
func loadSynthetic(t *testing.T, section playwright.Locator) {
	t.Helper()
	button := section.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.English.LoadSynthetic, Exact: playwright.Bool(true)})
	if err := button.Click(); err != nil {
		t.Fatalf("click %s: %v", web.English.LoadSynthetic, err)
	}
	if err := expect.Locator(section.GetByTestId("params-passed")).ToBeVisible(); err != nil {
		t.Fatalf("synthetic parameters not verified: %v (report: %q)", err,
			text(t, section.GetByTestId("params-report")))
	}
}

// chooseParamsFile gives the file input a file made of data.
func chooseParamsFile(t *testing.T, section playwright.Locator, name string, data []byte) {
	t.Helper()
	input := section.GetByLabel(web.English.ParamsFile, playwright.LocatorGetByLabelOptions{
		Exact: playwright.Bool(true)})
	err := input.SetInputFiles(playwright.InputFile{Name: name, MimeType: "application/json",
		Buffer: data})
	if err != nil {
		t.Fatalf("choose parameter file %s: %v", name, err)
	}
}

// probability reads the exact probability in loc's data-probability.
func probability(t *testing.T, loc playwright.Locator) float64 {
	t.Helper()
	raw, err := loc.GetAttribute("data-probability")
	if err != nil {
		t.Fatalf("data-probability: %v", err)
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("data-probability %q: %v", raw, err)
	}
	return v
}

// TestOxRecCannotComputeWithoutParameters checks that, with no parameter file, the
// section names each variant with the engine's reason, and that Calculate shows
// that reason and computes nothing.
func TestOxRecCannotComputeWithoutParameters(t *testing.T) {
	f := newOxRecFixture(t)
	p, section := oxrecPage(t)
	box := section.GetByTestId("not-computable")
	if err := expect.Locator(box).ToBeVisible(); err != nil {
		t.Fatalf("not-computable box: %v", err)
	}
	boxText := text(t, box)
	for _, mb := range f.group.Members {
		_, d := builtinModel(t, mb.Model)
		if d.Computable || d.Parameters == "" {
			t.Fatalf("%s: computable %v, parameters %q; want a template that says why",
				mb.Model, d.Computable, d.Parameters)
		}
		if !strings.Contains(boxText, d.Name) || !strings.Contains(boxText, d.Parameters) {
			t.Errorf("not-computable box lacks %s and its reason %q:\n%s", d.Name,
				d.Parameters, boxText)
		}
	}

	form := caseForm(section)
	gc := f.golden(t)[0]
	enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
	submit(t, form)
	summary := form.GetByTestId("form-errors")
	if err := expect.Locator(summary).ToBeVisible(); err != nil {
		t.Fatalf("error summary: %v", err)
	}
	_, d := builtinModel(t, gc.Model)
	if got := text(t, summary); !strings.Contains(got, web.English.JS.GroupBlocked) ||
		!strings.Contains(got, d.Parameters) {
		t.Errorf("after Calculate the summary reads %q, want %q and the reason %q", got,
			web.English.JS.GroupBlocked, d.Parameters)
	}
	if n, _ := p.GetByTestId("result").Locator("*").Count(); n != 0 {
		t.Errorf("result region has %d elements without parameters, want none", n)
	}
	if errs := p.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}

// TestOxRecSyntheticGoldenCases loads the synthetic parameters with the button,
// checks the SHA-256 shown, and for one golden case per variant checks the applied
// variant against the file's expected values and every side-by-side cell against
// scoring.
func TestOxRecSyntheticGoldenCases(t *testing.T) {
	f := newOxRecFixture(t)
	for _, gc := range f.golden(t) {
		t.Run(gc.ID, func(t *testing.T) {
			p, section := oxrecPage(t)
			loadSynthetic(t, section)
			for _, id := range []string{"params-sha256", "params-in-use-sha256"} {
				if got := text(t, section.GetByTestId(id)); got != f.sha256 {
					t.Errorf("%s shows %q, want %q", id, got, f.sha256)
				}
			}

			form := caseForm(section)
			enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
			submit(t, form)
			result := p.GetByTestId("result").GetByTestId("group-result")
			if err := expect.Locator(result).ToBeVisible(); err != nil {
				t.Fatalf("no result: %v (errors: %q)", err, text(t, form.GetByTestId("form-errors")))
			}
			if got, _ := result.GetAttribute("data-model"); got != gc.Model {
				t.Errorf("applied variant = %q, want %q", got, gc.Model)
			}
			for h, want := range gc.Expected {
				got := probability(t, result.GetByTestId("prob-"+h))
				if math.Abs(got-want) > gc.Tolerance {
					t.Errorf("%s: page %s probability = %v, golden %v (tolerance %g)", gc.ID, h,
						got, want, gc.Tolerance)
				}
			}
			checkSideBySide(t, f, result, gc)
		})
	}
}

// checkSideBySide checks that the table has one cell per variant, marked applied
// for gc's model only, with the probabilities and bands scoring computes: score()
// refuses the variants of the other population, so the page must get them from
// compareVariants(), whose note a cell of the other population carries.
func checkSideBySide(t *testing.T, f *oxrecFixture, result playwright.Locator,
	gc scoring.GoldenCase) {
	t.Helper()
	table := result.GetByTestId("side-by-side")
	if n, _ := table.Locator("td[data-model]").Count(); n != len(f.group.Members) {
		t.Errorf("side-by-side has %d variant cells, want %d", n, len(f.group.Members))
	}
	for id, want := range f.predict(t, gc.Case) {
		cell := table.GetByTestId("variant-" + id)
		applies, _ := cell.GetAttribute("data-applies")
		if (applies == "true") != (id == gc.Model) {
			t.Errorf("cell %s data-applies = %q, want it true only for %s", id, applies, gc.Model)
		}
		note, _ := cell.GetAttribute("title")
		samePop := f.population(t, id) == f.population(t, gc.Model)
		prefix, _, _ := strings.Cut(web.English.JS.CellNote, "{")
		if samePop != !strings.HasPrefix(note, prefix) || !samePop && strings.Contains(note, "_") {
			t.Errorf("cell %s title = %q; want the comparison note only for the other "+
				"population, naming it by its label", id, note)
		}
		for _, h := range want.Horizons {
			got := probability(t, cell.GetByTestId("cell-prob-"+h.Label))
			if math.Abs(got-h.Probability) > pageTolerance {
				t.Errorf("cell %s %s = %v, scoring %v", id, h.Label, got, h.Probability)
			}
			if band := text(t, cell.GetByTestId("cell-band-"+h.Label)); band != h.Band.Label {
				t.Errorf("cell %s %s band = %q, scoring %q", id, h.Label, band, h.Band.Label)
			}
		}
	}
}

// TestOxRecVariantBoundary checks the variant box as the detention answers change:
// 6 months is detained, 5.9 and "not detained" are not, each with the engine's
// reason, below the rule and its source.
func TestOxRecVariantBoundary(t *testing.T) {
	f := newOxRecFixture(t)
	cat, _ := scoring.Builtin()
	g, _ := cat.Group(oxrecGroup)
	_, section := oxrecPage(t)
	form := caseForm(section)
	box := form.GetByTestId("variant-box")
	rule := text(t, box.GetByTestId("variant-source"))
	src := f.group.Sources[f.group.Rule.AtLeast.Ref.Source].Citation
	if !strings.Contains(rule, src) || !strings.Contains(rule, f.group.Rule.AtLeast.Ref.At) {
		t.Errorf("variant source reads %q, want %q and %q", rule, src, f.group.Rule.AtLeast.Ref.At)
	}
	if got := text(t, box.GetByTestId("variant-rule")); !strings.Contains(got, "6 months") {
		t.Errorf("variant rule reads %q, want the 6-month threshold", got)
	}

	tests := []struct {
		phrase, months, want string
	}{
		{"six months is detained", "6", "detained"},
		{"just under six months is not", "5.9", "not_detained"},
		{"not detained is 0 months", "0", "not_detained"},
		{"back to detained", "12", "detained"},
	}
	for _, tt := range tests {
		answerDetained(t, form, f, tt.months)
		v := g.ChooseVariant(scoring.Case{"detention_months": tt.months})
		if v.Error != "" || v.Population != tt.want || v.Rule == nil {
			t.Fatalf("%s: ChooseVariant(%s) = %+v; want %q", tt.phrase, tt.months, v, tt.want)
		}
		// The page writes the engine's reason from its rule record, with the
		// population's name for its id.
		rule := web.English.JS.RuleNotMet
		if v.Rule.Met {
			rule = web.English.JS.RuleMet
		}
		reason := web.Fill(rule, map[string]string{"label": v.Rule.Label, "value": tt.months,
			"unit": v.Rule.Unit, "at": v.Rule.AtLeast,
			"population": web.English.JS.PopulationLabel(v.Population)})
		engine := strings.TrimSuffix(v.Reason, v.Population)
		if !strings.HasPrefix(reason, engine) {
			t.Errorf("%s: page reason %q does not begin as the engine's %q", tt.phrase, reason,
				v.Reason)
		}
		got := box.GetByTestId("variant-population")
		if err := expect.Locator(got).ToHaveAttribute("data-population", tt.want); err != nil {
			t.Errorf("%s: %v", tt.phrase, err)
		}
		want := web.Fill(web.English.JS.VariantReason, map[string]string{"reason": reason})
		if err := expect.Locator(box.GetByTestId("variant-reason")).ToHaveText(want); err != nil {
			t.Errorf("%s: %v", tt.phrase, err)
		}
	}
}

// TestOxRecSyntheticMarking checks that a result computed with the synthetic
// parameters says so in the section, the result, every side-by-side cell and every
// variant's contributions, on screen and in print, and keeps screenshots of it.
func TestOxRecSyntheticMarking(t *testing.T) {
	f := newOxRecFixture(t)
	p, section := oxrecPage(t)
	loadSynthetic(t, section)
	gc := f.golden(t)[0]
	form := caseForm(section)
	enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
	submit(t, form)
	result := p.GetByTestId("result").GetByTestId("group-result")
	if err := expect.Locator(result).ToBeVisible(); err != nil {
		t.Fatalf("no result: %v", err)
	}

	marks := []playwright.Locator{section.GetByTestId("section-synthetic"),
		result.GetByTestId("result-synthetic")}
	for _, mb := range f.group.Members {
		marks = append(marks,
			result.GetByTestId("variant-"+mb.Model).GetByTestId("cell-synthetic"),
			result.GetByTestId("contrib-"+mb.Model).Locator("summary"))
	}
	checkMarks(t, "screen", marks)
	saveShot(t, result, "oxrec-side-by-side.png")
	saveShot(t, section, "oxrec-section.png")
	saveShot(t, p.Locator("body"), "oxrec-page.png")

	if err := p.EmulateMedia(playwright.PageEmulateMediaOptions{
		Media: playwright.MediaPrint}); err != nil {
		t.Fatalf("emulate print: %v", err)
	}
	checkMarks(t, "print", marks)
	saveShot(t, p.Locator("body"), "oxrec-print.png")
	checkStaysLocal(t, p, gc.Case)
}

// checkMarks checks that each locator is visible and reads SYNTHETIC.
func checkMarks(t *testing.T, media string, marks []playwright.Locator) {
	t.Helper()
	for i, m := range marks {
		if err := expect.Locator(m).ToBeVisible(); err != nil {
			t.Errorf("%s: synthetic mark %d: %v", media, i, err)
			continue
		}
		if err := expect.Locator(m).ToContainText("SYNTHETIC"); err != nil {
			t.Errorf("%s: synthetic mark %d: %v", media, i, err)
		}
	}
}

// saveShot writes a screenshot of loc to out/name, for review.
func saveShot(t *testing.T, loc playwright.Locator, name string) {
	t.Helper()
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(outDir, name)
	if _, err := loc.Screenshot(playwright.LocatorScreenshotOptions{
		Path: playwright.String(path)}); err != nil {
		t.Errorf("screenshot %s: %v", path, err)
	}
}

// TestOxRecRefusesBadFiles gives the file input a tampered and a truncated file
// after a case has been typed. Each is refused with the engine's exact reason, what
// was typed stays, and the page then loads the synthetic set and computes.
func TestOxRecRefusesBadFiles(t *testing.T) {
	f := newOxRecFixture(t)
	cat, _ := scoring.Builtin()
	synthetic := string(scoring.SyntheticOxRecParams)
	tampered := strings.Replace(synthetic, `"value": 0.571`, `"value": 0.512`, 1)
	if tampered == synthetic {
		t.Fatal(`synthetic parameters hold no "value": 0.571 to tamper with`)
	}
	tests := []struct {
		phrase, name string
		data         []byte
		wantIn       []string
	}{
		{"drug parameter 0.571 typed as 0.512", "tampered.json", []byte(tampered),
			[]string{"golden", f.golden(t)[0].ID}},
		{"truncated JSON", "truncated.json", []byte(synthetic[:len(synthetic)/2]),
			[]string{"unexpected EOF"}},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			_, err := scoring.VerifyParameters(cat, tt.data, "")
			if err == nil {
				t.Fatalf("VerifyParameters(%s) passed, want a refusal", tt.name)
			}
			p, section := oxrecPage(t)
			gc := f.golden(t)[0]
			form := caseForm(section)
			enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))

			chooseParamsFile(t, section, tt.name, tt.data)
			// The page explains the kind of refusal, then gives the engine's words.
			rep := scoring.Report(tt.name, nil, err)
			kind := section.GetByTestId("params-refusal")
			if err := expect.Locator(kind).ToHaveText(
				web.English.JS.ParamsRefusal[rep.Code]); err != nil || rep.Code == "" {
				t.Errorf("refusal kind %q: %v", rep.Code, err)
			}
			msg := section.GetByTestId("params-error")
			want := web.Fill(web.English.JS.ParamsDetail, map[string]string{"detail": err.Error()})
			if err := expect.Locator(msg).ToHaveText(want); err != nil {
				t.Errorf("refusal: %v", err)
			}
			for _, w := range tt.wantIn {
				if !strings.Contains(text(t, msg), w) {
					t.Errorf("refusal %q does not name %q", text(t, msg), w)
				}
			}
			if role, _ := section.GetByTestId("params-refused").GetAttribute("role"); role != "alert" {
				t.Errorf("refusal role = %q, want alert", role)
			}
			checkOxRecKept(t, form, f, gc.Case)

			// The page still works: the synthetic set loads and the case computes.
			loadSynthetic(t, section)
			submit(t, form)
			got := probability(t, p.GetByTestId("result").GetByTestId("prob-1y"))
			if want := gc.Expected["1y"]; math.Abs(got-want) > gc.Tolerance {
				t.Errorf("after the refusal, 1y = %v, golden %v", got, want)
			}
			if errs := p.PageErrors(); len(errs) > 0 {
				t.Errorf("page errors: %q", errs)
			}
		})
	}
}

// checkOxRecKept checks that the form still holds c as typed, with its detention
// answer.
func checkOxRecKept(t *testing.T, form playwright.Locator, f *oxrecFixture, c scoring.Case) {
	t.Helper()
	for _, pd := range f.full.Predictors {
		if pd.ID == "detention_months" && c[pd.ID] == "0" {
			continue
		}
		got, err := control(t, form, f.full, pd.ID).InputValue()
		if err != nil || got != c[pd.ID] {
			t.Errorf("%s holds %q (%v), want %q as typed", pd.ID, got, err, c[pd.ID])
		}
	}
	yes := form.GetByTestId("detained-yes")
	if checked, _ := yes.IsChecked(); checked != (c["detention_months"] != "0") {
		t.Errorf("Detained? yes checked = %v, want %v", checked, c["detention_months"] != "0")
	}
}

// TestOxRecClearParameters loads the synthetic set, computes, clears it, and checks
// that the result goes and the models say again that they cannot compute.
func TestOxRecClearParameters(t *testing.T) {
	f := newOxRecFixture(t)
	p, section := oxrecPage(t)
	loadSynthetic(t, section)
	if err := expect.Locator(section.GetByTestId("not-computable")).ToBeHidden(); err != nil {
		t.Errorf("with parameters: %v", err)
	}
	gc := f.golden(t)[0]
	form := caseForm(section)
	enterOxRecCase(t, form, f, gc.Case, f.outcome(t, gc.Model))
	submit(t, form)
	if err := expect.Locator(p.GetByTestId("group-result")).ToBeVisible(); err != nil {
		t.Fatalf("no result: %v", err)
	}

	if err := section.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.English.ClearParams, Exact: playwright.Bool(true)}).Click(); err != nil {
		t.Fatalf("click %s: %v", web.English.ClearParams, err)
	}
	if err := expect.Locator(p.GetByTestId("group-result")).ToHaveCount(0); err != nil {
		t.Errorf("result after clearing: %v", err)
	}
	if err := expect.Locator(section.GetByTestId("not-computable")).ToBeVisible(); err != nil {
		t.Errorf("after clearing: %v", err)
	}
	if err := expect.Locator(section.GetByTestId("section-synthetic")).ToBeHidden(); err != nil {
		t.Errorf("synthetic banner after clearing: %v", err)
	}
	checkOxRecKept(t, form, f, gc.Case)
}
