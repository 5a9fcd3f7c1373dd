//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/mxschmitt/playwright-go"

	"spiegel/web"
)

// printPDF emulates print media and renders the page to a PDF, saved to out/name
// for review; it returns the PDF's bytes.
func printPDF(t *testing.T, p *testPage, name string) []byte {
	t.Helper()
	if err := p.EmulateMedia(playwright.PageEmulateMediaOptions{
		Media: playwright.MediaPrint}); err != nil {
		t.Fatalf("emulate print media: %v", err)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	pdf, err := p.PDF(playwright.PagePdfOptions{Path: playwright.String(filepath.Join(outDir, name)),
		Format: playwright.String("A4")})
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("PDF output starts %q", pdf[:min(len(pdf), 8)])
	}
	return pdf
}

// pdfPages counts the pages of a PDF by its page objects.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// TestPrintedReport scores the OGRS3 case and checks what print shows: the report
// block with the date of printing, the product version, the intended use and every
// input; the result, contributions and identity; no controls. On screen the report
// block stays hidden.
func TestPrintedReport(t *testing.T) {
	p := newPage(t)
	m, d := builtinModel(t, "ogrs3")
	form := modelForm(p, "ogrs3")
	enterCase(t, form, d, ogrs3Case)
	submit(t, form)
	result := p.GetByTestId("result")
	checkProbabilities(t, result, m, ogrs3Case)
	meta := result.GetByTestId("report-meta")
	if err := expect.Locator(meta).ToBeHidden(); err != nil {
		t.Errorf("report block on screen: %v", err)
	}

	pdf := printPDF(t, p, "report-ogrs3.pdf")
	if pdfPages(pdf) < 1 {
		t.Errorf("PDF has no pages")
	}
	year := strconv.Itoa(time.Now().Year())
	version := p.evalJS(t, `() => spiegel.version`).(string)
	checks := map[string]string{
		"report-date":    year,
		"report-product": version,
		"report-use":     d.IntendedUse,
		"id-model":       "ogrs3",
		"id-version":     d.Version,
		"id-sha256":      m.SHA256(),
	}
	for id, want := range checks {
		loc := result.GetByTestId(id)
		if err := expect.Locator(loc).ToBeVisible(); err != nil {
			t.Errorf("print: %s not visible: %v", id, err)
			continue
		}
		if err := expect.Locator(loc).ToContainText(want); err != nil {
			t.Errorf("print: %s: %v", id, err)
		}
	}
	rows := result.GetByTestId("report-inputs").Locator("tbody tr")
	if err := expect.Locator(rows).ToHaveCount(len(d.Predictors)); err != nil {
		t.Errorf("print: inputs table: %v", err)
	}
	if err := expect.Locator(result.GetByTestId("report-inputs")).
		ToContainText("Theft (non-motor)"); err != nil {
		t.Errorf("print: inputs table lacks the chosen offence group: %v", err)
	}
	for _, hidden := range []playwright.Locator{form, p.GetByTestId("model-picker"),
		p.GetByTestId("case-tools"), p.GetByTestId("lang-switch"),
		p.GetByTestId("print-synthetic")} {
		if err := expect.Locator(hidden).ToBeHidden(); err != nil {
			t.Errorf("print: a control is visible: %v", err)
		}
	}
	if err := expect.Locator(result.Locator("table.contributions:not(.explain-table)")).ToBeVisible(); err != nil {
		t.Errorf("print: contributions: %v", err)
	}
}

// TestPrintedReportSynthetic prints an OxRec-NL result computed with the
// synthetic parameters: the synthetic mark is fixed in print (so Chromium repeats
// it on every page of a report that spans several), the parameter file's SHA-256
// is shown, and the PDF renders.
func TestPrintedReportSynthetic(t *testing.T) {
	p := newPage(t)
	if _, err := p.GetByTestId("model-picker").SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatal(err)
	}
	loadDemo(t, p, "oxrec-detained-8")
	section := p.Locator(`section[data-group="` + oxrecGroup + `"]`)
	if err := expect.Locator(section.GetByTestId("params-passed")).ToBeVisible(); err != nil {
		t.Fatalf("synthetic parameters not loaded: %v", err)
	}
	submit(t, caseForm(section))
	result := p.GetByTestId("result").GetByTestId("group-result")
	if err := expect.Locator(result).ToBeVisible(); err != nil {
		t.Fatal(err)
	}
	mark := p.GetByTestId("print-synthetic")
	if err := expect.Locator(mark).ToBeHidden(); err != nil {
		t.Errorf("print mark on screen: %v", err)
	}

	pdf := printPDF(t, p, "report-oxrec-synthetic.pdf")
	if err := expect.Locator(mark).ToBeVisible(); err != nil {
		t.Fatalf("print: synthetic mark: %v", err)
	}
	if err := expect.Locator(mark).ToHaveText(web.English.JS.SyntheticBanner); err != nil {
		t.Errorf("print: synthetic mark: %v", err)
	}
	if pos := p.evalJS(t, `() => getComputedStyle(document.querySelector(
		"[data-testid=print-synthetic]")).position`); pos != "fixed" {
		t.Errorf("print: synthetic mark position %v, want fixed (repeated on every page)", pos)
	}
	if n := pdfPages(pdf); n < 2 {
		t.Errorf("PDF has %d pages, want a report over several", n)
	}
	if err := expect.Locator(result.GetByTestId("id-params-sha256")).ToBeVisible(); err != nil {
		t.Errorf("print: parameter-file SHA-256: %v", err)
	}
	for _, hidden := range []playwright.Locator{caseForm(section),
		section.GetByTestId("params-panel")} {
		if err := expect.Locator(hidden).ToBeHidden(); err != nil {
			t.Errorf("print: a control is visible: %v", err)
		}
	}
}
