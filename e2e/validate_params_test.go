//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/internal/testcohort"
	"spiegel/scoring"
	"spiegel/web"
)

// oxrecDetainedCSV is made-up follow-up data for the detained OxRec-NL variants.
func oxrecDetainedCSV(t *testing.T) []byte {
	t.Helper()
	data, err := testcohort.OxRec(120, testcohort.Detained, testcohort.Varied)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(data)
}

// TestValidationStudioRecalibratesParams recalibrates an OxRec-NL variant in the
// studio with the synthetic parameter file given for the validation, saves the
// group's new parameter file, and loads it in the OxRec-NL section, where it
// verifies and is marked synthetic and recalibrated.
func TestValidationStudioRecalibratesParams(t *testing.T) {
	js := web.English.JS
	p, section := valStudio(t, "oxrec.csv", oxrecDetainedCSV(t))
	valChoose(t, section, js.ValModel, "oxrec-nl-detained-general")
	valChoose(t, section, js.ValHorizon, "1")
	valChoose(t, section, js.ValTimeColumn, "years")
	valChoose(t, section, js.ValEventColumn, "event")
	err := section.GetByTestId("val-params-a").SetInputFiles(playwright.InputFile{
		Name: "synthetic.json", MimeType: "application/json",
		Buffer: scoring.SyntheticOxRecParams})
	if err != nil {
		t.Fatalf("choose the parameter file: %v", err)
	}
	valClick(t, section.GetByTestId("val-compute"))
	card := section.GetByTestId("val-card")
	timeout := 20000.0
	if err := card.WaitFor(playwright.LocatorWaitForOptions{Timeout: &timeout}); err != nil {
		t.Fatalf("no result: %v (errors: %q)", err, text(t, section.GetByTestId("val-errors")))
	}
	valClick(t, section.GetByTestId("val-recalibrate"))
	valWaitText(t, section.GetByTestId("val-recal-result"), "oxrec-nl-detained-general-recal-")
	if err := expect.Locator(section.GetByTestId("val-recal-synthetic")).ToHaveText(
		js.ValSynthetic); err != nil {
		t.Errorf("the recalibration of synthetic parameters is not marked synthetic: %v", err)
	}
	name, body := valSaveDownload(t, p, section.GetByTestId("val-download-params"))
	if !strings.HasSuffix(name, ".params.json") {
		t.Errorf("download named %q, want NAME.params.json", name)
	}

	picker := p.GetByLabel(web.English.PickerLabel, playwright.PageGetByLabelOptions{
		Exact: playwright.Bool(true)})
	if _, err := picker.SelectOption(playwright.SelectOptionValues{
		Values: &[]string{oxrecGroup}}); err != nil {
		t.Fatalf("choose %s: %v", oxrecGroup, err)
	}
	group := p.Locator(`section[data-group="` + oxrecGroup + `"]`)
	chooseParamsFile(t, group, name, body)
	if err := expect.Locator(group.GetByTestId("params-passed")).ToBeVisible(); err != nil {
		t.Fatalf("recalibrated file not verified: %v (report: %q)", err,
			text(t, group.GetByTestId("params-report")))
	}
	report := group.GetByTestId("params-report")
	for _, want := range []string{"recalibrated", "SYNTHETIC"} {
		if err := expect.Locator(report).ToContainText(want); err != nil {
			t.Errorf("report lacks %q: %v", want, err)
		}
	}
}
