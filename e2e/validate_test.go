//go:build e2e

package e2e

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// validationTolerance is how far a measure the page shows may be from the engine's:
// the page shows the engine's own number, so only a conversion could move it.
const validationTolerance = 1e-9

// valSyntheticCohort writes n made-up cases for rossi-cox, with follow-up in weeks and
// an arrest indicator, from a fixed seed: the same rows every run. The columns are
// the model's inputs by id, so the page maps them by itself.
func valSyntheticCohort(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	var b bytes.Buffer
	b.WriteString("id,week,arrest,fin,age,wexp,mar,paro,prio\n")
	pick := func(a, c string) string {
		if r.IntN(2) == 0 {
			return a
		}
		return c
	}
	for i := range n {
		prio := r.IntN(12)
		week, arrest := 52, 0
		if r.Float64() < 0.15+0.03*float64(prio) {
			week, arrest = 1+r.IntN(52), 1
		}
		b.WriteString("s" + strconv.Itoa(i+1) + "," + strconv.Itoa(week) + "," +
			strconv.Itoa(arrest) + "," + pick("no", "yes") + "," + strconv.Itoa(17+r.IntN(28)) +
			"," + pick("no", "yes") + "," + pick("married", "not married") + "," +
			pick("no", "yes") + "," + strconv.Itoa(prio) + "\n")
	}
	return b.Bytes()
}

// studio opens the validation studio in a fresh page and gives it a data file.
func valStudio(t *testing.T, name string, data []byte) (*testPage, playwright.Locator) {
	t.Helper()
	return valStudioAt(t, pageLangs[0].path, pageLangs[0].text.JS, name, data)
}

// valStudioAt is valStudio on the page at path, whose texts are js.
func valStudioAt(t *testing.T, path string, js web.JSText, name string,
	data []byte) (*testPage, playwright.Locator) {
	t.Helper()
	p := newPageAt(t, path)
	section := p.GetByTestId("validation-studio")
	valClick(t, section.GetByRole("button", playwright.LocatorGetByRoleOptions{
		Name: js.ValOpen}))
	err := section.GetByLabel(js.ValFile).SetInputFiles(playwright.InputFile{
		Name: name, MimeType: "text/csv", Buffer: data})
	if err != nil {
		t.Fatalf("choose data file: %v", err)
	}
	status := web.Fill(js.ValFileRead, map[string]string{"name": name})
	status = status[:strings.Index(status, ":")]
	valWaitText(t, section.GetByTestId("val-file-status"), status)
	return p, section
}

// choose selects value in the select labelled label.
func valChoose(t *testing.T, section playwright.Locator, label, value string) {
	t.Helper()
	_, err := section.GetByLabel(label, playwright.LocatorGetByLabelOptions{
		Exact: playwright.Bool(true)}).SelectOption(playwright.SelectOptionValues{
		Values: &[]string{value}})
	if err != nil {
		t.Fatalf("choose %q in %q: %v", value, label, err)
	}
}

func valClick(t *testing.T, loc playwright.Locator) {
	t.Helper()
	if err := loc.Click(); err != nil {
		t.Fatalf("click: %v", err)
	}
}

// waitText waits until loc's text contains want.
func valWaitText(t *testing.T, loc playwright.Locator, want string) {
	t.Helper()
	timeout := 20000.0
	err := loc.Filter(playwright.LocatorFilterOptions{HasText: want}).WaitFor(
		playwright.LocatorWaitForOptions{Timeout: &timeout})
	if err != nil {
		t.Fatalf("waiting for %q: %v (shown: %q)", want, err, text(t, loc))
	}
}

// computeStudio chooses rossi-cox at 52 weeks, subgroups by fin, and computes.
func valComputeStudio(t *testing.T, section playwright.Locator) playwright.Locator {
	t.Helper()
	js := web.English.JS
	valChoose(t, section, js.ValModel, "rossi-cox")
	valChoose(t, section, js.ValHorizon, "52")
	valChoose(t, section, js.ValBy, "fin")
	valClick(t, section.GetByTestId("val-compute"))
	card := section.GetByTestId("val-card")
	timeout := 20000.0
	if err := card.WaitFor(playwright.LocatorWaitForOptions{Timeout: &timeout}); err != nil {
		t.Fatalf("no result: %v (errors: %q)", err, text(t, section.GetByTestId("val-errors")))
	}
	return card
}

// engineValidation is what scoring computes on the same bytes.
func valEngineValidation(t *testing.T, data []byte) *scoring.Validation {
	t.Helper()
	return valEngineWith(t, data, scoring.ValidationOptions{Horizon: 52, By: "fin"})
}

