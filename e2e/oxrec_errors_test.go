//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// TestOxRecErrorSummaryNamesLabels submits the OxRec-NL form empty: the error summary
// names each field by the words of its label or legend, never by its id.
func TestOxRecErrorSummaryNamesLabels(t *testing.T) {
	p, section := oxrecPage(t)
	loadSynthetic(t, section)
	form := caseForm(section)
	submit(t, form)
	items := form.GetByTestId("error-fields").GetByRole("button")
	if err := expect.Locator(items.First()).ToBeVisible(); err != nil {
		t.Fatalf("no fields listed: %v", err)
	}
	names, err := items.AllTextContents()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if n == "" || strings.ContainsAny(n, "_") || strings.HasSuffix(n, "-asked") {
			t.Errorf("error summary names a field %q, want its label", n)
		}
	}
	if errs := p.PageErrors(); len(errs) > 0 {
		t.Errorf("page errors: %q", errs)
	}
}
