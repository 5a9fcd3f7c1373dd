//go:build e2e

package e2e

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// newPageAt is newPage for another page of the site, such as /index.nl.html.
func newPageAt(t *testing.T, path string) *testPage {
	t.Helper()
	ctx, err := suite.browser.NewContext(playwright.BrowserNewContextOptions{
		BaseURL:  playwright.String(suite.server.URL),
		Viewport: &playwright.Size{Width: 1280, Height: 800},
	})
	if err != nil {
		t.Fatalf("new browser context: %v", err)
	}
	page, err := ctx.NewPage()
	if err != nil {
		ctx.Close()
		t.Fatalf("new page: %v", err)
	}
	p := &testPage{Page: page}
	p.listen()
	t.Cleanup(func() { p.finish(t, ctx) })
	p.open(t, path)
	p.waitForEngine(t)
	return p
}

// dutchModel returns a built-in model and its description as the Dutch page
// shows it.
func dutchModel(t *testing.T, id string) (*scoring.Model, scoring.Description) {
	t.Helper()
	m, d := builtinModel(t, id)
	return m, web.Dutch.JS.Models.Description(d)
}

// checkProbabilities checks that the result shows, per horizon, what Predict
// gives for c.
func checkProbabilities(t *testing.T, result playwright.Locator, m *scoring.Model, c scoring.Case) {
	t.Helper()
	want, err := m.Predict(c)
	if err != nil {
		t.Fatalf("Predict(%v): %v", c, err)
	}
	for _, h := range want.Horizons {
		cell := result.GetByTestId("prob-" + h.Label)
		if err := expect.Locator(cell).ToBeVisible(); err != nil {
			t.Fatalf("prob-%s: %v", h.Label, err)
		}
		raw, _ := cell.GetAttribute("data-probability")
		got, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.Abs(got-h.Probability) > pageTolerance {
			t.Errorf("prob-%s = %q, want %v", h.Label, raw, h.Probability)
		}
	}
}

// TestDutchPageScores enters the OGRS3 case through the Dutch labels, and checks
// the Dutch page's language, the result (the engine's numbers), and that the
// labels the engine returns are shown in Dutch.
func TestDutchPageScores(t *testing.T) {
	p := newPageAt(t, "/index.nl.html")
	if lang := p.evalJS(t, `() => document.documentElement.lang`); lang != "nl" {
		t.Errorf("html lang = %v, want nl", lang)
	}
	m, d := dutchModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	button := form.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.Dutch.Calculate, Exact: playwright.Bool(true)})
	if err := button.Click(); err != nil {
		t.Fatalf("click %s: %v", web.Dutch.Calculate, err)
	}
	result := p.GetByTestId("result")
	checkProbabilities(t, result, m, ogrs3Case)
	for _, want := range []string{"Uitkomst: OGRS3 (Offender Group Reconviction Scale, versie 3)",
		"Leeftijd en geslacht", "Delictgroep", "Diefstal (geen voertuig)", "Recidivist",
		"Leeftijd bij de risicotaxatie", "Hoe elke invoer meetelt", "geverifieerd"} {
		if err := expect.Locator(result).ToContainText(want); err != nil {
			t.Errorf("Dutch result lacks %q: %v", want, err)
		}
	}
	for _, english := range []string{"Age and sex", "Repeat offender", "Theft (non-motor)"} {
		if strings.Contains(text(t, result), english) {
			t.Errorf("Dutch result shows English %q", english)
		}
	}
}