// valEngineWith is what scoring computes for rossi-cox on the bytes (week and arrest
// as follow-up and event) with the options given.
func valEngineWith(t *testing.T, data []byte, opt scoring.ValidationOptions) *scoring.Validation {
	t.Helper()
	m, _ := builtinModel(t, "rossi-cox")
	c, err := scoring.ReadCohort(bytes.NewReader(data),
		scoring.CohortSpec{Time: "week", Event: "arrest"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := scoring.Validate(m, c, opt)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// dataValue reads the exact number in the data-value of the element with the test id.
func valDataValue(t *testing.T, card playwright.Locator, testID string) float64 {
	t.Helper()
	raw, err := card.GetByTestId(testID).First().GetAttribute("data-value")
	if err != nil {
		t.Fatalf("%s: %v", testID, err)
	}
	x, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("%s: data-value %q: %v", testID, raw, err)
	}
	return x
}

// count returns the number of elements loc matches.
func valCount(t *testing.T, loc playwright.Locator) int {
	t.Helper()
	n, err := loc.Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestValidationStudioRossi validates rossi-cox on the Rossi data in the page and
// checks every measure against the engine (which the scoring tests check against
// R's survival), the ten points of the calibration plot and the two rows of the
// subgroup table by fin.
func TestValidationStudioRossi(t *testing.T) {
	data, err := os.ReadFile(sharedPath(t, "rossi/rossi.csv"))
	if err != nil {
		t.Fatal(err)
	}
	p, section := valStudio(t, "rossi.csv", data)
	card := valComputeStudio(t, section)
	want := valEngineValidation(t, data)
	checks := map[string]float64{
		"val-n": float64(want.N), "val-events": float64(want.Events),
		"val-concordance": *want.Concordance, "val-observed_risk": want.ObservedRisk,
		"val-mean_predicted":                      want.MeanPredicted,
		"val-calibration_in_the_large":            *want.CalibrationInTheLarge,
		"val-calibration_in_the_large_difference": want.CalibrationInTheLargeDifference,
		"val-calibration_slope":                   *want.CalibrationSlope,
		"val-brier":                               want.Brier,
	}
	for id, w := range checks {
		if got := valDataValue(t, card, id); math.Abs(got-w) > validationTolerance {
			t.Errorf("page %s = %v, want the engine's %v", id, got, w)
		}
	}
	if n := valCount(t, card.GetByTestId("val-cal-point")); n != 10 {
		t.Errorf("calibration plot has %d points, want 10", n)
	}
	if n := valCount(t, card.GetByTestId("val-cal-row")); n != 10 {
		t.Errorf("calibration table has %d rows, want 10", n)
	}
	if n := valCount(t, card.GetByTestId("val-subgroups").GetByTestId("val-sub-row")); n != 2 {
		t.Errorf("subgroup table by fin has %d rows, want 2", n)
	}
	if strings.Contains(valText(t, card), "null") {
		t.Errorf("result shows the word null: %q", valText(t, card))
	}
	valSaveScreenshot(t, p, "validation-studio.png")
	valCheckPrinted(t, p)
}

// checkPrinted checks that the printed page shows the plot and the subgroup table.
func valCheckPrinted(t *testing.T, p *testPage) {
	t.Helper()
	if err := p.EmulateMedia(playwright.PageEmulateMediaOptions{
		Media: playwright.MediaPrint}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"val-plot", "val-subgroups", "val-measures"} {
		visible, err := p.GetByTestId(id).IsVisible()
		if err != nil || !visible {
			t.Errorf("printed page: %s visible = %v (%v), want visible", id, visible, err)
		}
	}
	if visible, _ := p.GetByTestId("val-form").IsVisible(); visible {
		t.Error("printed page shows the studio's form, want it left out")
	}
	valSaveScreenshot(t, p, "validation-studio-print.png")
}

// saveScreenshot keeps a full-page screenshot under out/.
func valSaveScreenshot(t *testing.T, p *testPage, name string) {
	t.Helper()
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := p.Screenshot(playwright.PageScreenshotOptions{
		Path: playwright.String(filepath.Join(outDir, name)), FullPage: playwright.Bool(true)})
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
	}
}

// TestValidationStudioListsBadRows gives the studio a file with an unknown level, a
// short row and a bad event, and checks that those rows are listed by number and
// left out of n.
func TestValidationStudioListsBadRows(t *testing.T) {
	lines := strings.SplitAfter(string(valSyntheticCohort(200, 7)), "\n")
	lines[4] = "s4,52,0,maybe,30,no,married,no,1\n" // data row 4: an unknown level
	lines[9] = "s9,3\n"                             // data row 9: too few fields
	lines[20] = "s20,10,2,no,30,no,married,no,1\n"  // data row 20: event 2
	data := []byte(strings.Join(lines, ""))
	_, section := valStudio(t, "bad.csv", data)
	card := valComputeStudio(t, section)

	want := valEngineValidation(t, data)
	var wantRows []string
	for _, b := range want.BadRows {
		wantRows = append(wantRows, strconv.Itoa(b.Row))
	}
	if len(wantRows) < 2 {
		t.Fatalf("the engine refuses rows %v, want at least rows 4 and 9", wantRows)
	}
	bad := card.GetByTestId("val-bad-rows").GetByTestId("val-bad-row")
	var got []string
	for i := range valCount(t, bad) {
		row, _ := bad.Nth(i).GetAttribute("data-row")
		got = append(got, row)
	}
	if strings.Join(got, ",") != strings.Join(wantRows, ",") || got[0] != "4" || got[1] != "9" {
		t.Errorf("page lists bad rows %v, want %v (rows 4 and 9 first)", got, wantRows)
	}
	if n := valDataValue(t, card, "val-n"); int(n) != 200-len(wantRows) {
		t.Errorf("page n = %v, want %d rows less the refused", n, 200-len(wantRows))
	}
}

// TestValidationStudioRecalibrates recalibrates rossi-cox with a slope, saves the
// two downloads, loads them back through the studio (which verifies the golden
// cases) and validates the loaded model on the same data.
func TestValidationStudioRecalibrates(t *testing.T) {
	data := valSyntheticCohort(400, 11)
	p, section := valStudio(t, "made-up.csv", data)
	valComputeStudio(t, section)
	js := web.English.JS
	valClick(t, section.GetByLabel(js.ValRecalSlope))
	valClick(t, section.GetByTestId("val-recalibrate"))
	valWaitText(t, section.GetByTestId("val-recal-result"), "rossi-cox-recal-")

	files := map[string][]byte{}
	for _, id := range []string{"val-download-def", "val-download-golden"} {
		name, body := valSaveDownload(t, p, section.GetByTestId(id))
		files[name] = body
	}
	var inputs []playwright.InputFile
	for name, body := range files {
		inputs = append(inputs, playwright.InputFile{Name: name, MimeType: "application/json",
			Buffer: body})
	}
	if err := section.GetByLabel(js.ValLoadFiles).SetInputFiles(inputs); err != nil {
		t.Fatal(err)
	}
	valWaitText(t, section.GetByTestId("val-load-status"), "Verified")

	// The loaded model can be chosen and validated.
	status := text(t, section.GetByTestId("val-load-status"))
	id := strings.Fields(strings.TrimPrefix(status, "Verified: "))[0]
	valChoose(t, section, js.ValModel, id)
	valClick(t, section.GetByTestId("val-compute"))
	valWaitText(t, section.GetByTestId("val-progress"), "Done")
	if got, _ := section.GetByTestId("val-card").GetAttribute("data-model"); got != id {
		t.Errorf("validated model %q, want the loaded %q", got, id)
	}
}

// TestValidationStudioCompares validates two models on the same rows side by side
// and checks each column against the engine's comparison.
func TestValidationStudioCompares(t *testing.T) {
	data := valSyntheticCohort(300, 5)
	_, section := valStudio(t, "made-up.csv", data)
	valChoose(t, section, web.English.JS.ValCompare, "rossi-cox-paroled")
	card := valComputeStudio(t, section)

	c, err := scoring.ReadCohort(bytes.NewReader(data),
		scoring.CohortSpec{Time: "week", Event: "arrest"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := builtinModel(t, "rossi-cox")
	b, _ := builtinModel(t, "rossi-cox-paroled")
	cmp, err := scoring.Compare([]*scoring.Model{a, b}, c,
		scoring.ValidationOptions{Horizon: 52, By: "fin"})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range cmp.Models {
		suffix := "-" + strconv.Itoa(i+1)
		got := valDataValue(t, card, "val-concordance"+suffix)
		if math.Abs(got-*v.Concordance) > validationTolerance {
			t.Errorf("page concordance of %s = %v, want %v", v.Model, got, *v.Concordance)
		}
		if got := valDataValue(t, card, "val-brier"+suffix); math.Abs(got-v.Brier) >
			validationTolerance {
			t.Errorf("page Brier of %s = %v, want %v", v.Model, got, v.Brier)
		}
		if n := valCount(t, card.GetByTestId("val-plot"+suffix).GetByTestId("val-cal-point")); n != 10 {
			t.Errorf("plot of %s has %d points, want 10", v.Model, n)
		}
	}
}

// valText returns the text of loc.
func valText(t *testing.T, loc playwright.Locator) string {
	t.Helper()
	s, err := loc.TextContent()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// saveDownload clicks a download link and returns the suggested name and the bytes.
func valSaveDownload(t *testing.T, p *testPage, link playwright.Locator) (string, []byte) {
	t.Helper()
	dl, err := p.ExpectDownload(func() error { return link.Click() })
	if err != nil {
		t.Fatalf("download: %v", err)
	}
	path := filepath.Join(t.TempDir(), dl.SuggestedFilename())
	if err := dl.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if u := dl.URL(); !strings.HasPrefix(u, "blob:") {
		t.Errorf("download came from %q, want a local blob: URL", u)
	}
	return dl.SuggestedFilename(), body
}
