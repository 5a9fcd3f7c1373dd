//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
)

// TestValidationWarningsInPageLanguage validates rossi-cox on made-up data without a
// single arrest, where the concordance has no comparable pair and the calibration
// slope cannot be fitted, and requires each page to list the engine's warnings in its
// own language (the engine's words in English, the catalogue's from the codes in
// Dutch), and the reason for a row with an event of 2 in the page's words.
func TestValidationWarningsInPageLanguage(t *testing.T) {
	lines := strings.Split(string(valSyntheticCohort(60, 5)), "\n")
	for i := 1; i < len(lines); i++ {
		if f := strings.Split(lines[i], ","); len(f) > 2 {
			f[1], f[2] = "52", "0"
			lines[i] = strings.Join(f, ",")
		}
	}
	lines = append(lines[:len(lines)-1], "zz,52,2,no,30,no,married,no,1", "")
	data := []byte(strings.Join(lines, "\n"))
	want := engineWarnings(t, data)
	for _, pl := range pageLangs {
		t.Run(pl.path, func(t *testing.T) {
			_, section := valStudioAt(t, pl.path, pl.text.JS, "no-events.csv", data)
			for _, c := range [][2]string{{"val-model", "rossi-cox"}, {"val-horizon", "52"}} {
				if _, err := section.GetByTestId(c[0]).SelectOption(playwright.SelectOptionValues{
					Values: &[]string{c[1]}}); err != nil {
					t.Fatalf("choose %s in %s: %v", c[1], c[0], err)
				}
			}
			valClick(t, section.GetByTestId("val-compute"))
			list := section.GetByTestId("val-card").GetByTestId("val-warnings").Locator("li")
			valWaitText(t, list.First(), "")
			got, err := list.AllTextContents()
			if err != nil {
				t.Fatal(err)
			}
			wantText := want.Warnings
			if pl.text.JS.ValWarn != nil {
				wantText = nil
				for _, c := range want.WarningCodes {
					wantText = append(wantText, pl.text.JS.ValWarn[c])
				}
			}
			if !slices.Equal(got, wantText) {
				t.Errorf("warnings shown %q, want %q", got, wantText)
			}
			// The row with event 2 is listed with the page's words for its code.
			cells, err := section.GetByTestId("val-bad-row").Locator("td").AllTextContents()
			if err != nil {
				t.Fatal(err)
			}
			if reason := pl.text.JS.InputErrors["not_flag"]; len(cells) != 5 ||
				cells[2] != "arrest" || cells[4] != reason {
				t.Errorf("bad row shown as %q, want the column arrest and the reason %q",
					cells, reason)
			}
		})
	}
}

// engineWarnings is what scoring warns of rossi-cox at 52 weeks on data, which must
// be the two warnings of data without events.
func engineWarnings(t *testing.T, data []byte) scoring.Measures {
	t.Helper()
	v := valEngineWith(t, data, scoring.ValidationOptions{Horizon: 52})
	codes := []string{"no_comparable_pairs", "slope_not_fitted"}
	if !slices.Equal(v.Measures.WarningCodes, codes) {
		t.Fatalf("the engine warns %q (codes %q), want codes %q", v.Measures.Warnings,
			v.Measures.WarningCodes, codes)
	}
	return v.Measures
}
