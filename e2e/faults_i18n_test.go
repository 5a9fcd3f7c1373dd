//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/scoring"
	"spiegel/web"
)

// TestFaultDemoReasonsInPageLanguage loads JSON lines with a record that is not JSON,
// one that is not an object and a case the model refuses, runs the demonstration, and
// requires each page to give every reason in its own words, from the engine's codes.
func TestFaultDemoReasonsInPageLanguage(t *testing.T) {
	data := `{"id": "a", "fin": "no", "age": "25", "wexp": "yes", "mar": "married", "prio": "2"}
{"id": "b",
[1]
{"id": "d", "fin": "maybe", "age": "25", "wexp": "yes", "mar": "married", "prio": "2"}
`
	for _, pl := range pageLangs {
		t.Run(pl.path, func(t *testing.T) {
			js := pl.text.JS
			p := newPageAt(t, pl.path)
			section := p.GetByTestId("faults")
			if _, err := section.GetByTestId("faults-model").SelectOption(
				playwright.SelectOptionValues{Values: &[]string{"rossi-cox-paroled"}}); err != nil {
				t.Fatal(err)
			}
			if err := section.GetByTestId("faults-file").SetInputFiles(playwright.InputFile{
				Name: "cases.jsonl", MimeType: "text/plain", Buffer: []byte(data)}); err != nil {
				t.Fatal(err)
			}
			waitPopulation(t, section, 2)
			left := section.GetByTestId("faults-left-out")
			for row, code := range map[string]string{"2": "not_json", "3": "not_object"} {
				want := web.Fill(js.FaultsRow, map[string]string{"row": row, "line": row,
					"message": js.InputErrors[code]})
				got := text(t, left.Locator(`li[data-row="`+row+`"]`))
				if got != want {
					t.Errorf("row %s listed as %q, want %q", row, got, want)
				}
			}
			if err := section.GetByTestId("faults-min-move").Fill("1"); err != nil {
				t.Fatal(err)
			}
			if err := section.GetByTestId("faults-run").Click(); err != nil {
				t.Fatal(err)
			}
			refused := section.GetByTestId("faults-refused").Locator("li")
			if err := expect.Locator(refused).ToHaveCount(1); err != nil {
				t.Fatalf("refused cases: %v (errors %q)", err,
					text(t, section.GetByTestId("faults-errors")))
			}
			reason := web.Fill(js.ValueMessage, map[string]string{"value": "maybe",
				"message": js.InputErrors["unknown_level"]})
			if got := text(t, refused); !strings.HasSuffix(got, " "+reason) ||
				!strings.Contains(got, "(d)") {
				t.Errorf("refused case listed as %q, want case d with the reason %q", got, reason)
			}
		})
	}
}

// TestFaultDemoDrawInPageLanguage asks each page to draw -5 fictional cases, which it
// refuses in its own words before asking the engine, and then one, which it reports
// in the singular.
func TestFaultDemoDrawInPageLanguage(t *testing.T) {
	for _, pl := range pageLangs {
		t.Run(pl.path, func(t *testing.T) {
			js := pl.text.JS
			p := newPageAt(t, pl.path)
			section := p.GetByTestId("faults")
			draw := func(n string) {
				t.Helper()
				if err := section.GetByTestId("faults-n").Fill(n); err != nil {
					t.Fatal(err)
				}
				if err := section.GetByTestId("faults-generate").Click(); err != nil {
					t.Fatal(err)
				}
			}
			draw("-5")
			want := web.Fill(js.FaultsNeedWhole, map[string]string{"field": js.FaultsN,
				"min": "1"})
			if err := expect.Locator(section.GetByTestId("faults-population-error")).
				ToHaveText(want); err != nil {
				t.Errorf("-5 cases: %v", err)
			}
			draw("1")
			waitPopulation(t, section, 1)
			seed, _ := section.GetByTestId("faults-seed").InputValue()
			want = web.Fill(js.FaultsDrawnOne, map[string]string{"seed": seed})
			if got := text(t, section.GetByTestId("faults-population-count")); got != want {
				t.Errorf("one case drawn: %q, want %q", got, want)
			}
			// How the cases were drawn is said in the page's language too.
			model, _ := section.GetByTestId("faults-model").InputValue()
			var note string
			for _, s := range scoring.PopulationSpecs() {
				if slices.Contains(s.Models, model) {
					note = js.Models.T(s.Note)
				}
			}
			dist := section.GetByTestId("faults-distributions").Locator("p").First()
			if got := text(t, dist); note == "" || got != note {
				t.Errorf("population of %s described as %q, want %q", model, got, note)
			}
		})
	}
}