// TestLanguageSwitch follows the language links both ways, by keyboard, and checks
// that switching with a typed value asks first and, when the user stays, keeps it.
func TestLanguageSwitch(t *testing.T) {
	p := newPage(t)
	link := p.GetByRole("link", playwright.PageGetByRoleOptions{Name: "Nederlands"})
	if lang, _ := link.GetAttribute("lang"); lang != "nl" {
		t.Errorf("link to Dutch has lang %q, want nl", lang)
	}
	if err := link.Focus(); err != nil {
		t.Fatal(err)
	}
	if err := p.Keyboard().Press("Enter"); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitForURL("**/index.nl.html"); err != nil {
		t.Fatalf("Enter on the link did not open the Dutch page: %v", err)
	}
	p.waitForEngine(t)

	// A typed value: leaving asks, and staying keeps it.
	_, d := dutchModel(t, "ogrs3")
	field := control(t, modelForm(p, "ogrs3"), d, "previous_sanctions")
	if err := field.Fill("7"); err != nil {
		t.Fatal(err)
	}
	asked := make(chan string, 1)
	p.OnDialog(func(dl playwright.Dialog) {
		asked <- dl.Type()
		dl.Dismiss()
	})
	if err := p.GetByTestId("lang-en").Click(playwright.LocatorClickOptions{
		NoWaitAfter: playwright.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	select {
	case typ := <-asked:
		if typ != "beforeunload" {
			t.Errorf("dialog %q, want beforeunload", typ)
		}
	case <-time.After(dialogWait):
		t.Fatal("switching language with a typed value did not ask first")
	}
	if v, _ := field.InputValue(); v != "7" || !strings.HasSuffix(p.URL(), "/index.nl.html") {
		t.Errorf("after staying: url %s, field %q, want the Dutch page with 7", p.URL(), v)
	}
}

// TestDutchSingleFile opens the Dutch single file from disk: it is Dutch, its
// engine runs, and it links to the English single file beside it.
func TestDutchSingleFile(t *testing.T) {
	u := strings.Replace(singleFileURL(t), "spiegel.html", web.SingleFile("nl"), 1)
	p, _ := openLogged(t, u, true)
	if lang := p.evalJS(t, `() => document.documentElement.lang`); lang != "nl" {
		t.Errorf("html lang = %v, want nl", lang)
	}
	if href, _ := p.GetByTestId("lang-en").GetAttribute("href"); href != "spiegel.html" {
		t.Errorf("link to English = %q, want spiegel.html", href)
	}
	m, d := dutchModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	if err := form.GetByTestId("calculate").Click(); err != nil {
		t.Fatal(err)
	}
	checkProbabilities(t, p.GetByTestId("result"), m, ogrs3Case)
}

// TestDutchPageErrors checks that the Dutch page says in Dutch why a value was
// refused, from the engine's error code and arguments, with the related field's
// Dutch label, and keeps what was typed.
func TestDutchPageErrors(t *testing.T) {
	_, d := dutchModel(t, "ogrs3")
	tests := []struct {
		field, value, want string
	}{
		{"previous_sanctions", "-1", "“-1”: buiten het toegestane bereik: lager dan 0"},
		{"previous_sanctions", "abc", "“abc”: geen eindig getal"},
		{"first_sanction_date", "2024-12-01", "“2024-12-01”: datums in een onmogelijke " +
			"volgorde: na Datum van de huidige veroordeling 2024-11-20"},
		{"first_sanction_date", "1993-07-01", "“1993-07-01”: buiten het toegestane bereik: " +
			"Leeftijd bij de eerste sanctie is 9, lager dan 10"},
	}
	p := newPageAt(t, "/index.nl.html")
	form := modelForm(p, "ogrs3")
	button := form.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.Dutch.Calculate, Exact: playwright.Bool(true)})
	for _, tt := range tests {
		c := ogrs3With(scoring.Case{tt.field: tt.value})
		enterCase(t, form, d, c)
		if err := button.Click(); err != nil {
			t.Fatalf("click %s: %v", web.Dutch.Calculate, err)
		}
		got := form.GetByTestId("error-" + tt.field)
		if err := expect.Locator(got).ToHaveText(tt.want); err != nil {
			t.Errorf("%s = %q: %v", tt.field, tt.value, err)
		}
		checkValuesKept(t, form, d, c)
	}
}

// TestDutchWarningsAndVariant checks that the Dutch page writes a warning about an
// input, and the reason the variant rule gives, in Dutch.
func TestDutchWarningsAndVariant(t *testing.T) {
	p := newPageAt(t, "/index.nl.html")
	_, d := dutchModel(t, "ogrs3")
	c := ogrs3With(scoring.Case{"previous_sanctions": "55"})
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, c)
	if err := form.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: web.Dutch.Calculate, Exact: playwright.Bool(true)}).Click(); err != nil {
		t.Fatalf("click %s: %v", web.Dutch.Calculate, err)
	}
	warn := p.GetByTestId("result").GetByTestId("warnings")
	want := "Eerdere sancties 55: boven 49 eerdere sancties is de begrenzing van de " +
		"Copas-ratio niet door referentiecasussen bevestigd"
	if err := expect.Locator(warn).ToContainText(want); err != nil {
		t.Errorf("Dutch warning: %v", err)
	}

	picker := p.GetByLabel(web.Dutch.PickerLabel, playwright.PageGetByLabelOptions{
		Exact: playwright.Bool(true)})
	if _, err := picker.SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatalf("choose %s: %v", oxrecGroup, err)
	}
	group := caseForm(p.Locator(`section[data-group="` + oxrecGroup + `"]`))
	if err := group.GetByRole("group", playwright.LocatorGetByRoleOptions{
		Name: web.Dutch.Detained, Exact: playwright.Bool(true)}).
		GetByRole("radio", playwright.LocatorGetByRoleOptions{
			Name: web.Dutch.Yes, Exact: playwright.Bool(true)}).Check(); err != nil {
		t.Fatalf("answer %s: %v", web.Dutch.Detained, err)
	}
	for months, want := range map[string]string{
		"8": "Waarom: gedetineerd 8 maanden, ten minste 6: Gedetineerd",
		"3": "Waarom: gedetineerd 3 maanden, minder dan 6: Niet-gedetineerd",
	} {
		if err := group.Locator(`[name="detention_months"]`).Fill(months); err != nil {
			t.Fatalf("enter detention_months = %s: %v", months, err)
		}
		reason := group.GetByTestId("variant-reason")
		if err := expect.Locator(reason).ToHaveText(want); err != nil {
			t.Errorf("detention %s months: %v", months, err)
		}
	}
}
